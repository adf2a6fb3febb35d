package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/build"
	"kehoach/internal/safefile"
	"kehoach/internal/termsafe"
	"kehoach/internal/yamlx"
)

// watchInterval is how often kehoach watch looks at the watched files.
const watchInterval = 500 * time.Millisecond

var watchCmd = &Command{
	Name:      "watch",
	UsageLine: "kehoach watch [-o THƯ_MỤC] [-j N] [-phong T,Đ,N,ĐN] [KẾ_HOẠCH|THƯ_MỤC …]",
	Short: `dựng lại văn bản mỗi lần tệp kế hoạch, tệp xã hay mẫu trong templates/ được lưu
(để trình xem PDF tự tải lại); Enter: dựng lại ngay; Ctrl+C: dừng`,
	Long: `Theo dõi các kế hoạch (mặc định: mọi kế hoạch trong plans/), tệp xã của chúng
và thư mục templates/; mỗi lần một tệp được lưu, dựng lại kế hoạch đó như
kehoach build và in kết quả kèm giờ. Để trình xem PDF mở sẵn tệp trong out/:
trình xem tự tải lại. Nếu Word, Excel hay trình xem PDF đang giữ tệp, lệnh báo
tệp nào và dựng lại ở lần lưu sau hoặc khi bấm Enter. Ctrl+C để dừng.

Ví dụ:
  kehoach watch plans/muong-khoa/2025.yaml
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := watchFlags(fl)
		return func(c *Context, args []string) int { return runWatch(o, args, c.Stdout, c.Stderr) }
	},
}

// watchOptions are the flags of kehoach watch, those of kehoach build.
type watchOptions struct {
	out  *string
	jobs *int
	font *fontChoice
}

// watchFlags declares the flags of kehoach watch on fl.
func watchFlags(fl *flag.FlagSet) *watchOptions {
	return &watchOptions{out: outDirFlag(fl, "out", "ghi kết quả vào `THƯ_MỤC`"), jobs: jobsFlag(fl), font: fontFlag(fl)}
}

// buildArgs are the arguments of the kehoach build each rebuild runs,
// before the plans (after a "--", so a plan named -x.yaml is one).
func (o *watchOptions) buildArgs() []string {
	args := []string{"build", "-o", *o.out}
	if *o.jobs != 0 {
		args = append(args, "-j", strconv.Itoa(*o.jobs))
	}
	if o.font.list != "" {
		args = append(args, "-phong", o.font.list)
	}
	return append(args, "--")
}

// runWatch rebuilds plans each time they are saved. Each rebuild runs
// kehoach build afresh, so edits to templates/ (and a rebuilt kehoach) take
// effect.
func runWatch(o *watchOptions, args []string, stdout, stderr io.Writer) int {
	out := o.out
	if o.font.list != "" {
		if _, err := o.font.family(); err != nil {
			fmt.Fprintln(stderr, "kehoach watch:", errText(err))
			return 2
		}
	}
	buildArgs := o.buildArgs()
	if _, err := build.ExpandPaths(args, false); err != nil {
		fmt.Fprintln(stderr, "kehoach watch:", errText(err))
		return 2
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "kehoach watch: không tìm thấy chính chương trình kehoach (%s); hãy chạy kehoach build sau mỗi lần lưu.\n", errText(err))
		return 2
	}
	w := newWatcher(args, *out, stdout, stderr)
	w.build = func(plans []string) int {
		cmd := exec.Command(exe, append(buildArgs, plans...)...)
		// The child is kehoach build, which escapes what it prints
		// itself; given the console beneath, it draws its progress bar.
		cmd.Stdout, cmd.Stderr = termsafe.Unwrap(stdout), termsafe.Unwrap(stderr)
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			return ee.ExitCode()
		case err != nil:
			fmt.Fprintf(stderr, "kehoach watch: không chạy được kehoach build: %s\n", errText(err))
			return 2
		}
		return 0
	}
	// Ctrl+C ends the watch once the build under way is done; a second
	// Ctrl+C ends it at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	// Enter rebuilds at once (after closing the file Word held open).
	kick := make(chan struct{}, 1)
	go func() {
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			select {
			case kick <- struct{}{}:
			default:
			}
		}
	}()
	tick := time.NewTicker(watchInterval)
	defer tick.Stop()
	return w.run(ctx, tick.C, kick)
}

// stamp is what a poll knows of a file; the zero stamp is a missing file.
type stamp struct {
	mod  int64 // modification time, Unix nanoseconds
	size int64
	sum  uint32 // CRC-32 of the content: a save within the clock's step (2 s on FAT) that keeps the size still shows
}

// watcher polls the watched plans, their commune files and the templates
// folder, and rebuilds the plans whose files changed.
type watcher struct {
	roots          []string // the plan files and folders to watch
	outDir         string
	templates      string                   // the templates folder ("" or missing: none)
	build          func(plans []string) int // builds plans, printing as kehoach build; its exit status
	now            func() time.Time
	stdout, stderr io.Writer

	started bool
	seen    map[string]stamp // every watched file at the previous poll
	built   map[string]stamp // at the last build
	lastErr string           // the last folder problem printed
}

func newWatcher(roots []string, outDir string, stdout, stderr io.Writer) *watcher {
	return &watcher{roots: roots, outDir: outDir, templates: "templates", now: time.Now, stdout: stdout, stderr: stderr}
}

// run polls on every tick and rebuilds everything on every kick, until ctx
// is done (Ctrl+C).
func (w *watcher) run(ctx context.Context, tick <-chan time.Time, kick <-chan struct{}) int {
	plans, _ := build.ExpandPaths(w.roots, false)
	what := "và tệp xã của chúng"
	if st, err := os.Stat(w.templates); err == nil && st.IsDir() {
		what = "và tệp xã của chúng, các mẫu trong " + w.templates
	}
	fmt.Fprintf(w.stdout, "kehoach watch: theo dõi %d kế hoạch %s; mỗi lần lưu, văn bản được dựng lại vào %s.\nNhấn Enter để dựng lại ngay, Ctrl+C để dừng.\n",
		len(plans), what, w.outDir)
	w.poll(false)
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintf(w.stdout, "%s Đã dừng theo dõi.\n", w.clock())
			return 0
		case <-tick:
			w.poll(false)
		case <-kick:
			w.poll(true)
		}
	}
}

func (w *watcher) clock() string { return w.now().Format("15:04:05") }

// poll looks at the watched files once. A change is built once the files
// have kept still for one poll (an editor may still be writing); force
// rebuilds every plan now.
func (w *watcher) poll(force bool) {
	plans, err := build.ExpandPaths(w.roots, false)
	if err != nil {
		if msg := errText(err); msg != w.lastErr {
			fmt.Fprintf(w.stderr, "%s kehoach watch: %s; đang chờ…\n", w.clock(), msg)
			w.lastErr = msg
		}
		return
	}
	w.lastErr = ""
	cur := map[string]stamp{}
	look := func(f string) {
		if _, ok := cur[f]; !ok {
			cur[f] = stampOf(f)
		}
	}
	tmpl := w.templateFiles()
	for _, f := range tmpl {
		look(f)
	}
	deps := map[string][]string{} // plan → the files it is built from
	for _, p := range plans {
		look(p)
		ds := []string{p}
		if c, ok := build.CommuneFile(p); ok {
			look(c)
			ds = append(ds, c)
		}
		deps[p] = append(ds, tmpl...)
	}
	if !w.started {
		w.started, w.seen, w.built = true, cur, cur
		w.rebuild(plans, "lần đầu")
		return
	}
	moving := !sameStamps(cur, w.seen)
	w.seen = cur
	if moving && !force {
		return
	}
	var dirty []string
	for _, p := range plans {
		for _, d := range deps[p] {
			if b, ok := w.built[d]; force || !ok || b != cur[d] {
				dirty = append(dirty, p)
				break
			}
		}
	}
	if len(dirty) == 0 {
		return
	}
	var changed []string
	for f, s := range cur {
		if b, ok := w.built[f]; !ok || b != s {
			changed = append(changed, f)
		}
	}
	slices.Sort(changed)
	why := "theo yêu cầu (Enter)"
	if len(changed) > 0 {
		shown := changed[:min(len(changed), 3)]
		why = "vì đã lưu " + strings.Join(shown, ", ")
		if len(changed) > len(shown) {
			why += fmt.Sprintf(" và %d tệp khác", len(changed)-len(shown))
		}
	}
	w.built = cur
	w.rebuild(w.withPartners(dirty, plans), why)
}

// withPartners adds to the plans to build those that collide with one of
// them (build.Collisions): the build then refuses them all, naming each
// other, instead of building one of them over the other's outputs.
func (w *watcher) withPartners(dirty, plans []string) []string {
	clash := build.Collisions(plans, build.Options{OutDir: w.outDir}, 0)
	if clash == nil {
		return dirty
	}
	out := slices.Clone(dirty)
	for i, p := range plans {
		if clash[i] != nil && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// rebuild builds plans, with a timestamped line before (why) and after
// (the outcome and what to do).
func (w *watcher) rebuild(plans []string, why string) {
	fmt.Fprintf(w.stdout, "\n── %s ── dựng %d kế hoạch %s\n", w.clock(), len(plans), why)
	switch w.build(plans) {
	case 0:
		fmt.Fprintf(w.stdout, "── %s ── xong. Đang chờ lần lưu sau…\n", w.clock())
	case 1:
		fmt.Fprintf(w.stdout, "── %s ── kế hoạch còn lỗi (xem ở trên), chưa tạo văn bản; hãy sửa rồi lưu lại.\n", w.clock())
	default:
		fmt.Fprintf(w.stdout, "── %s ── chưa ghi được văn bản (xem ở trên); kehoach sẽ thử lại khi tệp được lưu lần sau, hoặc nhấn Enter để thử ngay.\n", w.clock())
	}
}

// templateFiles lists the files of the templates folder, if there is one.
func (w *watcher) templateFiles() []string {
	if w.templates == "" {
		return nil
	}
	var out []string
	safefile.WalkDir(w.templates, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// stampOf looks at one file; a file that cannot be read has the zero
// stamp. Only regular files within the limits are hashed (safefile): a
// link to /dev/zero or a FIFO would hang the watch; the build says why it
// cannot read them.
func stampOf(path string) stamp {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return stamp{}
	}
	s := stamp{mod: st.ModTime().UnixNano(), size: st.Size()}
	if f, err := safefile.Open(path, yamlx.MaxFileBytes); err == nil {
		h := crc32.NewIEEE()
		io.Copy(h, f)
		f.Close()
		s.sum = h.Sum32()
	}
	return s
}

func sameStamps(a, b map[string]stamp) bool {
	if len(a) != len(b) {
		return false
	}
	for f, s := range a {
		if t, ok := b[f]; !ok || t != s {
			return false
		}
	}
	return true
}
