#!/usr/bin/env bash
# verify.sh DIR: third_party/DIR is one module from the Go module proxy (the
# module, version and go.sum hash in DIR/UPSTREAM) plus the patches in
# DIR/patches, nothing else (kehoach's own files excepted: PATCHES.md,
# UPSTREAM, .gitignore, patches/). Run for each folder by `make verify-vendor`.
#
# Every file of the folder that git tracks must equal the pristine module's
# file after the patches (*.diff, applied in name order); a patch that no
# longer applies, a file changed without a patch, and a patch that was not
# applied to the folder all fail, showing the difference. A folder may keep
# only the packages kehoach builds (third_party/yaml): files of the module
# it does not track are not checked.
set -euo pipefail
name=${1:?"cách dùng: third_party/verify.sh THƯ_MỤC (fpdf, yaml)"}
cd "$(dirname "$0")/$name"
read -r mod ver sum < UPSTREAM

go=${GO:-go}
json=$("$go" mod download -json "$mod@$ver")
dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json")
got=$(sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p' <<<"$json")
if [ -z "$dir" ] || [ "$got" != "$sum" ]; then
  echo "verify-vendor: không tải được $mod@$ver đúng mã băm $sum (được: ${got:-không có}):" >&2
  echo "$json" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(git ls-files . | grep -v -e '^PATCHES\.md$' -e '^UPSTREAM$' -e '^\.gitignore$' -e '^patches/')
# Pristine copies of the files the folder keeps from upstream (the files a
# patch creates are not in the module).
for f in "${files[@]}"; do
  if [ -f "$dir/$f" ]; then
    mkdir -p "$tmp/$(dirname "$f")"
    cp "$dir/$f" "$tmp/$f"
  fi
done
chmod -R u+w "$tmp"
for p in patches/*.diff; do
  [ -e "$p" ] || continue
  if ! (cd "$tmp" && git apply --whitespace=nowarn "$OLDPWD/$p"); then
    echo "verify-vendor: bản vá $p không áp được vào $mod@$ver; hãy tạo lại nó (xem PATCHES.md)." >&2
    exit 1
  fi
done
bad=0
for f in "${files[@]}"; do
  if [ ! -f "$tmp/$f" ]; then
    echo "verify-vendor: $f không có trong $mod@$ver và không bản vá nào tạo ra nó." >&2
    bad=1
  elif ! cmp -s "$tmp/$f" "$f"; then
    echo "verify-vendor: $f khác bản gốc cộng các bản vá (thiếu một bản vá trong patches/?):" >&2
    diff -u "$tmp/$f" "$f" >&2 || true
    bad=1
  fi
done
# (A set, not printf | grep -q: under pipefail, grep -q quitting at the
# first match kills printf with SIGPIPE and the pipeline reports failure
# at random.)
declare -A tracked
for f in "${files[@]}"; do tracked["$f"]=1; done
for f in $(cd "$tmp" && find . -type f | sed 's|^\./||'); do
  if [ -z "${tracked[$f]:-}" ]; then
    echo "verify-vendor: một bản vá tạo ra $f mà thư mục không có (chưa git add?)." >&2
    bad=1
  fi
done
[ $bad = 0 ] && echo "verify-vendor: third_party/$name = $mod@$ver + $(ls patches/*.diff 2>/dev/null | wc -l) bản vá"
exit $bad
