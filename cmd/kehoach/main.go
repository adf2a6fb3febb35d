// Command kehoach turns the YAML plan files of a commune into the official
// Kế hoạch documents (DOCX, PDF) laid out to Nghị định 30/2020/NĐ-CP.
//
// Every command is a Command (command.go), one file each; this file lists
// them and dispatches. Exit status: 0 success, 1 an invalid plan, 2 a
// usage or I/O error.
//
// Flags are parsed the same way for every command (Command.Run): before,
// between or after the other arguments, with Vietnamese help (-h, --help,
// /?, the same text as kehoach help NAME) and Vietnamese usage errors.
// Naming rule of flags: one ASCII letter as in the Go tools (-o, -j, -l,
// -w, -d, -f), or Vietnamese words without diacritics, lower case, joined
// by '-' (-tong-ket, -phong, -sua, -tep, --tu, --so, --ngay); one or two
// dashes both work. An older spelling that breaks the rule, or the English
// word a user of other tools types (check -strict), stays accepted as a
// hidden alias (check -fix, check -strict, new --from, diff -o). A flag means the
// same in every command: -o THƯ_MỤC is always a folder, -tep TỆP the one
// file a command writes, -phong the font family of the PDF (outDirFlag,
// outFileFlag, fontFlag).
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/termsafe"
	"kehoach/internal/yamlx"
	"kehoach/templates"
)

// commands are kehoach's commands, in the order kehoach help lists them.
// A new command is one entry here and one file that defines it.
var commands = []*Command{
	buildCmd,
	watchCmd,
	checkCmd,
	fmtCmd,
	diffCmd,
	newCmd,
	importCmd,
	issueCmd,
	printCmd,
	schemaCmd,
	textCmd,
	licenseCmd,
}

func main() {
	args := os.Args[1:]
	if startedByDoubleClick(args, ownConsole()) {
		os.Exit(doubleClick(exeDir(), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// run runs kehoach with the arguments after the program name. Everything
// it prints goes through a termsafe.Writer, so no plan key, value or file
// name can drive the terminal (no title, no clearing, no clipboard, no
// reordered line): controls show as \x1b, \u202e. Only text already escaped
// and carrying kehoach's own codes (the colours of diff, a progress bar's
// \r) is written to the stream beneath (termsafe.Unwrap).
func run(args []string, stdout, stderr io.Writer) int {
	out, errs := termsafe.NewWriter(stdout), termsafe.NewWriter(stderr)
	defer out.Flush()
	defer errs.Flush()
	return runSafe(args, out, errs)
}

func runSafe(args []string, stdout, stderr io.Writer) int {
	if err := sourceDate(); err != nil {
		fmt.Fprintln(stderr, "kehoach:", errText(err))
		return 2
	}
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	if args[0] == "help" || isHelpWord(args[0]) {
		return help(args[1:], stdout, stderr)
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(stderr, "kehoach: không có lệnh “%s”%s.\n\n", args[0], suggestCommand(args[0]))
		printUsage(stderr)
		return 2
	}
	// Help and usage errors read no template: only a command looks for the
	// templates folder.
	useTemplates(stderr)
	t := newTerminal()
	defer t.close()
	return cmd.Run(&Context{Cmd: cmd, Stdout: stdout, Stderr: stderr, term: t}, args[1:])
}

// lookup finds a command by its name or an alias.
func lookup(name string) *Command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
		for _, a := range c.Aliases {
			if a == name {
				return c
			}
		}
	}
	return nil
}

func commandNames() []string {
	var names []string
	for _, c := range commands {
		names = append(names, c.Name)
	}
	return names
}

// suggestCommand is the hint after an unknown command: a close name, or
// build for a plan file given without a command.
func suggestCommand(name string) string {
	if strings.HasSuffix(strings.ToLower(name), ".yaml") || strings.HasSuffix(strings.ToLower(name), ".yml") {
		return fmt.Sprintf("; để tạo văn bản từ tệp này: kehoach build %s", name)
	}
	if s := yamlx.Suggest(name, commandNames()); s != "" {
		return fmt.Sprintf("; có phải ý bạn là “%s”?", s)
	}
	return ""
}

// help is kehoach help [COMMAND].
func help(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0 || len(args) == 1 && (args[0] == "help" || isHelpWord(args[0])):
		printUsage(stdout)
		return 0
	case len(args) > 1:
		fmt.Fprintf(stderr, "kehoach help: chỉ ghi một lệnh, ví dụ kehoach help build.\n")
		return 2
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(stderr, "kehoach help: không có lệnh “%s”%s; các lệnh: %s.\n", args[0], suggestCommand(args[0]), strings.Join(commandNames(), ", "))
		return 2
	}
	cmd.PrintHelp(stdout)
	return 0
}

// printUsage prints the list of commands (kehoach help).
func printUsage(out io.Writer) {
	// Built in memory and written once: one escaping pass and one write
	// instead of one per line (help is measured against an empty program).
	var b bytes.Buffer
	b.Grow(4 << 10) // one allocation: the whole text is about 4 KB
	defer func() { out.Write(b.Bytes()) }()
	w := &b
	fmt.Fprint(w, "kehoach: tạo văn bản Kế hoạch (DOCX, PDF) từ tệp kế hoạch YAML.\n\nCách dùng:\n")
	entry := func(usage, short string) {
		fmt.Fprintf(w, "  %s\n", usage)
		for _, l := range wrap(short, 72) {
			fmt.Fprintf(w, "        %s\n", l)
		}
	}
	for _, c := range commands {
		entry(c.UsageLine, c.Short)
	}
	entry("kehoach help [LỆNH]", "in hướng dẫn này; kehoach help LỆNH (hoặc kehoach LỆNH -h, kehoach LỆNH /?)\nin hướng dẫn đầy đủ của một lệnh")
	fmt.Fprint(w, `
Tùy chọn ghi trước hay sau tên tệp đều được: kehoach build plans -o ket-qua.
Trên Windows: bấm đúp kehoach.exe đặt trong thư mục kho mã (cạnh thư mục plans)
để tạo văn bản cho mọi kế hoạch.

Mã thoát: 0 thành công, 1 kế hoạch có lỗi, 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`)
}

// The dates SOURCE_DATE_EPOCH may give: from 1 January 1980, the first
// date a zip (DOCX, XLSX) can hold, to the end of 2099, well inside what
// the zip time stamps (to 2106), the PDF and the DOCX properties (four-digit
// years) can. Outside, the formats would disagree or hold invalid dates
// (PDF D:-1199…, DOCX 10000-01-01).
var (
	minSourceDate = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	maxSourceDate = time.Date(2099, 12, 31, 23, 59, 59, 0, time.UTC)
)

// sourceDateValue is SOURCE_DATE_EPOCH as read by run(), passed to the
// build and the manifest (the libraries keep no such state).
var sourceDateValue *time.Time

// sourceDate reads SOURCE_DATE_EPOCH (reproducible builds) for drafts.
func sourceDate() error {
	sourceDateValue = nil
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("SOURCE_DATE_EPOCH=%q không phải là số giây; hãy bỏ biến này hoặc đặt một số nguyên", s)
	}
	if n < minSourceDate.Unix() || n > maxSourceDate.Unix() {
		return fmt.Errorf("SOURCE_DATE_EPOCH=%s nằm ngoài khoảng ngày văn bản ghi được: từ %d (ngày 01/01/1980) đến %d (ngày 31/12/2099); hãy bỏ biến này hoặc đặt số giây của một ngày trong khoảng đó", s, minSourceDate.Unix(), maxSourceDate.Unix())
	}
	t := time.Unix(n, 0).UTC()
	sourceDateValue = &t
	return nil
}

// exeDir is the folder of the running program ("" when unknown).
func exeDir() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	return filepath.Dir(exe)
}

// useTemplates chooses, once at start-up, where the template files come
// from: the templates/ folder of the working directory (the repository
// folder, next to plans/), else the one next to the program, read over the
// embedded copy; the embedded copy alone when there is neither. So wording
// edited in templates/*.tmpl works with a prebuilt kehoach.exe. The first
// command to read a template says which folder is in use, once, on stderr.
func useTemplates(stderr io.Writer) {
	dir := templatesDir("templates", exeDir())
	if dir == "" {
		templates.Use(templates.FS, "", nil)
		return
	}
	templates.Use(templates.Folder(dir), dir, func() { fmt.Fprintln(stderr, templatesNotice(dir)) })
}

// templatesDir is the templates folder to use: wd (relative to the working
// directory) if it is one, else the templates folder in exe; "" for none.
func templatesDir(wd, exe string) string {
	if templates.IsFolder(wd) {
		return wd
	}
	if exe != "" {
		if d := filepath.Join(exe, "templates"); templates.IsFolder(d) {
			return d
		}
	}
	return ""
}

// templatesNotice says which templates folder is in use and how it differs
// from the embedded copy.
func templatesNotice(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	changed, added := templates.Compare(dir)
	var diffs []string
	if len(changed) > 0 {
		diffs = append(diffs, "đã sửa "+strings.Join(changed, ", "))
	}
	if len(added) > 0 {
		diffs = append(diffs, "thêm "+strings.Join(added, ", "))
	}
	how := "giống bản có sẵn trong chương trình"
	if len(diffs) > 0 {
		how = strings.Join(diffs, "; ") + " so với bản có sẵn trong chương trình"
	}
	return fmt.Sprintf("Dùng mẫu câu chữ trong thư mục templates/ (%s): %s.", abs, how)
}
