package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFileNames(t *testing.T) {
	tests := []struct {
		name              string
		yaml, commune     bool
		textSaved         string // the name it should have, "" when not saved as text
		candidate, asFile bool   // offered in a folder walk for plans, for fmt
	}{
		{"2025.yaml", true, false, "", true, true},
		{"2025.yml", true, false, "", true, true},
		{"2025.YAML", true, false, "", true, true},
		{"2025.Yml", true, false, "", true, true},
		{"plans/muong-khoa/2025.yaml", true, false, "", true, true},
		{`plans\muong-khoa\2025.yaml`, true, false, "", true, true},
		{"xa.yaml", true, true, "", false, true},
		{"Xa.yaml", true, true, "", false, true},
		{"XA.YML", true, true, "", false, true},
		{`plans\muong-khoa\Xa.Yaml`, true, true, "", false, true},
		{"chung-xa.yaml", true, false, "", true, true},
		{"bo-tieu-chi-tinh.yaml", true, false, "", false, false},
		{`plans\muong-khoa\Bo-Tieu-Chi-Lai-Chau.YML`, true, false, "", false, false},
		{"tieu-chi-tinh.yaml", true, false, "", true, true},
		{"2025.yaml.txt", false, false, "2025.yaml", true, true},
		{"2025.YML.TXT", false, false, "2025.YML", true, true},
		{"xa.yaml.txt", false, false, "xa.yaml", true, true},
		{"ghi-chu.txt", false, false, "", false, false},
		{".txt", false, false, "", false, false},
		{"2025.yaml.bak", false, false, "", false, false},
		{"2025.json", false, false, "", false, false},
		{"yaml", false, false, "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsYAMLName(tc.name); got != tc.yaml {
				t.Errorf("IsYAMLName = %v", got)
			}
			if got := IsCommuneName(tc.name); got != tc.commune {
				t.Errorf("IsCommuneName = %v", got)
			}
			if got, ok := TextSavedName(tc.name); got != tc.textSaved || ok != (tc.textSaved != "") {
				t.Errorf("TextSavedName = %q, %v", got, ok)
			}
			if got := IsPlanCandidate(tc.name, false); got != tc.candidate {
				t.Errorf("IsPlanCandidate(plans) = %v", got)
			}
			if got := IsPlanCandidate(tc.name, true); got != tc.asFile {
				t.Errorf("IsPlanCandidate(plans and commune files) = %v", got)
			}
		})
	}
}

// The xa key is a relative path with / or \ on every OS alike; absolute
// paths of any OS and files that are not YAML are refused.
func TestCommunePath(t *testing.T) {
	plan := filepath.Join("plans", "muong-khoa", "2025.yaml")
	tests := []struct {
		xa, want string // want "" = refused
	}{
		{"xa.yaml", filepath.Join("plans", "muong-khoa", "xa.yaml")},
		{"Xa.YML", filepath.Join("plans", "muong-khoa", "Xa.YML")},
		{`..\chung\xa.yaml`, filepath.Join("plans", "chung", "xa.yaml")},
		{"../chung/xa.yaml", filepath.Join("plans", "chung", "xa.yaml")},
		{`.\xa.yaml`, filepath.Join("plans", "muong-khoa", "xa.yaml")},
		{`..\..\..\..\x.yaml`, filepath.Join("..", "..", "x.yaml")},
		{`C:\Users\xa.yaml`, ""},
		{"c:xa.yaml", ""},
		{"D:/chung/xa.yaml", ""},
		{`\\may-chu\chung\xa.yaml`, ""},
		{`\chung\xa.yaml`, ""},
		{"/etc/xa.yaml", ""},
		{"../../../../etc/passwd", ""},
		{`..\..\Windows\win.ini`, ""},
		{"xa.yaml.txt", ""},
	}
	for _, tc := range tests {
		got, ok := CommunePath(plan, tc.xa)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("CommunePath(%q) = %q, %v; want %q", tc.xa, got, ok, tc.want)
		}
	}
}

// A plan given a commune file or a file Notepad saved as text is refused
// with advice; a commune file whose name differs in letter case from the
// xa key, or that Notepad saved as text, is named in the message.
func TestNameProblems(t *testing.T) {
	dir := t.TempDir()
	xa, err := os.ReadFile("testdata/xa.yaml")
	if err != nil {
		t.Fatal(err)
	}
	planText, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	caseSensitive := true
	if _, err := os.Stat(strings.ToUpper(write("probe", nil))); err == nil {
		caseSensitive = false
	}
	tests := []struct {
		name, plan string
		files      map[string][]byte
		want       string // the first error, after the file name
	}{
		{"commune file given as a plan", "a/XA.YML", map[string][]byte{"a/XA.YML": xa},
			":1:1: “XA.YML” là tệp xã (tên xã, các thôn, bản, đơn vị, cán bộ), không phải tệp kế hoạch; hãy chạy lệnh với tệp kế hoạch (ví dụ 2025.yaml) hoặc với thư mục của xã."},
		{"provincial set file given as a plan", "e/bo-tieu-chi-tinh.yaml", map[string][]byte{"e/bo-tieu-chi-tinh.yaml": []byte("ma: x\n")},
			":1:1: “bo-tieu-chi-tinh.yaml” là bộ tiêu chí của tỉnh (kế hoạch dùng nó qua khóa tieu_chi.bo_tinh), không phải tệp kế hoạch hay tệp xã; hãy chạy lệnh với tệp kế hoạch (ví dụ 2025.yaml) hoặc với thư mục của xã."},
		{"plan saved as text", "b/2025.yaml.txt", map[string][]byte{"b/2025.yaml.txt": planText, "b/xa.yaml": xa},
			":1:1: tên tệp có thêm đuôi “.txt” (Notepad thêm khi lưu với kiểu “Text Documents”) nên tệp này không được đọc như tệp YAML; hãy đổi tên tệp thành “2025.yaml” (nếu Explorer không hiện đuôi .txt: bật Xem → Phần mở rộng tên tệp, tức View → File name extensions; nếu đã có “2025.yaml” thì xóa tệp thừa này), và khi lưu bằng Notepad, ở ô Lưu dưới dạng (Save as type) chọn Tất cả các tệp (All files)."},
		{"commune file saved as text", "c/2025.yaml", map[string][]byte{"c/2025.yaml": planText, "c/xa.yaml.txt": xa},
			":1:5: không đọc được tệp xã “xa.yaml” (tệp không tồn tại; trong thư mục có tệp “xa.yaml.txt”: Notepad đã thêm đuôi .txt, hãy đổi tên thành “xa.yaml”); hãy kiểm tra tên tệp trong khóa xa."},
		{"commune file in another letter case", "d/2025.yaml", map[string][]byte{"d/2025.yaml": planText, "d/Xa.yaml": xa},
			":1:5: không đọc được tệp xã “xa.yaml” (tệp không tồn tại; trong thư mục có tệp “Xa.yaml”, khác ở chữ hoa, chữ thường (Windows không phân biệt nhưng Linux và máy kiểm tra tự động thì có): hãy ghi đúng “Xa.yaml” trong khóa xa); hãy kiểm tra tên tệp trong khóa xa."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.name, "letter case") && !caseSensitive {
				t.Skip("the file system ignores letter case: the file is found")
			}
			for n, b := range tc.files {
				write(n, b)
			}
			p := filepath.Join(dir, filepath.FromSlash(tc.plan))
			res, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) == 0 {
				t.Fatal("no error")
			}
			if got := res.Errors[0].Error(); got != p+tc.want {
				t.Errorf("got  %s\nwant %s", got, p+tc.want)
			}
		})
	}
}
