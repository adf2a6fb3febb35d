// Package manifest is the distribution manifest (sổ phát hành) of a plan:
// who receives how many printed copies, taken from the Nơi nhận block, and
// how many copies to print in all, written as CSV for a spreadsheet and
// as a breakdown for the terminal. It is plan data only: package
// compose/manifestdoc lays it out as a document (A4 portrait, a bordered
// table with a "Ký nhận" column tall enough to sign), which the normal
// render stack prints.
//
// Rows, in the order of the Nơi nhận block:
//   - each noi_nhan.nhan entry with so_ban copies (default 1);
//   - an entry with theo_ban: true becomes one row per sub-unit (thôn, bản, ấp… as loai_ban names them) of the
//     commune file, "Trưởng các bản" → "Trưởng bản Hô Tra", so_ban copies
//     each (default 1);
//   - the archive copies: one row per noi_nhan.luu entry ("Lưu: VT (Văn
//     thư)"), 1 copy each; when noi_nhan.so_ban_luu is set, a single row
//     "Lưu: VT, KT" with that many copies.
package manifest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/vn"
)

// Row is one recipient line of the manifest.
type Row struct {
	STT     int    // 1, 2, …
	NoiNhan string // "Sở Nông nghiệp và Môi trường", "Trưởng bản Hô Tra", "Lưu: VT (Văn thư)"
	GhiChu  string // "b/c"
	SoBan   int    // copies
	Luu     bool   // an archive copy (Lưu)
}

// Manifest is the distribution manifest of one plan.
type Manifest struct {
	Agency   string // "Ủy ban nhân dân xã Mường Khoa"
	Ref      string // "Kế hoạch số 125/KH-UBND ngày 05/8/2025" or "Kế hoạch số …/KH-UBND (dự thảo)"
	TrichYeu string // the plan's subject line, plain text
	Draft    bool
	Date     time.Time // fixed document date (compose.DocDate: the issue date, else SOURCE_DATE_EPOCH, else 1 January)
	Rows     []Row
}

// Build makes the manifest of a validated plan (plan.Load without errors);
// date is the plan's document date (compose.DocDate), never the clock.
func Build(p *plan.Plan, date time.Time) *Manifest {
	m := &Manifest{Draft: p.IsDraft(), TrichYeu: markup.Plain(p.VanBan.TrichYeu), Date: date}
	vt := ""
	var ban []string
	if c := p.Commune; c != nil {
		vt = c.CoQuan.VietTat
		m.Agency = c.Agency()
		ban = c.Ban
	}
	if m.Draft {
		m.Ref = fmt.Sprintf("%s số …/%s-%s (dự thảo)", p.TypeName(), p.Loai(), vt)
	} else {
		m.Ref = fmt.Sprintf("%s số %s/%s-%s ngày %s", p.TypeName(), vn.DocNumber(int(p.VanBan.So)), p.Loai(), vt, vn.ShortDate(p.VanBan.Ngay.Time))
	}
	add := func(name, note string, n int, luu bool) {
		m.Rows = append(m.Rows, Row{STT: len(m.Rows) + 1, NoiNhan: name, GhiChu: note, SoBan: n, Luu: luu})
	}
	for _, n := range p.NoiNhan.Nhan {
		copies := max(n.SoBan, 1)
		if n.TheoBan && len(ban) > 0 {
			for _, b := range ban {
				add(perBan(n.Ten, b, p.Commune.SubUnit()), n.GhiChu, copies, false)
			}
			continue
		}
		add(n.Ten, n.GhiChu, copies, false)
	}
	if l := p.NoiNhan.Luu; len(l) > 0 {
		if p.NoiNhan.SoBanLuu > 0 {
			add("Lưu: "+strings.Join(l, ", "), "", p.NoiNhan.SoBanLuu, true)
		} else {
			for _, e := range l {
				name := "Lưu: " + e
				if u := archiveName(p, e); u != "" {
					name += " (" + u + ")"
				}
				add(name, "", 1, true)
			}
		}
	}
	return m
}

// countRes holds plan.CountRe's expression of the sub-unit words met (a
// commune file names one; a batch of plans meets a few), so that it is
// compiled once rather than for every sub-unit of every recipient; at
// most maxCountRes words are kept.
var (
	countRes  sync.Map // word → *regexp.Regexp
	countResN atomic.Int32
)

const maxCountRes = 32

func countRe(word string) *regexp.Regexp {
	if re, ok := countRes.Load(word); ok {
		return re.(*regexp.Regexp)
	}
	re := plan.CountRe(word)
	if countResN.Add(1) <= maxCountRes {
		countRes.Store(word, re)
	}
	return re
}

// perBan names the recipient in one sub-unit, with the word the commune
// uses for them (loai_ban): "Trưởng các bản" → "Trưởng bản Hô Tra",
// "Trưởng các ấp (12 ấp)" → "Trưởng ấp Tân Lợi" (the count, checked
// against the list by plan validation, is dropped); a name without "các
// <word>" gets the sub-unit after a dash. A sub-unit whose name already
// starts with the word ("Ấp 1") is not named twice ("Trưởng Ấp 1").
func perBan(ten, ban, word string) string {
	ten = strings.TrimSpace(countRe(word).ReplaceAllString(ten, ""))
	unit := word + " " + ban
	if strings.HasPrefix(vn.Lower(ban), vn.Lower(word)+" ") {
		unit = ban
	}
	for _, s := range []string{"các " + word, "Các " + word} {
		if i := strings.Index(ten, s); i >= 0 {
			u := unit
			if s[0] == 'C' {
				u = vn.UpperFirst(u)
			}
			return ten[:i] + u + ten[i+len(s):]
		}
	}
	return ten + " - " + unit
}

// archiveName spells out an archive abbreviation: VT is the văn thư, other
// abbreviations are the commune units with that viet_tat.
func archiveName(p *plan.Plan, abbr string) string {
	if abbr == "VT" {
		return "Văn thư"
	}
	if p.Commune != nil {
		for _, u := range p.Commune.DonVi {
			if u.VietTat == abbr {
				return u.Ten
			}
		}
	}
	return ""
}

// Total is the number of copies to print.
func (m *Manifest) Total() int {
	t := 0
	for _, r := range m.Rows {
		t += r.SoBan
	}
	return t
}

// Sent is the number of copies sent out (not archived).
func (m *Manifest) Sent() int {
	t := 0
	for _, r := range m.Rows {
		if !r.Luu {
			t += r.SoBan
		}
	}
	return t
}

// CSVHeader is the header row of the CSV.
var CSVHeader = []string{"STT", "Nơi nhận", "Ghi chú", "Số bản", "Ký nhận"}

// CSV writes the manifest as RFC 4180 CSV (comma, CRLF, quotes where
// needed) in UTF-8 with a byte order mark so Excel shows Vietnamese
// correctly. The last row is "Tổng số bản". A cell starting with = + - @
// (or a tab or carriage return) is prefixed with an apostrophe so a
// spreadsheet never runs it as a formula.
func (m *Manifest) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	rec := func(cells ...string) {
		for i, c := range cells {
			cells[i] = Defuse(c)
		}
		w.Write(cells) // writing to a bytes.Buffer cannot fail
	}
	rec(append([]string(nil), CSVHeader...)...)
	for _, r := range m.Rows {
		rec(strconv.Itoa(r.STT), r.NoiNhan, r.GhiChu, strconv.Itoa(r.SoBan), "")
	}
	rec("", "Tổng số bản", "", strconv.Itoa(m.Total()), "")
	w.Flush()
	return b.Bytes()
}

// Defuse neutralises a spreadsheet formula: a cell starting with = + - @,
// a tab or a carriage return gets a leading apostrophe.
func Defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Text is the per-recipient breakdown for the terminal, in Vietnamese.
func (m *Manifest) Text() string {
	var b strings.Builder
	width := 0
	names := make([]string, len(m.Rows))
	for i, r := range m.Rows {
		names[i] = r.NoiNhan
		if r.GhiChu != "" {
			names[i] += " (" + r.GhiChu + ")"
		}
		width = max(width, len([]rune(names[i])))
	}
	for i, r := range m.Rows {
		pad := strings.Repeat(" ", width-len([]rune(names[i])))
		fmt.Fprintf(&b, "  %3d. %s%s  %3d bản\n", r.STT, names[i], pad, r.SoBan)
	}
	fmt.Fprintf(&b, "  Tổng số bản cần in: %d (gửi đi %d, lưu %d).\n", m.Total(), m.Sent(), m.Total()-m.Sent())
	return b.String()
}

// BaseName is the output file name stem of a plan's manifest:
// so-phat-hanh-2025-muong-khoa.
func BaseName(p *plan.Plan) string {
	return fmt.Sprintf("so-phat-hanh-%d-%s", p.Nam, p.Commune.Ma)
}
