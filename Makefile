# kehoach — xem README.md.
#   make        tạo văn bản cho mọi kế hoạch trong plans/ vào out/
#   make test   go vet, go test ./... rồi kiểm thử tích hợp (LibreOffice)
#   make check  chỉ kiểm tra các kế hoạch
#   make bench  đo tốc độ
#   make verify-vendor  third_party/fpdf, third_party/yaml = bản gốc + các bản vá đã ghi
#   make print  số bản cần in và sổ phát hành (out/so-phat-hanh-*.csv, .pdf)

SHELL   := /bin/bash
.SHELLFLAGS := -o pipefail -c
GO      ?= go
# On Windows (make from Git for Windows or MSYS2) the program needs .exe,
# or cmd and PowerShell cannot run it.
EXE     := $(if $(filter Windows_NT,$(OS)),.exe,)
BIN     := bin/kehoach$(EXE)
PLANS   := plans
OUT     := out

.PHONY: all build test check fmt fuzz bench dist clean docs print git-setup schema verify-vendor

all: build

$(BIN): FORCE
	$(GO) build -o $(BIN) ./cmd/kehoach

FORCE:

build: $(BIN)
	$(BIN) build -o $(OUT) $(PLANS)

check: $(BIN)
	@$(BIN) fmt -l $(PLANS) > .fmt-l.txt || { echo "Các tệp chưa đúng định dạng chuẩn (chạy: make fmt):"; cat .fmt-l.txt; rm -f .fmt-l.txt; exit 1; }
	@rm -f .fmt-l.txt
	$(BIN) check $(PLANS)

print: $(BIN)
	$(BIN) print -o $(OUT) $(PLANS)

fmt: $(BIN)
	$(BIN) fmt -w $(PLANS)

# The tests of cmd/kehoach that run the program as processes (killed at
# random moments, several issuing at once, hostile files under time and
# memory bounds): most of that package's CPU time, so they run with the
# integration tests rather than in go test ./... .
PROCESS_TESTS := ^(TestKilledBuildLeavesNoTruncatedFile|TestConcurrentIssueProcesses|TestHostileText)$$

test: verify-vendor
	@test -d ../shared/seed || echo "CHÚ Ý: không có ../shared/ cạnh kho mã: các kiểm thử so với văn bản mẫu và lược đồ OOXML được bỏ qua (go test -v ./... cho biết từng kiểm thử bỏ qua)."
	@for t in xmllint pdftotext qpdf soffice; do command -v $$t >/dev/null || echo "CHÚ Ý: thiếu lệnh $$t: các kiểm thử cần nó được bỏ qua (xem .ci/run để cài)."; done
	$(GO) vet ./...
	$(GO) vet -tags integration ./internal/integration ./cmd/kehoach
	$(GO) test ./...
	$(GO) test codeberg.org/go-pdf/fpdf/... go.yaml.in/yaml/v4/...
	@echo "Kiểm thử tích hợp (LibreOffice mở văn bản kehoach viết, một lần khởi động; kehoach chạy thành tiến trình):"
	$(GO) test -tags integration ./internal/integration
	$(GO) test -tags integration -run '$(PROCESS_TESTS)' ./cmd/kehoach

# third_party/fpdf is fpdf v0.12.0 and third_party/yaml go.yaml.in/yaml/v4
# v4.0.0 (the packages kehoach builds) from the module proxy, plus the patches in
# third_party/*/patches/*.diff, nothing else (PATCHES.md). Part of `make
# test`: it takes under a second once the module is in the module cache, and
# the proxy is reachable wherever the other modules are downloaded (CI too).
verify-vendor:
	GO=$(GO) third_party/verify.sh fpdf
	GO=$(GO) third_party/verify.sh yaml

# Go fuzz targets, each for FUZZTIME (CI: 10s each).
FUZZTIME ?= 30s
FUZZ := FuzzLoad:./internal/plan FuzzFormat:./internal/planfmt FuzzDiff:./internal/plandiff \
	FuzzParseDecimal:./internal/vn FuzzParse:./internal/markup FuzzRender:./internal/build \
	FuzzWrite:./internal/render/xlsx FuzzPDFText:./internal/extract FuzzCheck:./internal/vntext
# kehoach text's readers (each input within a time and allocation bound).
FUZZ += FuzzXLSXText:./internal/extract FuzzDOCXText:./internal/extract
# kehoach import's readers (the same bounds).
FUZZ += FuzzDOCXParagraphs:./internal/extract FuzzTXTParagraphs:./internal/extract
FUZZ += FuzzImport:./internal/importer
# help's word wrap (same lines as its strings.Fields definition).
FUZZ += FuzzWrap:./cmd/kehoach FuzzEscapeTo:./internal/termsafe

# Every target runs even when one finds a failure (the run then fails at
# the end); minimising a failing input is bounded to 5 s, as Go's default
# of 60 s stalled FuzzFormat at 0 execs/s. A target counts as failed only
# when Go wrote a new failing input under its testdata/fuzz/NAME/: go1.26's
# fuzz coordinator can end a duration-bounded run with "context deadline
# exceeded" and no input at all (go.dev/issue/75804, fixed in Go 1.27),
# which is reported as such and not counted.
fuzz:
	@fail=0; for t in $(FUZZ); do name=$${t%%:*}; pkg=$${t#*:}; dir=$$pkg/testdata/fuzz/$$name; echo "fuzz $$name ($$pkg, $(FUZZTIME))"; \
	  before=$$(ls "$$dir" 2>/dev/null | wc -l); \
	  $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$pkg > .fuzz.log 2>&1; rc=$$?; grep -v '^fuzz: elapsed' .fuzz.log; \
	  after=$$(ls "$$dir" 2>/dev/null | wc -l); \
	  if [ $$rc -ne 0 ] && [ "$$after" -gt "$$before" ]; then fail=1; \
	  elif [ $$rc -ne 0 ] && grep -q 'context deadline exceeded' .fuzz.log; then echo "  (không tính: Go dừng lượt fuzz bằng “context deadline exceeded” mà không ghi đầu vào lỗi nào, lỗi đã biết của Go 1.26: go.dev/issue/75804)"; \
	  elif [ $$rc -ne 0 ]; then fail=1; fi; done; rm -f .fuzz.log; exit $$fail

# -p 1: one benchmark binary at a time (two at once on 2 cores doubled the
# figures and their spread).
bench:
	$(GO) test -p 1 -run '^$$' -bench . -benchmem ./...
	scripts/bench.sh

# Chương trình cho Windows (máy tính văn phòng xã), Linux và macOS vào dist/.
DIST := windows/amd64 linux/amd64 darwin/amd64 darwin/arm64
dist:
	@mkdir -p dist
	@for p in $(DIST); do os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  echo "dist/kehoach-$$os-$$arch$$ext"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags=-buildid= -o dist/kehoach-$$os-$$arch$$ext ./cmd/kehoach || exit 1; done

# Cho git diff, git log -p, git show đọc văn bản DOCX, XLSX, PDF theo chữ (xem .gitattributes).
# Không có make (Windows, chỉ có kehoach.exe): xem README, mục “Trên Windows: cài đặt và chạy”.
git-setup: $(BIN)
	git config diff.kehoach.textconv "$(BIN) text"
	git config diff.kehoach.cachetextconv true
	@echo "Đã cấu hình git: so sánh .docx, .xlsx, .pdf theo chữ bằng $(BIN)."
	@echo "Dùng kehoach.exe đặt trong thư mục kho mã thay cho $(BIN): git config diff.kehoach.textconv \"./kehoach.exe text\""

# Ghi lại schema/*.json sau khi đổi kiểu trong internal/plan.
schema: $(BIN)
	$(BIN) schema -o schema

clean:
	rm -rf $(OUT) bin dist

# Ảnh trang 1 và trang ký (PDF và DOCX qua LibreOffice) cho README: cần
# poppler-utils và LibreOffice.
docs: build
	scripts/docs-png.sh
