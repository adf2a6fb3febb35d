package limits

import (
	"reflect"
	"testing"
)

func TestRelationships(t *testing.T) {
	const ns = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	const office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	tests := []struct {
		name, dir, rels string
		want            []Rel
		styles          string
	}{
		{"relative to the part's folder", "word",
			`<Relationships ` + ns + `><Relationship Id="rId1" Type="` + office + `styles" Target="styles.xml"/>` +
				`<Relationship Id="rId2" Type="` + office + `numbering" Target="../word/./numbering.xml"/></Relationships>`,
			[]Rel{{"rId1", office + "styles", "word/styles.xml"}, {"rId2", office + "numbering", "word/numbering.xml"}}, "word/styles.xml"},
		{"absolute from the package root", "xl",
			`<Relationships ` + ns + `><Relationship Id="a" Type="` + office + `styles" Target="/xl/s.xml"/></Relationships>`,
			[]Rel{{"a", office + "styles", "xl/s.xml"}}, "xl/s.xml"},
		{"external and empty targets left out; the first of a type wins", "",
			`<Relationships ` + ns + `><Relationship Id="x" Type="` + office + `hyperlink" Target="http://a" TargetMode="External"/>` +
				`<Relationship Id="e" Type="` + office + `styles" Target=""/>` +
				`<Relationship Id="s1" Type="` + office + `styles" Target="word/one.xml"/>` +
				`<Relationship Id="s2" Type="` + office + `styles" Target="word/two.xml"/></Relationships>`,
			[]Rel{{"s1", office + "styles", "word/one.xml"}, {"s2", office + "styles", "word/two.xml"}}, "word/one.xml"},
		{"escaping the package stays inside it", "word",
			`<Relationships ` + ns + `><Relationship Id="u" Type="` + office + `styles" Target="../../../s.xml"/></Relationships>`,
			[]Rel{{"u", office + "styles", "s.xml"}}, "s.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Relationships([]byte(tt.rels), tt.dir, NewBudget())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if s := RelOfType(got, "/styles"); s != tt.styles {
				t.Errorf("RelOfType(/styles) = %q, want %q", s, tt.styles)
			}
		})
	}
	if _, err := Relationships([]byte(`<Relationships><Relationship`), "", NewBudget()); err == nil {
		t.Error("broken XML: no error")
	}
}
