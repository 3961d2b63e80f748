#!/usr/bin/env python3
"""integrate.py RULESET [--drop FILE] [--groups ABCD] [--dry]
Appends the blind lexicon proposals (proposals-X.tsv) to the indicators' <terms> in RULESET, in place.
Skips terms already present anywhere in the ruleset (same normalised text), malformed lines, and lines in --drop
(indicator<TAB>term). Writes provenance to added.tsv (indicator, term, attrs, group)."""
import re, sys, html, unicodedata, os

LEX = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
ruleset = args[0]
drop = set()
groups = "ABCD"
dry = "--dry" in args
multi_only = "--multi-only" in args
if "--drop" in args:
    for l in open(args[args.index("--drop") + 1], encoding="utf-8"):
        p = l.rstrip("\n").split("\t")
        if len(p) >= 2:
            drop.add((p[0].strip(), " ".join(p[1].lower().split())))
if "--groups" in args:
    groups = args[args.index("--groups") + 1]

x = open(ruleset, encoding="utf-8").read()

def norm(t):
    return " ".join(t.lower().split())

existing = set(norm(html.unescape(t)) for t in re.findall(r"<term[^>]*>(.*?)</term>", x, re.S))
indicators = set(re.findall(r'<indicator id="([^"]+)"', x))
sense_ids = set(re.findall(r'<sense id="([^"]+)"', x))

ATTR_OK = re.compile(r'^(\s*(exact|require|exclude|window|excludeWindow)="[^"]*")*\s*$')
added, skipped = [], {"dup": 0, "bad": 0, "drop": 0, "unknown": 0}
by_ind = {}
seen = set()
for g in groups:
    path = os.path.join(LEX, f"proposals-{g}.tsv")
    if not os.path.exists(path):
        continue
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        p = line.split("\t")
        if len(p) < 2:
            skipped["bad"] += 1; continue
        ind, term = p[0].strip(), norm(p[1])
        attrs = p[2].strip() if len(p) > 2 else ""
        if ind not in indicators:
            skipped["unknown"] += 1; continue
        if (ind, term) in drop:
            skipped["drop"] += 1; continue
        if not term or term.startswith("…") or term.endswith("…") or "..." in term or "<" in term or ">" in term:
            skipped["bad"] += 1; continue
        if attrs and not ATTR_OK.match(attrs):
            skipped["bad"] += 1; continue
        ids = re.findall(r'(?:require|exclude)="([^"]*)"', attrs)
        if any(s not in sense_ids for v in ids for s in v.split()):
            skipped["bad"] += 1; continue
        if multi_only and len(term.split()) == 1:
            skipped["single"] = skipped.get("single", 0) + 1; continue
        if term in existing or term in seen:
            skipped["dup"] += 1; continue
        seen.add(term)
        by_ind.setdefault(ind, []).append((term, attrs, g))
        added.append((ind, term, attrs, g))

def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

for ind, terms in by_ind.items():
    start = x.find('<indicator id="%s"' % ind)
    end = x.find('</indicator>', start)
    close = x.find('</terms>', start)
    if start < 0 or close < 0 or close > end:
        print("no terms block for", ind); continue
    # insert before the whitespace that precedes </terms>
    cut = close
    while x[cut - 1] in " \t\n":
        cut -= 1
    lines, cur = [], ""
    for term, attrs, g in terms:
        el = f"<term{(' ' + attrs) if attrs else ''}>{esc(term)}</term>"
        if cur and len(cur) + len(el) > 112:
            lines.append(cur); cur = ""
        cur += el
    if cur:
        lines.append(cur)
    block = "\n      \n        <!-- 1.25.0 (blind lexicon) -->" + "".join("\n        " + l for l in lines)
    x = x[:cut] + block + x[cut:]

print("added", len(added), "skipped", skipped)
if not dry:
    open(ruleset, "w", encoding="utf-8").write(x)
    with open(os.path.join(LEX, "added.tsv"), "w", encoding="utf-8") as f:
        for a in added:
            f.write("\t".join(a) + "\n")
