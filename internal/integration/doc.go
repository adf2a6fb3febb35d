// Package integration holds the tests that run LibreOffice on what
// kehoach writes: the DOCX of the sample document and of the plans, the
// workbooks of the annexes. They are behind the build tag integration
// (go test -tags integration ./internal/integration, which make test runs
// after go test ./...), so that the default run does not pay for
// LibreOffice's start. Every file is written first, then all are converted
// by one soffice call (and the workbooks to CSV by a second call with the
// same, by then warm, profile), and each former test checks its outputs
// as a subtest named after it. The package has no code but its tests.
package integration
