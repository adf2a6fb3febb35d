package diag

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDiagnosticError(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"position", Diagnostic{File: "a.yaml", Pos: Pos{3, 7}, Msg: "thiếu khóa nam."}, "a.yaml:3:7: thiếu khóa nam."},
		{"whole file", Diagnostic{File: "a.yaml", Msg: "tệp rỗng."}, "a.yaml: tệp rỗng."},
		{"no place", Diagnostic{Msg: "dấu “*” chưa đóng."}, "dấu “*” chưa đóng."},
		{"rule and hint", Diagnostic{File: "a.yaml", Pos: Pos{1, 2}, Rule: "khoang-trang", Msg: "có 2 khoảng trắng liền nhau", Hint: "chỉ để một khoảng trắng"},
			"a.yaml:1:2: [khoang-trang] có 2 khoảng trắng liền nhau — gợi ý: chỉ để một khoảng trắng"},
		{"full stop before a hint", Diagnostic{File: "a.pdf", Msg: "trang 7: chữ bị cắt.", Hint: "xem trang này trước khi in"}, "a.pdf: trang 7: chữ bị cắt — gợi ý: xem trang này trước khi in"},
		{"warning", Diagnostic{File: "a.yaml", Pos: Pos{9, 1}, Severity: Warning, Msg: "căn cứ chưa đối chiếu."}, "a.yaml:9:1: căn cứ chưa đối chiếu. (cảnh báo)"},
		{"warning with rule", Diagnostic{File: "out/a.pdf", Severity: Warning, Rule: "cot-hep", Msg: "cột hẹp", Hint: "xem trang này trước khi in"},
			"out/a.pdf: [cot-hep] cột hẹp — gợi ý: xem trang này trước khi in (cảnh báo)"},
	} {
		if got := tc.d.Error(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSort(t *testing.T) {
	t.Parallel()
	l := List{
		{File: "b.yaml", Pos: Pos{1, 1}, Msg: "1"},
		{File: "a.yaml", Pos: Pos{10, 2}, Msg: "2"},
		{File: "a.yaml", Pos: Pos{2, 30}, Msg: "3"},
		{File: "a.yaml", Pos: Pos{2, 4}, Msg: "4"},
		{File: "a.yaml", Pos: Pos{10, 2}, Msg: "5"}, // same place as 2: stays after it
		{File: "a.yaml", Msg: "6"},                  // whole file: first
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Msg)
	}
	if s := strings.Join(got, " "); s != "6 4 3 2 5 1" {
		t.Errorf("order %s, want 6 4 3 2 5 1", s)
	}
}

func TestErr(t *testing.T) {
	t.Parallel()
	e := &Diagnostic{File: "a.yaml", Pos: Pos{1, 1}, Msg: "lỗi"}
	w := &Diagnostic{File: "a.yaml", Pos: Pos{2, 1}, Msg: "chú ý", Severity: Warning}
	for _, tc := range []struct {
		name string
		l    List
		want string // "" for nil
	}{
		{"empty", nil, ""},
		{"warnings only", List{w}, ""},
		{"errors and warnings", List{w, e, w}, "a.yaml:1:1: lỗi"},
		{"two errors", List{e, e}, "a.yaml:1:1: lỗi\na.yaml:1:1: lỗi"},
	} {
		err := tc.l.Err()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: Err() = %v, want nil", tc.name, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("%s: Err() = %v, want %q", tc.name, err, tc.want)
		case err != nil && !IsRefusal(err):
			t.Errorf("%s: Err() is not a refusal", tc.name)
		}
	}
}

func TestPrint(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	l := List{
		{File: "a.yaml", Pos: Pos{1, 1}, Msg: "một."},
		{File: "a.yaml", Pos: Pos{2, 5}, Severity: Warning, Rule: "ngoac-kep", Msg: "ngoặc kép thẳng", Hint: "viết “ ”"},
	}
	if err := l.Print(&b); err != nil {
		t.Fatal(err)
	}
	want := "a.yaml:1:1: một.\na.yaml:2:5: [ngoac-kep] ngoặc kép thẳng — gợi ý: viết “ ” (cảnh báo)\n"
	if b.String() != want {
		t.Errorf("Print wrote %q, want %q", b.String(), want)
	}
	if got := l.Error(); got != strings.TrimSuffix(want, "\n") {
		t.Errorf("Error() = %q, want the printed lines", got)
	}
}

func TestRefusal(t *testing.T) {
	t.Parallel()
	r := &Refusal{Msg: "kế hoạch còn 1 lỗi.", Details: List{{File: "a.yaml", Pos: Pos{4, 2}, Msg: "thiếu nam."}}}
	if got, want := r.Error(), "kế hoạch còn 1 lỗi.\na.yaml:4:2: thiếu nam."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{r, true},
		{fmt.Errorf("ban hành: %w", Refuse("đã ban hành số %d.", 125)), true},
		{List{{Msg: "x"}}, true},
		{os.ErrNotExist, false},
		{errors.New("đĩa đầy"), false},
		{nil, false},
	} {
		if got := IsRefusal(tc.err); got != tc.want {
			t.Errorf("IsRefusal(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
	if got := Refuse("đã ban hành số %d.", 125).Error(); got != "đã ban hành số 125." {
		t.Errorf("Refuse: %q", got)
	}
}

func TestCapped(t *testing.T) {
	t.Parallel()
	mk := func(n int, s Severity) List {
		var l List
		for i := 1; i <= n; i++ {
			l = append(l, &Diagnostic{File: "a.yaml", Pos: Pos{i, 1}, Severity: s, Msg: fmt.Sprint(i)})
		}
		return l
	}
	for _, tc := range []struct {
		name string
		l    List
		n    int
		last string // the last line, "" when the list is kept whole
	}{
		{"under the cap", mk(3, Error), 3, ""},
		{"errors", mk(5, Error), 2, "a.yaml:3:1: … và 3 lỗi khác từ dòng 3 trở đi; hãy sửa các lỗi trên rồi chạy lại để xem tiếp."},
		{"warnings", mk(4, Warning), 3, "a.yaml:4:1: … và 1 cảnh báo khác từ dòng 4 trở đi; hãy sửa các cảnh báo trên rồi chạy lại để xem tiếp. (cảnh báo)"},
	} {
		got := tc.l.Capped(tc.n)
		if tc.last == "" {
			if len(got) != len(tc.l) {
				t.Errorf("%s: %d diagnostics kept of %d", tc.name, len(got), len(tc.l))
			}
			continue
		}
		if len(got) != tc.n+1 || got[tc.n].Error() != tc.last || got[tc.n-1] != tc.l[tc.n-1] {
			t.Errorf("%s: got\n%s\nwant %d kept and then %q", tc.name, got, tc.n, tc.last)
		}
		if got[tc.n].Severity != tc.l[0].Severity {
			t.Errorf("%s: the count has severity %v", tc.name, got[tc.n].Severity)
		}
	}
}
