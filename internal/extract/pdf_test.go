package extract

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/pdf"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	renderdocx "kehoach/internal/render/docx"
	renderpdf "kehoach/internal/render/pdf"
	"kehoach/internal/testkit"
)

// rendered is the 2025 plan of Mường Khoa as kehoach writes it.
type rendered struct {
	docx, pdf []byte
	pages     int
}

// realCache holds the unchanged plan's documents, rendered once.
var realCache struct {
	sync.Mutex
	r *rendered
}

// render composes the 2025 plan, changed by edit (which may be nil), and
// writes it as DOCX and PDF.
func render(t testing.TB, edit func(*plan.Plan)) rendered {
	t.Helper()
	res, err := plan.Load(filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("the 2025 plan does not load: %v", res.Errors)
	}
	if edit != nil {
		edit(res.Plan)
	}
	d, err := compose.Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	var out rendered
	if out.docx, err = renderdocx.Render(d, plantest.Profile(t, res)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := renderpdf.Write(&buf, d, plantest.Profile(t, res), fonts.Bundled()); err != nil {
		t.Fatal(err)
	}
	out.pdf = buf.Bytes()
	pages, err := layout.Layout(d, plantest.Profile(t, res), fonts.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	out.pages = len(pages)
	return out
}

// realDocs renders the unchanged plan once for all tests.
func realDocs(t testing.TB) rendered {
	t.Helper()
	realCache.Lock()
	defer realCache.Unlock()
	if realCache.r == nil {
		r := render(t, nil)
		realCache.r = &r
	}
	return *realCache.r
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var pageMark = regexp.MustCompile(`(?m)^--- trang \d+ ---$`)

// TestPDFText reads the PDF kehoach writes for the 2025 plan: one mark per
// page, the heading's two columns on one line, the text in reading order,
// stable from run to run.
func TestPDFText(t *testing.T) {
	r := realDocs(t)
	path := writeTemp(t, "ke-hoach.pdf", r.pdf)
	got, err := Text(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pageMark.FindAllString(got, -1)); n != r.pages {
		t.Errorf("%d page marks, want %d pages", n, r.pages)
	}
	again, _ := Text(path)
	if again != got {
		t.Error("two extractions differ")
	}
	lines := strings.Split(got, "\n")
	for _, want := range []string{
		"--- trang 1 ---",
		"DỰ THẢO",
		"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"XÃ MƯỜNG KHOA | Độc lập - Tự do - Hạnh phúc",
		"KẾ HOẠCH",
		"Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025",
		"trên địa bàn xã Mường Khoa",
		"I. MỤC TIÊU",
		"+ Thu nhập bình quân đầu người đạt ≥ 54 triệu đồng/năm.",
		"--- trang 2 ---",
		"- Lưu: VT, KT.",
	} {
		found := false
		for _, l := range lines {
			if l == want {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no line %q in:\n%.1500s", want, got)
		}
	}
	if strings.Contains(got, "\u00a0") || strings.Contains(got, "\uFFFD") {
		t.Error("no-break spaces or unmapped glyphs left in the text")
	}
	// Reading order: the heading before the body, part I before part II.
	order := []string{"KẾ HOẠCH", "Căn cứ Quyết định số 263/QĐ-TTg", "I. MỤC TIÊU", "II. NỘI DUNG, NHIỆM VỤ THỰC HIỆN", "Nơi nhận:"}
	last := -1
	for _, w := range order {
		i := strings.Index(got, w)
		if i < last {
			t.Errorf("%q comes before the text preceding it", w)
		}
		last = i
	}

	// Word for word the same as poppler's pdftotext -raw (content order).
	t.Run("pdftotext", func(t *testing.T) {
		poppler := testkit.PDFText(t, path, "-raw")
		ours := strings.ReplaceAll(pageMark.ReplaceAllString(got, ""), " | ", " ")
		testkit.SameWords(t, "kehoach text vs pdftotext -raw", testkit.Words(poppler), testkit.Words(ours))
	})
}

// TestPDFBrokenGivesErrors: truncated, garbled and foreign PDFs give the
// Vietnamese error, never a panic or a silent empty text.
func TestPDFBrokenGivesErrors(t *testing.T) {
	good := realDocs(t).pdf
	trailer := bytes.LastIndex(good, []byte("trailer"))
	firstStream := bytes.Index(good, []byte("stream\n")) + len("stream\n")
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "không bắt đầu bằng “%PDF-”"},
		{"not a PDF", []byte("<html>hello</html>"), "không bắt đầu bằng “%PDF-”"},
		{"header only", []byte("%PDF-1.3\n"), "trailer"},
		{"cut at 10%", good[:len(good)/10], "trailer"},
		{"cut at half", good[:len(good)/2], "trailer"},
		{"cut before the trailer", good[:trailer], "trailer"},
		{"no root", bytes.Replace(good, []byte("/Root"), []byte("/Roos"), 1), "/Root"},
		{"no page tree", bytes.Replace(good, []byte("/Pages 1 0 R"), []byte("/Pages 999 0 R"), 1), "/Pages"},
		{"garbled content stream", garble(good, firstStream+10, 40), "luồng nén hỏng"},
		{"no ToUnicode", bytes.ReplaceAll(good, []byte("/ToUnicode"), []byte("/ToUnicodX")), "ToUnicode"},
		{"unknown filter", bytes.Replace(good, []byte("/Filter /FlateDecode"), []byte("/Filter /LZWDecode   "), 1), "LZWDecode"},
		{"xref stream (PDF 1.5)", xrefStreamPDF, "trailer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeTemp(t, "x.pdf", c.data)
			s, err := Text(path)
			if err == nil {
				t.Fatalf("no error; text %.200q", s)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, path+": không đọc được tệp PDF: ") || !strings.HasSuffix(msg, "; lệnh text chỉ đọc PDF do kehoach tạo.") {
				t.Errorf("message %q is not the Vietnamese PDF error", msg)
			}
			if !strings.Contains(msg, c.want) {
				t.Errorf("message %q does not mention %q", msg, c.want)
			}
		})
	}
}

// garble overwrites n bytes at off with a fixed pattern.
func garble(b []byte, off, n int) []byte {
	out := bytes.Clone(b)
	for i := off; i < off+n && i < len(out); i++ {
		out[i] = byte(i*7 + 3)
	}
	return out
}

// xrefStreamPDF is a tiny PDF 1.5 without a classic trailer.
var xrefStreamPDF = []byte("%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /XRef /Size 3 /Root 1 0 R /W [1 1 1] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n")

// simplePDF is a hand-written PDF with a standard font and WinAnsi strings
// (Tj, TJ with a kerning number, an octal escape, a second text object).
func simplePDF() []byte {
	content := "BT /F1 12 Tf 72 712 Td (Hello) Tj ( world) Tj 0 -20 Td [(Caf) 0 (\\351)] TJ ET\nBT /F1 12 Tf 72 692 Td 300 0 Td (far) Tj ET"
	var b bytes.Buffer
	b.WriteString("%PDF-1.3\n")
	b.WriteString("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	b.WriteString("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >> endobj\n")
	b.WriteString("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n")
	b.WriteString("4 0 obj << /Length " + strconv.Itoa(len(content)) + " >>\nstream\n" + content + "\nendstream\nendobj\n")
	b.WriteString("5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> endobj\n")
	b.WriteString("trailer << /Root 1 0 R /Size 6 >>\n%%EOF\n")
	return b.Bytes()
}

// TestPDFForeignSimple: a PDF not written by fpdf, with a simple font,
// also reads (the reader is not tied to fpdf's byte layout); words on one
// baseline join, a wide gap becomes " | ".
func TestPDFForeignSimple(t *testing.T) {
	got, err := pdfText(simplePDF())
	if err != nil {
		t.Fatal(err)
	}
	want := "--- trang 1 ---\nHello world\nCafé | far\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPDFMutationsNeverPanic feeds hundreds of damaged copies of a real
// PDF (bytes changed, runs zeroed, cut, chunks repeated) to the reader:
// each gives text or an error, never a panic; cuts before the trailer
// always give an error.
func TestPDFMutationsNeverPanic(t *testing.T) {
	good := realDocs(t).pdf
	trailer := bytes.LastIndex(good, []byte("trailer"))
	rng := rand.New(rand.NewSource(1))
	n := 300
	if testing.Short() {
		n = 60
	}
	for i := 0; i < n; i++ {
		b := bytes.Clone(good)
		kind := i % 4
		switch kind {
		case 0: // random bytes
			for k := 0; k < 1+rng.Intn(20); k++ {
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
			}
		case 1: // a zeroed run
			off := rng.Intn(len(b))
			for k := off; k < min(len(b), off+rng.Intn(500)); k++ {
				b[k] = 0
			}
		case 2: // cut before the trailer
			b = b[:rng.Intn(trailer)]
		case 3: // a chunk repeated
			off := rng.Intn(len(b))
			end := min(len(b), off+rng.Intn(2000))
			b = append(b[:end:end], b[off:]...)
		}
		s, err := pdfText(b)
		if kind == 2 && err == nil {
			t.Fatalf("mutation %d: a PDF cut at %d bytes (before the trailer) gave text %.100q", i, len(b), s)
		}
	}
}

// pdfText reads a PDF as kehoach text does, without the recover of
// textOf (a panic fails the test); a text cut at a budget is no error.
func pdfText(data []byte) (string, error) {
	out := &limits.Output{}
	if err := pdf.Text(data, out, limits.NewBudget()); err != nil && !limits.IsCut(err) {
		return "", err
	}
	return out.Text(), nil
}

// FuzzPDFText: the reader never panics, whatever the bytes, and stays
// within its bounds (fuzzRead).
func FuzzPDFText(f *testing.F) {
	good := realDocs(f).pdf
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(xrefStreamPDF)
	f.Add(simplePDF())
	f.Add([]byte("%PDF-1.3\ntrailer << /Root 1 0 R >>\n1 0 obj << /Pages 1 0 R /Kids [1 0 R] >> endobj"))
	hostileSeeds(f, "p11-esc-tounicode.pdf", "p06-inline-images.pdf", "p07-tounicode-amplify.pdf", "p18-page-loop.pdf")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, pdf.Text, data) })
}

// TestPDFCycles: page trees and references that loop, and content streams
// that cannot be read, are errors that say which.
func TestPDFCycles(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"page tree that holds itself",
			"%PDF-1.3\n1 0 obj << /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] >> endobj\ntrailer << /Root 1 0 R >>",
			"cây trang lặp vòng"},
		{"references that loop",
			"%PDF-1.3\n1 0 obj << /Pages 2 0 R >> endobj\n2 0 obj 3 0 R endobj\n3 0 obj 2 0 R endobj\ntrailer << /Root 1 0 R >>",
			"không tìm thấy cây trang (/Pages)"},
		// The unclosed arrays after ET are tolerated; the text shown
		// before any Tf is not.
		{"text before a font",
			"%PDF-1.3\n1 0 obj << /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] >> endobj\n3 0 obj << /Type /Page /Contents 4 0 R >> endobj\n4 0 obj << /Length 20 >>\nstream\nBT (x) Tj ET [[[[[[\nendstream endobj\ntrailer << /Root 1 0 R >>",
			"trang 1: chữ được vẽ khi chưa chọn phông (Tf)"},
		{"arrays nested too deep",
			"%PDF-1.3\n1 0 obj << /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] >> endobj\n3 0 obj << /Type /Page /Contents 4 0 R >> endobj\n4 0 obj << /Length 11 >>\nstream\n" + strings.Repeat("[", 10000) + "\nendstream endobj\ntrailer << /Root 1 0 R >>",
			"trang 1: luồng nội dung hỏng: cấu trúc lồng nhau quá sâu (hơn 256 cấp)"},
	}
	for _, tc := range tests {
		s, err := pdfText([]byte(tc.src))
		if err == nil {
			t.Errorf("%s: no error, text %q", tc.name, s)
		} else if err.Error() != tc.want {
			t.Errorf("%s: error %q, want %q", tc.name, err, tc.want)
		}
	}
}

// BenchmarkPDFText measures reading the 2025 plan's PDF (about 10 ms).
func BenchmarkPDFText(b *testing.B) {
	data := realDocs(b).pdf
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := pdfText(data); err != nil {
			b.Fatal(err)
		}
	}
}
