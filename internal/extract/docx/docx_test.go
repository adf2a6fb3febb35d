package docx

import (
	"archive/zip"
	"bytes"
	"testing"
)

// A hand-made package: paragraphs, a table row, a tab, a field code
// skipped and its result kept, an empty paragraph giving no line.
func TestPartText(t *testing.T) {
	body := `<w:document xmlns:w="` + nsW + `"><w:body>
<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>
<w:p></w:p>
<w:p><w:r><w:t xml:space="preserve">Số: </w:t></w:r><w:r><w:tab/><w:t>5</w:t></w:r></w:p>
<w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>1</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tiêu chí</w:t></w:r></w:p><w:p><w:r><w:t>số</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>`
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create(PartDocument)
	w.Write([]byte(body))
	zw.Close()
	got, err := PartText(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if want := "KẾ HOẠCH\nSố: \t5\n1\nTT\tTiêu chí số\n"; got != want {
		t.Errorf("PartText = %q\nwant       %q", got, want)
	}
	if _, err := PartText([]byte("not a zip")); err == nil {
		t.Error("PartText accepted garbage")
	}
}
