package compose

import (
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/manifest"
	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/vn"
)

// RecordLanguage is the value of the record's Language (ND30 Phụ lục VI
// field 9, “Ngôn ngữ”, String 30). Phụ lục VI gives no code list, so the
// language is named as the table itself is written.
const RecordLanguage = "Tiếng Việt"

// Record is the ND30 Phụ lục VI record of the plan's document (doc.Record),
// from what the plan says:
//
//   - TypeName, CodeNotation (“KH-UBND”), OrganName, Subject (the trích
//     yếu), SignerInfo (ky.chuc_vu and the signer's name) from the plan and
//     its commune file;
//   - CodeNumber and IssuedDate from van_ban.so and van_ban.ngay on paper;
//     left empty for an electronic document, whose number and date the
//     document system assigns when it is signed (ND30 Điều 15.3);
//   - To: the recipients of the Nơi nhận block, one per copy line of
//     kehoach print (an entry with theo_ban: true is one recipient per
//     sub-unit), without the archive copies (Lưu); their identifier codes
//     are not known;
//   - IssuedAmount: every copy kehoach print counts (the recipients' and
//     the archive's, manifest.Total);
//   - PageAmount is left 0: only the layout knows it (the build sets it);
//   - Priority, Description and DueDate: a plan has none.
//
// date is the document date (DocDate), which the distribution manifest
// carries.
func Record(p *plan.Plan, date time.Time, electronic bool) doc.Record {
	m := manifest.Build(p, date)
	r := doc.Record{
		TypeName:     p.TypeName(),
		CodeNotation: p.Loai(),
		Subject:      markup.Plain(p.VanBan.TrichYeu),
		Language:     RecordLanguage,
		SignerInfo:   doc.SignerInfo{Position: p.Ky.ChucVu, FullName: p.SignerName()},
		IssuedAmount: m.Total(),
	}
	if cm := p.Commune; cm != nil {
		r.CodeNotation += "-" + cm.CoQuan.VietTat
		r.OrganName = cm.Agency()
	}
	if !electronic {
		if p.VanBan.So != 0 {
			r.CodeNumber = vn.DocNumber(int(p.VanBan.So))
		}
		if d := p.VanBan.Ngay; !d.IsZero() {
			r.IssuedDate = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	for _, row := range m.Rows {
		if !row.Luu {
			r.To = append(r.To, doc.Recipient{OrganName: row.NoiNhan})
		}
	}
	return r
}
