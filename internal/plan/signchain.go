package plan

import "strings"

// signChain warns when the TM./KT. chain of the signature block disagrees
// with the signer's title, by the rules of ND30 Điều 13 and PL I II.7 as
// shared/spec/nd30.md §1.5 sets them out for a People's Committee, which
// works collectively:
//
//   - the chairman signs “TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH”: thay_mat is
//     needed;
//   - a vice-chairman signs “TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ
//     TỊCH”: thay_mat and quyen_han KT (or Q when acting head) are needed;
//   - KT. is a deputy signing for the head: the signer's title is not the
//     head's own.
//
// TL. and TUQ. rest on a written delegation or the agency's working rules,
// which the plan does not hold: they are not judged. Other issuing bodies
// than a People's Committee are not judged either.
func (c *checker) signChain() {
	k := c.p.Ky
	if c.p.Commune == nil || !isPeoplesCommittee(c.p.Commune.CoQuan.Ten) {
		return
	}
	q := strings.TrimSuffix(strings.TrimSpace(k.QuyenHan), ".")
	title := strings.ToLower(strings.Join(strings.Fields(k.ChucVu), " "))
	head := strings.ToLower(strings.Join(strings.Fields(k.ThuTruong), " "))
	switch {
	case title == "chủ tịch" && q == "" && !k.ThayMat:
		c.warnAt("ky", "Chủ tịch Ủy ban nhân dân ký thay mặt tập thể: dòng “TM. ỦY BAN NHÂN DÂN” còn thiếu (Nghị định 30, Điều 13); hãy thêm “thay_mat: true”.")
	case title == "phó chủ tịch" && q == "":
		c.warnAt("ky", "Phó Chủ tịch ký thay Chủ tịch: cần dòng “KT. CHỦ TỊCH” (Nghị định 30, Điều 13); hãy thêm “quyen_han: KT” và “thu_truong: Chủ tịch”.")
	case title == "phó chủ tịch" && (q == "KT" || q == "Q") && !k.ThayMat:
		c.warnAt("ky", "Ủy ban nhân dân làm việc theo chế độ tập thể: trên dòng “%s. CHỦ TỊCH” còn thiếu dòng “TM. ỦY BAN NHÂN DÂN” (Nghị định 30, Điều 13); hãy thêm “thay_mat: true”.", q)
	}
	if q == "KT" && title != "" && title == head {
		c.warnAt("ky.chuc_vu", "ký thay (KT.) là cấp phó ký thay người đứng đầu; chức vụ người ký “%s” lại trùng chức danh người đứng đầu “%s” (Nghị định 30, Điều 13); hãy ghi chức vụ cấp phó (Phó Chủ tịch) hoặc bỏ “quyen_han: KT”.", k.ChucVu, k.ThuTruong)
	}
}

// isPeoplesCommittee reports whether the issuing body's name is a People's
// Committee (Ủy ban nhân dân, Uỷ ban nhân dân, UBND).
func isPeoplesCommittee(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	return strings.HasPrefix(n, "ủy ban nhân dân") || strings.HasPrefix(n, "uỷ ban nhân dân") || strings.HasPrefix(n, "ubnd")
}
