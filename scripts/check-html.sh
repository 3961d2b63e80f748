#!/usr/bin/env bash
# Renders the reports of the shipped Cases and checks them as a person would see them:
#   1. well-formed (the pages are polyglot XHTML; xmllint, or Python's parser when xmllint is missing),
#   2. self-contained (no scripts, links, images, fonts, imports or urls outside the page),
#   3. rendered by headless Chromium (Debian's `chromium` package): the DOM has the report's heading,
#      an A4 PDF prints, and a screenshot is not blank,
#   4. the Kernpunten of every screening print on page 1 alone (page 2 opens with the signals, read from
#      the PDF with poppler's pdftotext) and end within one 1920×1080 screen (chromedriver, when installed);
#      the full screening of case 3 prints on at most 8 A4 pages,
#   5. the professional's DOCX and ODT of every case open in real readers (python-docx and odfpy, installed
#      with pip when missing; LibreOffice headless too when installed) and their text holds the Kernpunten.
# Usage: scripts/check-html.sh [--docs]   (--docs also refreshes the first-page images in docs/)
# Output goes to $OUT, or a new temporary folder (kept, and named at the end). Exit 1 when any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${OUT:-$(mktemp -d)}"
docs=false
[ "${1:-}" = "--docs" ] && docs=true
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "check-html: chromium not found; install it with: sudo apt-get install chromium chromium-driver poppler-utils" >&2
  exit 1
fi
for tool in pdftotext pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check-html: $tool not found; install it with: sudo apt-get install poppler-utils" >&2; exit 1; }
done
if ! python3 -c 'import docx, odf' >/dev/null 2>&1; then
  echo "check-html: installing python-docx and odfpy (pip)" >&2
  python3 -m pip install --quiet python-docx odfpy >&2 || { echo "check-html: cannot install python-docx and odfpy" >&2; exit 1; }
fi

swift build -q
bin="$(swift build --show-bin-path)/totaalbeeld"
rm -rf "$out" && mkdir -p "$out"

reports=()
screenings=()
for dossier in Cases/*/*.dossier.xml; do
  name="$(basename "$dossier" .dossier.xml)"
  "$bin" screen "$dossier" --format html -o "$out/screen-$name.html"
  reports+=("$out/screen-$name.html")
  screenings+=("$out/screen-$name.html")
done
"$bin" screen Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml --format html --lang en -o "$out/screen-case3-wia-adviseur.en.html"
reports+=("$out/screen-case3-wia-adviseur.en.html")
screenings+=("$out/screen-case3-wia-adviseur.en.html")
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
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --disable-background-networking --proxy-server=127.0.0.1:9)

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
  timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$base.dom.html" 2>/dev/null || fail "$page" "chromium could not load it"
  grep -q '<h1' "$base.dom.html" || fail "$page" "rendered DOM has no heading"
  timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$base.pdf" "file://$page" >/dev/null 2>&1 || fail "$page" "cannot print to PDF"
  [ -s "$base.pdf" ] || fail "$page" "empty PDF"
  timeout 120 "$browser" "${flags[@]}" --window-size=1000,1800 --screenshot="$base.png" "file://$page" >/dev/null 2>&1 || fail "$page" "no screenshot"
  python3 scripts/png-ink.py "$base.png" 0.02 || fail "$page" "screenshot is (nearly) blank"
done

# 4. The Kernpunten on one A4 page and one screen; case 3 in at most 8 pages.
summary="$out/pages.txt"
: >"$summary"
for page in "${screenings[@]}"; do
  base="${page%.html}"
  [ -s "$base.pdf" ] || continue
  pages="$(pdfinfo "$base.pdf" | awk '/^Pages:/ { print $2 }')"
  first="$(pdftotext -f 1 -l 1 "$base.pdf" - | tr -s ' ')"
  # The first line with text on page 2 (awk reads to the end, so no pipe is cut short under pipefail).
  second="$(pdftotext -f 2 -l 2 "$base.pdf" - | awk 'NF && !found { print; found = 1 }')"
  case "$page" in *.en.html) keypoints="Key points"; signals="Signals for reflection" ;; *) keypoints="Kernpunten"; signals="Signalen voor reflectie" ;; esac
  grep -q "$keypoints" <<<"$first" || fail "$page" "page 1 has no $keypoints"
  [ "$second" = "$signals" ] || fail "$page" "the Kernpunten do not end on page 1 (page 2 opens with: $second)"
  screen="–"
  if command -v chromedriver >/dev/null 2>&1; then
    screen="$(python3 scripts/measure-screen.py "$page" kernpunten 1920 1080)" || fail "$page" "the Kernpunten run past one 1920×1080 screen ($screen px)"
  fi
  echo "$(basename "$page"): $pages A4 pages, Kernpunten on page 1 alone, on screen (bottom, viewport px): $screen" >>"$summary"
done
case3_pages="$(pdfinfo "$out/screen-case3-wia-adviseur.pdf" | awk '/^Pages:/ { print $2 }')"
[ "$case3_pages" -le 8 ] || fail "screen-case3-wia-adviseur" "prints on $case3_pages A4 pages (at most 8)"
cat "$summary"

# 5. The professional's DOCX and ODT open in real readers and hold the Kernpunten.
for dossier in Cases/*/*.dossier.xml; do
  name="$(basename "$dossier" .dossier.xml)"
  for format in docx odt; do
    "$bin" screen "$dossier" --format "$format" -o "$out/overwegingen-$name.$format"
  done
  python3 - "$out/overwegingen-$name.docx" "$out/overwegingen-$name.odt" <<'PY' || fail "$name" "DOCX or ODT does not open, or lacks the Kernpunten"
import sys
import docx
from odf import teletype, text
from odf.opendocument import load

word = "\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs)
odt = load(sys.argv[2])
office = "\n".join(teletype.extractText(e) for e in odt.getElementsByType(text.H) + odt.getElementsByType(text.P))
for name, body in (("docx", word), ("odt", office)):
    for needed in ("Kernpunten", "Trial-and-error:", "Overwegingen", "Open vragen"):
        if needed not in body:
            sys.exit(f"{name}: no '{needed}'")
PY
done
if command -v soffice >/dev/null 2>&1; then
  for format in docx odt; do
    timeout 180 soffice --headless --convert-to txt:Text --outdir "$out/lo-$format" "$out/overwegingen-case3-wia-adviseur.$format" >/dev/null 2>&1 \
      && grep -q Kernpunten "$out/lo-$format/overwegingen-case3-wia-adviseur.txt" \
      || fail "overwegingen-case3-wia-adviseur.$format" "LibreOffice cannot read it, or finds no Kernpunten"
  done
  echo "check-html: LibreOffice read the DOCX and ODT of case 3"
else
  echo "check-html: LibreOffice not installed; DOCX and ODT read with python-docx and odfpy only"
fi

if $docs; then
  pdftoppm -f 1 -l 1 -r 90 -png -singlefile "$out/screen-case3-wia-adviseur.pdf" docs/screen-report
  pdftoppm -f 1 -l 1 -r 90 -png -singlefile "$out/compare-case3.pdf" docs/compare-report
fi

checked=$((${#reports[@]} + $(ls "$out"/overwegingen-*.docx | wc -l)))
echo "check-html: ${#reports[@]} reports and $(ls "$out"/overwegingen-*.docx | wc -l) DOCX/ODT pairs checked in $out, $failures failure(s)"
ok_reports=$((checked - failures)); [ "$ok_reports" -ge 0 ] || ok_reports=0
echo "$ok_reports passed, $failures failed"
[ "$failures" -eq 0 ]
