module kehoach

go 1.26.8

require (
	go.yaml.in/yaml/v4 v4.0.0
	golang.org/x/image v0.48.0
	golang.org/x/text v0.44.0
)

require codeberg.org/go-pdf/fpdf v0.12.0

require github.com/klauspost/compress v1.20.4

replace codeberg.org/go-pdf/fpdf => ./third_party/fpdf

replace go.yaml.in/yaml/v4 => ./third_party/yaml
