#!/usr/bin/env bash
# Renders the HTML reports of the shipped Cases and checks them as a person would see them:
#   1. well-formed (the pages are polyglot XHTML; xmllint, or Python's parser when xmllint is missing),
#   2. self-contained (no scripts, links, images, fonts, imports or urls outside the page),
#   3. rendered by headless Chromium (Debian's `chromium` package): the DOM has the report's heading,
#      an A4 PDF prints, and a screenshot is not blank.
# Usage: scripts/check-html.sh [--docs]   (--docs also refreshes the screenshots in docs/)
# Output goes to $OUT, or a new temporary folder (kept, and named at the end). Exit 1 when any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${OUT:-$(mktemp -d)}"
docs=false
[ "${1:-}" = "--docs" ] && docs=true
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "check-html: chromium not found; install it with: sudo apt-get install chromium" >&2
  exit 1
fi

swift build -q
bin="$(swift build --show-bin-path)/totaalbeeld"
rm -rf "$out" && mkdir -p "$out"

reports=()
for dossier in Cases/*/*.dossier.xml; do
  name="$(basename "$dossier" .dossier.xml)"
  "$bin" screen "$dossier" --format html -o "$out/screen-$name.html"
  reports+=("$out/screen-$name.html")
done
"$bin" screen Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml --format html --lang en -o "$out/screen-case3-wia-adviseur.en.html"
reports+=("$out/screen-case3-wia-adviseur.en.html")
for set in case1 case3; do
  dossier="$(ls Cases/akc-focusgroep/$set-*.dossier.xml)"
  "$bin" compare "$dossier" Cases/intervisie/$set-*.evaluation.xml --format html -o "$out/compare-$set.html"
  reports+=("$out/compare-$set.html")
done

# Issue 17: a diff of case 1 against a copy with one finding resolved, and the impact of a ruleset without one rule.
sed 's/<finding id="f-angsten"/<finding present="false" id="f-angsten"/' Cases/akc-focusgroep/case1-ict-wens.dossier.xml >"$out/case1-ijkpunt.dossier.xml"
"$bin" diff Cases/akc-focusgroep/case1-ict-wens.dossier.xml "$out/case1-ijkpunt.dossier.xml" --format html -o "$out/diff-case1.html"
reports+=("$out/diff-case1.html")
awk 'BEGIN { skip = 0 } /<rule id="verankering"/ { skip = 1 } { if (!skip) print } skip && /<\/rule>/ { skip = 0 }' Rulesets/akc-2011.xml >"$out/without-verankering.xml"
"$bin" impact --old Rulesets/akc-2011.xml --new "$out/without-verankering.xml" Cases --out "$out/impact" --quiet
reports+=("$out/impact/impact.html")

failures=0
fail() { echo "check-html: FAIL $1: $2" >&2; failures=$((failures + 1)); }

for page in "${reports[@]}"; do
  # 1. Well-formed.
  if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout --nonet "$page" 2>"$out/xmllint.err" || fail "$page" "not well-formed: $(head -n 3 "$out/xmllint.err")"
  else
    python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$page" 2>"$out/xml.err" || fail "$page" "not well-formed: $(tail -n 1 "$out/xml.err")"
  fi
  # 2. Self-contained: nothing that would make a browser fetch.
  if grep -nEio '<script|<link[ >]|<img[ >]|<iframe|<object|@import|@font-face|(src|href|xlink:href|action|poster)="[^#"][^"]*"|url\(['"'"'"]?[^#'"'"'" ]' "$page" >"$out/external.txt"; then
    fail "$page" "refers to something outside itself: $(head -n 3 "$out/external.txt")"
  fi
  # 3. Rendered by Chromium, offline: DOM, A4 print and a screenshot that is not blank.
  base="${page%.html}"
  flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --disable-background-networking --proxy-server=127.0.0.1:9)
  timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$base.dom.html" 2>/dev/null || fail "$page" "chromium could not load it"
  grep -q '<h1' "$base.dom.html" || fail "$page" "rendered DOM has no heading"
  timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$base.pdf" "file://$page" >/dev/null 2>&1 || fail "$page" "cannot print to PDF"
  [ -s "$base.pdf" ] || fail "$page" "empty PDF"
  timeout 120 "$browser" "${flags[@]}" --window-size=1000,1800 --screenshot="$base.png" "file://$page" >/dev/null 2>&1 || fail "$page" "no screenshot"
  python3 scripts/png-ink.py "$base.png" 0.02 || fail "$page" "screenshot is (nearly) blank"
done

if $docs; then
  cp "$out/screen-case3-wia-adviseur.png" docs/screen-report.png
  cp "$out/compare-case3.png" docs/compare-report.png
fi

echo "check-html: ${#reports[@]} reports checked in $out, $failures failure(s)"
ok_reports=$((${#reports[@]} - failures)); [ "$ok_reports" -ge 0 ] || ok_reports=0
echo "$ok_reports passed, $failures failed"
[ "$failures" -eq 0 ]
