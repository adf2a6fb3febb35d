package plan

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/programme"
	"kehoach/internal/safefile"
	"kehoach/internal/yamlx"
	"kehoach/templates"
)

// resolvePeriod finds the plan's programme period (giai_doan, else the one
// covering nam), its criteria set (tieu_chi.bo, else the period's), the
// provincial set (tieu_chi.bo_tinh), and fills in what the plan leaves to
// them: the programme's names and the legal bases.
func resolvePeriod(p *Plan, res *Result, readFile func(string) ([]byte, error)) {
	c := &checker{p: p, res: res}
	dataErr := func(err error) bool {
		var es diag.List
		if errors.As(err, &es) {
			// The template files' errors, each once: a file that does
			// not load (nguon.yaml) is among the errors of every file
			// that refers to it.
			for _, d := range es {
				if !slices.ContainsFunc(res.Errors, func(e *diag.Diagnostic) bool { return e.Error() == d.Error() }) {
					res.Errors = append(res.Errors, d)
				}
			}
			return true
		}
		return false
	}

	switch {
	case p.GiaiDoan != "":
		per, err := programme.LoadPeriod(p.GiaiDoan)
		switch {
		case dataErr(err):
		case err != nil:
			c.errAt("giai_doan", "%s", unknown("giai đoạn", p.GiaiDoan, programme.PeriodIDs()))
		case p.Nam != 0 && !per.Covers(p.Nam):
			c.errAt("giai_doan", "năm kế hoạch %d không thuộc giai đoạn %s; hãy sửa giai_doan, hoặc xóa dòng này để dùng giai đoạn chứa năm %d.", p.Nam, per.Ma, p.Nam)
		default:
			p.Period = per
		}
	case p.Nam >= 2000 && p.Nam <= 2100:
		if p.Period = programme.PeriodFor(p.Nam); p.Period == nil && !brokenPeriods(dataErr) {
			c.errAt("nam", "chưa có giai đoạn nào của Chương trình chứa năm %d trong templates/giai-doan (có: %s); hãy kiểm tra năm, hoặc thêm tệp giai đoạn mới theo mẫu templates/giai-doan/2026-2030.yaml.", p.Nam, strings.Join(programme.PeriodIDs(), ", "))
		}
	}

	bo := p.TieuChi.Bo
	if bo == "" && p.Period != nil {
		bo = p.Period.BoTieuChi
	}
	if bo != "" {
		set, err := programme.LoadCriteriaSet(bo)
		switch {
		case dataErr(err):
		case err != nil:
			c.errAt("tieu_chi.bo", "%s", unknown("bộ tiêu chí", bo, programme.CriteriaSetIDs()))
		case p.Nam != 0 && set.GiaiDoan.Den != 0 && (p.Nam < set.GiaiDoan.Tu || p.Nam > set.GiaiDoan.Den):
			msg := fmt.Sprintf("bộ tiêu chí %s áp dụng cho giai đoạn %d - %d, không cho năm %d", set.Ma, set.GiaiDoan.Tu, set.GiaiDoan.Den, p.Nam)
			if p.Period != nil {
				msg += fmt.Sprintf("; hãy dùng bộ %s của giai đoạn %s (hoặc xóa dòng bo)", p.Period.BoTieuChi, p.Period.Ma)
			}
			c.errAt("tieu_chi.bo", "%s.", msg)
		default:
			p.Set = set
			p.TieuChi.Bo = set.Ma
		}
	}

	if p.TieuChi.BoTinh != "" {
		p.Prov = loadProvincial(c, p, readFile, dataErr)
	}

	if p.ChuongTrinh.Ten == "" && p.ChuongTrinh.TenNgan == "" && p.Period != nil {
		p.ChuongTrinh.Ten = p.Period.ChuongTrinh.Ten
		p.ChuongTrinh.TenNgan = p.Period.ChuongTrinh.TenNgan
	} else if p.ChuongTrinh.Ten == "" || p.ChuongTrinh.TenNgan == "" {
		c.errAtKey("chuong_trinh", "hãy ghi cả ten và ten_ngan của Chương trình, hoặc xóa cả khóa chuong_trinh để dùng tên của giai đoạn.")
	}

	bases(c, p)
}

func unknown(what, id string, ids []string) string {
	msg := fmt.Sprintf("không có %s “%s”", what, id)
	if s := yamlx.Suggest(id, ids); s != "" {
		return msg + fmt.Sprintf("; có phải ý bạn là “%s”?", s)
	}
	if len(ids) == 0 {
		return msg + "."
	}
	return msg + "; các mã có sẵn: " + strings.Join(ids, ", ") + "."
}

func loadProvincial(c *checker, p *Plan, readFile func(string) ([]byte, error), dataErr func(error) bool) *programme.ProvincialSet {
	ref := p.TieuChi.BoTinh
	var ps *programme.ProvincialSet
	var err error
	if strings.ContainsAny(ref, `/\`) || IsYAMLName(ref) {
		path, ok := CommunePath(p.File, ref)
		if !ok {
			c.errAt("tieu_chi.bo_tinh", "bộ tiêu chí của tỉnh “%s” không hợp lệ; hãy ghi mã trong templates/tieu-chi/tinh hoặc đường dẫn tương đối tới một tệp .yaml.", ref)
			return nil
		}
		if !IsProvincialSetName(path) {
			// Any other name would be read as a plan by build, check and
			// fmt on the folder.
			c.errAt("tieu_chi.bo_tinh", "tệp bộ tiêu chí của tỉnh “%s” phải có tên bắt đầu bằng %s (ví dụ %s-tinh.yaml), để các lệnh build, check, fmt với thư mục không đọc nhầm tệp này như một kế hoạch; hãy đổi tên tệp và sửa khóa bo_tinh.", ref, ProvincialSetPrefix, ProvincialSetPrefix)
			return nil
		}
		data, rerr := readFile(path)
		var se *safefile.Error
		switch {
		case errors.As(rerr, &se):
			c.errAt("tieu_chi.bo_tinh", "không đọc được bộ tiêu chí của tỉnh “%s”: %v", ref, se)
			return nil
		case rerr != nil:
			c.errAt("tieu_chi.bo_tinh", "không đọc được bộ tiêu chí của tỉnh “%s” (%v); hãy kiểm tra đường dẫn.", ref, localErr(rerr))
			return nil
		}
		ps, err = programme.ParseProvincialSet(path, data)
	} else {
		ps, err = programme.LoadProvincialSet(ref)
	}
	switch {
	case dataErr(err):
		return nil
	case err != nil:
		c.errAt("tieu_chi.bo_tinh", "%s", unknown("bộ tiêu chí của tỉnh", ref, programme.ProvincialSetIDs()))
		return nil
	case p.Set != nil && ps.Bo != p.Set.Ma:
		c.errAt("tieu_chi.bo_tinh", "bộ tiêu chí của tỉnh “%s” áp dụng bộ quốc gia %s, còn kế hoạch dùng bộ %s; hãy dùng bộ của tỉnh cho đúng giai đoạn.", ref, ps.Bo, p.Set.Ma)
		return nil
	}
	if p.Commune != nil && p.Commune.Tinh != "" && !strings.EqualFold(p.Commune.Tinh, ps.Tinh) {
		c.warnAt("tieu_chi.bo_tinh", "bộ tiêu chí “%s” là của tỉnh %s, còn tệp xã ghi tỉnh %s; hãy kiểm tra lại.", ref, ps.Tinh, p.Commune.Tinh)
	}
	return ps
}

// bases resolves the legal bases: registry references (ma) are filled in;
// a plan that lists none gets the period's chain, the criteria set's
// decision and the provincial set's, then can_cu_them.
func bases(c *checker, p *Plan) {
	for i := range p.CanCu {
		resolveBase(c, fmt.Sprintf("can_cu[%d]", i), &p.CanCu[i])
	}
	for i := range p.CanCuThem {
		resolveBase(c, fmt.Sprintf("can_cu_them[%d]", i), &p.CanCuThem[i])
	}
	if len(p.CanCu) > 0 {
		if len(p.CanCuThem) > 0 {
			c.errAtKey("can_cu_them", "can_cu_them chỉ dùng khi không ghi can_cu (để thêm vào các căn cứ mặc định của giai đoạn); hãy chuyển các mục này vào can_cu.")
		}
		return
	}
	var defs []*programme.Citation
	if p.Period != nil {
		defs = append(defs, p.Period.Bases()...)
	}
	if p.Set != nil {
		if ct, ok := programme.Cite(p.Set.CanCu); ok {
			defs = append(defs, ct)
		}
	}
	if p.Prov != nil {
		defs = append(defs, &p.Prov.VanBan)
	}
	for _, ct := range defs {
		b := fromCitation(ct)
		if b.Unverified != "" {
			file := templates.Path("can-cu.yaml")
			if p.Prov != nil && ct == &p.Prov.VanBan {
				file = p.Prov.File
			}
			c.res.Warnings = append(c.res.Warnings, &diag.Diagnostic{Severity: diag.Warning, File: file, Pos: ct.Pos, Msg: unverifiedMsg(b)})
		}
		p.CanCu = append(p.CanCu, b)
	}
	p.CanCu = append(p.CanCu, p.CanCuThem...)
	if len(p.CanCu) == 0 {
		c.errAt("", "kế hoạch chưa có căn cứ nào; hãy thêm khóa can_cu (xem plans/muong-khoa/2025.yaml).")
	}
}

func resolveBase(c *checker, path string, b *CanCu) {
	if b.Ma == "" {
		if b.Loai == "" {
			c.errAt(path, "căn cứ thiếu tên loại văn bản (loai); hãy ghi loai, hoặc ghi ma của văn bản trong templates/can-cu.yaml.")
		}
		if b.TrichYeu == "" {
			c.errAt(path, "căn cứ thiếu trích yếu (trich_yeu); hãy ghi trich_yeu, hoặc ghi ma của văn bản trong templates/can-cu.yaml.")
		}
		return
	}
	ct, ok := programme.Cite(b.Ma)
	if !ok {
		c.errAt(path+".ma", "%s", unknown("văn bản", b.Ma, programme.CitationIDs()))
		return
	}
	if b.Loai != "" || b.So != "" || !b.Ngay.IsZero() || b.CoQuan != "" || b.TrichYeu != "" {
		c.errAt(path, "căn cứ đã ghi ma “%s” thì không ghi thêm loai, so, ngay, co_quan, trich_yeu (lấy từ templates/can-cu.yaml); hãy xóa các khóa đó hoặc xóa ma.", b.Ma)
		return
	}
	pos := b.Pos
	*b = fromCitation(ct)
	b.Pos = pos
	if b.Unverified != "" {
		c.warnAt(path, "%s", unverifiedMsg(*b))
	}
}

func fromCitation(ct *programme.Citation) CanCu {
	b := CanCu{Pos: ct.Pos, Ma: ct.Ma, Loai: ct.Loai, So: ct.So, CoQuan: ct.CoQuan, TrichYeu: ct.TrichYeu}
	if ct.Ngay != "" {
		_ = b.Ngay.DecodeScalar(ct.Ngay, false) // checked when the registry loaded
	}
	if !ct.DaDoiChieu {
		b.Unverified = strings.Join(ct.Nguon, ", ")
	}
	return b
}

func unverifiedMsg(b CanCu) string {
	return fmt.Sprintf("căn cứ %s số %s: trích yếu chưa đối chiếu nguyên văn với văn bản gốc (nguồn %s); văn bản vẫn in, nhưng hãy đối chiếu trước khi ký.", b.Loai, b.So, b.Unverified)
}

// Class is how the commune is classified for thresholds.
func (c *Commune) Class() programme.Class {
	if c == nil {
		return programme.Class{}
	}
	return programme.Class{Vung: c.Vung, Nhom: c.NhomXa, DacBiet: c.DacBiet}
}

// indicatorRows builds each criterion's Biểu 01 rows — the indicators the
// plan lists, with the wording, unit and threshold for the commune taken
// from the criteria set (or the provincial set) when it has them — and
// warns, once, of every required threshold left blank. The set's other
// indicators are not printed: the data holds only the indicators with a
// source, so listing them all would give a partial list.
func (c *checker) indicatorRows() {
	p := c.p
	if p.Set == nil {
		return
	}
	set := p.Set
	key, desc, keyed := set.Key(p.Commune.Class())
	if !keyed && p.Commune != nil {
		what := "vung (vùng theo " + set.VanBan + ": " + strings.Join(set.Keys(), ", ") + ")"
		if desc == programme.ByGroup {
			what = "nhom_xa (nhóm xã 1, 2 hoặc 3 theo " + set.VanBan + ")"
		}
		c.res.Warnings = append(c.res.Warnings, &diag.Diagnostic{Severity: diag.Warning, File: p.Commune.File, Pos: diag.Pos{Line: 1, Col: 1},
			Msg: fmt.Sprintf("tệp xã chưa ghi %s, nên không chọn được ngưỡng chỉ tiêu của xã; hãy thêm một dòng %s: … vào tệp xã.", what, desc)})
	}
	var blank []string
	for i := range p.TieuChi.DanhGia {
		d := &p.TieuChi.DanhGia[i]
		d.Rows = nil
		for k := range d.ChiTieu {
			t := &d.ChiTieu[k]
			path := fmt.Sprintf("tieu_chi.danh_gia[%d].chi_tieu[%d]", i, k)
			r := IndicatorRow{Ma: t.Ma, Ten: t.Ten, DonVi: t.DonVi, QuyDinh: t.QuyDinh, HienTrang: t.HienTrang, KeHoach: t.KeHoach}
			in := set.IndicatorFor(d.So, t.Ma, p.Prov)
			if in == nil {
				if t.Ten == "" {
					c.errAt(path, "chỉ tiêu %s không có trong bộ %s nên cần ghi nội dung (ten).", t.Ma, set.Ma)
				}
				if t.QuyDinh == "" {
					blank = append(blank, t.Ma+" (bộ "+set.Ma+provWord(p)+" chưa có chỉ tiêu này)")
				}
				d.Rows = append(d.Rows, r)
				continue
			}
			if r.Ten == "" {
				r.Ten = in.Ten
			}
			if r.DonVi == "" {
				r.DonVi = in.Dvt
			}
			var v programme.Value
			if keyed {
				v = set.Threshold(in, key, p.Prov)
			} else {
				v.Missing = "tệp xã chưa ghi " + desc
			}
			switch {
			case v.Text == "" && t.QuyDinh == "":
				blank = append(blank, fmt.Sprintf("%s (%s%s)", in.Ma, v.Missing, forWhom(desc, keyed)))
			case v.Text == "":
			case t.QuyDinh != "" && t.QuyDinh != v.Text:
				c.warnAt(path, "chỉ tiêu %s ghi quy_dinh “%s” khác ngưỡng của bộ tiêu chí cho %s (“%s”, nguồn %s); Biểu 01 in ngưỡng của bộ; hãy xóa quy_dinh hoặc kiểm tra lại.", in.Ma, t.QuyDinh, desc, v.Text, v.Source)
				r.QuyDinh = v.Text
			default:
				r.QuyDinh = v.Text
			}
			d.Rows = append(d.Rows, r)
		}
	}
	if len(blank) > 0 {
		// A plan that already names a provincial set is told to complete
		// that set, not to name one.
		other := "dùng bộ tiêu chí của tỉnh (tieu_chi.bo_tinh)"
		if p.Prov != nil {
			other = "thêm ngưỡng đã đối chiếu vào bộ tiêu chí của tỉnh “" + p.TieuChi.BoTinh + "” (tieu_chi.bo_tinh)"
		}
		c.res.Warnings = append(c.res.Warnings, &diag.Diagnostic{Severity: diag.Warning, File: p.File, Pos: p.Index.KeyPos("tieu_chi"),
			Msg: fmt.Sprintf("Biểu 01 để trống cột “Chỉ tiêu quy định” của %d chỉ tiêu: %s. Không có ngưỡng đã đối chiếu thì không in; hãy ghi quy_dinh của chỉ tiêu theo văn bản của tỉnh (tieu_chi.danh_gia[].chi_tieu), hoặc %s.", len(blank), strings.Join(blank, "; "), other)})
	}
}

// provWord is " và bộ của tỉnh" when the plan names a provincial set.
func provWord(p *Plan) string {
	if p.Prov == nil {
		return ""
	}
	return " và bộ của tỉnh"
}

func forWhom(desc string, keyed bool) string {
	if !keyed || desc == "" {
		return ""
	}
	return " cho " + desc
}

// brokenPeriods reports the errors of the period files of templates/giai-doan
// that do not load (a YAML slip in a file the user edited), through
// dataErr, and whether there were any: when no period covers the plan's
// year, those errors, at their file, line and column, say why, rather than
// "no period holds the year" while the folder lists it.
func brokenPeriods(dataErr func(error) bool) bool {
	broken := false
	for _, id := range programme.PeriodIDs() {
		if _, err := programme.LoadPeriod(id); err != nil && dataErr(err) {
			broken = true
		}
	}
	return broken
}
