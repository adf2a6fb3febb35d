// Package plan is the data a commune writes: the commune file shared by
// every year, the yearly plan file, and the criteria set they refer to. It
// loads them strictly (every problem reported at once with file:line:col, in
// Vietnamese), validates them, and computes every derived figure — funding
// totals, criteria counts — here and nowhere else.
//
// YAML keys are Vietnamese words without diacritics in snake_case; the `mota`
// tag is the Vietnamese description used by the README and the JSON Schema.
package plan

import (
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/nd30"
	"kehoach/internal/programme"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
)

// Commune is the commune file (plans/<xã>/xa.yaml): facts that do not change
// from year to year.
type Commune struct {
	Pos      diag.Pos
	Ma       string          `yaml:"ma,required" mota:"Mã xã, chữ thường không dấu nối bằng gạch ngang (muong-khoa); dùng đặt tên tệp kết quả."`
	Ten      string          `yaml:"ten,required" mota:"Tên xã (Mường Khoa)."`
	Cap      string          `yaml:"cap" mota:"Cấp hành chính: xã (mặc định), phường hoặc đặc khu."`
	Tinh     string          `yaml:"tinh,required" mota:"Tên tỉnh (Lai Châu)."`
	Vung     string          `yaml:"vung" mota:"Vùng của xã theo Bộ tiêu chí 2021 - 2025 (QĐ 318/QĐ-TTg), để chọn ngưỡng chỉ tiêu: tdmnpb (Trung du và miền núi phía Bắc), dbsh, btb, dhntb, tn, dnb, dbscl."`
	NhomXa   int             `yaml:"nhom_xa" mota:"Nhóm xã theo Bộ tiêu chí 2026 - 2030 (QĐ 51/2025/QĐ-TTg), để chọn ngưỡng chỉ tiêu: 1 (liền kề đô thị, hoặc nông nghiệp dưới 10% cơ cấu kinh tế, hoặc định hướng đô thị mới), 3 (xã khu vực II, III vùng đồng bào dân tộc thiểu số và miền núi), 2 (các xã còn lại)."`
	DacBiet  bool            `yaml:"dac_biet" mota:"true: xã đặc biệt khó khăn hoặc xã an toàn khu thuộc huyện nghèo, mới thoát nghèo giai đoạn 2018 - 2020; theo QĐ 318 dùng ngưỡng vùng Trung du và miền núi phía Bắc."`
	DiaDanh  string          `yaml:"dia_danh" mota:"Địa danh ghi ở dòng ngày tháng; mặc định là tên xã."`
	CoQuan   CoQuan          `yaml:"co_quan,required" mota:"Cơ quan ban hành văn bản."`
	LoaiBan  string          `yaml:"loai_ban" mota:"Tên gọi các đơn vị trong danh sách ban, viết thường: thôn, bản, ấp, tổ dân phố, khu phố, buôn, sóc…; bắt buộc khi có danh sách ban."`
	Ban      []string        `yaml:"ban" mota:"Danh sách các thôn, bản, ấp, tổ dân phố… của xã (tên riêng, không ghi chữ “thôn”, “ấp” ở đầu trừ khi đó là một phần của tên); dùng để gửi mỗi nơi một bản (theo_ban)."`
	DonVi    []DonVi         `yaml:"don_vi" mota:"Các cơ quan, đơn vị của xã được giao nhiệm vụ."`
	CanBo    []CanBo         `yaml:"can_bo" mota:"Lãnh đạo, công chức của xã (người ký văn bản)."`
	TrinhBay *nd30.Overrides `yaml:"trinh_bay" mota:"Thay đổi thể thức trình bày trong khoảng Nghị định 30 cho phép: co_chu (13/14), le (mm), gian_dong, cach_doan, thut_dau_dong, kieu_dau (cu/moi)."`
	NgoaiLe  []string        `yaml:"ngoai_le" mota:"Từ, tên riêng không cần kiểm tra chính tả."`

	File  string      `yaml:"-"`
	Index yamlx.Index `yaml:"-"`
}

// CoQuan is the issuing body.
type CoQuan struct {
	Ten     string `yaml:"ten,required" mota:"Tên loại cơ quan, viết thường: Ủy ban nhân dân."`
	VietTat string `yaml:"viet_tat,required" mota:"Chữ viết tắt tên cơ quan trong ký hiệu văn bản: UBND."`
	ChuQuan string `yaml:"chu_quan" mota:"Tên cơ quan chủ quản (dòng trên, không đậm), nếu có; thường để trống với UBND xã."`
}

// DonVi is a unit of the commune.
type DonVi struct {
	Ma      string `yaml:"ma,required" mota:"Mã đơn vị (kinh-te) để các mục khác tham chiếu."`
	Ten     string `yaml:"ten,required" mota:"Tên đơn vị (Phòng Kinh tế)."`
	VietTat string `yaml:"viet_tat" mota:"Chữ viết tắt (KT), dùng ở dòng “Lưu: VT, KT.”."`
}

// CanBo is an official of the commune.
type CanBo struct {
	Ma     string `yaml:"ma,required" mota:"Mã (pct-kinh-te) để khối chữ ký tham chiếu."`
	HoTen  string `yaml:"ho_ten,required" mota:"Họ và tên."`
	ChucVu string `yaml:"chuc_vu,required" mota:"Chức vụ: Phó Chủ tịch UBND xã."`
}

// Plan is one yearly plan file (plans/<xã>/<năm>.yaml).
type Plan struct {
	Pos         diag.Pos
	Xa          string      `yaml:"xa,required" mota:"Đường dẫn tới tệp xã, tính từ thư mục của tệp kế hoạch (xa.yaml)."`
	Nam         int         `yaml:"nam,required" mota:"Năm kế hoạch (2025)."`
	GiaiDoan    string      `yaml:"giai_doan" mota:"Giai đoạn của Chương trình (tệp trong templates/giai-doan): 2021-2025 hoặc 2026-2030; mặc định là giai đoạn chứa năm kế hoạch."`
	VanBan      VanBan      `yaml:"van_ban,required" mota:"Thông tin văn bản: loại, số, ngày ban hành, trích yếu."`
	ChuongTrinh ChuongTrinh `yaml:"chuong_trinh" mota:"Tên Chương trình: đầy đủ (lần nêu đầu, có định nghĩa chữ viết tắt) và ngắn; bỏ trống để dùng tên của giai đoạn."`
	CanCu       []CanCu     `yaml:"can_cu" mota:"Các căn cứ ban hành, theo thứ tự; bỏ trống để dùng căn cứ của giai đoạn và bộ tiêu chí (có thể thêm can_cu_them)."`
	CanCuThem   []CanCu     `yaml:"can_cu_them" mota:"Căn cứ riêng của xã, ghi sau các căn cứ mặc định của giai đoạn (khi không ghi can_cu)."`
	MucTieu     MucTieu     `yaml:"muc_tieu,required" mota:"Phần I. Mục tiêu."`
	TieuChi     TieuChi     `yaml:"tieu_chi,required" mota:"Bộ tiêu chí và tình trạng từng tiêu chí của xã."`
	NhiemVu     NhiemVu     `yaml:"nhiem_vu,required" mota:"Phần II. Nội dung, nhiệm vụ thực hiện."`
	NguonLuc    NguonLuc    `yaml:"nguon_luc,required" mota:"Phần III. Dự kiến nguồn lực (triệu đồng); tổng được tính tự động."`
	GiaiPhap    []string    `yaml:"giai_phap,required" mota:"Phần IV. Giải pháp thực hiện: mỗi phần tử là một giải pháp, được đánh số tự động."`
	ToChuc      []ToChuc    `yaml:"to_chuc_thuc_hien,required" mota:"Phần V. Tổ chức thực hiện: đơn vị và nhiệm vụ."`
	KetLuan     string      `yaml:"ket_luan" mota:"Câu kết thay cho câu mặc định “Trên đây là Kế hoạch …./.” (hiếm khi cần)."`
	NoiNhan     NoiNhan     `yaml:"noi_nhan,required" mota:"Nơi nhận."`
	Ky          Ky          `yaml:"ky,required" mota:"Khối chữ ký."`
	Bieu        Bieu        `yaml:"bieu" mota:"Số liệu các biểu kèm theo: công trình đầu tư (Biểu 03) và vốn sự nghiệp, kinh phí thường xuyên (Biểu 04)."`
	NgoaiLe     []string    `yaml:"ngoai_le" mota:"Từ, tên riêng không cần kiểm tra chính tả (thêm vào danh sách của tệp xã)."`

	// Filled by Load.
	File    string                   `yaml:"-"`
	Index   yamlx.Index              `yaml:"-"`
	Commune *Commune                 `yaml:"-"`
	Set     *programme.CriteriaSet   `yaml:"-"`
	Period  *programme.Period        `yaml:"-"`
	Prov    *programme.ProvincialSet `yaml:"-"` // nil when the plan names none
}

// VanBan is the document's metadata.
type VanBan struct {
	Loai     string `yaml:"loai" mota:"Ký hiệu tên loại văn bản: KH (Kế hoạch, mặc định)."`
	So       DocNo  `yaml:"so" mota:"Số văn bản; để trống khi còn là dự thảo (văn thư điền khi ban hành)."`
	Ngay     Date   `yaml:"ngay" mota:"Ngày ban hành, dạng 2025-08-05; để trống khi còn là dự thảo."`
	TrichYeu string `yaml:"trich_yeu,required" mota:"Trích yếu nội dung, viết như câu dưới tên loại: Thực hiện Chương trình … năm 2025 trên địa bàn xã …"`
	BanHanh  string `yaml:"ban_hanh" mota:"Cách ban hành: giay (văn bản giấy, mặc định) hoặc dien_tu (văn bản điện tử ký số: để trống số, ngày cho Hệ thống quản lý văn bản cấp khi ký, Nghị định 30 Điều 15.3; tên tệp có thêm -dien-tu, kèm tệp dữ liệu đặc tả .xml, .json)."`
}

// ChuongTrinh names the programme the plan carries out.
type ChuongTrinh struct {
	Ten     string `yaml:"ten,required" mota:"Tên đầy đủ, dùng ở câu mở đầu; định nghĩa chữ viết tắt tại đây: Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)."`
	TenNgan string `yaml:"ten_ngan,required" mota:"Tên ngắn dùng ở các lần sau: Chương trình MTQG xây dựng NTM."`
}

// CanCu is one legal basis.
type CanCu struct {
	Pos      diag.Pos
	Ma       string `yaml:"ma" mota:"Mã văn bản trong sổ căn cứ templates/can-cu.yaml (qd51-2025): số, ngày, trích yếu lấy từ đó, không cần chép lại."`
	Loai     string `yaml:"loai" mota:"Tên loại văn bản: Luật, Nghị định, Quyết định, Nghị quyết, Kế hoạch … (bắt buộc khi không ghi ma)."`
	So       string `yaml:"so" mota:"Số và ký hiệu: 263/QĐ-TTg (để trống với Luật)."`
	Ngay     Date   `yaml:"ngay" mota:"Ngày ban hành: 2022-02-22."`
	CoQuan   string `yaml:"co_quan" mota:"Cơ quan ban hành: Thủ tướng Chính phủ."`
	TrichYeu string `yaml:"trich_yeu" mota:"Trích yếu, viết thường chữ đầu: phê duyệt Chương trình … (bắt buộc khi không ghi ma)."`

	// Unverified names the sources of a registry entry whose wording is not
	// verified against the original (the build warns); "" otherwise.
	Unverified string `yaml:"-"`
}

// MucTieu is part I.
type MucTieu struct {
	Chung   string    `yaml:"chung,required" mota:"Mục tiêu chung (đoạn văn)."`
	CuThe   []string  `yaml:"cu_the" mota:"Mục tiêu cụ thể thêm (ngoài hai dòng về số tiêu chí, được tạo tự động)."`
	ChiTieu []ChiTieu `yaml:"chi_tieu" mota:"Các chỉ tiêu chủ yếu."`
}

// ChiTieu is a target indicator: "Thu nhập bình quân đầu người đạt ≥ 54
// triệu đồng/năm".
type ChiTieu struct {
	Pos     diag.Pos
	Ten     string `yaml:"ten,required" mota:"Tên chỉ tiêu, viết như trong câu: Thu nhập bình quân đầu người đạt"`
	SoSanh  Cmp    `yaml:"so_sanh" mota:"So sánh: \">=\" (≥), \"<=\" (≤), \"=\", \"<\", \">\"; mặc định \"=\" (không in dấu)."`
	GiaTri  Number `yaml:"gia_tri,required" mota:"Giá trị: 54, 64.3 (dấu chấm thập phân)."`
	DonVi   string `yaml:"don_vi" mota:"Đơn vị: triệu đồng/năm, %, % dân số."`
	TieuChi string `yaml:"tieu_chi" mota:"Mã tiêu chí hoặc chỉ tiêu tương ứng trong bộ tiêu chí (10, 15.1), để đưa vào Biểu 01."`
	LyDo    string `yaml:"ly_do" mota:"(Tùy chọn) lý do, căn cứ đề xuất chỉ tiêu này, để lãnh đạo xem xét: chỉ in ở bản trình (build -ban-trinh), không bao giờ in ở văn bản ban hành."`
}

// TieuChi is the criteria set and the commune's status for each criterion.
type TieuChi struct {
	Bo           string      `yaml:"bo" mota:"Mã bộ tiêu chí trong templates/tieu-chi: qd318-2021-2025 hoặc qd51-2026-2030; mặc định là bộ của giai đoạn."`
	BoTinh       string      `yaml:"bo_tinh" mota:"Bộ tiêu chí của tỉnh: mã tệp trong templates/tieu-chi/tinh (lai-chau-qd1487-2024) hoặc đường dẫn tương đối tới tệp .yaml có tên bắt đầu bằng bo-tieu-chi (bo-tieu-chi-tinh.yaml); được nêu làm căn cứ, ngưỡng của tỉnh thay ngưỡng quốc gia."`
	SoDat        *int        `yaml:"so_dat" mota:"(Tùy chọn) số tiêu chí đã đạt đầu năm, để đối chiếu với danh sách."`
	SoDatCuoiNam *int        `yaml:"so_dat_cuoi_nam" mota:"(Tùy chọn) số tiêu chí đạt cuối năm, để đối chiếu."`
	DanhGia      []DanhGiaTC `yaml:"danh_gia,required" mota:"Tình trạng từng tiêu chí của bộ."`
}

// DanhGiaTC is the commune's status for one criterion.
type DanhGiaTC struct {
	Pos       diag.Pos
	So        int         `yaml:"so,required" mota:"Số tiêu chí trong bộ (1–19)."`
	HienTrang Status      `yaml:"hien_trang,required" mota:"dat (đã đạt đầu năm), phan_dau (phấn đấu đạt trong năm), chua_dat."`
	ChuTri    string      `yaml:"chu_tri" mota:"Mã đơn vị chủ trì (trong tệp xã)."`
	PhoiHop   []string    `yaml:"phoi_hop" mota:"Mã các đơn vị phối hợp."`
	GhiChu    string      `yaml:"ghi_chu" mota:"Ghi chú trong Biểu 01."`
	ChiTieu   []ChiTieuTC `yaml:"chi_tieu" mota:"Các chỉ tiêu của tiêu chí đưa vào Biểu 01, thêm vào các chỉ tiêu của bộ tiêu chí (cùng mã thì ghi hiện trạng, kế hoạch cho chỉ tiêu của bộ)."`
	LyDo      string      `yaml:"ly_do" mota:"(Tùy chọn) lý do, căn cứ đề xuất hiện trạng, kế hoạch của tiêu chí, để lãnh đạo xem xét: chỉ in ở bản trình (build -ban-trinh), không bao giờ in ở văn bản ban hành."`

	// Rows are the criterion's Biểu 01 indicator rows: the rows the plan
	// lists, in its order, with the wording, unit and threshold for the
	// commune taken from the criteria set (or the provincial set) when it
	// has the indicator. Filled by Load.
	Rows []IndicatorRow `yaml:"-"`
}

// IndicatorRow is one indicator line of Biểu 01.
type IndicatorRow struct {
	Ma, Ten, DonVi     string
	QuyDinh            string // the required threshold; "" when not known
	HienTrang, KeHoach string
}

// ChiTieuTC is one indicator row of a criterion in Biểu 01.
type ChiTieuTC struct {
	Pos       diag.Pos
	Ma        string `yaml:"ma,required" mota:"Mã chỉ tiêu: 17.7."`
	Ten       string `yaml:"ten" mota:"Nội dung chỉ tiêu; không cần ghi với chỉ tiêu có trong bộ tiêu chí."`
	DonVi     string `yaml:"don_vi" mota:"Đơn vị tính: %, km, triệu đồng/người."`
	QuyDinh   string `yaml:"quy_dinh" mota:"Chỉ tiêu quy định (theo Bộ tiêu chí của tỉnh): ≥ 54, Đạt; chỉ ghi khi bộ tiêu chí chưa có ngưỡng đã đối chiếu."`
	HienTrang string `yaml:"hien_trang" mota:"Hiện trạng đầu năm."`
	KeHoach   string `yaml:"ke_hoach" mota:"Kế hoạch năm."`
}

// NhiemVu is part II.
type NhiemVu struct {
	Nhom []Nhom   `yaml:"nhom,required" mota:"Các nhóm nhiệm vụ (11 nội dung của Chương trình), đánh số tự động."`
	Bieu []string `yaml:"bieu" mota:"Biểu kèm theo ghi cuối phần II: [\"01\"] → “(Chi tiết có biểu số 01 kèm theo)”."`
}

// Nhom is one numbered group of tasks.
type Nhom struct {
	Pos     diag.Pos
	TieuDe  string   `yaml:"tieu_de,required" mota:"Tên nhóm nhiệm vụ (in đậm)."`
	NoiDung []Muc    `yaml:"noi_dung" mota:"Nội dung: đoạn văn (doan), ý gạch đầu dòng (y) với các ý nhỏ (y_nho)."`
	Bieu    []string `yaml:"bieu" mota:"Biểu kèm theo ghi cuối nhóm."`
	LyDo    string   `yaml:"ly_do" mota:"(Tùy chọn) lý do, căn cứ đề xuất nhóm nhiệm vụ, để lãnh đạo xem xét: chỉ in ở bản trình (build -ban-trinh), không bao giờ in ở văn bản ban hành."`
}

// Muc is a paragraph ("doan") or a "-" item ("y") with "+" sub-items.
type Muc struct {
	Pos  diag.Pos
	Doan string   `yaml:"doan" mota:"Một đoạn văn (thụt đầu dòng)."`
	Y    string   `yaml:"y" mota:"Một ý bắt đầu bằng “- ”."`
	YNho []string `yaml:"y_nho" mota:"Các ý nhỏ bắt đầu bằng “+ ”, dưới ý “y”."`
	LyDo string   `yaml:"ly_do" mota:"(Tùy chọn) lý do, căn cứ đề xuất nội dung này, để lãnh đạo xem xét: chỉ in ở bản trình (build -ban-trinh), không bao giờ in ở văn bản ban hành."`
}

// NguonLuc is part III: the funding tree, amounts in triệu đồng.
type NguonLuc struct {
	Pos   diag.Pos
	Tong  Number   `yaml:"tong" mota:"(Tùy chọn) tổng nguồn lực đã ghi, để đối chiếu với tổng tính được."`
	Nguon []Nguon  `yaml:"nguon,required" mota:"Các nguồn vốn; nguồn có “con” thì tổng được tính từ các nguồn con."`
	Bieu  []string `yaml:"bieu" mota:"Biểu kèm theo ghi cuối phần III: [\"02\", \"03\", \"04\"]."`
}

// Nguon is one funding source: a leaf with an amount, or a node whose total
// is the sum of its children.
type Nguon struct {
	Pos    diag.Pos
	Ma     string  `yaml:"ma" mota:"Mã nguồn (nstw-dau-tu) để Biểu 03, 04 tham chiếu."`
	Ten    string  `yaml:"ten,required" mota:"Tên nguồn vốn: Vốn Ngân sách Trung ương."`
	SoTien Number  `yaml:"so_tien" mota:"Số tiền (triệu đồng) của nguồn không có nguồn con."`
	Tong   Number  `yaml:"tong" mota:"(Tùy chọn) tổng đã ghi của nguồn có nguồn con, để đối chiếu."`
	Loai   string  `yaml:"loai" mota:"Loại vốn, cho các cột của Biểu 02: dau_tu (vốn đầu tư; giai đoạn 2026 - 2030 gọi là vốn đầu tư công), thuong_xuyen hoặc su_nghiep (hai cách viết của cùng một loại: kinh phí thường xuyên, giai đoạn 2021 - 2025 gọi là vốn sự nghiệp)."`
	Con    []Nguon `yaml:"con" mota:"Các nguồn con."`
	LyDo   string  `yaml:"ly_do" mota:"(Tùy chọn) lý do, căn cứ đề xuất nguồn vốn và số tiền, để lãnh đạo xem xét: chỉ in ở bản trình (build -ban-trinh), không bao giờ in ở văn bản ban hành."`

	// Sum is the computed amount: SoTien for a leaf, the sum of the
	// children otherwise. Filled by Load.
	Sum vn.Decimal `yaml:"-"`
}

// The kinds of funds a source's loai names: which Biểu 02 column its
// amount goes to, and which annex spends it (Biểu 03 or Biểu 04).
const (
	KindInvest  = "dau_tu"    // vốn đầu tư (2026 - 2030: vốn đầu tư công)
	KindCurrent = "su_nghiep" // vốn sự nghiệp (2026 - 2030: kinh phí thường xuyên)
)

// fundKinds maps every loai a plan may write to its kind, in the order
// FundKinds lists them. thuong_xuyen, the word of the 2026 - 2030 forms, is
// the same kind as su_nghiep.
var fundKinds = []struct{ loai, kind string }{
	{"dau_tu", KindInvest},
	{"su_nghiep", KindCurrent},
	{"thuong_xuyen", KindCurrent},
}

// FundKinds returns the values loai accepts.
func FundKinds() []string {
	out := make([]string, len(fundKinds))
	for i, k := range fundKinds {
		out[i] = k.loai
	}
	return out
}

// FundKind returns the kind (KindInvest, KindCurrent) a loai names, or ""
// for none and for a value loai does not accept.
func FundKind(loai string) string {
	for _, k := range fundKinds {
		if k.loai == loai {
			return k.kind
		}
	}
	return ""
}

// Kind is the source's kind of funds (FundKind of its loai).
func (n *Nguon) Kind() string { return FundKind(n.Loai) }

// ToChuc is one unit's duties in part V.
type ToChuc struct {
	Pos     diag.Pos
	DonVi   string `yaml:"don_vi,required" mota:"Tên đơn vị (in đậm, đánh số tự động)."`
	NoiDung []Muc  `yaml:"noi_dung,required" mota:"Nhiệm vụ: đoạn văn (doan) hoặc ý (y)."`
}

// NoiNhan is the recipients block.
type NoiNhan struct {
	Nhan     []NguoiNhan `yaml:"nhan,required" mota:"Các nơi nhận, theo thứ tự."`
	Luu      []string    `yaml:"luu,required" mota:"Nơi lưu: [VT, KT] → “- Lưu: VT, KT.”."`
	SoBanLuu int         `yaml:"so_ban_luu" mota:"Số bản lưu (mặc định 1 bản mỗi nơi lưu)."`
}

// NguoiNhan is one recipient or group.
type NguoiNhan struct {
	Pos     diag.Pos
	Ten     string `yaml:"ten,required" mota:"Tên nơi nhận: Sở Nông nghiệp và Môi trường."`
	GhiChu  string `yaml:"ghi_chu" mota:"Ghi chú trong ngoặc: b/c (báo cáo), t/h (thực hiện)."`
	SoBan   int    `yaml:"so_ban" mota:"Số bản gửi (mặc định 1)."`
	TheoBan bool   `yaml:"theo_ban" mota:"true: gửi mỗi thôn, bản, ấp… một bản, theo danh sách ban và tên gọi loai_ban trong tệp xã; “Trưởng các ấp” thành “Trưởng ấp Tân Lợi”, …"`
}

// Ky is the signature block.
type Ky struct {
	Pos       diag.Pos
	ThayMat   bool   `yaml:"thay_mat" mota:"true: ký thay mặt tập thể, dòng “TM. ỦY BAN NHÂN DÂN”."`
	QuyenHan  string `yaml:"quyen_han" mota:"KT (ký thay), Q (quyền), TL (thừa lệnh), TUQ (thừa ủy quyền) hoặc để trống."`
	ThuTruong string `yaml:"thu_truong" mota:"Chức danh người đứng đầu khi ký thay: Chủ tịch."`
	ChucVu    string `yaml:"chuc_vu,required" mota:"Chức vụ người ký: Phó Chủ tịch."`
	HoTen     string `yaml:"ho_ten" mota:"Họ và tên người ký (hoặc dùng nguoi_ky)."`
	NguoiKy   string `yaml:"nguoi_ky" mota:"Mã cán bộ trong tệp xã (can_bo); họ tên lấy từ đó."`
}

// SignerName is the signer's name: ho_ten, else the commune official named
// by nguoi_ky.
func (p *Plan) SignerName() string {
	if p.Ky.HoTen != "" || p.Commune == nil {
		return p.Ky.HoTen
	}
	for _, c := range p.Commune.CanBo {
		if c.Ma == p.Ky.NguoiKy {
			return c.HoTen
		}
	}
	return ""
}

// Bieu holds the annex data not found elsewhere in the plan.
type Bieu struct {
	CongTrinh []CongTrinh `yaml:"cong_trinh" mota:"Biểu 03: danh mục công trình, dự án đầu tư."`
	SuNghiep  []SuNghiep  `yaml:"su_nghiep" mota:"Biểu 04: phân bổ vốn sự nghiệp (kinh phí thường xuyên)."`
}

// CongTrinh is one investment work (Biểu 03).
type CongTrinh struct {
	Pos          diag.Pos
	Ten          string   `yaml:"ten,required" mota:"Tên công trình, dự án."`
	DiaDiem      string   `yaml:"dia_diem" mota:"Địa điểm xây dựng (tên thôn, bản, ấp… như tệp xã gọi)."`
	QuyMo        string   `yaml:"quy_mo" mota:"Quy mô, năng lực thiết kế: 07 km."`
	ThoiGian     string   `yaml:"thoi_gian" mota:"Thời gian khởi công - hoàn thành: 2025."`
	ChuDauTu     string   `yaml:"chu_dau_tu" mota:"Chủ đầu tư."`
	TongMucDauTu Number   `yaml:"tong_muc_dau_tu" mota:"Tổng mức đầu tư (triệu đồng)."`
	Von          []PhanBo `yaml:"von,required" mota:"Vốn kế hoạch năm theo nguồn: [{nguon: nstw-dau-tu, so_tien: 504}]."`
	TieuChi      []int    `yaml:"tieu_chi" mota:"Số các tiêu chí công trình phục vụ."`
	GhiChu       string   `yaml:"ghi_chu" mota:"Ghi chú."`
	LyDo         string   `yaml:"ly_do" mota:"(Tùy chọn) lý do, căn cứ đề xuất công trình và vốn bố trí, để lãnh đạo xem xét: chỉ in ở bản trình (build -ban-trinh), không bao giờ in ở văn bản ban hành."`
}

// PhanBo is an allocation from one funding source.
type PhanBo struct {
	Pos    diag.Pos
	Nguon  string `yaml:"nguon,required" mota:"Mã nguồn vốn (trong nguon_luc)."`
	SoTien Number `yaml:"so_tien,required" mota:"Số tiền (triệu đồng)."`
}

// SuNghiep is one allocation of current funds (Biểu 04).
type SuNghiep struct {
	Pos      diag.Pos
	NoiDung  string `yaml:"noi_dung,required" mota:"Nội dung, nhiệm vụ."`
	DonVi    string `yaml:"don_vi" mota:"Mã hoặc tên đơn vị thực hiện."`
	Nguon    string `yaml:"nguon,required" mota:"Mã nguồn vốn sự nghiệp, kinh phí thường xuyên (trong nguon_luc)."`
	SoTien   Number `yaml:"so_tien,required" mota:"Kinh phí (triệu đồng)."`
	ThoiGian string `yaml:"thoi_gian" mota:"Thời gian thực hiện."`
	GhiChu   string `yaml:"ghi_chu" mota:"Ghi chú."`
	LyDo     string `yaml:"ly_do" mota:"(Tùy chọn) lý do, căn cứ đề xuất nội dung và kinh phí, để lãnh đạo xem xét: chỉ in ở bản trình (build -ban-trinh), không bao giờ in ở văn bản ban hành."`
}

// Level is the commune's administrative level as written in its name:
// "xã" (the default), "phường", "đặc khu".
func (c *Commune) Level() string {
	if c == nil || c.Cap == "" {
		return "xã"
	}
	return c.Cap
}

// Agency is the issuing body in full, the one place it is spelt:
// "Ủy ban nhân dân xã Mường Khoa" ("" without a commune file).
func (c *Commune) Agency() string {
	if c == nil {
		return ""
	}
	return c.CoQuan.Ten + " " + c.Level() + " " + c.Ten
}

// AgencyShort is the issuing body with its abbreviation: "UBND xã Mường
// Khoa".
func (c *Commune) AgencyShort() string {
	if c == nil {
		return ""
	}
	return c.CoQuan.VietTat + " " + c.Level() + " " + c.Ten
}

// SubUnit is what the commune calls the units listed under ban: "thôn",
// "bản", "ấp", "tổ dân phố"… (loai_ban). Validation requires it whenever the
// list is given; without a list it falls back to the generic "thôn".
func (c *Commune) SubUnit() string {
	if c == nil || c.LoaiBan == "" {
		return "thôn"
	}
	return c.LoaiBan
}

// AuthorityLines are the lines of the signature block above the signature,
// upper case as printed: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ
// TỊCH" (ND30 Điều 13, PL I II.7). agency is the issuing body's name
// (Ủy ban nhân dân). An acting head (Q.) signs with that title alone,
// "Q. CHỦ TỊCH", as commune practice writes it: chuc_vu (the signer's
// substantive post) is not printed under it.
func (k Ky) AuthorityLines(agency string) []string {
	var out []string
	if k.ThayMat {
		out = append(out, "TM. "+vn.Upper(agency))
	}
	q := strings.TrimSuffix(strings.TrimSpace(k.QuyenHan), ".")
	if q != "" {
		out = append(out, q+". "+vn.Upper(k.ThuTruong))
	}
	if q != "Q" {
		out = append(out, vn.Upper(k.ChucVu))
	}
	return out
}
