package build

import (
	"testing"

	"kehoach/internal/testkit"
)

// The closing sentence, the spacer before the signature and the whole
// signature block (Nơi nhận and signer) form one keep chain in the DOCX,
// so Word and LibreOffice never leave the signature alone on a page.
func TestDOCXKeepChain2025(t *testing.T) {
	r := build2025(t)
	parts := unzip(t, output(t, r, ".docx"))
	testkit.KeepChain(t, "2025", string(parts["word/document.xml"]))
}
