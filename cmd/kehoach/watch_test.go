package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kehoach/internal/fileset"
	"kehoach/internal/testkit"
)

// newTestWatcher watches the folder of plan, building in this process into
// out, with a clock that moves one second at each reading.
func newTestWatcher(t *testing.T, root, plan, out string, o, e *bytes.Buffer) *watcher {
	t.Helper()
	w := newWatcher([]string{filepath.Dir(plan)}, out, o, e)
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	w.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	w.build = func(plans []string) int { return run(append([]string{"build", "-o", out}, plans...), o, e) }
	w.templates = filepath.Join(root, "templates")
	if err := os.MkdirAll(w.templates, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(w.templates, "ke-hoach.tmpl"), []byte("mẫu"), 0o644); err != nil {
		t.Fatal(err)
	}
	return w
}

func editFile(t *testing.T, path, from, to string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), from, to, 1)
	if s == string(b) {
		t.Fatalf("%s lacks %q", path, from)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// kehoach watch, one poll at a time: a save is built once the files kept
// still for a poll, with a timestamped line before and after and the
// build's diagnostics between; a plan error, a PDF held open (simulated) and
// a copy beside the plan are said and leave the outputs alone; the next save
// after closing the PDF builds; a commune file, a template and Enter rebuild;
// a folder left without plans is said once.
func TestWatch(t *testing.T) {
	root := t.TempDir()
	plan := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	xa := filepath.Join(filepath.Dir(plan), "xa.yaml")
	out := filepath.Join(root, "out")
	pdf := filepath.Join(out, "ke-hoach-ntm-2025-muong-khoa.pdf")
	var o, e bytes.Buffer
	w := newTestWatcher(t, root, plan, out, &o, &e)

	steps := []struct {
		name    string
		act     func(t *testing.T)
		polls   int  // polls after act; the last one builds
		force   bool // the last poll is Enter
		stdout  []string
		stderr  []string
		written bool // the PDF is a new file
	}{
		{"first poll builds", nil, 1, false,
			[]string{"── 09:00:01 ── dựng 1 kế hoạch lần đầu\n", plan + " → " + pdf, "── 09:00:02 ── xong. Đang chờ lần lưu sau…\n"}, nil, true},
		{"nothing saved", nil, 2, false, nil, nil, false},
		{"the plan saved", func(t *testing.T) { editFile(t, plan, "có 88% hộ", "có 89% hộ") }, 2, false,
			[]string{"dựng 1 kế hoạch vì đã lưu " + plan + "\n", plan + " → " + pdf, "xong."}, nil, true},
		{"an error in the plan", func(t *testing.T) { editFile(t, plan, "nam: 2025", "nam: hai") }, 2, false,
			[]string{"kế hoạch còn lỗi (xem ở trên), chưa tạo văn bản; hãy sửa rồi lưu lại.\n"},
			[]string{plan + ": 1 lỗi, không tạo văn bản.\n"}, false},
		{"fixed while a reader holds the PDF open", func(t *testing.T) {
			holdOpen(t, ".pdf")
			editFile(t, plan, "nam: hai", "nam: 2025")
		}, 2, false,
			[]string{"chưa ghi được văn bản (xem ở trên); kehoach sẽ thử lại khi tệp được lưu lần sau, hoặc nhấn Enter để thử ngay.\n"},
			[]string{"không ghi được " + pdf + ": tệp đang mở trong chương trình khác (Word, Excel hay trình đọc PDF); hãy đóng tệp đó rồi chạy lại. Các tệp khác của kế hoạch này vẫn là bản cũ, chưa bị thay.\n"}, false},
		{"the PDF closed, the plan saved again", func(t *testing.T) {
			fileset.Rename = os.Rename
			editFile(t, plan, "có 89% hộ", "có 87% hộ")
		}, 2, false, []string{"vì đã lưu " + plan + "\n", "xong."}, nil, true},
		{"the commune file saved", func(t *testing.T) { editFile(t, xa, "ma: muong-khoa", "ma: muong-khoa # mã xã") }, 2, false,
			[]string{"vì đã lưu " + xa + "\n", "xong."}, nil, true},
		{"a template saved", func(t *testing.T) {
			os.WriteFile(filepath.Join(w.templates, "ke-hoach.tmpl"), []byte("mẫu đã sửa"), 0o644)
		}, 2, false, []string{"vì đã lưu " + filepath.Join(w.templates, "ke-hoach.tmpl") + "\n", "xong."}, nil, true},
		{"Enter", nil, 1, true, []string{"dựng 1 kế hoạch theo yêu cầu (Enter)\n", "xong."}, nil, true},
		{"a copy beside the plan", func(t *testing.T) {
			b, _ := os.ReadFile(plan)
			os.WriteFile(filepath.Join(filepath.Dir(plan), "2025 - Copy.yaml"), b, 0o644)
		}, 2, false,
			[]string{"dựng 2 kế hoạch vì đã lưu " + filepath.Join(filepath.Dir(plan), "2025 - Copy.yaml"), "kế hoạch còn lỗi"},
			[]string{"kế hoạch này và " + plan + " cùng là kế hoạch năm 2025 của xã “muong-khoa”", plan + ": 1 lỗi, không tạo văn bản.\n"}, false},
		{"every plan removed", func(t *testing.T) {
			os.Remove(plan)
			os.Remove(filepath.Join(filepath.Dir(plan), "2025 - Copy.yaml"))
		}, 1, false, nil, []string{"kehoach watch: không có tệp kế hoạch nào (*.yaml, *.yml) để xử lý; đang chờ…\n"}, false},
		{"said once", nil, 1, false, nil, nil, false},
	}
	var before os.FileInfo
	for _, st := range steps {
		if t.Failed() {
			break
		}
		t.Run(st.name, func(t *testing.T) {
			if st.act != nil {
				st.act(t)
			}
			for i := 0; i < st.polls; i++ {
				o.Reset()
				e.Reset()
				w.poll(st.force && i == st.polls-1)
				if i < st.polls-1 && o.Len()+e.Len() > 0 {
					t.Errorf("poll %d of %d printed (a save is built once the files keep still):\n%s%s", i+1, st.polls, o.String(), e.String())
				}
			}
			if len(st.stdout)+len(st.stderr) == 0 && o.Len()+e.Len() > 0 {
				t.Errorf("printed although nothing changed:\n%s%s", o.String(), e.String())
			}
			for _, want := range st.stdout {
				if !strings.Contains(o.String(), want) {
					t.Errorf("stdout lacks %q:\n%s", want, o.String())
				}
			}
			for _, want := range st.stderr {
				if !strings.Contains(e.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, e.String())
				}
			}
			now, err := os.Stat(pdf)
			if err != nil {
				t.Fatal(err)
			}
			if written := before == nil || !os.SameFile(before, now); written != st.written {
				t.Errorf("PDF written: %v, want %v", written, st.written)
			}
			before = now
		})
	}
}

// run: Ctrl+C (the context ends) stops the watch cleanly with status 0
// after the first build.
func TestWatchRunStops(t *testing.T) {
	root := t.TempDir()
	plan := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	var o, e bytes.Buffer
	w := newTestWatcher(t, root, plan, filepath.Join(root, "out"), &o, &e)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if st := w.run(ctx, nil, nil); st != 0 {
		t.Errorf("status %d", st)
	}
	for _, want := range []string{"kehoach watch: theo dõi 1 kế hoạch", "Ctrl+C để dừng", "dựng 1 kế hoạch lần đầu", "xong.", "Đã dừng theo dõi.\n"} {
		if !strings.Contains(o.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, o.String())
		}
	}
}

// Usage errors end kehoach watch at once with status 2.
func TestWatchUsage(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"watch", "khong-co.yaml"}, "kehoach watch: không tìm thấy “khong-co.yaml”"},
		{[]string{"watch", "-phong", "a.ttf"}, "kehoach watch: -phong cần đúng bốn tệp"},
		{[]string{"watch", "-khong-co"}, "không có tùy chọn “-khong-co”"},
	}
	for _, tc := range tests {
		var o, e bytes.Buffer
		if st := run(tc.args, &o, &e); st != 2 || !strings.Contains(e.String(), tc.stderr) {
			t.Errorf("%v: status %d, stderr %q; want 2, %q", tc.args, st, e.String(), tc.stderr)
		}
	}
}

// watch passes its build flags on to the kehoach build of each rebuild,
// the plans after a "--".
func TestWatchBuildArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "build -o out --"},
		{[]string{"plans", "-o", "ket-qua", "-j", "2"}, "build -o ket-qua -j 2 --"},
		{[]string{"-phong", "a,b,c,d", "plans"}, "build -o out -phong a,b,c,d --"},
	} {
		fl := newFlagSet("watch")
		o := watchFlags(fl)
		if _, err := parseInterleaved(fl, tc.args); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(o.buildArgs(), " "); got != tc.want {
			t.Errorf("watch %q: kehoach %s, want kehoach %s", tc.args, got, tc.want)
		}
	}
}
