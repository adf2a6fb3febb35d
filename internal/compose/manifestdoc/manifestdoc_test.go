package manifestdoc

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kehoach/internal/build"
	"kehoach/internal/manifest"
	"kehoach/internal/render/text"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
)

// sample is a manifest of three rows: two recipients and the archive.
func sample(draft bool) *manifest.Manifest {
	m := &manifest.Manifest{
		Agency:   "Ủy ban nhân dân xã Mường Khoa",
		Ref:      "Kế hoạch số 125/KH-UBND ngày 05/8/2025",
		TrichYeu: "Thực hiện Chương trình năm 2025",
		Draft:    draft,
		Date:     time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC),
		Rows: []manifest.Row{
			{STT: 1, NoiNhan: "Sở Nông nghiệp và Môi trường", GhiChu: "b/c", SoBan: 1},
			{STT: 2, NoiNhan: "Trưởng bản Hô Tra", SoBan: 3},
			{STT: 3, NoiNhan: "Lưu: VT, KT", SoBan: 2, Luu: true},
		},
	}
	if draft {
		m.Ref = "Kế hoạch số …/KH-UBND (dự thảo)"
	}
	return m
}

func TestDocument(t *testing.T) {
	prof := style.Default()
	for _, tc := range []struct {
		name  string
		draft bool
	}{
		{"draft", true},
		{"issued", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := sample(tc.draft)
			d := Document(m, prof)
			if len(d.Sections) != 1 || d.Sections[0].Page.Landscape || d.Sections[0].Page.Width != 210 {
				t.Errorf("page setup %+v, want A4 portrait", d.Sections[0].Page)
			}
			if d.Meta.Title != Title+" - "+m.Ref || !d.Meta.Date.Equal(m.Date) || d.Meta.Author != m.Agency {
				t.Errorf("properties %+v", d.Meta)
			}
			s := text.Render(d)
			lines := strings.Split(s, "\n")
			if got := strings.HasPrefix(s, "DỰ THẢO\n"); got != tc.draft {
				t.Errorf("DỰ THẢO mark %v, want %v", got, tc.draft)
			}
			for _, want := range []string{"ỦY BAN NHÂN DÂN XÃ MƯỜNG KHOA", Title, m.Ref, "V/v thực hiện Chương trình năm 2025",
				"STT | Nơi nhận | Ghi chú | Số bản | Ký nhận", "1 | Sở Nông nghiệp và Môi trường | b/c | 1 |  ", "2 | Trưởng bản Hô Tra |  | 3 |  ",
				" | Tổng số bản |  | 6 | ", "Tổng số bản cần in: 6 bản (gửi đi 4 bản, lưu 2 bản). Người nhận ký vào cột “Ký nhận” khi nhận văn bản."} {
				found := false
				for _, l := range lines {
					found = found || l == want
				}
				if !found {
					t.Errorf("document lacks the line %q:\n%s", want, s)
				}
			}
		})
	}
}

// The manifest prints through the render stack as the plan does
// (build.Render): every row reads across, and the bytes are the same
// twice.
func TestPDF(t *testing.T) {
	prof := style.Default()
	m := sample(false)
	b, err := build.Render("pdf", Document(m, prof), prof, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	path := filepath.Join(t.TempDir(), "so.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	got := testkit.Words(testkit.PDFText(t, path))
	for _, want := range []string{"SỔ PHÁT HÀNH VĂN BẢN", "Kế hoạch số 125/KH-UBND ngày 05/8/2025", "Ký nhận", "Tổng số bản"} {
		if !strings.Contains(got, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	layout := testkit.Words(testkit.PDFText(t, path, "-layout"))
	for _, want := range []string{"STT Nơi nhận Ghi chú Số bản Ký nhận", "1 Sở Nông nghiệp và Môi trường b/c 1", "2 Trưởng bản Hô Tra 3", "Tổng số bản 6"} {
		if !strings.Contains(layout, want) {
			t.Errorf("PDF layout text lacks the row %q", want)
		}
	}
	again, err := build.Render("pdf", Document(m, prof), prof, nil)
	if err != nil || !bytes.Equal(b, again) {
		t.Errorf("two renderings differ (%v)", err)
	}
}
