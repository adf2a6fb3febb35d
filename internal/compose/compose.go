// Package compose is the only code that knows what a Kế hoạch looks like:
// it turns a validated plan into the format-neutral document model, taking
// its fixed wording from templates/ke-hoach.tmpl and its measures from the
// ND30 profile. Renderers never see a plan.
package compose

import (
	"fmt"
	"math"
	"strings"
	"text/template"
	"time"

	"kehoach/internal/annex"
	"kehoach/internal/doc"
	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/sheet"
	"kehoach/internal/vn"
	"kehoach/templates"
)

// WordingFile is the template of a Kế hoạch's fixed wording.
const WordingFile = "ke-hoach.tmpl"

// wording is the wording template of the templates source in use
// (templates.Use), parsed once per source.
func wording() (*template.Template, error) { return templates.Text(WordingFile) }

// composer carries the state of one composition.
type composer struct {
	p    *plan.Plan
	prof *doc.Profile
	m    Measurer
	t    *template.Template
	err  error
	out  []doc.Block
	// review: the leader's review copy (Options.Review), items set beside
	// their justification.
	review bool
	// electronic: the electronic layout (Options.Electronic).
	electronic bool
}

// Compose builds the Kế hoạch document for a validated plan, its annexes
// included (Annexes), measured with m. The document properties carry
// DocDate.
func Compose(p *plan.Plan, prof *doc.Profile, m Measurer) (*doc.Document, error) {
	c, err := All(p, prof, Options{Measure: m})
	return c.Doc, err
}

// Composition is a plan composed once: the document, and the annex sheets
// fitted to the landscape page that its annex sections were made from. A
// build hands the same sheets to the workbook writer, so the annexes are
// built and fitted once for the DOCX, the PDF and the XLSX.
type Composition struct {
	Doc    *doc.Document
	Sheets []sheet.Sheet
	// Problems are the annex columns the page is too narrow for (words
	// would be cut), for the caller to warn about.
	Problems []sheet.Problem
}

// All builds and fits the plan's annexes (Annexes, measured with o.Measure) and
// composes the document with them (ComposeWith). Template problems are
// returned as errors.
func All(p *plan.Plan, prof *doc.Profile, o Options) (Composition, error) {
	sheets, probs, err := Annexes(p, prof, o.Measure)
	if err != nil {
		return Composition{}, err
	}
	if o.electronic() {
		ref, err := annex.BlankRef(p)
		if err != nil {
			return Composition{}, err
		}
		for i := range sheets {
			sheets[i].Ref = ref
		}
	}
	d, err := ComposeWith(p, prof, sheets, o)
	if err != nil {
		return Composition{}, err
	}
	return Composition{Doc: d, Sheets: sheets, Problems: probs}, nil
}

// Measurer measures text as the document will be set: the family the
// document is set in (build -phong), with layout's metrics
// (layout.Measurer).
type Measurer interface {
	// WidthMM returns the advance width in mm of text in the face bold,
	// italic at size pt.
	WidthMM(bold, italic bool, size float64, text string) float64
	// LineMetrics returns the single line height and the ascent as
	// fractions of the font size.
	LineMetrics() (line, ascent float64)
}

// Options are what a build passes to the composer, rather than package
// state: SourceDate is the date of a draft's document properties (from
// SOURCE_DATE_EPOCH; nil: 1 January of the plan year).
type Options struct {
	SourceDate *time.Time
	// Measure measures the text as the document is set; required.
	Measure Measurer
	// Review composes the leader's review copy (bản trình) rather than the
	// document: every page carries the banner “BẢN TRÌNH LÃNH ĐẠO XEM XÉT -
	// KHÔNG BAN HÀNH”, the body is set in a narrower column with each
	// item's justification (ly_do) in a note column beside it, and annex
	// rows with one are followed by a row carrying it (review.go). The
	// document itself never carries a justification.
	Review bool
	// Electronic composes the electronic document (build -dien-tu, or the
	// plan's van_ban.ban_hanh: dien_tu) rather than the paper one; the
	// review copy (Review) is never electronic. What changes, and why
	// (ND30 and ntm-2026.md §4.1):
	//   - “Số: …” and the day and month of “ngày … tháng … năm …” are left
	//     blank even when the plan has them: the document system assigns the
	//     number and the issue time when the document is signed (Điều 15.3);
	//     the year stays, as on the born-digital documents seen;
	//   - no “DỰ THẢO” mark (a kehoach convention, not ND30's): the file is
	//     the one that is signed, and its missing number is no sign of a
	//     draft;
	//   - the annexes' reference line “(Kèm theo Kế hoạch số … ngày …
	//     tháng … năm …)” keeps all four places blank (Phụ lục I III.1.c),
	//     in the document's annex sections and in the workbook alike;
	//   - the signing room between the signer's title and name is marked
	//     (doc.SignArea) for the signature image, with the seal image over
	//     its left third (Phụ lục I II.7, II.8.a);
	//   - the document properties carry keywords (doc.Meta.Keywords).
	Electronic bool
}

// electronic reports whether o composes the electronic document.
func (o Options) electronic() bool { return o.Electronic && !o.Review }

// ComposeWith is Compose with the plan's annexes already built and fitted
// by Annexes, so that a caller writing the workbook too fits them once.
func ComposeWith(p *plan.Plan, prof *doc.Profile, sheets []sheet.Sheet, o Options) (*doc.Document, error) {
	t, err := wording()
	if err != nil {
		return nil, err
	}
	if o.Measure == nil {
		return nil, fmt.Errorf("compose: no measurer in Options")
	}
	c := &composer{p: p, prof: prof, m: o.Measure, t: t, review: o.Review, electronic: o.electronic()}
	c.header()
	c.body()
	c.signature()
	banner, noteLabel := "", ""
	if o.Review {
		banner, noteLabel = c.say("ban-trinh", nil), c.say("ly-do", nil)
	}
	if c.err != nil {
		return nil, c.err
	}
	annexes := annexSections(p, prof, sheets, o.Measure, noteLabel)
	date := DocDate(p, o.SourceDate)
	meta := doc.Meta{
		Title:    p.TypeName() + " " + vn.LowerFirst(markup.Plain(p.VanBan.TrichYeu)),
		Subject:  markup.Plain(p.ChuongTrinh.TenNgan) + " năm " + fmt.Sprint(p.Nam),
		Author:   c.coQuanDayDu(),
		Language: "vi-VN",
		Date:     date,
	}
	if !o.Review { // the review copy is never issued
		meta.Record = Record(p, date, c.electronic)
	}
	if c.electronic {
		meta.Keywords = []string{p.TypeName(), meta.Record.CodeNotation, markup.Plain(p.ChuongTrinh.TenNgan), fmt.Sprint(p.Nam), p.Commune.Level() + " " + p.Commune.Ten}
	}
	d := &doc.Document{
		Banner: banner,
		Meta:   meta,
		Sections: append([]doc.Section{{
			Page:        c.page(),
			PageNumbers: doc.PageNumbering{Show: true, Start: 1},
			Blocks:      c.out,
		}}, annexes...), // the annexes follow the signature block
	}
	return d, nil
}

// DocDate is the fixed date of the document's properties: the issue date,
// else source (SOURCE_DATE_EPOCH, read by the command layer; may be nil),
// else 1 January of the plan year. Never the wall clock.
func DocDate(p *plan.Plan, source *time.Time) time.Time {
	if !p.VanBan.Ngay.IsZero() {
		return p.VanBan.Ngay.Time
	}
	if source != nil {
		return *source
	}
	y := p.Nam
	if y == 0 {
		y = 2000
	}
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
}

// say renders a named wording block.
func (c *composer) say(name string, data any) string {
	s, err := templates.Execute(c.t, WordingFile, name, data)
	if err != nil && c.err == nil {
		c.err = err
	}
	return s
}

// runs turns marked-up text into runs with no-break spaces bound (vn.Bind).
func runs(s string) []doc.Run {
	rs, err := markup.Parse(s)
	if err != nil { // validated earlier; fall back to literal text
		rs = []doc.Run{{Text: s}}
	}
	for i := range rs {
		rs[i].Text = vn.Bind(rs[i].Text)
	}
	return rs
}

func (c *composer) add(b ...doc.Block) { c.out = append(c.out, b...) }

func (c *composer) para(style doc.StyleName, text string) *doc.Paragraph {
	return &doc.Paragraph{Style: style, Runs: runs(text)}
}

func (c *composer) coQuanDayDu() string { return c.p.Commune.Agency() }

func (c *composer) coQuanNgan() string {
	return c.p.Commune.AgencyShort()
}

// width measures text in mm in a profile style.
func (c *composer) width(style doc.StyleName, text string) float64 {
	s := c.prof.Style(style)
	return c.m.WidthMM(s.Bold, s.Italic, s.Size, text)
}

// shortRule is ND30's rule under the agency name and the trích yếu: between
// 1/3 and 1/2 of the text line; we take 2/5 of the widest line, rounded to
// the millimetre.
func shortRule(lineWidth float64) *doc.Rule {
	return &doc.Rule{Length: math.Round(lineWidth * 0.4), Align: doc.AlignCenter}
}

// Header widths from ND30's own Mẫu 1.4 (nd30.md §1.3): 3829 + 5670 twips,
// reaching 3.5 mm into the left margin. The Nơi nhận column takes the wide
// end of ND30's templates (5.3–6.3 cm) so recipients rarely wrap at 11 pt.
var (
	headerCols    = []float64{67.5, 100}
	headerOffset  = -3.5
	signatureCols = []float64{63, 102}
)

func (c *composer) header() {
	p, cm := c.p, c.p.Commune
	if p.IsDraft() && !c.electronic {
		c.add(&doc.Paragraph{Style: doc.StyleDraftMark, Runs: []doc.Run{{Text: c.say("du-thao", nil), Bold: true}}, Align: doc.AlignRight})
	}
	var left []doc.Block
	widest := 0.0
	if cm.CoQuan.ChuQuan != "" {
		left = append(left, c.para(doc.StyleAgencyParent, vn.Upper(cm.CoQuan.ChuQuan)))
	}
	for _, line := range []string{vn.Upper(cm.CoQuan.Ten), vn.Upper(cm.Level() + " " + cm.Ten)} {
		left = append(left, c.para(doc.StyleAgency, line))
		widest = max(widest, c.width(doc.StyleAgency, line))
	}
	left = append(left, shortRule(widest))
	leftSizes := []float64{}
	for _, b := range left {
		if p, ok := b.(*doc.Paragraph); ok {
			leftSizes = append(leftSizes, c.prof.Style(p.Style).Size)
		}
	}
	so := vn.Blank
	if p.VanBan.So != 0 && !c.electronic {
		so = vn.DocNumber(int(p.VanBan.So))
	}
	left = append(left, &doc.Paragraph{Style: doc.StyleNumber, Runs: []doc.Run{{Text: nbsp(c.say("so-ky-hieu", map[string]string{"So": so, "KyHieu": p.Loai() + "-" + cm.CoQuan.VietTat}))}}})

	motto := c.say("tieu-ngu", nil)
	ngay, thang, nam := vn.Blank, vn.Blank, p.Nam
	if d := p.VanBan.Ngay; !d.IsZero() {
		// An issued plan prints its issue date, which may fall late in the
		// year before the plan year.
		ngay, thang, nam = vn.Day2(d.Day()), vn.Month2(int(d.Month())), d.Year()
		if c.electronic { // the document system dates it when it is signed
			ngay, thang = vn.Blank, vn.Blank
		}
	}
	diaDanh := cm.DiaDanh
	if diaDanh == "" {
		diaDanh = cm.Ten
	}
	right := []doc.Block{
		c.para(doc.StyleNational, c.say("quoc-hieu", nil)),
		c.para(doc.StyleMotto, motto),
		&doc.Rule{Length: math.Round(c.width(doc.StyleMotto, motto)*10) / 10, Align: doc.AlignCenter},
		&doc.Paragraph{Style: doc.StylePlaceDate, Runs: []doc.Run{{Text: c.say("dia-danh-ngay", map[string]any{"DiaDanh": diaDanh, "Ngay": ngay, "Thang": thang, "Nam": nam}), Italic: true}}},
	}
	// ND30 puts “Số: …” and the place-and-date line on one line. The two
	// stacks above them differ (13 pt agency lines, a 14 pt motto), so a
	// spacer on the shorter side brings the two baselines level.
	numSize, dateSize := c.prof.Style(doc.StyleNumber).Size, c.prof.Style(doc.StylePlaceDate).Size
	diff := c.baseline(leftSizes, numSize) - c.baseline([]float64{c.prof.Style(doc.StyleNational).Size, c.prof.Style(doc.StyleMotto).Size}, dateSize)
	switch {
	case diff < -0.05:
		left = insertBefore(left, len(left)-1, &doc.Spacer{Height: -diff})
	case diff > 0.05:
		right = insertBefore(right, len(right)-1, &doc.Spacer{Height: diff})
	}
	c.add(&doc.Columns{Widths: headerCols, Offset: headerOffset, Cols: [][]doc.Block{left, right}, KeepTogether: true})

	c.add(c.para(doc.StyleDocType, vn.Upper(p.TypeName())))
	ty := markup.Plain(p.VanBan.TrichYeu)
	c.add(c.para(doc.StyleTrichYeu, p.VanBan.TrichYeu))
	tw := c.width(doc.StyleTrichYeu, ty)
	c.add(shortRule(math.Min(tw, c.page().TextWidth())))
}

// baseline is the distance in mm from the top of a stack of single-spaced
// lines (sizes in pt) to the baseline of a following line of size last.
func (c *composer) baseline(sizes []float64, last float64) float64 {
	line, ascent := c.m.LineMetrics()
	h := 0.0
	for _, s := range sizes {
		h += s * line
	}
	return (h + last*ascent) / ptPerMM
}

// ptPerMM is points per millimetre (the document model's sizes are in
// points, its lengths in millimetres).
const ptPerMM = 72 / 25.4

func insertBefore(bs []doc.Block, i int, b doc.Block) []doc.Block {
	out := append([]doc.Block{}, bs[:i]...)
	out = append(out, b)
	return append(out, bs[i:]...)
}

func (c *composer) body() {
	p := c.p
	// Căn cứ: each ends with ";", the last with "." (ND30).
	for i, cc := range p.CanCu {
		data := map[string]string{"Loai": cc.Loai, "So": cc.So, "CoQuan": cc.CoQuan, "TrichYeu": cc.TrichYeu, "Ngay": ""}
		if !cc.Ngay.IsZero() {
			data["Ngay"] = vn.ShortDate(cc.Ngay.Time)
		}
		end := ";"
		if i == len(p.CanCu)-1 {
			end = "."
		}
		para := c.para(doc.StyleCanCu, c.say("can-cu", data)+end)
		for k := range para.Runs {
			para.Runs[k].Italic = true
		}
		c.add(para)
	}
	c.add(c.para(doc.StyleBody, c.say("mo-dau", map[string]any{"CoQuan": c.coQuanDayDu(), "ChuongTrinh": p.ChuongTrinh.Ten, "Nam": p.Nam})))

	part := 0
	heading1 := func(name string) {
		part++
		c.add(&doc.Paragraph{Style: doc.StyleHeading1, Runs: []doc.Run{{Text: vn.Roman(part) + ". " + c.say(name, nil), Bold: true}}, Heading: 1})
	}
	heading2 := func(n int, text, reason string) {
		rs := runs(fmt.Sprintf("%d. %s", n, text))
		for k := range rs {
			rs[k].Bold = true
		}
		c.addNoted(&doc.Paragraph{Style: doc.StyleHeading2, Runs: rs, Heading: 2}, reason)
	}
	annexRef := func(refs []string) {
		if len(refs) == 0 {
			return
		}
		rs := runs(c.say("chi-tiet-bieu", strings.Join(refs, "; ")))
		for k := range rs {
			rs[k].Italic = true
		}
		c.add(&doc.Paragraph{Style: doc.StyleBody, Runs: rs, Align: doc.AlignCenter, NoIndent: true})
	}

	// I. Mục tiêu.
	heading1("phan-muc-tieu")
	heading2(1, c.say("muc-tieu-chung", nil), "")
	c.add(c.para(doc.StyleBody, p.MucTieu.Chung))
	heading2(2, c.say("muc-tieu-cu-the", nil), "")
	total := p.CountCriteria()
	if p.CountMet() > 0 {
		// "Duy trì … 0/10 tiêu chí đã đạt" would maintain nothing (a new
		// commune, or a draft rolled into a new criteria set).
		c.item(1, c.say("duy-tri", map[string]int{"Dat": p.CountMet(), "Tong": total}))
	}
	if planned := p.Planned(); len(planned) > 0 {
		var names []string
		for _, cr := range planned {
			names = append(names, c.say("tieu-chi-so", cr))
		}
		c.item(1, c.say("hoan-thanh", map[string]any{"DanhSach": vn.JoinAnd(names), "DatCuoiNam": p.CountMet() + p.CountPlanned(), "Tong": total, "Nam": p.Nam}))
	}
	for _, s := range p.MucTieu.CuThe {
		c.item(1, s)
	}
	if len(p.MucTieu.ChiTieu) > 0 {
		c.item(1, c.say("chi-tieu-chu-yeu", nil))
		for _, ct := range p.MucTieu.ChiTieu {
			c.itemNoted(2, IndicatorText(ct)+".", ct.LyDo)
		}
	}

	// II. Nhiệm vụ.
	heading1("phan-nhiem-vu")
	for i, g := range p.NhiemVu.Nhom {
		heading2(i+1, g.TieuDe, g.LyDo)
		c.items(g.NoiDung)
		annexRef(g.Bieu)
	}
	annexRef(p.NhiemVu.Bieu)

	// III. Nguồn lực.
	heading1("phan-nguon-luc")
	c.add(c.para(doc.StyleBody, c.say("tong-nguon-luc", map[string]any{"ChuongTrinh": p.ChuongTrinh.TenNgan, "Nam": p.Nam, "Tong": p.Total().String()})))
	for _, n := range p.NguonLuc.Nguon {
		var parts []string
		for _, ch := range n.Con {
			parts = append(parts, c.say("nguon-con", map[string]string{"Ten": vn.LowerFirst(ch.Ten), "SoTien": ch.Sum.String()}))
		}
		c.itemNoted(1, c.say("nguon", map[string]string{"Ten": n.Ten, "SoTien": n.Sum.String(), "Con": strings.Join(parts, "; ")}), sourceReasons(n)...)
	}
	annexRef(p.NguonLuc.Bieu)

	// IV. Giải pháp.
	heading1("phan-giai-phap")
	for i, s := range p.GiaiPhap {
		c.add(c.para(doc.StyleBody, fmt.Sprintf("%d. %s", i+1, s)))
	}

	// V. Tổ chức thực hiện.
	heading1("phan-to-chuc")
	for i, t := range p.ToChuc {
		heading2(i+1, t.DonVi, "")
		c.items(t.NoiDung)
	}

	closing := p.KetLuan
	if closing == "" {
		closing = c.say("ket-luan", map[string]any{"CoQuan": c.coQuanNgan(), "ChuongTrinh": p.ChuongTrinh.TenNgan, "Nam": p.Nam})
	}
	end := c.para(doc.StyleBody, closing)
	end.KeepNext = true // the signature block never stands alone on a page
	c.add(end)
}

// item adds a "-" (level 1) or "+" (level 2) list item.
func (c *composer) item(level int, text string) { c.itemNoted(level, text, "") }

// itemNoted is item with the item's justifications (review copy only).
func (c *composer) itemNoted(level int, text string, reasons ...string) {
	marker := "-"
	if level == 2 {
		marker = "+"
	}
	c.addNoted(&doc.ListItem{Style: doc.StyleBody, Marker: marker, Level: level, Runs: runs(text)}, reasons...)
}

func (c *composer) items(ms []plan.Muc) {
	for _, m := range ms {
		switch {
		case m.Doan != "":
			c.addNoted(c.para(doc.StyleBody, m.Doan), m.LyDo)
		case m.Y != "":
			c.itemNoted(1, m.Y, m.LyDo)
		}
		for _, s := range m.YNho {
			c.item(2, s)
		}
	}
}

// IndicatorText formats a target indicator: "Thu nhập bình quân đầu người
// đạt ≥ 54 triệu đồng/năm", "Tỷ lệ hộ nghèo đa chiều ≤ 11%".
func IndicatorText(ct plan.ChiTieu) string {
	s := ct.Ten + " "
	if ct.SoSanh != "" && ct.SoSanh != plan.CmpEQ {
		s += string(ct.SoSanh) + " "
	}
	return s + Quantity(ct.GiaTri.Decimal, ct.DonVi)
}

// Quantity writes a value with its unit: "54 triệu đồng/năm", "11%",
// "60% dân số" (a percent sign follows the number without a space).
func Quantity(v vn.Decimal, unit string) string {
	switch {
	case unit == "":
		return v.String()
	case strings.HasPrefix(unit, "%"):
		return v.String() + unit
	}
	return v.String() + " " + unit
}

func (c *composer) signature() {
	p, cm := c.p, c.p.Commune
	left := []doc.Block{&doc.Paragraph{Style: doc.StyleRecipTitle, Runs: []doc.Run{{Text: c.say("noi-nhan", nil), Bold: true, Italic: true}}}}
	for _, n := range p.NoiNhan.Nhan {
		left = append(left, c.para(doc.StyleRecipItem, c.say("nguoi-nhan", n)))
	}
	left = append(left, c.para(doc.StyleRecipItem, c.say("luu", strings.Join(p.NoiNhan.Luu, ", "))))

	var right []doc.Block
	bold := func(style doc.StyleName, s string) {
		right = append(right, &doc.Paragraph{Style: style, Runs: []doc.Run{{Text: s, Bold: true}}})
	}
	widest := c.width(doc.StyleSignName, p.SignerName())
	for _, l := range p.Ky.AuthorityLines(cm.CoQuan.Ten) {
		bold(doc.StyleSignAuthor, l)
		widest = max(widest, c.width(doc.StyleSignAuthor, l))
	}
	room := &doc.Spacer{Height: signRoom}
	if c.electronic {
		// ND30 gives neither image a size (the seal's is its real one):
		// the signature box spans the widest line it sits between, the
		// seal box is as tall as the room, and the signing system places
		// the images at their own sizes.
		room.Sign = &doc.SignArea{Width: math.Ceil(widest), Seal: signRoom}
	}
	right = append(right, room)
	bold(doc.StyleSignName, p.SignerName())
	c.add(&doc.Spacer{Height: 2})
	c.add(&doc.Columns{Widths: signatureCols, Cols: [][]doc.Block{left, right}, KeepTogether: true})
}

// signRoom is the white space (mm) between the signer's title and name,
// where the signature goes (and on an electronic document the signature
// and seal images).
const signRoom = 25

func nbsp(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
