import Foundation
import TotaalbeeldModel
import TotaalbeeldReport

/// What a ruleset change does to a case set, as counts that add up: per rule the flags before and after and those that
/// appeared or disappeared (with the first example dossiers), the trial-and-error verdicts before and after and every
/// transition, per domain the support-need level transitions, and the dossiers that changed most.
///
/// Chunk summaries of one run add up to the run's (``merge(_:)``), exactly, so a resumed run reports what an
/// uninterrupted one does. Rulesets that give the same screenings give an empty impact (``isEmpty``).
public struct ImpactSummary: Sendable {
    public struct RulesetIdentity: Sendable, Equatable {
        public var id: String
        public var version: String
        public var date: String
        public var checksum: String

        public init(_ ruleset: Ruleset) {
            (id, version, date, checksum) = (ruleset.id, ruleset.version, ruleset.date, ruleset.checksum)
        }

        init(object: [String: Any]) {
            id = object["id"] as? String ?? ""
            version = object["version"] as? String ?? ""
            date = object["date"] as? String ?? ""
            checksum = String((object["checksum"] as? String ?? "").dropFirst("sha256:".count))
        }

        var json: JSONValue {
            .object([("id", .string(id)), ("version", .string(version)), ("date", .string(date)), ("checksum", .string("sha256:" + checksum))])
        }
    }

    public struct Example: Sendable, Equatable {
        public var file: String
        public var dossier: String
        public var position: Int
    }

    public struct RuleImpact: Sendable {
        public var rule: String
        public var kind: String
        /// Flags of the rule under the old and the new ruleset.
        public var before = 0
        public var after = 0
        /// Dossiers with at least one flag of the rule, before and after.
        public var dossiersBefore = 0
        public var dossiersAfter = 0
        /// Flags (by id) raised only after, and only before.
        public var appeared = 0
        public var disappeared = 0
        public var appearedExamples: [Example] = []
        public var disappearedExamples: [Example] = []

        public var isChanged: Bool { appeared + disappeared > 0 }
    }

    public struct Transition: Sendable {
        public var from: String
        public var to: String
        public var dossiers: Int
        public var examples: [Example]
    }

    public struct ChangedDossier: Sendable {
        public var example: Example
        public var score: Int
        public var appeared: [String]
        public var disappeared: [String]
        public var levelMoves: [(domain: String, from: String?, to: String?)]
        public var verdict: (before: String, after: String)?
        /// Why the dossier could be screened under only one ruleset.
        public var unscreenable: String?
    }

    /// How many example dossiers are kept per rule and transition, and how many most-changed dossiers.
    public static let exampleLimit = 5
    public static let mostChangedLimit = 20

    public var old: RulesetIdentity
    public var new: RulesetIdentity
    /// The new ruleset's change-log entries after the old one's version (when both are the same ruleset id).
    public var changeLog: [(version: String, date: String, text: String)] = []
    public var inputs: [String]
    public var suffix: String
    public var language: String
    public var guardList: String?

    public var compared = 0
    public var changed = 0
    /// Failed under both rulesets (not well-formed, unreadable, an identifier), by kind.
    public var failures: [String: Int] = [:]
    public var unscreenableBefore = 0
    public var unscreenableAfter = 0
    /// Rules of the old ruleset, then those only the new one has.
    public var rules: [RuleImpact]
    public var verdictsBefore: [String: Int] = [:]
    public var verdictsAfter: [String: Int] = [:]
    /// Verdict transitions (before ≠ after), in the order they were first met.
    public var transitions: [Transition] = []
    /// Domains in the new ruleset's order (then any only the old one has) and support-need levels (the old ruleset's,
    /// then any the new one adds; "–" for no level).
    public var domains: [String]
    public var levelOrder: [String]
    /// Domain → "from|to" → dossiers.
    public var levels: [String: [String: Int]] = [:]
    public var mostChanged: [ChangedDossier] = []

    public var failed: Int { failures.values.reduce(0, +) }
    public var found: Int { compared + failed + unscreenableBefore + unscreenableAfter }

    /// Nothing differs: no flag appeared or disappeared, no verdict or level moved, every dossier screens under both.
    public var isEmpty: Bool { changed == 0 }

    public init(old: Ruleset, new: Ruleset, inputs: [String], suffix: String, language: String, guardList: String? = nil) {
        self.old = RulesetIdentity(old)
        self.new = RulesetIdentity(new)
        if old.id == new.id { changeLog = new.changes(since: old.version).map { ($0.version, $0.date.description, $0.text) } }
        self.inputs = inputs
        self.suffix = suffix
        self.language = language
        self.guardList = guardList
        let kinds = Dictionary((new.rules + old.rules).map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { first, _ in first })
        var ids = old.rules.map(\.id)
        for rule in new.rules where !ids.contains(rule.id) { ids.append(rule.id) }
        rules = ids.map { RuleImpact(rule: $0, kind: kinds[$0] ?? "") }
        domains = new.domains.map(\.id) + old.domains.map(\.id).filter { id in !new.domains.contains { $0.id == id } }
        levelOrder = old.scoring.levels.map(\.id) + new.scoring.levels.map(\.id).filter { id in !old.scoring.levels.contains { $0.id == id } }
    }

    // MARK: Adding up

    public mutating func add(_ record: ImpactRecord) {
        let example = Example(file: record.file, dossier: record.dossier, position: record.position)
        if record.isChanged { changed += 1 }
        switch (record.before.side, record.after.side) {
        case let (old?, new?):
            compared += 1
            countFlags(old, new, record: record, example: example)
            verdictsBefore[old.verdict, default: 0] += 1
            verdictsAfter[new.verdict, default: 0] += 1
            if old.verdict != new.verdict { addTransition(old.verdict, new.verdict, example: example) }
            for domain in domains {
                let key = (old.level(domain) ?? "–") + "|" + (new.level(domain) ?? "–")
                levels[domain, default: [:]][key, default: 0] += 1
            }
        case (nil, _?): unscreenableBefore += 1
        case (_?, nil): unscreenableAfter += 1
        case (nil, nil): failures["invalid", default: 0] += 1
        }
        if record.isChanged {
            var verdict: (String, String)?
            if let old = record.before.side, let new = record.after.side, record.verdictChanged { verdict = (old.verdict, new.verdict) }
            var unscreenable: String?
            if case .unscreenable(let message) = record.before { unscreenable = "before: " + message }
            if case .unscreenable(let message) = record.after { unscreenable = "after: " + message }
            keepMostChanged(ChangedDossier(
                example: example, score: record.score, appeared: record.appeared.map(\.id), disappeared: record.disappeared.map(\.id),
                levelMoves: record.levelMoves, verdict: verdict, unscreenable: unscreenable
            ))
        }
    }

    /// A dossier that fails under both rulesets alike (`invalid`, `unreadable` or `identifier`).
    public mutating func addFailure(kind: String) { failures[kind, default: 0] += 1 }

    private mutating func countFlags(_ old: ImpactSide, _ new: ImpactSide, record: ImpactRecord, example: Example) {
        func tally(_ side: ImpactSide) -> [String: Int] {
            var counts: [String: Int] = [:]
            for id in side.flags { counts[side.rules[id] ?? id, default: 0] += 1 }
            return counts
        }
        let before = tally(old), after = tally(new)
        var appeared: [String: Int] = [:], disappeared: [String: Int] = [:]
        for flag in record.appeared { appeared[flag.rule, default: 0] += 1 }
        for flag in record.disappeared { disappeared[flag.rule, default: 0] += 1 }
        for rule in Set(before.keys).union(after.keys).union(appeared.keys).union(disappeared.keys) {
            let index = ruleIndex(rule)
            rules[index].before += before[rule] ?? 0
            rules[index].after += after[rule] ?? 0
            if before[rule] != nil { rules[index].dossiersBefore += 1 }
            if after[rule] != nil { rules[index].dossiersAfter += 1 }
            if let count = appeared[rule] {
                rules[index].appeared += count
                if rules[index].appearedExamples.count < Self.exampleLimit { rules[index].appearedExamples.append(example) }
            }
            if let count = disappeared[rule] {
                rules[index].disappeared += count
                if rules[index].disappearedExamples.count < Self.exampleLimit { rules[index].disappearedExamples.append(example) }
            }
        }
    }

    mutating func ruleIndex(_ rule: String) -> Int {
        if let index = rules.firstIndex(where: { $0.rule == rule }) { return index }
        rules.append(RuleImpact(rule: rule, kind: ""))
        return rules.count - 1
    }

    private mutating func addTransition(_ from: String, _ to: String, example: Example) {
        if let index = transitions.firstIndex(where: { $0.from == from && $0.to == to }) {
            transitions[index].dossiers += 1
            if transitions[index].examples.count < Self.exampleLimit { transitions[index].examples.append(example) }
        } else {
            transitions.append(Transition(from: from, to: to, dossiers: 1, examples: [example]))
        }
    }

    private mutating func keepMostChanged(_ dossier: ChangedDossier) {
        mostChanged.append(dossier)
        mostChanged.sort { $0.score != $1.score ? $0.score > $1.score : $0.example.position < $1.example.position }
        if mostChanged.count > Self.mostChangedLimit { mostChanged.removeLast(mostChanged.count - Self.mostChangedLimit) }
    }

    /// Adds another summary's counts (a later chunk of the same run).
    public mutating func merge(_ other: ImpactSummary) {
        compared += other.compared
        changed += other.changed
        for (kind, count) in other.failures { failures[kind, default: 0] += count }
        unscreenableBefore += other.unscreenableBefore
        unscreenableAfter += other.unscreenableAfter
        for rule in other.rules {
            let index = ruleIndex(rule.rule)
            if rules[index].kind.isEmpty { rules[index].kind = rule.kind }
            rules[index].before += rule.before
            rules[index].after += rule.after
            rules[index].dossiersBefore += rule.dossiersBefore
            rules[index].dossiersAfter += rule.dossiersAfter
            rules[index].appeared += rule.appeared
            rules[index].disappeared += rule.disappeared
            rules[index].appearedExamples = Self.first(rules[index].appearedExamples + rule.appearedExamples)
            rules[index].disappearedExamples = Self.first(rules[index].disappearedExamples + rule.disappearedExamples)
        }
        for (verdict, count) in other.verdictsBefore { verdictsBefore[verdict, default: 0] += count }
        for (verdict, count) in other.verdictsAfter { verdictsAfter[verdict, default: 0] += count }
        for transition in other.transitions {
            if let index = transitions.firstIndex(where: { $0.from == transition.from && $0.to == transition.to }) {
                transitions[index].dossiers += transition.dossiers
                transitions[index].examples = Self.first(transitions[index].examples + transition.examples)
            } else {
                transitions.append(transition)
            }
        }
        for (domain, cells) in other.levels {
            for (key, count) in cells { levels[domain, default: [:]][key, default: 0] += count }
        }
        for dossier in other.mostChanged { keepMostChanged(dossier) }
    }

    private static func first(_ examples: [Example]) -> [Example] {
        Array(examples.sorted { $0.position < $1.position }.prefix(exampleLimit))
    }

    // MARK: Reading the counts

    /// Rules with a flag that appeared or disappeared.
    public var changedRules: [RuleImpact] { rules.filter(\.isChanged) }

    public var verdictsChanged: Int { transitions.reduce(0) { $0 + $1.dossiers } }

    /// Per domain with a level that moved: every non-empty cell of its transition table (from, to, dossiers), in level order.
    public var levelTables: [(domain: String, moved: Int, cells: [(from: String, to: String, dossiers: Int)])] {
        let order = levelOrder + ["–"]
        return domains.compactMap { domain in
            guard let cells = levels[domain] else { return nil }
            let parsed = cells.map { key, count -> (from: String, to: String, dossiers: Int) in
                let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
                return (parts.first ?? "", parts.count > 1 ? parts[1] : "", count)
            }
            let moved = parsed.filter { $0.from != $0.to }.reduce(0) { $0 + $1.dossiers }
            guard moved > 0 else { return nil }
            func rank(_ level: String) -> Int { order.firstIndex(of: level) ?? order.count }
            return (domain, moved, parsed.sorted { (rank($0.from), rank($0.to)) < (rank($1.from), rank($1.to)) })
        }
    }

    public static let verdicts = ["indicated", "referral", "not-indicated"]
}
