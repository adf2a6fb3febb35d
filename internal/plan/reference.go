package plan

import (
	"fmt"
	"reflect"
	"strings"

	"kehoach/internal/nd30"
	"kehoach/internal/yamlx"
)

// KeyReference documents every key of the commune and plan files as
// Markdown tables, from the Go types and their `mota` tags (the README's key
// reference is generated from it and checked by a test).
func KeyReference() string {
	var b strings.Builder
	b.WriteString("#### Tệp xã (`plans/<xã>/xa.yaml`)\n\n")
	table(&b, reflect.TypeOf(Commune{}), "")
	b.WriteString("\n#### Tệp kế hoạch (`plans/<xã>/<năm>.yaml`)\n\n")
	table(&b, reflect.TypeOf(Plan{}), "")
	return b.String()
}

func table(b *strings.Builder, t reflect.Type, prefix string) {
	if prefix == "" {
		b.WriteString("| Khóa | Kiểu | Bắt buộc | Ý nghĩa |\n|---|---|---|---|\n")
	}
	for _, k := range yamlx.Keys(t) {
		f, name := k.Field, k.Name
		req := ""
		if k.Required {
			req = "có"
		}
		key := prefix + name
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		mota := f.Tag.Get("mota")
		if ft == reflect.TypeOf(nd30.Overrides{}) {
			mota = "Thay đổi thể thức trình bày trong khoảng Nghị định 30 cho phép (xem mục “Trình bày”)."
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", key, kind(ft), req, strings.ReplaceAll(mota, "|", "\\|"))
		if ft == t || (ft.Kind() == reflect.Slice && ft.Elem() == t) {
			fmt.Fprintf(b, "| `%s[].…` | | | các nguồn con có đúng các khóa như `%s`, lồng nhau nhiều cấp |\n", key, strings.TrimSuffix(prefix, "."))
			continue // recursive type (nguồn con): documented once
		}
		switch {
		case ft.Kind() == reflect.Struct && ft != reflect.TypeOf(Number{}) && ft != reflect.TypeOf(Date{}) && ft != reflect.TypeOf(nd30.Overrides{}):
			table(b, ft, key+".")
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			table(b, ft.Elem(), key+"[].")
		}
	}
}

func kind(t reflect.Type) string {
	switch t {
	case reflect.TypeOf(Number{}):
		return "số"
	case reflect.TypeOf(Date{}):
		return "ngày"
	case reflect.TypeOf(DocNo(0)):
		return "số"
	case reflect.TypeOf(Cmp("")), reflect.TypeOf(Status("")):
		return "từ khóa"
	}
	switch t.Kind() {
	case reflect.String:
		return "chữ"
	case reflect.Int:
		return "số nguyên"
	case reflect.Bool:
		return "true/false"
	case reflect.Struct:
		return "nhóm"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct {
			return "danh sách nhóm"
		}
		return "danh sách " + kind(t.Elem())
	}
	return t.Kind().String()
}
