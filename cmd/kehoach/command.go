package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"kehoach/internal/fonts"
	"kehoach/internal/lazy"
	"kehoach/internal/oserr"
	"kehoach/internal/termsafe"
	"kehoach/internal/yamlx"
)

// A Command is one kehoach command, described the way cmd/go describes
// its commands (cmd/go/internal/base.Command). Every command gets its help
// (kehoach help NAME, kehoach NAME -h, kehoach NAME /?), its flag parsing
// (flags before, between or after the other arguments) and its usage
// errors the same way, in Vietnamese, from this description.
type Command struct {
	Name      string   // the word after kehoach: "build"
	Aliases   []string // other words for it: "license"
	UsageLine string   // "kehoach build [-o THƯ_MỤC] … [KẾ_HOẠCH|THƯ_MỤC …]"
	Short     string   // what it does, for the list of kehoach help (a few lines at most)
	Long      string   // the full help, printed under the usage line by kehoach help NAME

	// Flags declares the command's flags on fl, a flag set made the same
	// way for every command, and returns the function that runs the
	// command once they are parsed, given the other arguments in order.
	// It is called afresh for every run, so no flag value outlives a run
	// (the tests run many commands in one process). A flag's usage names
	// its value in backquotes: "`THƯ_MỤC` ghi kết quả". Flag names follow
	// the naming rule (flagNameOK); an old spelling is kept with alias.
	Flags func(fl *flag.FlagSet) Runner
}

// A Runner runs a command: it returns the exit status (0 success, 1 an
// invalid plan or a refusal, 2 a usage or I/O error).
type Runner func(c *Context, args []string) int

// A Context is what a command runs with: its output streams and the
// helpers that make every command report alike.
type Context struct {
	Cmd    *Command
	Stdout io.Writer
	Stderr io.Writer
	term   *terminal
}

// Errorf prints “kehoach NAME: message” on stderr; an error among args is
// said with its OS causes in Vietnamese (errText).
func (c *Context) Errorf(format string, args ...any) {
	for i, a := range args {
		if err, ok := a.(error); ok {
			args[i] = errText(err)
		}
	}
	fmt.Fprintf(c.Stderr, "kehoach %s: %s\n", c.Cmd.Name, fmt.Sprintf(format, args...))
}

// errText is an error's message as kehoach prints it: the operating
// system's causes in it said in Vietnamese (“ổ đĩa hết chỗ trống” for “no
// space left on device”), whatever wraps them.
func errText(err error) string { return oserr.Text(err) }

// UsageError prints a usage error — the message, the usage line and where
// the full help is — on stderr and returns the exit status 2.
func (c *Context) UsageError(format string, args ...any) int {
	c.Errorf(format, args...)
	fmt.Fprintf(c.Stderr, "Cách dùng: %s\nHướng dẫn đầy đủ: kehoach help %s\n", c.Cmd.UsageLine, c.Cmd.Name)
	return 2
}

// Color reports whether w shows colours: a console (on Windows one that
// takes escape codes, which it turns on), NO_COLOR not set, TERM not dumb.
func (c *Context) Color(w io.Writer) bool { return c.term.color(w) }

// Console reports whether w is a console, where a progress bar can redraw
// its line with \r.
func (c *Context) Console(w io.Writer) bool { return c.term.console(w) }

// helpWords ask for help wherever they stand among the arguments (before
// a "--"): -h, -help, --help as with every Go program, and /? and -? as
// Windows users type them.
func isHelpWord(s string) bool {
	switch s {
	case "-h", "-help", "--help", "/?", "-?":
		return true
	}
	return false
}

// newFlagSet is the flag set of every command: it never prints (errors are
// translated by flagError, help is the command's own) and never exits.
func newFlagSet(name string) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	return fl
}

// Run runs the command with its arguments (those after its name).
func (cmd *Command) Run(c *Context, args []string) int {
	for _, a := range args {
		if a == "--" {
			break
		}
		if isHelpWord(a) {
			cmd.PrintHelp(c.Stdout)
			return 0
		}
	}
	fl := newFlagSet(cmd.Name)
	run := cmd.Flags(fl)
	pos, err := parseInterleaved(fl, args)
	if errors.Is(err, flag.ErrHelp) {
		cmd.PrintHelp(c.Stdout)
		return 0
	}
	if err != nil {
		return c.UsageError("%s", cmd.flagError(fl, err, args))
	}
	return run(c, pos)
}

// parseInterleaved parses flags that come before, between or after the
// other arguments (kehoach issue PLAN --so 125, kehoach build plans -o x)
// and returns the others in order; everything after "--" is an argument.
func parseInterleaved(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// Parse stops at the first argument that is not a flag, or just
		// after a "--" it consumed.
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

var (
	undefinedRE = lazy.MustCompile(`^flag provided but not defined: -(.*)$`)
	needsArgRE  = lazy.MustCompile(`^flag needs an argument: -(.*)$`)
	badValueRE  = lazy.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-([^:]*): (.*)$`)
	badSyntaxRE = lazy.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError turns an error of the flag package into Vietnamese; an
// unknown flag is said as it was typed among args (--form, not -form).
func (cmd *Command) flagError(fl *flag.FlagSet, err error, args []string) string {
	s := err.Error()
	dashed := func(name string) string { return cmd.dashedIn(fl, name) }
	if m := undefinedRE.Get().FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("không có tùy chọn “%s”; các tùy chọn của lệnh %s: %s%s", typed(args, m[1]), cmd.Name, cmd.flagList(fl), cmd.suggestFlag(fl, m[1]))
	}
	if m := needsArgRE.Get().FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("tùy chọn %s cần một giá trị (%s)", dashed(m[1]), cmd.valueName(fl, m[1]))
	}
	if m := badValueRE.Get().FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("giá trị “%s” của tùy chọn %s không hợp lệ: %s", m[1], dashed(m[2]), valueProblem(fl.Lookup(m[2]), m[3]))
	}
	if m := badSyntaxRE.Get().FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("tùy chọn “%s” viết sai; hãy viết -TÊN hoặc -TÊN=GIÁ_TRỊ", m[1])
	}
	return s
}

// typed is the flag name as written among args: -x or --x.
func typed(args []string, name string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		flagPart, _, _ := strings.Cut(a, "=")
		if strings.HasPrefix(flagPart, "-") && strings.TrimLeft(flagPart, "-") == name {
			return flagPart
		}
	}
	return "-" + name
}

// suggestFlag is the hint after an unknown flag name: the flag it is
// likely a typo of (of an old spelling: the new name), or "".
func (cmd *Command) suggestFlag(fl *flag.FlagSet, name string) string {
	if len(name) < 3 {
		return "" // every one-letter flag is close to any short word
	}
	var names []string
	fl.VisitAll(func(f *flag.Flag) {
		if len(f.Name) > 1 {
			names = append(names, f.Name)
		}
	})
	s := yamlx.Suggest(name, names)
	if s == "" {
		return ""
	}
	if of := aliasOf(fl.Lookup(s)); of != "" {
		s = of
	}
	return fmt.Sprintf("; có phải ý bạn là “%s”?", cmd.dashed(s))
}

// valueProblem says what is wrong with a flag's value.
func valueProblem(f *flag.Flag, cause string) string {
	if f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			switch g.Get().(type) {
			case bool:
				return "hãy bỏ giá trị (chỉ ghi tên tùy chọn), hoặc ghi =true, =false"
			case int, int64, uint, uint64:
				if cause == "value out of range" {
					return "số quá lớn"
				}
				return "cần một số nguyên, ví dụ 4"
			}
		}
	}
	return cause
}

// dashed writes a flag name as the usage line does: --so, -o.
func (cmd *Command) dashed(name string) string {
	if strings.Contains(cmd.UsageLine, "--"+name) {
		return "--" + name
	}
	return "-" + name
}

// dashedIn writes a flag name of fl as dashed does; an alias gets the
// dashes of the flag it stands for (--from, since new writes --tu).
func (cmd *Command) dashedIn(fl *flag.FlagSet, name string) string {
	if f := fl.Lookup(name); f != nil {
		if of := aliasOf(f); of != "" && strings.HasPrefix(cmd.dashed(of), "--") {
			return "--" + name
		}
	}
	return cmd.dashed(name)
}

// flagList lists the command's flags for a message: -o, -j, -tong-ket.
func (cmd *Command) flagList(fl *flag.FlagSet) string {
	var names []string
	visibleFlags(fl, func(f *flag.Flag) { names = append(names, cmd.dashed(f.Name)) })
	if len(names) == 0 {
		return "(không có)"
	}
	return strings.Join(names, ", ")
}

// valueName is the name of a flag's value, from the backquotes of its usage.
func (cmd *Command) valueName(fl *flag.FlagSet, name string) string {
	f := fl.Lookup(name)
	if f == nil {
		return "GIÁ_TRỊ"
	}
	v, _ := flag.UnquoteUsage(f)
	if !utf8.ValidString(v) || v == "" || isGenericValueName(v) {
		return "GIÁ_TRỊ"
	}
	return v
}

// isGenericValueName reports the English names flag.UnquoteUsage makes up
// when a usage has no backquoted name.
func isGenericValueName(s string) bool {
	switch s {
	case "value", "string", "int", "uint", "float", "duration":
		return true
	}
	return false
}

// PrintHelp prints the command's full help: usage line, long text, flags.
func (cmd *Command) PrintHelp(out io.Writer) {
	// Built in memory and written once, as printUsage.
	var b bytes.Buffer
	b.Grow(4 << 10) // one allocation: the whole text is about 4 KB
	defer func() { out.Write(b.Bytes()) }()
	w := &b
	fmt.Fprintf(w, "Cách dùng: %s\n\n%s", cmd.UsageLine, strings.TrimLeft(cmd.Long, "\n"))
	if !strings.HasSuffix(cmd.Long, "\n") {
		fmt.Fprintln(w)
	}
	fl := newFlagSet(cmd.Name)
	cmd.Flags(fl)
	first := true
	visibleFlags(fl, func(f *flag.Flag) {
		if first {
			fmt.Fprint(w, "\nTùy chọn:\n")
			first = false
		}
		_, usage := flag.UnquoteUsage(f)
		line := "  " + cmd.dashed(f.Name)
		if g, ok := f.Value.(flag.Getter); !ok || !isBool(g) {
			line += " " + cmd.valueName(fl, f.Name)
		}
		fmt.Fprintln(w, line)
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			usage += " (mặc định: " + f.DefValue + ")"
		}
		for _, l := range wrap(usage, 72) {
			fmt.Fprintf(w, "        %s\n", l)
		}
	})
}

func isBool(g flag.Getter) bool {
	_, ok := g.Get().(bool)
	return ok
}

// wrap breaks text into lines of at most width characters, at spaces: the
// words of strings.Fields, greedily filled (wrapReference in the tests).
func wrap(text string, width int) []string {
	var lines []string
	line := make([]byte, 0, 4*width) // in linear time: each word is counted and copied once
	n := 0                           // runes in line
	for i := 0; ; {
		// The words are those of strings.Fields, found without its slice
		// of words (help prints 13 texts; for Vietnamese, Fields takes its
		// slow path through FieldsFunc), a byte at a time through
		// spaceClass: only ASCII spaces and the lead bytes of the other
		// spaces need a closer look (spaceAt).
		for i < len(text) {
			size, space := spaceAt(text, i)
			if !space {
				break
			}
			i += size
		}
		if i == len(text) {
			break
		}
		start := i
		for i < len(text) {
			if spaceClass[text[i]] == 0 {
				i++
				continue
			}
			if _, space := spaceAt(text, i); space {
				break
			}
			i++
		}
		word := text[start:i]
		w := utf8.RuneCountInString(word)
		switch {
		case len(line) == 0:
			line, n = append(line, word...), w
		case n+1+w > width:
			lines = append(lines, string(line))
			line, n = append(line[:0], word...), w
		default:
			line = append(append(line, ' '), word...)
			n += 1 + w
		}
	}
	if len(line) > 0 {
		lines = append(lines, string(line))
	}
	return lines
}

// spaceClass is 1 for the bytes a space (unicode.IsSpace) may start with:
// the ASCII spaces, and C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000–U+200A,
// U+2028, U+2029, U+202F, U+205F) and E3 (U+3000).
var spaceClass = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1, 0xc2: 1, 0xe1: 1, 0xe2: 1, 0xe3: 1}

// spaceAt reports whether a space (unicode.IsSpace) starts at text[i], and
// the bytes to step over: the space's size, or 1 for any byte that cannot
// start one. The spaces are read from their bytes, without decoding:
// U+0085 and U+00A0 (C2 85, C2 A0), U+1680 (E1 9A 80), U+2000–U+200A,
// U+2028, U+2029, U+202F (E2 80 80–8A, A8, A9, AF), U+205F (E2 81 9F) and
// U+3000 (E3 80 80); TestSpaceAtEveryRune checks them against
// unicode.IsSpace. Every other byte, continuation bytes included, steps
// by one, which finds the words of a rune-by-rune scan: a continuation
// byte never starts a space, and a byte that cannot start a valid rune is
// one rune of its own to utf8.
func spaceAt(text string, i int) (size int, space bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		return 1, spaceClass[c] != 0
	}
	if spaceClass[c] == 0 || i+1 >= len(text) {
		return 1, false
	}
	c1 := text[i+1]
	if c == 0xc2 {
		if c1 == 0x85 || c1 == 0xa0 {
			return 2, true
		}
		return 1, false
	}
	if i+2 >= len(text) {
		return 1, false
	}
	c2 := text[i+2]
	switch {
	case c == 0xe1 && c1 == 0x9a && c2 == 0x80,
		c == 0xe2 && c1 == 0x80 && (c2 >= 0x80 && c2 <= 0x8a || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf),
		c == 0xe2 && c1 == 0x81 && c2 == 0x9f,
		c == 0xe3 && c1 == 0x80 && c2 == 0x80:
		return 3, true
	}
	return 1, false
}

// noFlags is the Flags of a command without flags.
func noFlags(run Runner) func(*flag.FlagSet) Runner {
	return func(*flag.FlagSet) Runner { return run }
}

// stdFile is w (or the stream beneath a termsafe.Writer) as an *os.File,
// for the console checks.
func stdFile(w io.Writer) (*os.File, bool) {
	f, ok := termsafe.Unwrap(w).(*os.File)
	return f, ok && f != nil
}

// The naming rule of flags, written in the package comment and the README:
// a flag is one ASCII letter, as in the Go tools (-o, -j, -l, -w, -d, -f),
// or Vietnamese words written without diacritics, in lower case, joined by
// '-' (-tong-ket, -phong, --so, --ngay, -sua, --tu, -tep). An old spelling
// that breaks the rule is kept working as a hidden alias (alias): help
// shows one name, both are accepted.
var (
	letterFlag = lazy.MustCompile(`^[a-z]$`)
	// syllable is a Vietnamese syllable without its diacritics: an
	// initial consonant, one to three vowels, a final consonant.
	syllable = lazy.MustCompile(`^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?$`)
)

// flagNameOK reports whether a flag name follows the naming rule.
func flagNameOK(name string) bool {
	if letterFlag.Get().MatchString(name) {
		return true
	}
	for _, w := range strings.Split(name, "-") {
		if !syllable.Get().MatchString(w) {
			return false
		}
	}
	return true
}

// aliasValue is the Value of a flag's old spelling: the value of the flag
// it stands for, so both names set the same variable.
type aliasValue struct {
	flag.Value
	of string // the name under the naming rule
}

// IsBoolFlag lets a boolean flag's alias stand without a value (-fix).
func (a aliasValue) IsBoolFlag() bool {
	b, ok := a.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// Get is the value, as flag.Getter gives it.
func (a aliasValue) Get() any {
	if g, ok := a.Value.(flag.Getter); ok {
		return g.Get()
	}
	return a.String()
}

// alias declares old as another spelling of the flag name (already
// declared on fl): accepted everywhere, shown nowhere in help.
func alias(fl *flag.FlagSet, old, name string) {
	f := fl.Lookup(name)
	fl.Var(aliasValue{f.Value, name}, old, f.Usage)
}

// aliasOf is the flag an alias stands for ("" when f is no alias).
func aliasOf(f *flag.Flag) string {
	if a, ok := f.Value.(aliasValue); ok {
		return a.of
	}
	return ""
}

// visibleFlags calls fn for each flag of fl that help shows (not the
// aliases), in name order.
func visibleFlags(fl *flag.FlagSet, fn func(*flag.Flag)) {
	fl.VisitAll(func(f *flag.Flag) {
		if aliasOf(f) == "" {
			fn(f)
		}
	})
}

// Flags shared by several commands, declared once here so that a flag
// means the same in every command that has it.

// outDirFlag declares -o THƯ_MỤC, the folder a command writes into: -o
// always names a folder (a command that writes one file has -tep TỆP).
// The usage says what goes there; it names the value `THƯ_MỤC`.
func outDirFlag(fl *flag.FlagSet, def, usage string) *string {
	return fl.String("o", def, usage)
}

// outFileFlag declares -tep TỆP, the one file a command writes.
func outFileFlag(fl *flag.FlagSet, usage string) *string {
	return fl.String("tep", "", usage)
}

// jobsFlag declares -j N, how many plans are built at once (0: one per
// CPU core).
func jobsFlag(fl *flag.FlagSet) *int {
	return fl.Int("j", 0, "dựng cùng lúc `N` kế hoạch (mặc định: bằng số lõi CPU)")
}

// A fontChoice is the -phong flag of the commands that make a PDF.
type fontChoice struct{ list string }

// fontFlag declares -phong T,Đ,N,ĐN.
func fontFlag(fl *flag.FlagSet) *fontChoice {
	f := &fontChoice{}
	fl.StringVar(&f.list, "phong", "", "dùng bốn tệp phông TTF `T,Đ,N,ĐN` (thường, đậm, nghiêng, đậm nghiêng), cách nhau bởi dấu phẩy; mặc định tìm Times New Roman trong máy, không có thì dùng Liberation Serif đi kèm")
	return f
}

// family is the font family chosen: the four files of -phong, else Times
// New Roman when installed, else the bundled Liberation Serif.
func (f *fontChoice) family() (*fonts.Family, error) {
	var paths [4]string
	if f.list != "" {
		parts := strings.Split(f.list, ",")
		if len(parts) != 4 {
			return nil, errors.New("-phong cần đúng bốn tệp: thường, đậm, nghiêng, đậm nghiêng")
		}
		copy(paths[:], parts)
	}
	return fonts.Select(paths)
}
