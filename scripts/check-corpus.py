#!/usr/bin/env python3
"""Validate narrative-corpus files written in the extended annotation scheme (2026).

Usage:
    python3 scripts/check-corpus.py [--min-positive N] [PATH ...]

PATH is a .jsonl file or a folder (all *.jsonl in it). Without paths the 2026 files are
checked: Tests/TotaalbeeldTextTests/Corpus/heldout-2026/ and .../Corpus/tuning-2026/.

Checks, per sentence:
  - the line is valid JSON with id, split, origin, register, text and hits;
  - ids are unique over all files checked; the id prefix matches the split (X or Z = heldout; U, V, W, Y, P, Q, R or S = tuning);
  - register is one of the known registers;
  - every hit has indicator, text, the five booleans (negated, historical, hypothetical, uncertain,
    resolved), experiencer ("client"|"other") and assertion ("claim"|"finding");
  - the indicator is a known concept id (indicator or modifier, including the 2026 additions);
  - the hit text occurs in the sentence (at least `occurrence` times when given);
  - uncertain and hypothetical are not both true; resolved implies historical is false;
  - trap ids are known concept ids and never among the sentence's hit indicators.
Prints counts (sentences, hits, traps, uncertain, resolved, claims, registers, affirmed hits per
concept). Exits 1 on any error, or when --min-positive N is given and a concept has fewer than N
affirmed (not negated, not hypothetical) hits in the files checked.
Standard library only.
"""
import json
import os
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "TotaalbeeldTextTests", "Corpus")
DEFAULT_PATHS = [os.path.join(CORPUS, "heldout-2026"), os.path.join(CORPUS, "tuning-2026")]

# Indicators and modifiers of the brief's concept list (signals are not annotated) ...
EXISTING = """
psychische-klachten angst prikkelgevoeligheid concentratieproblemen lichamelijke-klachten verslaving
terugvalrisico slaapproblemen herstel-in-gang faalervaring-werk weinig-werkervaring korte-banen
langdurig-inactief conflicten-werk werkervaring werkhouding geen-diploma schoolverzuim leerproblemen
taalbarriere diploma-behaald praktische-kennis leerbaar schulden financiele-problemen mantelzorg
thuissituatie-belastend huisvesting kinderopvang justitie stabiele-woonsituatie sociaal-isolement
moeite-groepen communicatieproblemen overbeschermende-omgeving negatieve-werknorm steunend-netwerk
gepest belaste-jeugd hoge-verwachtingen stabiele-jeugd verlies-dagritme interesse vrijwilligerswerk
geen-toekomstbeeld verlies-perspectief concrete-wens motivatie
vermijdende-coping passieve-coping actieve-coping overschatting-kunnen onderschatting-kunnen
realistische-zelfinschatting ontkent-beperkingen beperkt-inzicht inzicht-beperkingen faalangst
negatief-zelfbeeld veerkracht
""".split()
# ... and the concepts added for the 2026 corpus.
NEW = """
vervoer-mobiliteit basisvaardigheden relatieproblemen huiselijk-geweld acute-crisis leefstijl
sollicitatievaardigheden zelfredzaamheid-beperkt rouw trauma
""".split()
# ... and the narrower concepts of ruleset 1.2.0 and later (narrows: acute-crisis, huisvesting), and the
# support-need indicator of 1.12.0, and the benefit ground of 1.13.0, which the later blind writers' concept lists carry.
NEWER = """
woonnood afsluiting-voorzieningen acute-onveiligheid verlies-eigen-werk erkende-arbeidsbeperking
""".split()
CONCEPTS = set(EXISTING) | set(NEW) | set(NEWER)
REGISTERS = {"client-quote", "professional-observation", "physician-letter", "municipal-report",
             "terse-notes", "employer", "relative"}
BOOLS = ("negated", "historical", "hypothetical", "uncertain", "resolved")
PREFIX = {"heldout": ("X", "Z"), "tuning": ("U", "V", "W", "Y", "P", "Q", "R", "S")}


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith(".jsonl"):
                    yield os.path.join(p, name)
        else:
            yield p


def main(argv):
    min_positive = None
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--min-positive":
            min_positive = int(argv[i + 1])
            i += 2
        else:
            paths.append(argv[i])
            i += 1
    paths = paths or DEFAULT_PATHS

    errors = []
    seen = {}
    n_sent = n_hits = n_trap = n_unc = n_res = n_either = n_claim = n_empty = n_multiline = 0
    registers = Counter()
    splits = Counter()
    affirmed = Counter()
    per_file = Counter()

    for path in files_of(paths):
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                where = f"{os.path.relpath(path, ROOT)}:{ln}"
                if not line.strip():
                    errors.append(f"{where}: empty line")
                    continue
                try:
                    s = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: invalid JSON ({e})")
                    continue
                missing = [k for k in ("id", "split", "origin", "register", "text", "hits") if k not in s]
                if missing:
                    errors.append(f"{where}: missing {', '.join(missing)}")
                    continue
                sid, text = s["id"], s["text"]
                where = f"{where} [{sid}]"
                if sid in seen:
                    errors.append(f"{where}: duplicate id (also {seen[sid]})")
                seen[sid] = where
                if s["split"] not in PREFIX:
                    errors.append(f"{where}: unknown split {s['split']!r}")
                elif not sid.startswith(PREFIX[s["split"]]):
                    errors.append(f"{where}: id prefix does not match split {s['split']}")
                if s["register"] not in REGISTERS:
                    errors.append(f"{where}: unknown register {s['register']!r}")
                if not isinstance(text, str) or not text.strip():
                    errors.append(f"{where}: empty text")
                    continue
                n_sent += 1
                per_file[os.path.relpath(path, ROOT)] += 1
                registers[s["register"]] += 1
                splits[s["split"]] += 1
                if "\n" in text:
                    n_multiline += 1
                hits = s["hits"]
                if not isinstance(hits, list):
                    errors.append(f"{where}: hits is not a list")
                    continue
                if not hits:
                    n_empty += 1
                trap = s.get("trap")
                if trap is not None:
                    if not isinstance(trap, list) or not trap:
                        errors.append(f"{where}: trap must be a non-empty list")
                        trap = []
                    n_trap += 1
                    for t in trap:
                        if t not in CONCEPTS:
                            errors.append(f"{where}: unknown trap id {t!r}")
                    clash = set(trap) & {h.get("indicator") for h in hits if isinstance(h, dict)}
                    if clash:
                        errors.append(f"{where}: trap ids among hits: {', '.join(sorted(clash))}")
                has_unc = has_res = has_claim = False
                for k, h in enumerate(hits, 1):
                    hw = f"{where} hit {k}"
                    if not isinstance(h, dict):
                        errors.append(f"{hw}: not an object")
                        continue
                    ind = h.get("indicator")
                    if ind not in CONCEPTS:
                        errors.append(f"{hw}: unknown indicator {ind!r}")
                    for b in BOOLS:
                        if not isinstance(h.get(b), bool):
                            errors.append(f"{hw}: {b} missing or not a boolean")
                    if h.get("experiencer") not in ("client", "other"):
                        errors.append(f"{hw}: experiencer must be client or other")
                    if h.get("assertion") not in ("claim", "finding"):
                        errors.append(f"{hw}: assertion must be claim or finding")
                    ht = h.get("text")
                    occ = h.get("occurrence", 1)
                    if not isinstance(ht, str) or not ht:
                        errors.append(f"{hw}: empty text")
                    elif not isinstance(occ, int) or occ < 1:
                        errors.append(f"{hw}: bad occurrence {occ!r}")
                    elif text.count(ht) < occ:
                        errors.append(f"{hw}: text {ht!r} does not occur {occ}x in the sentence")
                    if h.get("uncertain") is True and h.get("hypothetical") is True:
                        errors.append(f"{hw}: both uncertain and hypothetical")
                    if h.get("resolved") is True and h.get("historical") is True:
                        errors.append(f"{hw}: resolved but historical")
                    n_hits += 1
                    has_unc |= h.get("uncertain") is True
                    has_res |= h.get("resolved") is True
                    has_claim |= h.get("assertion") == "claim"
                    if not h.get("negated") and not h.get("hypothetical"):
                        affirmed[ind] += 1
                n_unc += has_unc
                n_res += has_res
                n_either += has_unc or has_res
                n_claim += has_claim

    print(f"sentences {n_sent} ({', '.join(f'{k} {v}' for k, v in sorted(splits.items()))}), hits {n_hits}")
    print(f"sentences with: trap {n_trap}, uncertain hit {n_unc}, resolved hit {n_res}, "
          f"uncertain or resolved {n_either}, claim hit {n_claim}, no hit {n_empty}, line break {n_multiline}")
    print("registers: " + ", ".join(f"{k} {v}" for k, v in sorted(registers.items())))
    for name, n in per_file.items():
        print(f"  {name}: {n}")
    low = sorted(c for c in CONCEPTS if affirmed[c] < (min_positive or 0))
    print("affirmed hits per concept: " + ", ".join(f"{c} {affirmed[c]}" for c in sorted(CONCEPTS)))
    if min_positive is not None and low:
        errors.append(f"fewer than {min_positive} affirmed hits: {', '.join(low)}")
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
