package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
)

// This file is a small JSON Schema validator for exactly the keywords the
// generator emits (draft-07 subset): type, enum, pattern, minLength,
// minimum, maximum, minItems, items, properties, required,
// additionalProperties, $ref into #/definitions, allOf, anyOf, oneOf, plus
// the annotations. A keyword it does not know is an error, so the
// generator cannot start emitting something the tests do not check.

var annotations = map[string]bool{
	"$schema": true, "$comment": true, "title": true, "description": true,
	"examples": true, "definitions": true, "patternErrorMessage": true,
}

type validator struct {
	root map[string]any
	errs []string
}

// validateJSON validates the JSON document doc (decoded with UseNumber)
// against schema and returns the problems as "path: message".
func validateJSON(schema []byte, doc any) ([]string, error) {
	root, err := decodeJSON(schema)
	if err != nil {
		return nil, err
	}
	m, ok := root.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("schema is not an object")
	}
	v := &validator{root: m}
	v.check(m, doc, "$", 0)
	sort.Strings(v.errs)
	return v.errs, nil
}

// yamlToJSON converts YAML to the JSON value a YAML language server sees:
// mappings become objects and plain scalars numbers, booleans, null or
// strings by the YAML 1.2 core schema (which has no timestamps: an
// unquoted 2022-02-22 is a string).
func yamlToJSON(data []byte) (any, error) {
	v, err := yamlValues(data)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return decodeJSON(b)
}

// yamlValues decodes YAML into plain Go values (map[string]any, []any,
// string, int64, float64, bool, nil) as yamlToJSON describes.
func yamlValues(data []byte) (any, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, err
	}
	return nodeValue(&n, 0)
}

func nodeValue(n *yaml.Node, depth int) (any, error) {
	if depth > 100 {
		return nil, fmt.Errorf("YAML nested too deep")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return nodeValue(n.Content[0], depth+1)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeValue(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		a := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := nodeValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		return a, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			return strconv.ParseBool(strings.ToLower(n.Value))
		case "!!int":
			if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
				return i, nil
			}
		case "!!float":
			if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				return f, nil
			}
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("unsupported YAML node kind %v", n.Kind)
}

func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func (v *validator) fail(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

// check validates x at path against schema s (a bool or an object).
func (v *validator) check(s any, x any, path string, depth int) {
	if depth > 64 {
		v.fail(path, "schema nesting too deep")
		return
	}
	switch s := s.(type) {
	case bool:
		if !s {
			v.fail(path, "not allowed")
		}
		return
	case map[string]any:
		v.checkObject(s, x, path, depth)
	default:
		v.fail(path, "bad schema %T", s)
	}
}

func (v *validator) checkObject(s map[string]any, x any, path string, depth int) {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kw := s[k]
		switch k {
		case "$ref":
			ref, _ := kw.(string)
			target, ok := v.resolve(ref)
			if !ok {
				v.fail(path, "unresolvable $ref %q", ref)
				continue
			}
			v.check(target, x, path, depth+1)
		case "type":
			if !typeMatches(kw, x) {
				v.fail(path, "type %s wanted, got %s", typeNames(kw), jsonType(x))
			}
		case "enum":
			list, _ := kw.([]any)
			found := false
			for _, e := range list {
				if equalJSON(e, x) {
					found = true
					break
				}
			}
			if !found {
				v.fail(path, "value %s not in enum %s", show(x), show(list))
			}
		case "pattern":
			str, ok := x.(string)
			if !ok {
				continue
			}
			re, err := regexp.Compile(kw.(string))
			if err != nil {
				v.fail(path, "bad pattern %q: %v", kw, err)
				continue
			}
			if !re.MatchString(str) {
				v.fail(path, "%q does not match pattern %s", str, kw)
			}
		case "minLength":
			if str, ok := x.(string); ok && utf8.RuneCountInString(str) < int(toFloat(kw)) {
				v.fail(path, "string shorter than %v", kw)
			}
		case "minimum":
			if n, ok := x.(json.Number); ok && numCmp(n, kw) < 0 {
				v.fail(path, "%s below minimum %v", n, kw)
			}
		case "maximum":
			if n, ok := x.(json.Number); ok && numCmp(n, kw) > 0 {
				v.fail(path, "%s above maximum %v", n, kw)
			}
		case "minItems":
			if a, ok := x.([]any); ok && len(a) < int(toFloat(kw)) {
				v.fail(path, "fewer than %v items", kw)
			}
		case "items":
			if a, ok := x.([]any); ok {
				for i, e := range a {
					v.check(kw, e, fmt.Sprintf("%s[%d]", path, i), depth+1)
				}
			}
		case "properties":
			obj, ok := x.(map[string]any)
			if !ok {
				continue
			}
			props, _ := kw.(map[string]any)
			for _, name := range sortedKeys(obj) {
				if ps, ok := props[name]; ok {
					v.check(ps, obj[name], path+"."+name, depth+1)
				}
			}
		case "additionalProperties":
			obj, ok := x.(map[string]any)
			if !ok {
				continue
			}
			props, _ := s["properties"].(map[string]any)
			for _, name := range sortedKeys(obj) {
				if _, known := props[name]; known {
					continue
				}
				if b, ok := kw.(bool); ok && !b {
					v.fail(path+"."+name, "unknown key")
					continue
				}
				v.check(kw, obj[name], path+"."+name, depth+1)
			}
		case "required":
			obj, ok := x.(map[string]any)
			if !ok {
				continue
			}
			list, _ := kw.([]any)
			for _, r := range list {
				if _, ok := obj[r.(string)]; !ok {
					v.fail(path, "missing required key %q", r)
				}
			}
		case "allOf", "anyOf", "oneOf":
			list, _ := kw.([]any)
			n := 0
			var sub [][]string
			for _, alt := range list {
				w := &validator{root: v.root}
				w.check(alt, x, path, depth+1)
				if len(w.errs) == 0 {
					n++
				}
				sub = append(sub, w.errs)
			}
			switch {
			case k == "allOf":
				for _, e := range sub {
					v.errs = append(v.errs, e...)
				}
			case k == "anyOf" && n == 0:
				v.fail(path, "matches no alternative of anyOf: %v", sub)
			case k == "oneOf" && n != 1:
				v.fail(path, "matches %d alternatives of oneOf, want 1: %v", n, sub)
			}
		default:
			if !annotations[k] {
				v.fail(path, "unsupported schema keyword %q", k)
			}
		}
	}
}

// resolve follows a local JSON pointer ("#/definitions/Nguon").
func (v *validator) resolve(ref string) (any, bool) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, false
	}
	var cur any = v.root
	for _, part := range strings.Split(ref[2:], "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[part]; !ok {
			return nil, false
		}
	}
	return cur, true
}

func typeMatches(kw any, x any) bool {
	switch t := kw.(type) {
	case string:
		return typeIs(t, x)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && typeIs(s, x) {
				return true
			}
		}
	}
	return false
}

func typeIs(t string, x any) bool {
	switch t {
	case "integer":
		n, ok := x.(json.Number)
		if !ok {
			return false
		}
		r, ok := new(big.Rat).SetString(string(n))
		return ok && r.IsInt()
	case "number":
		_, ok := x.(json.Number)
		return ok
	}
	return jsonType(x) == t
}

func jsonType(x any) string {
	switch x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", x)
}

func typeNames(kw any) string { return show(kw) }

func show(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	return string(b)
}

// equalJSON compares JSON values, numbers by value (12.7 = 12.70).
func equalJSON(a, b any) bool {
	an, aok := a.(json.Number)
	bn, bok := b.(json.Number)
	if aok && bok {
		return numCmp(an, bn) == 0
	}
	if aok != bok {
		return false
	}
	switch a := a.(type) {
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !equalJSON(a[i], bl[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return false
		}
		for k, av := range a {
			if bv, ok := bm[k]; !ok || !equalJSON(av, bv) {
				return false
			}
		}
		return true
	}
	return a == b
}

func numCmp(a json.Number, b any) int {
	ra, ok1 := new(big.Rat).SetString(string(a))
	rb, ok2 := new(big.Rat).SetString(fmt.Sprint(b))
	if !ok1 || !ok2 {
		return 0
	}
	return ra.Cmp(rb)
}

func toFloat(x any) float64 {
	f, _ := strconv.ParseFloat(fmt.Sprint(x), 64)
	return f
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
