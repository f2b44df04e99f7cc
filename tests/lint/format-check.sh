#!/usr/bin/env bash
# format_check: lists every C++ file under app/ ui/ sync/ tests/ that clang-format (.clang-format) would change.
#   tests/lint/format-check.sh SOURCE_DIR [CLANG_FORMAT]
# In a git checkout: tracked files plus new files that are not ignored; otherwise every file found.
# Fix with: clang-format -i FILE...
set -euo pipefail

src="${1:?usage: $0 SOURCE_DIR [CLANG_FORMAT]}"
clang_format="${2:-clang-format}"
cd "$src"

dirs=(app ui sync tests)
files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
    [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
    while IFS= read -r -d '' f; do
        files+=("$f")
    done < <(git ls-files -z -co --exclude-standard -- "${dirs[@]/%//*.cpp}" "${dirs[@]/%//*.h}")
else
    existing=()
    for d in "${dirs[@]}"; do
        [ -d "$d" ] && existing+=("$d")
    done
    if [ ${#existing[@]} -gt 0 ]; then
        while IFS= read -r -d '' f; do
            files+=("$f")
        done < <(find "${existing[@]}" -type f \( -name '*.cpp' -o -name '*.h' \) -print0)
    fi
fi

present=()
for f in "${files[@]}"; do
    [ -f "$f" ] && present+=("$f") # skips tracked files deleted in the work tree
done
checked=${#present[@]}
bad=()
if [ "$checked" -gt 0 ]; then
    # One clang-format run for all files; each difference is reported as "FILE:LINE:COL: error: ...".
    report="$("$clang_format" --dry-run -Werror "${present[@]}" 2>&1)" || true
    while IFS= read -r f; do
        [ -n "$f" ] && bad+=("$f")
    done < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: .*-Wclang-format-violations.*$/\1/p' <<<"$report" | sort -u)
    if [ ${#bad[@]} -eq 0 ] && grep -q 'error' <<<"$report"; then
        echo "format_check: clang-format failed:"
        echo "$report"
        exit 1
    fi
fi

if [ ${#bad[@]} -gt 0 ]; then
    echo "format_check: ${#bad[@]} of $checked file(s) are not formatted with .clang-format:"
    printf '  %s\n' "${bad[@]}"
    echo "fix with: clang-format -i ${bad[*]}"
    exit 1
fi
echo "format_check: $checked file(s) formatted."
