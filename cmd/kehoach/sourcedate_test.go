package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// An out-of-range SOURCE_DATE_EPOCH is refused in Vietnamese (F-20): it
// wrote PDF dates such as D:-11990215141321 and a year-10000 DOCX date, and
// DOCX and PDF disagreed for negative values. In range, both formats write
// the same date.
func TestSourceDateEpochRange(t *testing.T) {
	root := t.TempDir()
	plan := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	for _, v := range []string{"-1", "-99999999999", "315532799", "4102444800", "253402300800", "9223372036854775807"} {
		t.Run(v, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", v)
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := runArgs("build", "-o", out, plan)
			if code != 2 || !strings.Contains(stderr, "SOURCE_DATE_EPOCH="+v+" nằm ngoài khoảng ngày văn bản ghi được") {
				t.Errorf("exit %d: %s", code, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("files were written")
			}
		})
	}
	for v, want := range map[string]string{"315532800": "1980-01-01T00:00:00Z", "4102444799": "2099-12-31T23:59:59Z", "1700000000": "2023-11-14T22:13:20Z"} {
		t.Run(v, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", v)
			out := filepath.Join(t.TempDir(), "out")
			if code, _, stderr := runArgs("build", "-o", out, plan); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			docx, err := os.ReadFile(filepath.Join(out, "ke-hoach-ntm-2025-muong-khoa.docx"))
			if err != nil {
				t.Fatal(err)
			}
			parts, _ := testkit.Unzip(t, docx)
			if core := string(parts["docProps/core.xml"]); !strings.Contains(core, ">"+want+"</dcterms:created>") {
				t.Errorf("DOCX created date is not %s: %s", want, core)
			}
			pdf, err := os.ReadFile(filepath.Join(out, "ke-hoach-ntm-2025-muong-khoa.pdf"))
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`/CreationDate \(D:(\d{14})`).FindSubmatch(pdf)
			digits := strings.NewReplacer("-", "", "T", "", ":", "", "Z", "").Replace(want)
			if m == nil || string(m[1]) != digits {
				t.Errorf("PDF creation date %q, want D:%s", m, digits)
			}
		})
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	runArgs("help") // puts the document date back for the other tests
}
