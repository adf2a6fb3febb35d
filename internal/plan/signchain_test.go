package plan

import (
	"strings"
	"testing"
)

// The TM./KT. chain agrees with the signer's title (ND30 Điều 13, spec
// nd30.md §1.5); each slip is one warning at the signature block, and the
// correct chains (the minimal plan's vice-chairman, a chairman with TM.,
// an acting head with Q., TL. by the chief of office) draw none.
func TestSignChain(t *testing.T) {
	base := readTestdata(t, "minimal.yaml")
	const ky = "ky:\n  thay_mat: true\n  quyen_han: KT\n  thu_truong: Chủ tịch\n  chuc_vu: Phó Chủ tịch\n  ho_ten: Nguyễn Văn A\n"
	if !strings.Contains(base, ky) {
		t.Fatal("the minimal plan changed")
	}
	for _, tc := range []struct {
		name, ky string
		want     []string
	}{
		{name: "vice-chairman, TM. and KT.", ky: ky},
		{name: "chairman with TM.", ky: "ky:\n  thay_mat: true\n  chuc_vu: Chủ tịch\n  ho_ten: Nguyễn Văn A\n"},
		{name: "acting head", ky: "ky:\n  thay_mat: true\n  quyen_han: Q\n  thu_truong: Chủ tịch\n  chuc_vu: Phó Chủ tịch\n  ho_ten: Nguyễn Văn A\n"},
		{name: "by order", ky: "ky:\n  quyen_han: TL\n  thu_truong: Chủ tịch\n  chuc_vu: Chánh Văn phòng\n  ho_ten: Nguyễn Văn A\n"},
		{name: "chairman without TM.", ky: "ky:\n  chuc_vu: Chủ tịch\n  ho_ten: Nguyễn Văn A\n",
			want: []string{"testdata/p.yaml:61:3: Chủ tịch Ủy ban nhân dân ký thay mặt tập thể: dòng “TM. ỦY BAN NHÂN DÂN” còn thiếu (Nghị định 30, Điều 13); hãy thêm “thay_mat: true”. (cảnh báo)"}},
		{name: "vice-chairman without KT.", ky: "ky:\n  thay_mat: true\n  chuc_vu: Phó Chủ tịch\n  ho_ten: Nguyễn Văn A\n",
			want: []string{"testdata/p.yaml:61:3: Phó Chủ tịch ký thay Chủ tịch: cần dòng “KT. CHỦ TỊCH” (Nghị định 30, Điều 13); hãy thêm “quyen_han: KT” và “thu_truong: Chủ tịch”. (cảnh báo)"}},
		{name: "KT. without TM.", ky: "ky:\n  quyen_han: KT\n  thu_truong: Chủ tịch\n  chuc_vu: Phó Chủ tịch\n  ho_ten: Nguyễn Văn A\n",
			want: []string{"testdata/p.yaml:61:3: Ủy ban nhân dân làm việc theo chế độ tập thể: trên dòng “KT. CHỦ TỊCH” còn thiếu dòng “TM. ỦY BAN NHÂN DÂN” (Nghị định 30, Điều 13); hãy thêm “thay_mat: true”. (cảnh báo)"}},
		{name: "KT. for oneself", ky: "ky:\n  thay_mat: true\n  quyen_han: KT\n  thu_truong: Chủ tịch\n  chuc_vu: Chủ tịch\n  ho_ten: Nguyễn Văn A\n",
			want: []string{"testdata/p.yaml:64:12: ký thay (KT.) là cấp phó ký thay người đứng đầu; chức vụ người ký “Chủ tịch” lại trùng chức danh người đứng đầu “Chủ tịch” (Nghị định 30, Điều 13); hãy ghi chức vụ cấp phó (Phó Chủ tịch) hoặc bỏ “quyen_han: KT”. (cảnh báo)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := loadString(t, strings.Replace(base, ky, tc.ky, 1), "")
			if !res.OK() {
				t.Fatalf("errors: %v", res.Errors)
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
