// Package schema generates the JSON Schemas of the plan file and the commune
// file from the Go types of package plan, so that an editor (VS Code with the
// YAML extension, redhat.vscode-yaml) completes keys, shows each key's
// Vietnamese description on hover and underlines unknown keys and wrong
// values while a văn thư types.
//
// The schemas are never written by hand: the keys, their order, which are
// required and their descriptions come from the `yaml` and `mota` tags of
// the types by reflection (as plan.KeyReference does for the README); the
// custom scalars (Number, Date, DocNo, Cmp, Status) have fixed shapes; the
// criteria sets and annex numbers come from plan.CriteriaSets and
// plan.Annexes. A few rules the loader checks in code (the year's range,
// the funding kinds, the signing authorities, the layout ranges of
// Nghị định 30) are restated in tables here; tests prove the loader agrees
// with every one of them.
//
// Dialect: JSON Schema draft-07. The YAML extension of VS Code validates
// with the JSON language service, which fully supports draft-07 and only
// partly the 2019-09 and 2020-12 drafts, so the schemas declare draft-07 and
// put the recursive funding source (Nguon) under "definitions", referred to
// with "$ref". Every object has "additionalProperties": false, so a
// misspelt key is flagged at once. Patterns carry a Vietnamese
// "patternErrorMessage" (a VS Code extension keyword) saying how to write
// the value.
//
// The schemas describe the canonical form `kehoach fmt` writes: a few
// spellings the loader tolerates (so_sanh: toi_thieu, a date written
// 05/08/2025, a number in a text key, quyen_han: KT.) are flagged by the
// editor; `kehoach fmt -w` rewrites the first three.
package schema

import (
	"fmt"
	"reflect"
	"sort"

	"kehoach/internal/nd30"
	"kehoach/internal/plan"
	"kehoach/internal/programme"
	"kehoach/internal/yamlx"
)

// Draft is the JSON Schema dialect of the generated schemas.
const Draft = "http://json-schema.org/draft-07/schema#"

// File names of the committed schemas (in the folder schema/), as the
// modelines of the plan files name them.
const (
	PlanFile    = "plan.schema.json"
	CommuneFile = "xa.schema.json"
)

// Plan returns the JSON Schema of a yearly plan file
// (plans/<xã>/<năm>.yaml), indented, byte-for-byte stable.
func Plan() []byte {
	b, _ := generate(reflect.TypeOf(plan.Plan{}),
		"Tệp kế hoạch năm của xã (plans/<xã>/<năm>.yaml)",
		"Kế hoạch thực hiện Chương trình MTQG xây dựng nông thôn mới của một xã trong một năm; kehoach tạo văn bản DOCX, PDF từ tệp này. Xem README, mục “Cách viết một kế hoạch”.")
	return b
}

// Commune returns the JSON Schema of a commune file (plans/<xã>/xa.yaml),
// indented, byte-for-byte stable.
func Commune() []byte {
	b, _ := generate(reflect.TypeOf(plan.Commune{}),
		"Tệp xã (plans/<xã>/xa.yaml)",
		"Thông tin của xã dùng chung cho kế hoạch mọi năm: tên, cơ quan, các bản, đơn vị, các thôn, bản, ấp…, đơn vị, cán bộ, thể thức trình bày.")
	return b
}

// Patterns of the scalars written as text.
const (
	// datePattern is a date the loader accepts: 2025-08-05 (what kehoach fmt
	// writes) or the Vietnamese day first, 05/08/2025 or 5/8/2025.
	datePattern = `^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])|(0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|1[0-2])/[0-9]{4})$`
	// numberPattern is a number written as text that vn.ParseDecimal
	// accepts: 1954, 1282.5, 1_954, 0.125, 1.9540, 640,5, 1.282,5,
	// 1.282.000 — but not the ambiguous 1.954 or 1,954 (one separator, then
	// exactly three digits, after a whole part of one to three digits).
	numberPattern = `^[-+]?([0-9][0-9_]*([.,][0-9]{1,2})?|0[.,][0-9]{3}0*|[0-9]{1,3}[.,][0-9]{3}0+|[0-9][0-9_]{3,}[.,][0-9]{3}0*|[0-9]{1,3}(\.[0-9]{3})+,[0-9]{1,3}0*|[0-9]{1,3}(\.[0-9]{3}){2,})$`
	// idPattern is an identifier (mã): muong-khoa, kinh-te.
	idPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
)

// Messages the editor shows instead of the pattern itself
// (patternErrorMessage, understood by the YAML and JSON language servers
// of VS Code and ignored by other validators).
const (
	dateMessage   = "Ngày viết dạng năm-tháng-ngày 2025-08-05 (hoặc ngày/tháng/năm 05/08/2025); để trống khi chưa có ngày."
	numberMessage = "Số viết bằng chữ số, không có dấu phân cách hàng nghìn, dấu chấm trước phần thập phân: 1954, 1282.5 (cũng nhận 1282,5 và 1.282,5). Không viết 1.954 hay 1,954 vì dễ nhầm."
	idMessage     = "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ muong-khoa."
)

// cmpValues are the comparisons of an indicator, as fmt writes them and as
// the signs themselves.
var cmpValues = []string{">=", "<=", "=", "<", ">", "≥", "≤"}

// statusValues are the states of a criterion.
var statusValues = []string{string(plan.StatusMet), string(plan.StatusPlanned), string(plan.StatusNotMet)}

// rule adds a constraint the loader checks in code rather than in the
// types; rules are keyed by "GoType.yaml_key" and each is proved by a
// test against the loader (or style.Load).
type rule func(s *object)

func enumRule(vals ...string) rule {
	return func(s *object) { s.del("type"); s.set("enum", strs(vals)) }
}

func rangeRule(lo, hi float64) rule {
	return func(s *object) { s.set("minimum", num(lo)); s.set("maximum", num(hi)) }
}

func itemsEnumRule(vals ...string) rule {
	return func(s *object) { s.set("items", newObject().set("enum", strs(vals))) }
}

// rulesTable, docsTable and examplesTable are built for each generation
// (kehoach schema, the tests), not when the package is initialised: every
// command links this package.
func rulesTable() map[string]rule {
	return map[string]rule{
		// Types and lists of values known to kehoach.
		"TieuChi.bo":    func(s *object) { enumRule(plan.CriteriaSets()...)(s) },
		"NhiemVu.bieu":  itemsEnumRule(plan.Annexes...),
		"Nhom.bieu":     itemsEnumRule(plan.Annexes...),
		"NguonLuc.bieu": itemsEnumRule(plan.Annexes...),
		// Checked in plan/validate.go.
		"Plan.nam": func(s *object) {
			lo, hi := programme.Years()
			rangeRule(float64(lo), float64(hi))(s)
		},
		"Plan.giai_doan":  func(s *object) { enumRule(programme.PeriodIDs()...)(s) },
		"CanCu.ma":        func(s *object) { enumRule(programme.CitationIDs()...)(s) },
		"Commune.vung":    func(s *object) { enumRule(programme.Regions()...)(s) },
		"Commune.nhom_xa": func(s *object) { s.del("type"); s.set("enum", []any{1, 2, 3}) },
		"VanBan.loai":     enumRule("KH"),
		"VanBan.ban_hanh": func(s *object) { enumRule(plan.IssueModes...)(s) },
		"Commune.ma":      func(s *object) { s.set("pattern", idPattern); s.set("patternErrorMessage", idMessage) },
		"Nguon.loai":      enumRule(plan.FundKinds()...),
		"Ky.quyen_han":    enumRule("KT", "Q", "TL", "TUQ"),
		// Checked in style.Load: the ranges Nghị định 30 allows (nd30.Limits).
		"Overrides.co_chu":        limitRule("co_chu"),
		"Overrides.gian_dong":     limitRule("gian_dong"),
		"Overrides.cach_doan":     limitRule("cach_doan"),
		"Overrides.thut_dau_dong": limitRule("thut_dau_dong"),
		"Overrides.kieu_dau":      enumRule(nd30.ToneStyles...),
		"Box.tren":                limitRule("le.tren"),
		"Box.duoi":                limitRule("le.duoi"),
		"Box.trai":                limitRule("le.trai"),
		"Box.phai":                limitRule("le.phai"),
	}
}

// limitRule is the schema of a layout setting from nd30.Limits: an enum
// of its values, or its range.
func limitRule(key string) rule {
	l := nd30.LimitOf(key)
	if l.Values == nil {
		return rangeRule(l.Min, l.Max)
	}
	return func(s *object) {
		var vs []any
		for _, v := range l.Values {
			vs = append(vs, num(v))
		}
		s.del("type")
		s.set("enum", vs)
	}
}

// docs describes the keys of the types outside package plan, which carry
// no `mota` tag.
func docsTable() map[string]string {
	return map[string]string{
		"Overrides.co_chu":        "Cỡ chữ phần nội dung (pt): 13 hoặc 14.",
		"Overrides.gian_dong":     "Giãn dòng, bội số của dòng đơn: từ 1 (dòng đơn) đến 1.5.",
		"Overrides.cach_doan":     "Khoảng cách giữa các đoạn (pt): từ 6 đến 24.",
		"Overrides.thut_dau_dong": "Thụt đầu dòng (mm): 10 (1 cm) hoặc 12.7 (1,27 cm).",
		"Overrides.kieu_dau":      "Vị trí dấu thanh: cu (hòa, thủy — mặc định, như Quốc hiệu) hoặc moi (hoà, thuỷ).",
		"Overrides.le":            "Lề trang dọc (mm): tren, duoi 20–25; trai 30–35; phai 15–20.",
		"Box.tren":                "Lề trên (mm): từ 20 đến 25.",
		"Box.duoi":                "Lề dưới (mm): từ 20 đến 25.",
		"Box.trai":                "Lề trái (mm): từ 30 đến 35.",
		"Box.phai":                "Lề phải (mm): từ 15 đến 20.",
	}
}

// examples are values taken from plans/muong-khoa (a test checks that each
// one is there at that key), shown by the editor as completions.
func examplesTable() map[string][]any {
	return map[string][]any{
		"Plan.xa":              {"xa.yaml"},
		"Plan.nam":             {2025},
		"VanBan.loai":          {"KH"},
		"VanBan.trich_yeu":     {"Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025 trên địa bàn xã Mường Khoa"},
		"ChuongTrinh.ten":      {"Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)"},
		"ChuongTrinh.ten_ngan": {"Chương trình MTQG xây dựng NTM"},
		"CanCu.loai":           {"Quyết định"},
		"CanCu.so":             {"263/QĐ-TTg"},
		"CanCu.ngay":           {"2022-02-22"},
		"CanCu.co_quan":        {"Thủ tướng Chính phủ"},
		"ChiTieu.ten":          {"Thu nhập bình quân đầu người đạt"},
		"ChiTieu.so_sanh":      {">=", "<="},
		"ChiTieu.gia_tri":      {54},
		"ChiTieu.don_vi":       {"triệu đồng/năm", "%"},
		"ChiTieu.tieu_chi":     {"10", "15.1"},
		"TieuChi.bo":           {"qd318-2021-2025"},
		"DanhGiaTC.hien_trang": {"dat", "chua_dat"},
		"DanhGiaTC.chu_tri":    {"kinh-te"},
		"ChiTieuTC.ma":         {"17.7"},
		"NguonLuc.tong":        {3900},
		"Nguon.ma":             {"nstw-dau-tu"},
		"Nguon.ten":            {"Vốn Ngân sách Trung ương"},
		"Nguon.so_tien":        {504},
		"Nguon.tong":           {1304},
		"Nguon.loai":           {"dau_tu", "su_nghiep"},
		"NguoiNhan.ten":        {"Sở Nông nghiệp và Môi trường"},
		"NguoiNhan.ghi_chu":    {"b/c"},
		"NoiNhan.luu":          {[]any{"VT", "KT"}},
		"Ky.quyen_han":         {"KT"},
		"Ky.thu_truong":        {"Chủ tịch"},
		"Ky.chuc_vu":           {"Phó Chủ tịch"},
		"CongTrinh.ten":        {"Bê tông hóa đường lên bản Hô Tra"},
		"CongTrinh.quy_mo":     {"07 km"},
		"PhanBo.nguon":         {"nstw-dau-tu"},
		"PhanBo.so_tien":       {504},
		"SuNghiep.nguon":       {"nstw-su-nghiep"},
		"SuNghiep.so_tien":     {150},
		"SuNghiep.thoi_gian":   {"Năm 2025"},
		"Commune.ma":           {"muong-khoa"},
		"Commune.ten":          {"Mường Khoa"},
		"Commune.cap":          {"xã"},
		"Commune.tinh":         {"Lai Châu"},
		"CoQuan.ten":           {"Ủy ban nhân dân"},
		"CoQuan.viet_tat":      {"UBND"},
		"DonVi.ma":             {"kinh-te"},
		"DonVi.ten":            {"Phòng Kinh tế"},
		"DonVi.viet_tat":       {"KT"},
	}
}

var (
	numberType   = reflect.TypeOf(plan.Number{})
	dateType     = reflect.TypeOf(plan.Date{})
	docNoType    = reflect.TypeOf(plan.DocNo(0))
	cmpType      = reflect.TypeOf(plan.Cmp(""))
	statusType   = reflect.TypeOf(plan.Status(""))
	overrideType = reflect.TypeOf(nd30.Overrides{})
)

// gen builds one schema.
type gen struct {
	recursive map[reflect.Type]bool
	defs      map[string]*object
	keys      map[string]bool // every "Type.key" met

	rules    map[string]rule   // rulesTable()
	docs     map[string]string // docsTable()
	examples map[string][]any  // examplesTable()
}

// generate returns the schema of root and the "Type.key" names it met.
func generate(root reflect.Type, title, description string) ([]byte, map[string]bool) {
	g := &gen{recursive: map[reflect.Type]bool{}, defs: map[string]*object{}, keys: map[string]bool{},
		rules: rulesTable(), docs: docsTable(), examples: examplesTable()}
	g.findRecursive(root, nil)
	s := newObject()
	s.set("$schema", Draft)
	s.set("$comment", "Tạo tự động bằng lệnh “kehoach schema” từ các kiểu Go trong internal/plan; không sửa tay.")
	s.set("title", title)
	s.set("description", description)
	body := g.structSchema(root)
	for _, k := range body.keys {
		s.set(k, body.vals[k])
	}
	if len(g.defs) > 0 {
		names := make([]string, 0, len(g.defs))
		for n := range g.defs {
			names = append(names, n)
		}
		sort.Strings(names)
		defs := newObject()
		for _, n := range names {
			defs.set(n, g.defs[n])
		}
		s.set("definitions", defs)
	}
	return encode(s), g.keys
}

// findRecursive marks the struct types that contain themselves (Nguon.Con).
func (g *gen) findRecursive(t reflect.Type, stack []reflect.Type) {
	t = base(t)
	if t.Kind() != reflect.Struct || scalar(t) {
		return
	}
	for _, s := range stack {
		if s == t {
			g.recursive[t] = true
			return
		}
	}
	stack = append(stack, t)
	for _, f := range fields(t) {
		g.findRecursive(f.Type, stack)
	}
}

// base strips pointers and slices.
func base(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}

// scalar reports whether t is written as a single YAML value.
func scalar(t reflect.Type) bool {
	switch t {
	case numberType, dateType, docNoType, cmpType, statusType:
		return true
	}
	return false
}

// fields returns the struct fields that are YAML keys, in order.
func fields(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for _, k := range yamlx.Keys(t) {
		out = append(out, k.Field)
	}
	return out
}

// structSchema is the object schema of a struct type.
func (g *gen) structSchema(t reflect.Type) *object {
	s := newObject().set("type", "object")
	props := newObject()
	var required []any
	for _, k := range yamlx.Keys(t) {
		name, req := k.Name, k.Required
		props.set(name, g.field(t, k.Field, name, req))
		if req {
			required = append(required, name)
		}
	}
	s.set("properties", props)
	if len(required) > 0 {
		s.set("required", required)
	}
	s.set("additionalProperties", false)
	return s
}

// field is the schema of one key: its description, its value's shape, the
// rule and examples for it, and null allowed when the key is optional (the
// loader reads an empty value as an absent key).
func (g *gen) field(owner reflect.Type, f reflect.StructField, name string, required bool) *object {
	key := owner.Name() + "." + name
	g.keys[key] = true
	desc := f.Tag.Get("mota")
	if d, ok := g.docs[key]; ok {
		desc = d
	}
	s := newObject()
	if desc != "" {
		s.set("description", desc)
	}
	v := g.typeSchema(f.Type)
	if _, ref := v.get("$ref"); ref {
		s.set("allOf", []any{v})
	} else {
		for _, k := range v.keys {
			s.set(k, v.vals[k])
		}
	}
	if r, ok := g.rules[key]; ok {
		r(s)
	}
	if required {
		switch t, _ := s.get("type"); t {
		case "string":
			s.set("minLength", 1)
		case "array":
			s.set("minItems", 1)
		}
	} else {
		allowNull(s)
	}
	if ex, ok := g.examples[key]; ok {
		s.set("examples", ex)
	}
	return s
}

// allowNull lets an optional key be written empty ("ho_ten:").
func allowNull(s *object) {
	if t, ok := s.get("type"); ok {
		switch t := t.(type) {
		case string:
			s.set("type", []any{t, "null"})
		case []any:
			s.set("type", append(t, "null"))
		}
		return
	}
	if e, ok := s.get("enum"); ok {
		s.set("enum", append(e.([]any), nil))
		return
	}
	if a, ok := s.get("allOf"); ok {
		s.del("allOf")
		s.set("anyOf", []any{newObject().set("allOf", a), newObject().set("type", "null")})
	}
}

// typeSchema is the shape of a value of type t.
func (g *gen) typeSchema(t reflect.Type) *object {
	switch t {
	case numberType:
		return newObject().set("type", []any{"number", "string"}).set("pattern", numberPattern).set("patternErrorMessage", numberMessage)
	case dateType:
		return newObject().set("type", "string").set("pattern", datePattern).set("patternErrorMessage", dateMessage)
	case docNoType:
		return newObject().set("type", "integer").set("minimum", 1).set("maximum", 99999)
	case cmpType:
		return newObject().set("enum", strs(cmpValues))
	case statusType:
		return newObject().set("enum", strs(statusValues))
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.typeSchema(t.Elem())
	case reflect.String:
		return newObject().set("type", "string")
	case reflect.Int, reflect.Int64, reflect.Int32:
		return newObject().set("type", "integer")
	case reflect.Float64, reflect.Float32:
		return newObject().set("type", "number")
	case reflect.Bool:
		return newObject().set("type", "boolean")
	case reflect.Slice:
		return newObject().set("type", "array").set("items", g.typeSchema(t.Elem()))
	case reflect.Struct:
		if g.recursive[t] {
			if _, done := g.defs[t.Name()]; !done {
				g.defs[t.Name()] = nil // placeholder: stops the recursion
				g.defs[t.Name()] = g.structSchema(t)
			}
			return newObject().set("$ref", "#/definitions/"+t.Name())
		}
		return g.structSchema(t)
	}
	panic(fmt.Sprintf("schema: no JSON Schema for %s", t)) // a new kind in package plan: extend typeSchema
}

func strs(vals []string) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

// num keeps whole numbers integral in the output (2000, not 2000.0).
func num(f float64) any {
	if f == float64(int(f)) {
		return int(f)
	}
	return f
}
