package importer

import (
	"strings"

	"kehoach/internal/lazy"
	"kehoach/internal/vn"
)

var (
	recipRe = lazy.MustCompile(`^- (.+?)(?: \(([^()]+)\))?\s*[;.,]?\s*(?:\(([^()]+)\))?\.?$`)
	luuRe   = lazy.MustCompile(`^- Lưu:? (.+?)\.?$`)
	authRe  = lazy.MustCompile(`^(KT|Q|TL|TUQ)\. (.+)$`)
	theoRe  = lazy.MustCompile(`[Tt]rưởng các (thôn|bản|ấp|xóm|buôn|sóc|khu phố|tổ dân phố|khu|tổ|làng|khóm|bon|plei)$`)
)

// signature reads the closing sentence, Nơi nhận and the signature block.
func (im *importer) signature(ls []line) {
	mode := ""
	var auth []string
	for _, l := range ls {
		t := l.text
		switch {
		case strings.HasPrefix(t, "Biểu số ") || strings.HasPrefix(t, "Phụ lục"):
			im.annexes(ls)
			im.finishSign(auth)
			return
		case strings.HasPrefix(t, "Trên đây ") && im.closing == "":
			im.closing, im.closingLine = l.md, l
			if m := closingRe.Get().FindStringSubmatch(t); m != nil {
				im.agencyShort, im.tenNgan2 = m[1], m[2]
			}
		case t == "Nơi nhận:" || strings.HasPrefix(t, "Nơi nhận: "):
			mode = "nhan"
			if rest := strings.TrimSpace(strings.TrimPrefix(t, "Nơi nhận:")); rest != "" {
				im.recipient(line{text: rest, md: rest, src: l.src, idx: l.idx})
			}
		case mode == "nhan" && strings.HasPrefix(t, "- "):
			im.recipient(l)
		case strings.HasPrefix(t, "TM. ") || authRe.Get().MatchString(t) || (isUpper(t) && len(auth) < 4 && mode != "ten"):
			auth = append(auth, t)
			mode = "ky"
		case mode == "ky" && !isUpper(t):
			im.ky = append(im.ky, kv("ho_ten", strAlways(t)))
			mode = "ten"
		default:
			im.unknown = append(im.unknown, l)
		}
	}
	im.finishSign(auth)
}

// recipient reads one line of Nơi nhận.
func (im *importer) recipient(l line) {
	t := l.text
	if m := luuRe.Get().FindStringSubmatch(t); m != nil {
		for _, f := range strings.Split(m[1], ",") {
			if f = strings.TrimSpace(f); f != "" {
				im.luu = append(im.luu, f)
			}
		}
		return
	}
	m := recipRe.Get().FindStringSubmatch(t)
	if m == nil {
		im.nhan = append(im.nhan, flagged(mapping(kv("ten", strAlways(strings.TrimPrefix(t, "- ")))), "nơi nhận không đọc được: “"+t+"”"))
		return
	}
	ten, note := m[1], m[2]
	if note == "" {
		note = m[3]
	}
	if note != "" && note != vn.Lower(note) || m[3] != "" {
		im.notes = append(im.notes, Finding{File: im.where(l), Line: at(l), Text: "nơi nhận “" + ten + "”: ghi chú “(" + note + ")” viết thành “(" + vn.Lower(note) + ")” trước dấu “;”"})
	}
	note = vn.Lower(note)
	theo := false
	if mm := theoRe.Get().FindStringSubmatch(ten); mm != nil {
		theo, im.theoBan = true, mm[1]
	}
	im.nhan = append(im.nhan, mapping(kv("ten", strAlways(ten)), kv("ghi_chu", str(note)), kv("theo_ban", boolean(theo))))
}

// finishSign reads the authority lines of the signature block.
func (im *importer) finishSign(auth []string) {
	var ps []pair
	rest := auth
	if len(rest) > 0 && strings.HasPrefix(rest[0], "TM. ") {
		ps = append(ps, kv("thay_mat", boolean(true)))
		if len(im.agencyLines) >= 2 && rest[0] != "TM. "+im.agencyLines[len(im.agencyLines)-2] {
			im.kyTodo = "khối chữ ký: dòng “" + rest[0] + "” khác tên cơ quan ở đầu văn bản"
		}
		rest = rest[1:]
	}
	q := ""
	if len(rest) > 0 {
		if m := authRe.Get().FindStringSubmatch(rest[0]); m != nil {
			q = m[1]
			ps = append(ps, kv("quyen_han", str(q)), kv("thu_truong", str(title(m[2]))))
			rest = rest[1:]
		}
	}
	switch {
	case len(rest) == 1:
		ps = append(ps, kv("chuc_vu", strAlways(title(rest[0]))))
	case len(rest) == 0 && q == "Q":
		// An acting head prints no post of their own.
		for _, p := range ps {
			if p.key == "thu_truong" {
				ps = append(ps, pair{key: "chuc_vu", val: strAlways(p.val.Value), todo: "chức vụ thật của người giữ quyền (văn bản chỉ in “Q. …”)"})
			}
		}
	default:
		ps = append(ps, pair{key: "chuc_vu", val: strAlways(strings.Join(rest, " ")), todo: "chức vụ người ký: không đọc được khối chữ ký (" + strings.Join(auth, " / ") + ")"})
	}
	if len(im.ky) == 0 {
		ps = append(ps, pair{key: "ho_ten", val: empty(), todo: "họ tên người ký: văn bản gốc không ghi"})
	}
	im.ky = append(ps, im.ky...)
}

// title writes a signature line in the case plan files use: “PHÓ CHỦ
// TỊCH” → “Phó Chủ tịch”.
func title(s string) string {
	t := vn.UpperFirst(vn.Lower(s))
	for _, w := range []string{"chủ tịch", "ủy ban nhân dân", "văn phòng"} {
		t = strings.ReplaceAll(t, w, vn.UpperFirst(w))
		t = strings.ReplaceAll(t, vn.UpperFirst(vn.UpperFirst(w)), vn.UpperFirst(w))
	}
	return t
}

// sentence writes an upper-case line in sentence case.
func sentence(s string) string { return vn.UpperFirst(vn.Lower(s)) }

// wordsCase writes each word with a capital: “MƯỜNG KHOA” → “Mường Khoa”.
func wordsCase(s string) string {
	fs := strings.Fields(vn.Lower(s))
	for i, f := range fs {
		fs[i] = vn.UpperFirst(f)
	}
	return strings.Join(fs, " ")
}

var levels = []string{"xã", "phường", "đặc khu"}

// communeParts splits “Ủy ban nhân dân xã Mường Khoa” into the agency,
// the level and the name.
func communeParts(full string) (agency, level, name string, ok bool) {
	for _, lv := range levels {
		if i := strings.Index(full, " "+lv+" "); i > 0 {
			return full[:i], lv, full[i+len(lv)+2:], true
		}
	}
	return "", "", "", false
}
