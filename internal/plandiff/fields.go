package plandiff

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"kehoach/internal/lazy"
	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
)

// Every leaf of the plan file and of the commune file is named by its YAML
// path — list items as “[]”, the commune file's keys after “xa.yaml/”,
// the sources under a source (con) as the source itself — and is in
// exactly one of three tables (TestFieldsCovered walks the model and
// fails on a leaf in none):
//   - compared: read by the comparisons of plandiff.go, in the plan's own
//     terms (the named comparison);
//   - labelled: compared here, value against value, and reported under its
//     section with its Vietnamese label;
//   - notPrinted: printed by no output, with the reason.
//
// A list of items (lists) pairs its items by a key before their fields are
// compared; the items added and removed are reported by the comparison
// named in compared, or here when the list's own says so.

// The tables the comparison reads, built by the first Diff, not when the
// package is initialised (every command links plandiff); compared and
// notPrinted document the other fields, for the tests.
type tableSet struct {
	labelled map[string]label
	shownAs  map[string]func(p *plan.Plan, code string) string
	lists    map[string]list
}

var fieldTables lazy.Value[*tableSet]

func tables() *tableSet { return fieldTables.Get(makeTables) }

func makeTables() *tableSet {
	return &tableSet{labelled: labelledTable(), shownAs: shownAsTable(), lists: listsTable()}
}

// CommuneFile is the path prefix of the commune file's keys.
const CommuneFile = "xa.yaml/"

func comparedTable() map[string]string {
	return map[string]string{
		"nam":                                       "document",
		"giai_doan":                                 "period",
		"van_ban.so":                                "document",
		"van_ban.ngay":                              "document",
		"van_ban.trich_yeu":                         "document",
		"chuong_trinh.ten":                          "document",
		"chuong_trinh.ten_ngan":                     "document",
		"can_cu[].ma":                               "legalBasis (as resolved)",
		"can_cu[].loai":                             "legalBasis",
		"can_cu[].so":                               "legalBasis",
		"can_cu[].ngay":                             "legalBasis",
		"can_cu[].co_quan":                          "legalBasis",
		"can_cu[].trich_yeu":                        "legalBasis",
		"can_cu_them[].ma":                          "legalBasis (added to the resolved list)",
		"can_cu_them[].loai":                        "legalBasis",
		"can_cu_them[].so":                          "legalBasis",
		"can_cu_them[].ngay":                        "legalBasis",
		"can_cu_them[].co_quan":                     "legalBasis",
		"can_cu_them[].trich_yeu":                   "legalBasis",
		"muc_tieu.chung":                            "objectives",
		"muc_tieu.cu_the":                           "objectives",
		"muc_tieu.chi_tieu[].ten":                   "objectives",
		"muc_tieu.chi_tieu[].so_sanh":               "objectives",
		"muc_tieu.chi_tieu[].gia_tri":               "objectives",
		"muc_tieu.chi_tieu[].don_vi":                "objectives",
		"tieu_chi.bo":                               "period",
		"tieu_chi.bo_tinh":                          "period",
		"tieu_chi.danh_gia[].so":                    "criteria",
		"tieu_chi.danh_gia[].hien_trang":            "criteria",
		"tieu_chi.danh_gia[].chi_tieu[].ma":         "indicatorRows",
		"tieu_chi.danh_gia[].chi_tieu[].ten":        "indicatorRows",
		"tieu_chi.danh_gia[].chi_tieu[].don_vi":     "indicatorRows",
		"tieu_chi.danh_gia[].chi_tieu[].quy_dinh":   "indicatorRows",
		"tieu_chi.danh_gia[].chi_tieu[].hien_trang": "indicatorRows",
		"tieu_chi.danh_gia[].chi_tieu[].ke_hoach":   "indicatorRows",
		"nhiem_vu.nhom[].tieu_de":                   "tasks",
		"nhiem_vu.nhom[].noi_dung[].doan":           "tasks",
		"nhiem_vu.nhom[].noi_dung[].y":              "tasks",
		"nhiem_vu.nhom[].noi_dung[].y_nho":          "tasks",
		"nhiem_vu.nhom[].bieu":                      "tasks",
		"nhiem_vu.bieu":                             "tasks",
		"nguon_luc.nguon[].ma":                      "funding",
		"nguon_luc.nguon[].ten":                     "funding",
		"nguon_luc.nguon[].so_tien":                 "funding",
		"giai_phap":                                 "list",
		"to_chuc_thuc_hien[].don_vi":                "organisation",
		"to_chuc_thuc_hien[].noi_dung[].doan":       "organisation",
		"to_chuc_thuc_hien[].noi_dung[].y":          "organisation",
		"to_chuc_thuc_hien[].noi_dung[].y_nho":      "organisation",
		"ket_luan":                                  "organisation",
		"noi_nhan.nhan[].ten":                       "recipients",
		"noi_nhan.nhan[].ghi_chu":                   "recipients",
		"noi_nhan.nhan[].so_ban":                    "recipients",
		"noi_nhan.nhan[].theo_ban":                  "recipients",
		"noi_nhan.luu":                              "recipients",
		"ky.thay_mat":                               "signature",
		"ky.quyen_han":                              "signature",
		"ky.thu_truong":                             "signature",
		"ky.chuc_vu":                                "signature",
		"ky.ho_ten":                                 "signature",
		"ky.nguoi_ky":                               "signature",
		"bieu.cong_trinh[].ten":                     "annexes",
		"bieu.cong_trinh[].von[].nguon":             "annexes",
		"bieu.cong_trinh[].von[].so_tien":           "annexes",
		"bieu.su_nghiep[].noi_dung":                 "annexes",
		"bieu.su_nghiep[].so_tien":                  "annexes",
	}
}

// A label is where a labelled leaf is reported and what it is called.
type label struct{ section, name string }

func labelledTable() map[string]label {
	return map[string]label{
		"van_ban.loai":                      {"Văn bản", "loại văn bản"},
		"van_ban.ban_hanh":                  {"Văn bản", "cách ban hành (giấy, điện tử)"},
		"muc_tieu.chi_tieu[].tieu_chi":      {"Mục tiêu và chỉ tiêu", "tiêu chí tương ứng ở Biểu 01"},
		"tieu_chi.danh_gia[].chu_tri":       {"Tiêu chí", "đơn vị chủ trì (Biểu 01)"},
		"tieu_chi.danh_gia[].phoi_hop":      {"Tiêu chí", "đơn vị phối hợp (Biểu 01)"},
		"tieu_chi.danh_gia[].ghi_chu":       {"Tiêu chí", "ghi chú (Biểu 01)"},
		"nguon_luc.nguon[].loai":            {"Nguồn lực", "loại vốn (cột của Biểu 02)"},
		"nguon_luc.bieu":                    {"Nguồn lực", "biểu kèm theo phần III"},
		"noi_nhan.so_ban_luu":               {"Nơi nhận", "số bản lưu"},
		"bieu.cong_trinh[].dia_diem":        {"Biểu kèm theo", "địa điểm xây dựng"},
		"bieu.cong_trinh[].quy_mo":          {"Biểu kèm theo", "quy mô, năng lực thiết kế"},
		"bieu.cong_trinh[].thoi_gian":       {"Biểu kèm theo", "thời gian khởi công - hoàn thành"},
		"bieu.cong_trinh[].chu_dau_tu":      {"Biểu kèm theo", "chủ đầu tư"},
		"bieu.cong_trinh[].tong_muc_dau_tu": {"Biểu kèm theo", "tổng mức đầu tư (triệu đồng)"},
		"bieu.cong_trinh[].tieu_chi":        {"Biểu kèm theo", "tiêu chí công trình phục vụ"},
		"bieu.cong_trinh[].ghi_chu":         {"Biểu kèm theo", "ghi chú"},
		"bieu.su_nghiep[].don_vi":           {"Biểu kèm theo", "đơn vị thực hiện"},
		"bieu.su_nghiep[].nguon":            {"Biểu kèm theo", "nguồn vốn"},
		"bieu.su_nghiep[].thoi_gian":        {"Biểu kèm theo", "thời gian thực hiện"},
		"bieu.su_nghiep[].ghi_chu":          {"Biểu kèm theo", "ghi chú"},

		// The justifications only the leader's review copy prints (build
		// -ban-trinh), reported in the section of their item.
		"muc_tieu.chi_tieu[].ly_do":            {"Mục tiêu và chỉ tiêu", "lý do (bản trình lãnh đạo)"},
		"tieu_chi.danh_gia[].ly_do":            {"Tiêu chí", "lý do (bản trình lãnh đạo)"},
		"nhiem_vu.nhom[].ly_do":                {"Nhiệm vụ", "lý do (bản trình lãnh đạo)"},
		"nhiem_vu.nhom[].noi_dung[].ly_do":     {"Nhiệm vụ", "lý do (bản trình lãnh đạo)"},
		"nguon_luc.nguon[].ly_do":              {"Nguồn lực", "lý do (bản trình lãnh đạo)"},
		"to_chuc_thuc_hien[].noi_dung[].ly_do": {"Tổ chức thực hiện", "lý do (bản trình lãnh đạo)"},
		"bieu.cong_trinh[].ly_do":              {"Biểu kèm theo", "lý do (bản trình lãnh đạo)"},
		"bieu.su_nghiep[].ly_do":               {"Biểu kèm theo", "lý do (bản trình lãnh đạo)"},

		CommuneFile + "ma":                      {SectionCommune, "mã xã (dùng đặt tên tệp kết quả)"},
		CommuneFile + "ten":                     {SectionCommune, "tên xã"},
		CommuneFile + "cap":                     {SectionCommune, "cấp hành chính"},
		CommuneFile + "tinh":                    {SectionCommune, "tỉnh"},
		CommuneFile + "vung":                    {SectionCommune, "vùng (chọn ngưỡng chỉ tiêu)"},
		CommuneFile + "nhom_xa":                 {SectionCommune, "nhóm xã (chọn ngưỡng chỉ tiêu)"},
		CommuneFile + "dac_biet":                {SectionCommune, "xã đặc biệt khó khăn"},
		CommuneFile + "dia_danh":                {SectionCommune, "địa danh ở dòng ngày tháng"},
		CommuneFile + "co_quan.ten":             {SectionCommune, "tên cơ quan ban hành"},
		CommuneFile + "co_quan.viet_tat":        {SectionCommune, "chữ viết tắt của cơ quan"},
		CommuneFile + "co_quan.chu_quan":        {SectionCommune, "cơ quan chủ quản"},
		CommuneFile + "loai_ban":                {SectionCommune, "tên gọi thôn, bản"},
		CommuneFile + "ban":                     {SectionCommune, "thôn, bản"},
		CommuneFile + "don_vi[].ten":            {SectionCommune, "tên"},
		CommuneFile + "don_vi[].viet_tat":       {SectionCommune, "chữ viết tắt"},
		CommuneFile + "can_bo[].ho_ten":         {SectionCommune, "họ và tên"},
		CommuneFile + "can_bo[].chuc_vu":        {SectionCommune, "chức vụ"},
		CommuneFile + "trinh_bay.co_chu":        {SectionCommune, "trình bày: cỡ chữ"},
		CommuneFile + "trinh_bay.gian_dong":     {SectionCommune, "trình bày: giãn dòng"},
		CommuneFile + "trinh_bay.cach_doan":     {SectionCommune, "trình bày: cách đoạn"},
		CommuneFile + "trinh_bay.thut_dau_dong": {SectionCommune, "trình bày: thụt đầu dòng"},
		CommuneFile + "trinh_bay.kieu_dau":      {SectionCommune, "trình bày: kiểu dấu"},
		CommuneFile + "trinh_bay.le.tren":       {SectionCommune, "trình bày: lề trên (mm)"},
		CommuneFile + "trinh_bay.le.duoi":       {SectionCommune, "trình bày: lề dưới (mm)"},
		CommuneFile + "trinh_bay.le.trai":       {SectionCommune, "trình bày: lề trái (mm)"},
		CommuneFile + "trinh_bay.le.phai":       {SectionCommune, "trình bày: lề phải (mm)"},
	}
}

// shownAs are the labelled leaves that hold a code of the commune file or
// of the plan, printed as the name it stands for: compared as written,
// shown by name.
func shownAsTable() map[string]func(p *plan.Plan, code string) string {
	return map[string]func(p *plan.Plan, code string) string{
		"tieu_chi.danh_gia[].chu_tri":  (*plan.Plan).Unit,
		"tieu_chi.danh_gia[].phoi_hop": (*plan.Plan).Unit,
		"bieu.su_nghiep[].don_vi":      (*plan.Plan).Unit,
		"bieu.su_nghiep[].nguon":       sourceName,
	}
}

// sourceName is the name of the funding source id, the id when none has it.
func sourceName(p *plan.Plan, id string) string {
	name := id
	p.EachSource(func(n *plan.Nguon, _ int) {
		if n.Ma == id {
			name = n.Ten
		}
	})
	return name
}

// SectionCommune reports changes of the commune file.
const SectionCommune = "Tệp xã"

func notPrintedTable() map[string]string {
	return map[string]string{
		"xa":                       "chỉ đường dẫn tới tệp xã; các khóa của tệp xã được so riêng (xa.yaml/…)",
		"tieu_chi.so_dat":          "chỉ để đối chiếu với danh sách tiêu chí; văn bản in số đếm được",
		"tieu_chi.so_dat_cuoi_nam": "chỉ để đối chiếu với danh sách tiêu chí; văn bản in số đếm được",
		"nguon_luc.tong":           "chỉ để đối chiếu; văn bản in tổng tính được",
		"nguon_luc.nguon[].tong":   "chỉ để đối chiếu; văn bản in tổng tính được",
		"ngoai_le":                 "chỉ dùng khi kiểm tra chính tả",
		CommuneFile + "ngoai_le":   "chỉ dùng khi kiểm tra chính tả",
	}
}

// A list says how the items of a list of the model are paired: by the
// first key of keys that is not empty (with its occurrence), named noun
// in the report; own: the items added and removed are reported here (the
// list is compared nowhere else).
type list struct {
	keys []string
	noun string
	own  bool
}

func listsTable() map[string]list {
	return map[string]list{
		"can_cu[]":                       {keys: []string{"ma", "so", "trich_yeu"}, noun: "căn cứ"},
		"can_cu_them[]":                  {keys: []string{"ma", "so", "trich_yeu"}, noun: "căn cứ"},
		"muc_tieu.chi_tieu[]":            {keys: []string{"ten"}, noun: "chỉ tiêu"},
		"tieu_chi.danh_gia[]":            {keys: []string{"so"}, noun: "tiêu chí số"},
		"tieu_chi.danh_gia[].chi_tieu[]": {keys: []string{"ma"}, noun: "chỉ tiêu"},
		"nhiem_vu.nhom[]":                {keys: []string{"tieu_de"}, noun: "nhóm nhiệm vụ"},
		"nhiem_vu.nhom[].noi_dung[]":     {keys: []string{"doan", "y"}, noun: "nội dung"},
		"nguon_luc.nguon[]":              {keys: []string{"ma", "ten"}, noun: "nguồn"},
		"to_chuc_thuc_hien[]":            {keys: []string{"don_vi"}, noun: "đơn vị"},
		"to_chuc_thuc_hien[].noi_dung[]": {keys: []string{"doan", "y"}, noun: "nội dung"},
		"noi_nhan.nhan[]":                {keys: []string{"ten"}, noun: "nơi nhận"},
		"bieu.cong_trinh[]":              {keys: []string{"ten"}, noun: "công trình (Biểu 03)"},
		"bieu.cong_trinh[].von[]":        {keys: []string{"nguon"}, noun: "vốn"},
		"bieu.su_nghiep[]":               {keys: []string{"noi_dung"}, noun: "nội dung vốn sự nghiệp (Biểu 04)"},
		CommuneFile + "don_vi[]":         {keys: []string{"ma"}, noun: "đơn vị của xã", own: true},
		CommuneFile + "can_bo[]":         {keys: []string{"ma"}, noun: "cán bộ", own: true},
	}
}

// fields compares the labelled leaves of the two plans and of their
// commune files (a missing commune file is one with every key empty).
func (d *differ) fields(a, b *plan.Plan) {
	d.pa, d.pb = a, b
	d.skip = map[string]bool{}
	if a.TieuChi.Bo != b.TieuChi.Bo {
		// Numbers of another set name other criteria (see criteria).
		d.skip["tieu_chi.danh_gia[]"] = true
	}
	d.walk("", "", reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), map[reflect.Type]string{})
	ca, cb := a.Commune, b.Commune
	if ca == nil {
		ca = &plan.Commune{}
	}
	if cb == nil {
		cb = &plan.Commune{}
	}
	d.walk(CommuneFile, "", reflect.ValueOf(ca).Elem(), reflect.ValueOf(cb).Elem(), map[reflect.Type]string{})
}

// walk compares the struct values a and b (of one type) at path; item
// names the list item they are in (“công trình “Đường…””, "" at the top);
// seen maps the struct types of the enclosing values to their paths (a
// source under a source is compared as a source).
func (d *differ) walk(path, item string, a, b reflect.Value, seen map[reflect.Type]string) {
	t := a.Type()
	if p, ok := seen[t]; ok {
		path = p
	} else {
		seen = withType(seen, t, path)
	}
	for _, k := range yamlx.Keys(t) {
		p := join(path, k.Name)
		fa, fb := a.Field(k.Index), b.Field(k.Index)
		if fa.Kind() == reflect.Pointer && isStruct(fa.Type().Elem()) {
			zero := reflect.New(fa.Type().Elem()).Elem()
			fa, fb = derefOr(fa, zero), derefOr(fb, zero)
		}
		switch {
		case isStruct(fa.Type()):
			d.walk(p, item, fa, fb, seen)
		case fa.Kind() == reflect.Slice && isStruct(fa.Type().Elem()):
			d.items(p+"[]", item, fa, fb, seen)
		default:
			if l, ok := tables().labelled[p]; ok {
				d.leaf(p, l, item, fa, fb)
			}
		}
	}
}

func withType(seen map[reflect.Type]string, t reflect.Type, path string) map[reflect.Type]string {
	m := make(map[reflect.Type]string, len(seen)+1)
	for k, v := range seen {
		m[k] = v
	}
	m[t] = path
	return m
}

// items pairs the items of two lists at path by their key and compares
// the pairs; the items of one side only are reported when the list is
// its own.
func (d *differ) items(path, item string, a, b reflect.Value, seen map[reflect.Type]string) {
	if p, ok := seen[a.Type().Elem()]; ok {
		path = p
	}
	if d.skip[path] {
		return
	}
	rule := tables().lists[path]
	ka, kb := itemKeys(rule, a), itemKeys(rule, b)
	ib := map[string]int{}
	for j, k := range kb {
		ib[k] = j
	}
	ia := map[string]bool{}
	for i, k := range ka {
		ia[k] = true
		j, ok := ib[k]
		name := itemName(item, rule, a.Index(i))
		if !ok {
			if rule.own {
				d.add(Change{Section: sectionOf(path), Kind: Removed, Item: name})
			}
			continue
		}
		d.walk(path, name, a.Index(i), b.Index(j), seen)
	}
	for j, k := range kb {
		if !ia[k] && rule.own {
			d.add(Change{Section: sectionOf(path), Kind: Added, Item: itemName(item, rule, b.Index(j))})
		}
	}
}

// itemKeys are the keys of a list's items: the first non-empty key field
// of the rule, “#2” added to its second occurrence and so on.
func itemKeys(rule list, v reflect.Value) []string {
	out := make([]string, v.Len())
	n := map[string]int{}
	for i := range out {
		k := itemKey(rule, v.Index(i))
		n[k]++
		out[i] = fmt.Sprintf("%s#%d", k, n[k])
	}
	return out
}

func itemKey(rule list, v reflect.Value) string {
	for _, key := range rule.keys {
		for _, k := range yamlx.Keys(v.Type()) {
			if k.Name == key {
				if s := format(v.Field(k.Index)); s != "" {
					return key + "=" + s
				}
			}
		}
	}
	return ""
}

// itemName is how the report names a list item: “công trình (Biểu 03)
// “Đường nội đồng…””, after the item it is in.
func itemName(outer string, rule list, v reflect.Value) string {
	key := itemKey(rule, v)
	_, key, _ = strings.Cut(key, "=")
	s := rule.noun + " “" + clip(markup.Plain(key)) + "”"
	if rule.noun == "tiêu chí số" {
		s = rule.noun + " " + key
	}
	if outer != "" {
		return outer + ", " + s
	}
	return s
}

// sectionOf is the section of the labelled leaves under path.
func sectionOf(path string) string {
	for p, l := range tables().labelled {
		if strings.HasPrefix(p, path) {
			return l.section
		}
	}
	return SectionCommune
}

// leaf compares one labelled leaf: text with word changes, other values
// whole.
func (d *differ) leaf(path string, l label, item string, a, b reflect.Value) {
	name := l.name
	if item != "" {
		name = item + ", " + l.name
	}
	show := func(p *plan.Plan, ss ...string) []string { return ss }
	if f, ok := tables().shownAs[path]; ok {
		show = func(p *plan.Plan, ss ...string) []string {
			out := make([]string, len(ss))
			for i, s := range ss {
				out[i] = f(p, s)
			}
			return out
		}
	}
	if a.Kind() == reflect.String {
		if sa, sb := a.String(), b.String(); sa != sb {
			if na, nb := show(d.pa, sa)[0], show(d.pb, sb)[0]; na != nb {
				sa, sb = na, nb
			}
			d.text(l.section, name, sa, sb)
		}
		return
	}
	if a.Kind() == reflect.Slice && a.Type().Elem().Kind() == reflect.String {
		if sa, sb := a.Interface().([]string), b.Interface().([]string); !slices.Equal(sa, sb) {
			if na, nb := show(d.pa, sa...), show(d.pb, sb...); !slices.Equal(na, nb) {
				sa, sb = na, nb
			}
			d.list(l.section, name, sa, sb)
		}
		return
	}
	d.value(l.section, name, format(a), format(b))
}

// format writes a leaf as the documents do: amounts and numbers in
// Vietnamese notation, dates dd/mm/yyyy, yes or no; "" when not given.
func format(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case plan.Number:
		if !x.Set {
			return ""
		}
		return x.Decimal.String()
	case plan.Date:
		if x.IsZero() {
			return ""
		}
		return vn.ShortDate(x.Time)
	case bool:
		if x {
			return "có"
		}
		return "không"
	case float64:
		if x == 0 {
			return ""
		}
		return strings.ReplaceAll(strconv.FormatFloat(x, 'f', -1, 64), ".", ",")
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return format(v.Elem())
	case reflect.Slice:
		var parts []string
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, format(v.Index(i)))
		}
		return strings.Join(parts, ", ")
	case reflect.Int, reflect.Int64, reflect.Int32:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.String:
		return v.String()
	}
	return fmt.Sprint(v.Interface())
}

// isStruct reports whether t is a struct of YAML keys (not a scalar such
// as an amount or a date).
func isStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && len(yamlx.Keys(t)) > 0
}

func derefOr(v, zero reflect.Value) reflect.Value {
	if v.IsNil() {
		return zero
	}
	return v.Elem()
}

func join(path, key string) string {
	if path == "" || strings.HasSuffix(path, "/") {
		return path + key
	}
	return path + "." + key
}
