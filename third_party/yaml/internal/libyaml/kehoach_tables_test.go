// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the Apache licence of this package (see LICENSE).

package libyaml

import (
	"math"
	"testing"
)

// upstreamTables builds resolveTable, resolveMap, longTags and shortTags as
// v4.0.0's init functions did, for kehoach patch 05's tests.
func upstreamTables() (table []byte, m map[string]resolveMapItem, long, short map[string]string) {
	t := make([]byte, 256)
	t[int('+')] = 'S'
	t[int('-')] = 'S'
	for _, c := range "0123456789" {
		t[int(c)] = 'D'
	}
	for _, c := range "yYnNtTfFoO~<" {
		t[int(c)] = 'M'
	}
	t[int('.')] = '.'
	m = map[string]resolveMapItem{}
	for _, item := range []struct {
		v   any
		tag string
		l   []string
	}{
		{true, boolTag, []string{"true", "True", "TRUE"}},
		{false, boolTag, []string{"false", "False", "FALSE"}},
		{nil, nullTag, []string{"", "~", "null", "Null", "NULL"}},
		{math.NaN(), floatTag, []string{".nan", ".NaN", ".NAN"}},
		{math.Inf(+1), floatTag, []string{".inf", ".Inf", ".INF"}},
		{math.Inf(+1), floatTag, []string{"+.inf", "+.Inf", "+.INF"}},
		{math.Inf(-1), floatTag, []string{"-.inf", "-.Inf", "-.INF"}},
		{negativeZero, floatTag, []string{"-0", "-0.0"}},
		{"<<", mergeTag, []string{"<<"}},
	} {
		for _, s := range item.l {
			m[s] = resolveMapItem{item.v, item.tag}
		}
	}
	long, short = map[string]string{}, map[string]string{}
	for _, stag := range []string{nullTag, boolTag, strTag, intTag, floatTag, timestampTag, seqTag, mapTag, binaryTag, mergeTag} {
		ltag := longTagPrefix + stag[2:]
		long[stag] = ltag
		short[ltag] = stag
	}
	return t, m, long, short
}

// sameValue compares two resolved values, NaN equal to NaN and -0 told
// from 0.
func sameValue(a, b any) bool {
	fa, aok := a.(float64)
	fb, bok := b.(float64)
	if aok && bok {
		return fa == fb && math.Signbit(fa) == math.Signbit(fb) || math.IsNaN(fa) && math.IsNaN(fb)
	}
	return a == b
}

func TestResolveTablesSameAsUpstream(t *testing.T) {
	table, m, long, short := upstreamTables()
	for c := 0; c < 256; c++ {
		if resolveTable[c] != table[c] {
			t.Errorf("resolveTable[%q] = %q, upstream %q", c, resolveTable[c], table[c])
		}
	}
	probes := []string{"x", "TRUE ", "nan", ".Nan", "+.inf", "0", "-0.00", "<", "<<<", "Null", "nULL"}
	for k := range m {
		probes = append(probes, k)
	}
	for _, in := range probes {
		got, gok := resolveMapItemOf(in)
		want, wok := m[in]
		if gok != wok || got.tag != want.tag || !sameValue(got.value, want.value) {
			t.Errorf("resolveMapItemOf(%q) = %v, %v; upstream %v, %v", in, got, gok, want, wok)
		}
	}
	for _, tag := range []string{"!!str", "!!foo", "!!", "str", "", "!x", longTagPrefix + "str", longTagPrefix + "foo", longTagPrefix} {
		want := tag
		if len(tag) >= 2 && tag[:2] == "!!" {
			if l, ok := long[tag]; ok {
				want = l
			} else {
				want = longTagPrefix + tag[2:]
			}
		}
		if got := longTag(tag); got != want {
			t.Errorf("longTag(%q) = %q, upstream %q", tag, got, want)
		}
		want = tag
		if len(tag) >= len(longTagPrefix) && tag[:len(longTagPrefix)] == longTagPrefix {
			if s, ok := short[tag]; ok {
				want = s
			} else {
				want = "!!" + tag[len(longTagPrefix):]
			}
		}
		if got := shortTag(tag); got != want {
			t.Errorf("shortTag(%q) = %q, upstream %q", tag, got, want)
		}
	}
	for stag, ltag := range long {
		if longTag(stag) != ltag || shortTag(ltag) != stag {
			t.Errorf("%s, %s do not map to each other", stag, ltag)
		}
	}
}
