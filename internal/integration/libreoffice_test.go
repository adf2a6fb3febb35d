//go:build integration

package integration

import (
	"path/filepath"
	"testing"
	"time"

	"kehoach/internal/testkit"
)

// csvFilter exports every sheet of a workbook to its own UTF-8 CSV file
// (token 12 = -1, LibreOffice ≥ 7.2).
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// job is one former LibreOffice test of another package. prepare writes its
// inputs into dir (under names that start with the job's own prefix, as all
// jobs share dir) and returns them and the check to run on what LibreOffice
// made of them.
type job struct {
	name    string // the former package and test
	csv     bool   // converted to CSV (every sheet) rather than PDF
	prepare func(t *testing.T, dir string) (files []string, check func(t *testing.T))
}

var jobs = []job{
	{name: "compose/TestAnnexDOCX", prepare: annexDOCX},
	{name: "compose/TestSixSourcesDOCX", prepare: sixSourcesDOCX},
	{name: "docx/TestLibreOffice", prepare: docxSample},
	{name: "xlsx/TestLibreOfficeCSV", csv: true, prepare: workbookCSV},
	{name: "xlsx/TestLibreOfficeNoHashes", prepare: workbookNoHashes},
	{name: "xlsx/TestLibreOfficeCorpusNoHashes", prepare: corpusNoHashes},
	{name: "build/TestDOCXOpensInLibreOffice", prepare: docxOpens},
	{name: "build/TestSignaturePageLibreOffice", prepare: signaturePages},
	{name: "build/TestReviewCopyLibreOffice", prepare: reviewCopy},
	{name: "build/TestElectronicLibreOffice", prepare: electronicDOCX},
}

// TestLibreOffice prepares the files of every job, converts them with one
// LibreOffice start, and runs each job's check as a subtest. A missing
// soffice skips it, or fails it under CI=1 (testkit.Missing).
func TestLibreOffice(t *testing.T) {
	testkit.Tool(t, "soffice", "libreoffice-writer-nogui libreoffice-calc-nogui")
	testkit.Tool(t, "pdftotext", "poppler-utils")
	testkit.Tool(t, "pdfinfo", "poppler-utils")
	dir := t.TempDir()
	checks := map[string]func(*testing.T){}
	var pdfs, csvs []string
	for _, j := range jobs {
		t.Run("prepare/"+j.name, func(t *testing.T) {
			files, check := j.prepare(t, dir)
			if len(files) == 0 {
				t.Fatal("no file to convert")
			}
			if j.csv {
				csvs = append(csvs, files...)
			} else {
				pdfs = append(pdfs, files...)
			}
			checks[j.name] = check
		})
	}
	profile := filepath.Join(dir, ".lo-profile")
	start := time.Now()
	testkit.SofficeWith(t, profile, dir, "pdf", pdfs...)
	t.Logf("soffice: %d files to PDF in %v (cold start)", len(pdfs), time.Since(start).Round(time.Millisecond))
	start = time.Now()
	testkit.SofficeWith(t, profile, dir, csvFilter, csvs...)
	t.Logf("soffice: %d files to CSV in %v (same profile, warm)", len(csvs), time.Since(start).Round(time.Millisecond))
	for _, j := range jobs {
		t.Run(j.name, func(t *testing.T) {
			check := checks[j.name]
			if check == nil {
				t.Fatalf("not prepared (see prepare/%s)", j.name)
			}
			t.Parallel()
			check(t)
		})
	}
}
