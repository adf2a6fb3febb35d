package record_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/render/record"
	"kehoach/internal/testkit"
)

var (
	full = doc.Record{
		TypeName: "Kế hoạch", CodeNumber: "05", CodeNotation: "KH-UBND",
		IssuedDate: time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC),
		OrganName:  "Ủy ban nhân dân xã Mường Khoa",
		Subject:    "Thực hiện Chương trình <MTQG> & “NTM” năm 2025",
		Language:   "Tiếng Việt", PageAmount: 14, Description: "Ghi chú",
		SignerInfo: doc.SignerInfo{Position: "Phó Chủ tịch", FullName: "Lò Văn Minh"},
		To:         []doc.Recipient{{OrganID: "000.00.00.H37", OrganName: "Sở Nông nghiệp và Môi trường"}, {OrganName: "Trưởng bản Hô Tra"}},
		Priority:   1, IssuedAmount: 26, DueDate: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC),
	}
	// sparse is an electronic document before signing: no number, no date.
	sparse = doc.Record{TypeName: "Kế hoạch", CodeNotation: "KH-UBND", OrganName: "Ủy ban nhân dân xã Mường Khoa", Subject: "S", Language: "Tiếng Việt", PageAmount: 3}
)

func write(t *testing.T, r doc.Record) (x, j []byte) {
	t.Helper()
	var bx, bj bytes.Buffer
	if err := record.WriteXML(&bx, r); err != nil {
		t.Fatal(err)
	}
	if err := record.WriteJSON(&bj, r); err != nil {
		t.Fatal(err)
	}
	return bx.Bytes(), bj.Bytes()
}

func TestGolden(t *testing.T) {
	for name, r := range map[string]doc.Record{"full": full, "sparse": sparse} {
		x, j := write(t, r)
		testkit.Golden(t, filepath.Join("testdata", name+".xml"), x, *testkit.Update)
		testkit.Golden(t, filepath.Join("testdata", name+".json"), j, *testkit.Update)
	}
}

// node is any XML element, for reading the output back.
type node struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
	Kids    []node `xml:",any"`
}

// fields flattens the elements below the root as path → texts.
func fields(n node, prefix string, out map[string][]string) {
	for _, k := range n.Kids {
		p := prefix + k.XMLName.Local
		if len(k.Kids) > 0 {
			fields(k, p+".", out)
			continue
		}
		out[p] = append(out[p], k.Text)
	}
}

// The XML has every field of Phụ lục VI's table in its order, values
// escaped and read back as written; unknown values are empty elements.
func TestXMLFields(t *testing.T) {
	order := []string{"TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName", "Subject", "Language", "PageAmount", "Description", "SignerInfo", "To", "To", "Priority", "IssuedAmount", "DueDate"}
	x, _ := write(t, full)
	var root node
	if err := xml.Unmarshal(x, &root); err != nil {
		t.Fatal(err)
	}
	if root.XMLName.Local != record.Root {
		t.Errorf("root %q", root.XMLName.Local)
	}
	var got []string
	for _, k := range root.Kids {
		got = append(got, k.XMLName.Local)
	}
	if strings.Join(got, " ") != strings.Join(order, " ") {
		t.Errorf("elements %v, want %v", got, order)
	}
	f := map[string][]string{}
	fields(root, "", f)
	want := map[string]string{
		"TypeName": "Kế hoạch", "CodeNumber": "05", "CodeNotation": "KH-UBND", "IssuedDate": "2025-08-05",
		"OrganName": "Ủy ban nhân dân xã Mường Khoa", "Subject": "Thực hiện Chương trình <MTQG> & “NTM” năm 2025",
		"Language": "Tiếng Việt", "PageAmount": "14", "Description": "Ghi chú", "SignerInfo.Position": "Phó Chủ tịch",
		"SignerInfo.FullName": "Lò Văn Minh", "To.OrganId": "000.00.00.H37|", "To.OrganName": "Sở Nông nghiệp và Môi trường|Trưởng bản Hô Tra",
		"Priority": "1", "IssuedAmount": "26", "DueDate": "2025-09-01",
	}
	for k, v := range want {
		if g := strings.Join(f[k], "|"); g != v {
			t.Errorf("%s = %q, want %q", k, g, v)
		}
	}
	x, _ = write(t, sparse)
	root = node{}
	if err := xml.Unmarshal(x, &root); err != nil {
		t.Fatal(err)
	}
	f = map[string][]string{}
	fields(root, "", f)
	for _, k := range []string{"CodeNumber", "IssuedDate", "Description", "Priority", "IssuedAmount", "DueDate", "SignerInfo.Position"} {
		if len(f[k]) != 1 || f[k][0] != "" {
			t.Errorf("sparse %s = %q, want one empty element", k, f[k])
		}
	}
	if _, ok := f["To.OrganName"]; ok {
		t.Errorf("sparse record has recipients %q", f["To.OrganName"])
	}
}

// The JSON has the same names, numbers as numbers and unknown values null.
func TestJSONFields(t *testing.T) {
	_, j := write(t, full)
	var m map[string]any
	if err := json.Unmarshal(j, &m); err != nil {
		t.Fatal(err)
	}
	if m["PageAmount"] != 14.0 || m["IssuedAmount"] != 26.0 || m["IssuedDate"] != "2025-08-05" || m["Subject"] != full.Subject {
		t.Errorf("full: %v", m)
	}
	to := m["To"].([]any)
	if len(to) != 2 || to[1].(map[string]any)["OrganId"] != nil || to[0].(map[string]any)["OrganId"] != "000.00.00.H37" {
		t.Errorf("To %v", to)
	}
	_, j = write(t, sparse)
	m = nil
	if err := json.Unmarshal(j, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"CodeNumber", "IssuedDate", "Description", "Priority", "IssuedAmount", "DueDate"} {
		if v, ok := m[k]; !ok || v != nil {
			t.Errorf("sparse %s = %v (present %v), want null", k, v, ok)
		}
	}
	if to, ok := m["To"].([]any); !ok || len(to) != 0 {
		t.Errorf("sparse To = %v, want []", m["To"])
	}
}

// Both records validate against schema/van-ban-di.xsd (the lengths of
// Phụ lục VI); a Subject longer than its 500 characters does not.
func TestSchema(t *testing.T) {
	xmllint := testkit.Tool(t, "xmllint", "libxml2-utils")
	xsd := filepath.Join(testkit.RepoRoot(t), "schema", "van-ban-di.xsd")
	long := sparse
	long.Subject = strings.Repeat("ă", 501)
	for _, tc := range []struct {
		name string
		r    doc.Record
		ok   bool
	}{{"full", full, true}, {"sparse", sparse, true}, {"long subject", long, false}} {
		x, _ := write(t, tc.r)
		path := filepath.Join(t.TempDir(), "r.xml")
		if err := os.WriteFile(path, x, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", xsd, path).CombinedOutput()
		if (err == nil) != tc.ok {
			t.Errorf("%s: xmllint valid=%v, want %v:\n%s", tc.name, err == nil, tc.ok, out)
		}
	}
}
