package docx

import (
	"os"
	"testing"

	"kehoach/internal/style"
)

// TestWriteSample writes the sample to $KEHOACH_DOCX_SAMPLE for inspection.
func TestWriteSample(t *testing.T) {
	t.Parallel()
	out := os.Getenv("KEHOACH_DOCX_SAMPLE")
	if out == "" {
		t.Skip("set KEHOACH_DOCX_SAMPLE=/path/out.docx to write the sample document")
	}
	b, err := Render(sampleDocument(), style.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
