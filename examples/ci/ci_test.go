// Package ci holds the ready CI files for a commune's plan repository,
// gitlab-ci.yml (GitLab CI) and github-actions.yml (GitHub Actions), and
// the test that runs their commands in a temporary git repository (README
// “Kiểm tra tự động (CI) cho kho kế hoạch”). The package has no code of
// its own.
package ci

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/testkit"
)

// planPath is the plan the temporary repository holds, and docs the
// documents kehoach build writes for it.
const planPath = "plans/muong-khoa/2025.yaml"

var docs = []string{"out/ke-hoach-ntm-2025-muong-khoa.pdf", "out/ke-hoach-ntm-2025-muong-khoa.docx", "out/ke-hoach-ntm-2025-muong-khoa-bieu.xlsx"}

// mdPath is the Markdown diff both CI files write for the merge request.
const mdPath = "out/nhan-xet.md"

// event is what starts a pipeline.
type event int

const (
	mergeRequest event = iota // a merge request (GitLab) or pull request (GitHub)
	push                      // a push to the default branch, main
)

// scenario is one pipeline over the temporary plan repository.
type scenario struct {
	name  string
	event event
	// edit changes the plan on the proposed branch; nil changes only the
	// repository's README.
	edit func(t *testing.T, plan string) string
	// diffStatus, when set, is the exit status a stand-in gives for
	// kehoach diff instead of running it.
	diffStatus string
	// calls are the kehoach commands run, in order, with their exit
	// status ("check 0"); "diff ?" takes any status.
	calls []string
	// passed: every job or step that ran succeeded.
	passed bool
	// mdHas and mdHasNot are what the Markdown diff holds and does not.
	mdHas, mdHasNot []string
}

// The branch adds to a task's wording; main has since named the signer,
// which the review of the branch must not show.
const (
	oldWording = "quy hoạch sử dụng đất.\n"
	newWording = "quy hoạch sử dụng đất và quy hoạch thủy lợi.\n"
	mainSigner = "Lò Văn Minh"
)

var scenarios = []scenario{
	{
		name: "merge request sửa câu chữ", event: mergeRequest,
		edit:   func(t *testing.T, s string) string { return replaceOnce(t, s, oldWording, newWording) },
		calls:  []string{"fmt 0", "check 0", "build 0", "diff 1"},
		passed: true,
		// The change, by plan file; not main's later change.
		mdHas: []string{planPath, "thủy lợi"}, mdHasNot: []string{mainSigner},
	},
	{
		name: "merge request không đổi kế hoạch", event: mergeRequest,
		calls: []string{"fmt 0", "check 0", "build 0", "diff 0"}, passed: true,
	},
	{
		// An amount changed without its declared total: check fails the
		// pipeline, and the diff still runs for the reviewer (its status for
		// an invalid side is the diff command's business).
		name: "merge request kế hoạch lỗi", event: mergeRequest,
		edit:  func(t *testing.T, s string) string { return replaceOnce(t, s, "so_tien: 800\n", "so_tien: 900\n") },
		calls: []string{"fmt 0", "check 1", "diff ?"},
	},
	{
		name: "merge request diff lỗi", event: mergeRequest, diffStatus: "2",
		calls: []string{"fmt 0", "check 0", "build 0", "diff 2"},
	},
	{
		name: "đẩy lên main", event: push,
		calls: []string{"fmt 0", "check 0", "build 0"}, passed: true,
	},
}

// result is what a pipeline did.
type result struct {
	ran       []ranStep       // the jobs or steps run, in order
	published map[string]bool // files the artefacts upload (slash paths in the repository)
	summary   string          // GitHub: what the steps wrote to the job summary
}

// ranStep is one job (GitLab) or step (GitHub) that ran.
type ranStep struct {
	name, script string
	ok           bool
}

func (r result) passed() bool {
	for _, s := range r.ran {
		if !s.ok {
			return false
		}
	}
	return true
}

// ciFile is one CI file: how to run its pipeline for a scenario, and
// whether it shows the Markdown diff in the job summary.
type ciFile struct {
	name    string
	run     func(t *testing.T, data []byte, r *repo, env []string, ev event) result
	summary bool
}

var ciFiles = []ciFile{{"gitlab-ci.yml", runGitLab, false}, {"github-actions.yml", runGitHub, true}}

// TestCIFiles runs the commands of both CI files, as the CI would, in a
// temporary git repository with a base commit and a proposed change of a
// plan, with the freshly built kehoach on PATH: check passes or fails the
// pipeline, build publishes the documents, and on a merge request the
// Markdown diff is written and kept, names the change, and only exit
// status 2 of kehoach diff (not 1, "differ") fails the pipeline.
func TestCIFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("BỎ QUA trên Windows: các tệp CI chạy trên máy Linux của GitLab, GitHub")
	}
	testkit.Tool(t, "git", "git")
	testkit.Tool(t, "bash", "bash")
	bin := buildKehoach(t)
	for _, f := range ciFiles {
		data, err := os.ReadFile(f.name)
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range scenarios {
			t.Run(f.name+"/"+sc.name, func(t *testing.T) {
				t.Parallel()
				r := newRepo(t, sc)
				log := filepath.Join(t.TempDir(), "kehoach.log")
				env := baseEnv(t, bin, log, sc.diffStatus)
				res := f.run(t, data, r, env, sc.event)
				checkResult(t, f, sc, r, res, readLog(t, log))
			})
		}
	}
}

// checkResult asserts what a pipeline did against its scenario.
func checkResult(t *testing.T, f ciFile, sc scenario, r *repo, res result, calls []string) {
	t.Helper()
	if !matchCalls(sc.calls, calls) {
		t.Errorf("kehoach commands run = %q, want %q", calls, sc.calls)
	}
	if got := res.passed(); got != sc.passed {
		t.Errorf("pipeline passed = %v, want %v (steps: %+v)", got, sc.passed, res.ran)
	}
	// The documents are published exactly when build succeeded.
	built := slices.Contains(calls, "build 0")
	for _, d := range docs {
		if res.published[d] != built {
			t.Errorf("%s published = %v, want %v (build ran: %q)", d, res.published[d], built, calls)
		}
	}
	if built {
		if b, err := os.ReadFile(filepath.Join(r.dir, docs[0])); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF: %v", docs[0], err)
		}
	}
	// kehoach diff: only status 2 fails its step; the Markdown is written
	// and kept exactly when the status is 0 or 1.
	status := ""
	for _, c := range calls {
		if s, ok := strings.CutPrefix(c, "diff "); ok {
			status = s
		}
	}
	compared := status == "0" || status == "1"
	for _, s := range res.ran {
		if strings.Contains(s.script, "kehoach diff") && s.ok != compared {
			t.Errorf("%s: ok = %v after kehoach diff exit status %s", s.name, s.ok, status)
		}
	}
	md, err := os.ReadFile(filepath.Join(r.dir, mdPath))
	if (err == nil) != compared || res.published[mdPath] != compared {
		t.Fatalf("%s: exists %v, published %v; want both %v (kehoach diff exit status %q)", mdPath, err == nil, res.published[mdPath], compared, status)
	}
	if !compared {
		return
	}
	if len(bytes.TrimSpace(md)) == 0 {
		t.Errorf("%s is empty", mdPath)
	}
	for _, w := range sc.mdHas {
		if !strings.Contains(string(md), w) {
			t.Errorf("%s lacks %q:\n%s", mdPath, w, md)
		}
	}
	for _, w := range sc.mdHasNot {
		if strings.Contains(string(md), w) {
			t.Errorf("%s holds %q, a change not of this merge request:\n%s", mdPath, w, md)
		}
	}
	if f.summary && !strings.Contains(res.summary, string(md)) {
		t.Errorf("job summary lacks the Markdown diff:\n%s", res.summary)
	}
}

// matchCalls reports whether got are the commands want, "?" taking any
// exit status.
func matchCalls(want, got []string) bool {
	if len(want) != len(got) {
		return false
	}
	for i := range want {
		if w, ok := strings.CutSuffix(want[i], " ?"); ok {
			if cmd, _, _ := strings.Cut(got[i], " "); cmd == w {
				continue
			}
		}
		if want[i] != got[i] {
			return false
		}
	}
	return true
}

// buildKehoach builds kehoach from this repository, as the CI files'
// install steps do, and returns its path.
func buildKehoach(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kehoach")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/kehoach")
	cmd.Dir = testkit.RepoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// wrapper is the kehoach on the pipeline's PATH: it runs the freshly built
// one (or, for diff, gives $KEHOACH_DIFF_STATUS when set) and logs each
// command with its exit status.
const wrapper = `#!/bin/sh
if [ "$1" = diff ] && [ -n "$KEHOACH_DIFF_STATUS" ]; then
  s=$KEHOACH_DIFF_STATUS
else
  "$KEHOACH_REAL" "$@"
  s=$?
fi
echo "$1 $s" >> "$KEHOACH_LOG"
exit $s
`

// baseEnv is the environment of every job or step: a clean one, with the
// wrapper first on PATH and no git configuration of the machine.
func baseEnv(t *testing.T, bin, log, diffStatus string) []string {
	t.Helper()
	dir := t.TempDir()
	wrap := filepath.Join(dir, "bin")
	home := filepath.Join(dir, "home")
	for _, d := range []string{wrap, home} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(wrap, "kehoach"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	return []string{
		"PATH=" + wrap + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + home, "TMPDIR=" + os.TempDir(), "GIT_CONFIG_NOSYSTEM=1",
		"KEHOACH_REAL=" + bin, "KEHOACH_LOG=" + log, "KEHOACH_DIFF_STATUS=" + diffStatus,
	}
}

func readLog(t *testing.T, log string) []string {
	t.Helper()
	b, err := os.ReadFile(log)
	if os.IsNotExist(err) {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// repo is the temporary plan repository: fork is the commit the proposed
// branch left main at, head the branch's commit, main the later commit of
// main (also origin/main); the working tree is head for a merge request,
// main for a push.
type repo struct {
	dir, fork, head, main string
}

func newRepo(t *testing.T, sc scenario) *repo {
	t.Helper()
	r := &repo{dir: t.TempDir()}
	plan := testkit.CopyPlan(t, r.dir, "muong-khoa", "2025.yaml", nil)
	write(t, filepath.Join(r.dir, "README.md"), "Kế hoạch của xã Mường Khoa.\n")
	r.git(t, "init", "-q", "-b", "main")
	r.git(t, "add", ".")
	r.git(t, "commit", "-q", "-m", "Kế hoạch 2025")
	r.fork = r.git(t, "rev-parse", "HEAD")

	r.git(t, "checkout", "-q", "-b", "de-xuat")
	if sc.edit != nil {
		write(t, plan, sc.edit(t, read(t, plan)))
	} else {
		write(t, filepath.Join(r.dir, "README.md"), "Kế hoạch của xã Mường Khoa, năm 2025.\n")
	}
	r.git(t, "commit", "-q", "-a", "-m", "Đề xuất")
	r.head = r.git(t, "rev-parse", "HEAD")

	r.git(t, "checkout", "-q", "main")
	write(t, plan, replaceOnce(t, read(t, plan), "  ho_ten: #", "  ho_ten: "+mainSigner+" #"))
	r.git(t, "commit", "-q", "-a", "-m", "Người ký")
	r.main = r.git(t, "rev-parse", "HEAD")
	r.git(t, "update-ref", "refs/remotes/origin/main", r.main)
	if sc.event == mergeRequest {
		r.git(t, "checkout", "-q", "de-xuat")
	}
	return r
}

// current is the commit the pipeline builds.
func (r *repo) current(ev event) string {
	if ev == push {
		return r.main
	}
	return r.head
}

func (r *repo) git(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Văn thư", "GIT_AUTHOR_EMAIL=vanthu@example.org", "GIT_COMMITTER_NAME=Văn thư", "GIT_COMMITTER_EMAIL=vanthu@example.org")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// runScript runs a job's or step's shell text in the repository with bash
// -eo pipefail, as both CI systems do.
func runScript(t *testing.T, dir, script string, env []string) bool {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("%s\n→ %v\n%s", script, err, out)
	}
	return err == nil
}

// publish adds to res the files of dir that the artefact globs match.
func publish(t *testing.T, res *result, dir string, globs []string) int {
	t.Helper()
	n := 0
	for _, g := range globs {
		m, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(g)))
		if err != nil {
			t.Fatalf("artefact path %q: %v", g, err)
		}
		for _, f := range m {
			rel, _ := filepath.Rel(dir, f)
			res.published[filepath.ToSlash(rel)] = true
			n++
		}
	}
	return n
}

// loadStrict decodes YAML into v, refusing keys v does not have: a CI
// file may not use what this test does not emulate.
func loadStrict(t *testing.T, what string, data []byte, v any) {
	t.Helper()
	if err := yaml.Load(data, v, yaml.WithKnownFields()); err != nil {
		t.Fatalf("%s: %v (the test emulates only the keys it knows; teach it a new one)", what, err)
	}
}

// GitLab CI.

type glRule struct {
	If   string `yaml:"if"`
	When string `yaml:"when"`
}

type glJob struct {
	Image        string            `yaml:"image"`
	BeforeScript []string          `yaml:"before_script"`
	Script       []string          `yaml:"script"`
	Rules        []glRule          `yaml:"rules"`
	Variables    map[string]string `yaml:"variables"`
	Artifacts    struct {
		Name     string   `yaml:"name"`
		Paths    []string `yaml:"paths"`
		When     string   `yaml:"when"`
		ExposeAs string   `yaml:"expose_as"`
		ExpireIn string   `yaml:"expire_in"`
	} `yaml:"artifacts"`
}

// exposeAs is what GitLab accepts as artifacts:expose_as: its pattern
// \A\w[-\w ]*\z, where Ruby's \w is ASCII (no Vietnamese letters).
var exposeAs = regexp.MustCompile(`^[A-Za-z0-9_][-A-Za-z0-9_ ]*$`)

// runGitLab runs the jobs of a .gitlab-ci.yml in file order, each in its
// own shell: before_script (the install steps) is not run, as kehoach is
// already on PATH.
func runGitLab(t *testing.T, data []byte, r *repo, env []string, ev event) result {
	t.Helper()
	vars := map[string]string{
		"CI": "true", "GITLAB_CI": "true", "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_SHA": r.current(ev),
		"CI_COMMIT_REF_SLUG": "de-xuat", "CI_PROJECT_ID": "1", "CI_API_V4_URL": "http://127.0.0.1:9/api/v4",
	}
	if ev == mergeRequest {
		vars["CI_PIPELINE_SOURCE"] = "merge_request_event"
		vars["CI_MERGE_REQUEST_IID"] = "1"
		vars["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = r.fork
	} else {
		vars["CI_PIPELINE_SOURCE"] = "push"
		vars["CI_COMMIT_BRANCH"] = "main"
		vars["CI_COMMIT_REF_SLUG"] = "main"
	}
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		t.Fatal(err)
	}
	top := doc.Content[0]
	var workflow struct {
		Rules []glRule `yaml:"rules"`
	}
	var def glJob
	type named struct {
		name string
		job  glJob
	}
	var jobs []named
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, b := top.Content[i].Value, dump(t, top.Content[i+1])
		switch key {
		case "workflow":
			loadStrict(t, key, b, &workflow)
		case "default":
			loadStrict(t, key, b, &def)
		default:
			var j glJob
			loadStrict(t, "job "+key, b, &j)
			jobs = append(jobs, named{key, j})
		}
	}
	res := result{published: map[string]bool{}}
	if !glRules(t, workflow.Rules, vars) {
		return res
	}
	install := strings.Join(def.BeforeScript, "\n")
	for _, n := range jobs {
		j := n.job
		install += strings.Join(j.BeforeScript, "\n")
		if len(j.Script) == 0 {
			t.Fatalf("job %s has no script", n.name)
		}
		if !glRules(t, j.Rules, vars) {
			continue
		}
		jobEnv := slices.Clone(env)
		for k, v := range vars {
			jobEnv = append(jobEnv, k+"="+v)
		}
		for k, v := range j.Variables {
			jobEnv = append(jobEnv, k+"="+v)
		}
		ok := runScript(t, r.dir, strings.Join(j.Script, "\n"), jobEnv)
		res.ran = append(res.ran, ranStep{n.name, strings.Join(j.Script, "\n"), ok})
		a := j.Artifacts
		if !slices.Contains([]string{"", "on_success", "on_failure", "always"}, a.When) {
			t.Errorf("job %s: artifacts:when %q: GitLab takes on_success, on_failure or always", n.name, a.When)
		}
		if a.ExposeAs != "" {
			if !exposeAs.MatchString(a.ExposeAs) {
				t.Errorf("job %s: expose_as %q: GitLab takes only ASCII letters, digits, '_', '-' and spaces", n.name, a.ExposeAs)
			}
			for _, p := range a.Paths {
				if strings.ContainsAny(p, "*?[$") {
					t.Errorf("job %s: expose_as with path %q: GitLab refuses '*' there and does not expand variables", n.name, p)
				}
			}
		}
		if a.When == "always" || (a.When == "on_failure") != ok {
			publish(t, &res, r.dir, a.Paths)
		}
	}
	if !strings.Contains(install, "./cmd/kehoach") {
		t.Errorf("no before_script builds kehoach from the repository (./cmd/kehoach): %q", install)
	}
	return res
}

// glRules evaluates GitLab rules: the first rule whose if holds decides;
// no rules means the job runs.
func glRules(t *testing.T, rules []glRule, vars map[string]string) bool {
	t.Helper()
	if len(rules) == 0 {
		return true
	}
	for _, r := range rules {
		if glIf(t, r.If, vars) {
			return r.When != "never"
		}
	}
	return false
}

// glIf evaluates the one form of rules:if the file uses: A == B, each
// side a $VARIABLE or a "string".
func glIf(t *testing.T, expr string, vars map[string]string) bool {
	t.Helper()
	a, b, ok := strings.Cut(expr, " == ")
	if !ok || strings.ContainsAny(expr, "&|()!~") {
		t.Fatalf("rules:if %q: the test evaluates only A == B", expr)
	}
	side := func(s string) string {
		s = strings.TrimSpace(s)
		if v, ok := strings.CutPrefix(s, "$"); ok {
			return vars[v]
		}
		if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
			return s[1 : len(s)-1]
		}
		t.Fatalf("rules:if %q: %q is neither $VARIABLE nor \"string\"", expr, s)
		return ""
	}
	return side(a) == side(b)
}

func dump(t *testing.T, n *yaml.Node) []byte {
	t.Helper()
	b, err := yaml.Dump(n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// GitHub Actions.

type ghStep struct {
	Name string            `yaml:"name"`
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
	Env  map[string]string `yaml:"env"`
	Run  string            `yaml:"run"`
}

type ghWorkflow struct {
	Name string `yaml:"name"`
	On   struct {
		Push struct {
			Branches []string `yaml:"branches"`
		} `yaml:"push"`
		PullRequest yaml.Node `yaml:"pull_request"` // present, even empty: Kind != 0
	} `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn      string            `yaml:"runs-on"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []ghStep          `yaml:"steps"`
	} `yaml:"jobs"`
}

// runGitHub runs the steps of a workflow's one job in order. Steps whose
// id starts with "cai-dat" install kehoach and are not run, nor are the
// setup actions; actions/upload-artifact publishes its paths.
func runGitHub(t *testing.T, data []byte, r *repo, env []string, ev event) result {
	t.Helper()
	var w ghWorkflow
	loadStrict(t, "workflow", data, &w)
	if !slices.Contains(w.On.Push.Branches, "main") || w.On.PullRequest.Kind == 0 {
		t.Fatalf("the workflow must run on push to main and on pull_request, as the test emulates: %+v", w.On)
	}
	if len(w.Jobs) != 1 {
		t.Fatalf("the test emulates one job, the workflow has %d", len(w.Jobs))
	}
	ctx := map[string]string{
		"github.event_name": "push", "github.token": "", "github.repository": "xa/ke-hoach", "vars.KEHOACH_BINH_LUAN": "",
		"github.base_ref": "", "github.event.pull_request.head.sha": "", "github.event.pull_request.number": "",
	}
	if ev == mergeRequest {
		ctx["github.event_name"] = "pull_request"
		ctx["github.base_ref"] = "main"
		ctx["github.event.pull_request.head.sha"] = r.head
		ctx["github.event.pull_request.number"] = "1"
	}
	tmp := t.TempDir()
	summary := filepath.Join(tmp, "summary.md")
	env = append(slices.Clone(env), "CI=true", "GITHUB_ACTIONS=true", "GITHUB_EVENT_NAME="+ctx["github.event_name"],
		"GITHUB_SHA="+r.current(ev), "GITHUB_WORKSPACE="+r.dir, "GITHUB_STEP_SUMMARY="+summary,
		"GITHUB_PATH="+filepath.Join(tmp, "path"), "GITHUB_ENV="+filepath.Join(tmp, "env"), "RUNNER_TEMP="+tmp)
	res := result{published: map[string]bool{}}
	failed, install := false, ""
	for _, job := range w.Jobs {
		for i, s := range job.Steps {
			name := s.Name
			if name == "" {
				name = s.Uses
			}
			if !ghIf(t, s.If, ctx, failed) {
				continue
			}
			action, _, _ := strings.Cut(s.Uses, "@")
			switch {
			case strings.HasPrefix(s.ID, "cai-dat"):
				install += s.Run
			case action == "actions/checkout" || action == "actions/setup-go":
			case action == "actions/upload-artifact":
				n := publish(t, &res, r.dir, strings.Fields(s.With["path"]))
				ok := n > 0 || s.With["if-no-files-found"] != "error"
				res.ran = append(res.ran, ranStep{name, "", ok})
				failed = failed || !ok
			case s.Uses != "":
				t.Fatalf("step %d uses %s, which the test does not emulate", i, s.Uses)
			default:
				stepEnv := slices.Clone(env)
				for k, v := range s.Env {
					stepEnv = append(stepEnv, k+"="+expand(t, v, ctx))
				}
				script := expand(t, s.Run, ctx)
				ok := runScript(t, r.dir, script, stepEnv)
				res.ran = append(res.ran, ranStep{name, script, ok})
				failed = failed || !ok
			}
		}
	}
	if !strings.Contains(install, "./cmd/kehoach") {
		t.Errorf("no cai-dat step builds kehoach from the repository (./cmd/kehoach): %q", install)
	}
	if b, err := os.ReadFile(summary); err == nil {
		res.summary = string(b)
	}
	return res
}

var ghExpr = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand replaces ${{ … }} with its value in ctx.
func expand(t *testing.T, s string, ctx map[string]string) string {
	t.Helper()
	return ghExpr.ReplaceAllStringFunc(s, func(m string) string {
		key := ghExpr.FindStringSubmatch(m)[1]
		v, ok := ctx[key]
		if !ok {
			t.Fatalf("${{ %s }}: not in the test's context", key)
		}
		return v
	})
}

// ghIf evaluates a step's if: terms joined by &&, each a status function
// or X == 'string'; without a status function success() is implied.
func ghIf(t *testing.T, cond string, ctx map[string]string, failed bool) bool {
	t.Helper()
	cond = strings.TrimSpace(cond)
	if m := ghExpr.FindStringSubmatch(cond); m != nil && m[0] == cond {
		cond = m[1]
	}
	status, holds := false, true
	for term := range strings.SplitSeq(cond, "&&") {
		term = strings.TrimSpace(term)
		switch term {
		case "":
		case "!cancelled()", "always()":
			status = true
		case "success()":
			status, holds = true, holds && !failed
		case "failure()":
			status, holds = true, holds && failed
		default:
			a, b, ok := strings.Cut(term, " == ")
			v, known := ctx[strings.TrimSpace(a)]
			b = strings.TrimSpace(b)
			if !ok || !known || len(b) < 2 || b[0] != '\'' || b[len(b)-1] != '\'' {
				t.Fatalf("if: %q: the test evaluates only status functions and X == 'string' joined by &&", cond)
			}
			holds = holds && v == b[1:len(b)-1]
		}
	}
	return holds && (status || !failed)
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if strings.Count(s, old) != 1 {
		t.Fatalf("%q occurs %d times in the plan, want once", old, strings.Count(s, old))
	}
	return strings.Replace(s, old, new, 1)
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The README's section on CI links both files and shows the kehoach
// commands they run (GỐC NHÁNH standing for the two revisions).
func TestREADMEShowsCIFiles(t *testing.T) {
	readme := read(t, filepath.Join(testkit.RepoRoot(t), "README.md"))
	start := strings.Index(readme, "\n## Kiểm tra tự động (CI) cho kho kế hoạch\n")
	if start < 0 {
		t.Fatal("README has no section “Kiểm tra tự động (CI) cho kho kế hoạch”")
	}
	section := readme[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	var cmds []string
	for line := range strings.SplitSeq(section, "\n") {
		if strings.HasPrefix(line, "kehoach ") {
			cmd, _, _ := strings.Cut(line, "#")
			cmds = append(cmds, strings.TrimSuffix(strings.TrimSpace(cmd), " GỐC NHÁNH"))
		}
	}
	if len(cmds) != 4 {
		t.Errorf("README shows %d kehoach commands of the CI files, want 4 (fmt, check, build, diff): %q", len(cmds), cmds)
	}
	for _, f := range ciFiles {
		if !strings.Contains(section, "(examples/ci/"+f.name+")") {
			t.Errorf("README's CI section does not link examples/ci/%s", f.name)
		}
		data := read(t, f.name)
		for _, c := range cmds {
			if !strings.Contains(data, c) {
				t.Errorf("README shows %q, which %s does not run", c, f.name)
			}
		}
	}
}
