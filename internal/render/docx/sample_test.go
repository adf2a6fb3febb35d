package docx

import (
	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
)

// The sample document and its parts live in internal/doc/doctest, shared
// with the other writers' tests and the integration tests.
var (
	sampleDate     = doctest.Date
	para           = doctest.P
	cellText       = doctest.CellText
	headerBlock    = doctest.Header
	signatureBlock = doctest.Signature
	bodyTable      = doctest.BodyTable
	annexTable     = doctest.AnnexTable
)

func sampleDocument() *doc.Document { return doctest.Sample() }
