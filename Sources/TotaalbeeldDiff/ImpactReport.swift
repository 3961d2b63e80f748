import Foundation
import TotaalbeeldModel
import TotaalbeeldReport

extension ImpactSummary {
    // MARK: impact.json

    /// `impact.json`: `old`, `new` (id, version, date, checksum), `changeLog` (the new ruleset's entries since the old
    /// version), `inputs`, `dossiers` (found, compared, changed, failed, unscreenable before/after), `rules` (each rule
    /// whose flags appeared or disappeared: `rule`, `kind`, `before`, `after` — flags under each ruleset —,
    /// `dossiersBefore`, `dossiersAfter`, `appeared`, `disappeared`, `examples`), `verdicts` (`before`, `after` — dossiers
    /// per verdict —, `changed`, `transitions`), `levels` (per domain whose level moved: `from`-`to` counts, unchanged
    /// cells included) and `mostChanged`. Identical screenings give empty `rules`, `transitions`, `levels` and `mostChanged`.
    public var reportJSON: JSONValue {
        func example(_ example: Example) -> JSONValue { .object([("file", .string(example.file)), ("dossier", .string(example.dossier))]) }
        func verdictCounts(_ counts: [String: Int]) -> JSONValue { .object(Self.verdicts.map { ($0, .integer(counts[$0] ?? 0)) }) }
        return .object([
            ("formatVersion", .integer(1)),
            ("old", old.json),
            ("new", new.json),
            ("changeLog", .array(changeLog.map { .object([("version", .string($0.version)), ("date", .string($0.date)), ("text", .string($0.text))]) })),
            ("anonymisationGuard", guardList.map(JSONValue.string) ?? .null),
            ("inputs", .array(inputs.map(JSONValue.string))),
            ("suffix", .string(suffix)),
            ("language", .string(language)),
            ("empty", .bool(isEmpty)),
            ("dossiers", .object([
                ("found", .integer(found)), ("compared", .integer(compared)), ("changed", .integer(changed)), ("failed", .integer(failed)),
                ("unscreenableBefore", .integer(unscreenableBefore)), ("unscreenableAfter", .integer(unscreenableAfter)),
            ])),
            ("failed", .object(["invalid", "unreadable", "identifier"].map { ($0, .integer(failures[$0] ?? 0)) })),
            ("rules", .array(changedRules.map { rule in
                .object([
                    ("rule", .string(rule.rule)), ("kind", .string(rule.kind)),
                    ("before", .integer(rule.before)), ("after", .integer(rule.after)),
                    ("dossiersBefore", .integer(rule.dossiersBefore)), ("dossiersAfter", .integer(rule.dossiersAfter)),
                    ("appeared", .integer(rule.appeared)), ("disappeared", .integer(rule.disappeared)),
                    ("examples", .object([("appeared", .array(rule.appearedExamples.map(example))), ("disappeared", .array(rule.disappearedExamples.map(example)))])),
                ])
            })),
            ("verdicts", .object([
                ("before", verdictCounts(verdictsBefore)), ("after", verdictCounts(verdictsAfter)), ("changed", .integer(verdictsChanged)),
                ("transitions", .array(transitions.map { transition in
                    .object([("from", .string(transition.from)), ("to", .string(transition.to)), ("dossiers", .integer(transition.dossiers)), ("examples", .array(transition.examples.map(example)))])
                })),
            ])),
            ("levels", .array(levelTables.map { table in
                .object([
                    ("domain", .string(table.domain)), ("moved", .integer(table.moved)),
                    ("transitions", .array(table.cells.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("dossiers", .integer($0.dossiers))]) })),
                ])
            })),
            ("mostChanged", .array(mostChanged.map { dossier in
                .object([
                    ("file", .string(dossier.example.file)), ("dossier", .string(dossier.example.dossier)), ("score", .integer(dossier.score)),
                    ("appeared", .array(dossier.appeared.map(JSONValue.string))), ("disappeared", .array(dossier.disappeared.map(JSONValue.string))),
                    ("levelMoves", .array(dossier.levelMoves.map { .object([("domain", .string($0.domain)), ("from", .optional($0.from)), ("to", .optional($0.to))]) })),
                    ("verdict", dossier.verdict.map { .object([("before", .string($0.before)), ("after", .string($0.after))]) } ?? .null),
                    ("unscreenable", .optional(dossier.unscreenable)),
                ])
            })),
        ])
    }

    // MARK: The journal's form (complete, to add chunks up)

    /// Everything the counts hold, for a chunk's journal entry; read back with ``init(journal:)``.
    public var journalJSON: JSONValue {
        func example(_ example: Example) -> JSONValue {
            .object([("file", .string(example.file)), ("dossier", .string(example.dossier)), ("position", .integer(example.position))])
        }
        return .object([
            ("formatVersion", .integer(1)),
            ("dossiers", .object([("found", .integer(found))])),
            ("compared", .integer(compared)), ("changed", .integer(changed)),
            ("failures", .object(failures.keys.sorted().map { ($0, .integer(failures[$0]!)) })),
            ("unscreenableBefore", .integer(unscreenableBefore)), ("unscreenableAfter", .integer(unscreenableAfter)),
            ("rules", .array(rules.filter { $0.before + $0.after + $0.appeared + $0.disappeared > 0 }.map { rule in
                .object([
                    ("rule", .string(rule.rule)), ("kind", .string(rule.kind)), ("before", .integer(rule.before)), ("after", .integer(rule.after)),
                    ("dossiersBefore", .integer(rule.dossiersBefore)), ("dossiersAfter", .integer(rule.dossiersAfter)),
                    ("appeared", .integer(rule.appeared)), ("disappeared", .integer(rule.disappeared)),
                    ("appearedExamples", .array(rule.appearedExamples.map(example))), ("disappearedExamples", .array(rule.disappearedExamples.map(example))),
                ])
            })),
            ("verdictsBefore", .object(verdictsBefore.keys.sorted().map { ($0, .integer(verdictsBefore[$0]!)) })),
            ("verdictsAfter", .object(verdictsAfter.keys.sorted().map { ($0, .integer(verdictsAfter[$0]!)) })),
            ("transitions", .array(transitions.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("dossiers", .integer($0.dossiers)), ("examples", .array($0.examples.map(example)))]) })),
            ("levels", .object(levels.keys.sorted().map { domain in (domain, .object(levels[domain]!.keys.sorted().map { ($0, .integer(levels[domain]![$0]!)) })) })),
            ("mostChanged", .array(mostChanged.map { dossier in
                .object([
                    ("example", example(dossier.example)), ("score", .integer(dossier.score)),
                    ("appeared", .array(dossier.appeared.map(JSONValue.string))), ("disappeared", .array(dossier.disappeared.map(JSONValue.string))),
                    ("levelMoves", .array(dossier.levelMoves.map { .object([("domain", .string($0.domain)), ("from", .optional($0.from)), ("to", .optional($0.to))]) })),
                    ("verdict", dossier.verdict.map { .object([("before", .string($0.before)), ("after", .string($0.after))]) } ?? .null),
                    ("unscreenable", .optional(dossier.unscreenable)),
                ])
            })),
        ])
    }

    /// A chunk's counts read back from ``journalJSON`` into a summary of the same run (`base` gives the identity).
    public init(journal object: [String: Any], base: ImpactSummary) {
        self = base
        func example(_ value: Any?) -> Example {
            let object = value as? [String: Any] ?? [:]
            return Example(file: object["file"] as? String ?? "", dossier: object["dossier"] as? String ?? "", position: object["position"] as? Int ?? 0)
        }
        compared = object["compared"] as? Int ?? 0
        changed = object["changed"] as? Int ?? 0
        failures = (object["failures"] as? [String: Int]) ?? [:]
        unscreenableBefore = object["unscreenableBefore"] as? Int ?? 0
        unscreenableAfter = object["unscreenableAfter"] as? Int ?? 0
        for entry in object["rules"] as? [[String: Any]] ?? [] {
            let index = ruleIndex(entry["rule"] as? String ?? "")
            if rules[index].kind.isEmpty { rules[index].kind = entry["kind"] as? String ?? "" }
            rules[index].before = entry["before"] as? Int ?? 0
            rules[index].after = entry["after"] as? Int ?? 0
            rules[index].dossiersBefore = entry["dossiersBefore"] as? Int ?? 0
            rules[index].dossiersAfter = entry["dossiersAfter"] as? Int ?? 0
            rules[index].appeared = entry["appeared"] as? Int ?? 0
            rules[index].disappeared = entry["disappeared"] as? Int ?? 0
            rules[index].appearedExamples = (entry["appearedExamples"] as? [Any] ?? []).map(example)
            rules[index].disappearedExamples = (entry["disappearedExamples"] as? [Any] ?? []).map(example)
        }
        verdictsBefore = (object["verdictsBefore"] as? [String: Int]) ?? [:]
        verdictsAfter = (object["verdictsAfter"] as? [String: Int]) ?? [:]
        transitions = (object["transitions"] as? [[String: Any]] ?? []).map {
            Transition(from: $0["from"] as? String ?? "", to: $0["to"] as? String ?? "", dossiers: $0["dossiers"] as? Int ?? 0, examples: ($0["examples"] as? [Any] ?? []).map(example))
        }
        levels = (object["levels"] as? [String: [String: Int]]) ?? [:]
        mostChanged = (object["mostChanged"] as? [[String: Any]] ?? []).map { entry in
            let verdict = entry["verdict"] as? [String: Any]
            return ChangedDossier(
                example: example(entry["example"]), score: entry["score"] as? Int ?? 0,
                appeared: entry["appeared"] as? [String] ?? [], disappeared: entry["disappeared"] as? [String] ?? [],
                levelMoves: (entry["levelMoves"] as? [[String: Any]] ?? []).map { ($0["domain"] as? String ?? "", $0["from"] as? String, $0["to"] as? String) },
                verdict: verdict.map { ($0["before"] as? String ?? "", $0["after"] as? String ?? "") }, unscreenable: entry["unscreenable"] as? String
            )
        }
    }

    // MARK: impact.txt

    /// `impact.txt`: the same counts for a reader.
    public var text: String {
        var out: [String] = []
        out.append("Impact of ruleset \(old.id) \(old.version) (\(old.date), sha256:\(old.checksum.prefix(12))…) → \(new.id) \(new.version) (\(new.date), sha256:\(new.checksum.prefix(12))…)")
        out.append("Inputs: \(inputs.joined(separator: " ")) (files ending in \(suffix) in directories)")
        if let guardList { out.append("Anonymisation guard: \(guardList)") }
        if !changeLog.isEmpty {
            out.append("")
            out.append("Change log of \(new.id) since \(old.version):")
            for entry in changeLog { out.append("  \(entry.version) (\(entry.date)): \(entry.text)") }
        }
        out.append("")
        out.append("Dossiers found \(found): compared \(compared), changed \(changed), failed under both \(failed), screenable only before \(unscreenableAfter), only after \(unscreenableBefore)")
        if isEmpty {
            out.append("")
            out.append("No impact: both rulesets give the same flags, verdicts and support-need levels on these dossiers.")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        out.append("Flags per rule that changed (flags before → after; appeared, disappeared; first example dossiers)")
        let changedRules = self.changedRules
        if changedRules.isEmpty { out.append("  none") }
        for rule in changedRules {
            out.append("  \(rule.rule) (\(rule.kind)): \(rule.before) → \(rule.after) flags, \(rule.dossiersBefore) → \(rule.dossiersAfter) dossiers; +\(rule.appeared) −\(rule.disappeared)")
            if !rule.appearedExamples.isEmpty { out.append("    appeared in: " + rule.appearedExamples.map(\.file).joined(separator: ", ")) }
            if !rule.disappearedExamples.isEmpty { out.append("    disappeared from: " + rule.disappearedExamples.map(\.file).joined(separator: ", ")) }
        }
        out.append("")
        out.append("Trial-and-error verdict (dossiers before → after)")
        for verdict in Self.verdicts { out.append("  \(verdict): \(verdictsBefore[verdict] ?? 0) → \(verdictsAfter[verdict] ?? 0)") }
        out.append("  changed: \(verdictsChanged)")
        for transition in transitions {
            out.append("    \(transition.from) → \(transition.to): \(transition.dossiers) (e.g. \(transition.examples.map(\.file).joined(separator: ", ")))")
        }
        out.append("")
        out.append("Support-need level per domain (dossiers from → to; domains where a level moved)")
        let tables = levelTables
        if tables.isEmpty { out.append("  none moved") }
        for table in tables {
            out.append("  \(table.domain): \(table.moved) moved")
            for cell in table.cells where cell.from != cell.to { out.append("    \(cell.from) → \(cell.to): \(cell.dossiers)") }
        }
        out.append("")
        out.append("Dossiers that changed most (score: a flag or level step 1, a verdict 3, screenable under one ruleset only 5)")
        for dossier in mostChanged {
            var what: [String] = []
            if !dossier.appeared.isEmpty { what.append("+" + dossier.appeared.joined(separator: " +")) }
            if !dossier.disappeared.isEmpty { what.append("−" + dossier.disappeared.joined(separator: " −")) }
            if !dossier.levelMoves.isEmpty { what.append(dossier.levelMoves.map { "\($0.domain) \($0.from ?? "–")→\($0.to ?? "–")" }.joined(separator: ", ")) }
            if let verdict = dossier.verdict { what.append("verdict \(verdict.before)→\(verdict.after)") }
            if let unscreenable = dossier.unscreenable { what.append(unscreenable) }
            out.append("  \(dossier.score)  \(dossier.example.file) (\(dossier.example.dossier)): " + what.joined(separator: "; "))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
