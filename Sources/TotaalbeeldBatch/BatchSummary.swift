import Foundation
import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// What one screened dossier adds to the summary: a few numbers, not the result.
public struct DossierTally: Sendable {
    var domains: [(code: String, burden: Int, strength: Int, supportNeed: Int, level: String?)]
    var flagsPerRule: [String: Int]
    /// Rule → the weighings of its flags in this dossier: state and reason.
    var weighings: [String: [(state: FlagWeighing.State, reason: String)]]
    var gaps: [String]
    var indicated: Bool
    var referredFirst: Bool
    var regime: String

    init(_ result: ScreeningResult) {
        domains = result.domains.map { ($0.domain.id, Distribution.scaled($0.burden), Distribution.scaled($0.strength), Distribution.scaled($0.supportNeed), $0.supportNeedLevel?.id) }
        var flags: [String: Int] = [:]
        for flag in result.flags { flags[flag.rule, default: 0] += 1 }
        flagsPerRule = flags
        var weighings: [String: [(state: FlagWeighing.State, reason: String)]] = [:]
        for flag in result.flags { if let weighing = flag.weighing { weighings[flag.rule, default: []].append((weighing.state, weighing.weighed.reason)) } }
        self.weighings = weighings
        gaps = result.gaps.map(\.theme.id)
        indicated = result.trialAndError.indicated
        referredFirst = !result.trialAndError.indicated && !result.trialAndError.tracks.isEmpty
        regime = result.dossier.client.benefitRegime
    }
}

/// A score distribution kept exactly at the JSON's resolution (four decimals) as value → count.
///
/// Bounded by the score range, not by the number of dossiers, and mergeable by adding counts, so shards
/// merged give exactly the distribution of one run. Mean, median and p90 derive from it.
public struct Distribution: Sendable, Equatable {
    /// Value × 10,000 → number of dossiers.
    public var counts: [Int: Int] = [:]

    static func scaled(_ value: Double) -> Int { value.isFinite ? Int((value * 10_000).rounded()) : 0 }

    mutating func add(_ scaled: Int, count: Int = 1) { counts[scaled, default: 0] += count }
    mutating func merge(_ other: Distribution) { for (value, count) in other.counts { add(value, count: count) } }

    public var count: Int { counts.values.reduce(0, +) }

    /// The smallest value with at least `fraction` of the dossiers at or below it.
    func quantile(_ fraction: Double) -> Double? {
        let total = count
        guard total > 0 else { return nil }
        let rank = max(1, Int((fraction * Double(total)).rounded(.up)))
        var seen = 0
        for value in counts.keys.sorted() {
            seen += counts[value]!
            if seen >= rank { return Double(value) / 10_000 }
        }
        return nil
    }

    var mean: Double? {
        let total = count
        guard total > 0 else { return nil }
        // Integer sum: exact, whatever the order dossiers were added in.
        let sum = counts.reduce(0) { $0 + $1.key * $1.value }
        return Double(sum) / Double(total) / 10_000
    }

    var largest: Double? { counts.keys.max().map { Double($0) / 10_000 } }

    var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        return .object([
            ("mean", number(mean)), ("median", number(quantile(0.5))), ("p90", number(quantile(0.9))), ("max", number(largest)),
            ("values", .object(counts.keys.sorted().map { (JSONValue.number(Double($0) / 10_000).serialized(), .integer(counts[$0]!)) })),
        ])
    }

    init() {}

    init(json: Any?) throws(SummaryFormatError) {
        guard let object = json as? [String: Any], let values = object["values"] as? [String: Any] else { throw SummaryFormatError("distribution without values") }
        for (key, count) in values {
            guard let value = Double(key), let count = count as? Int else { throw SummaryFormatError("distribution value '\(key)'") }
            add(Self.scaled(value), count: count)
        }
    }
}

public struct SummaryFormatError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// The settings that decide a run's outputs, recorded in `summary.json` and checked by `merge` and `--resume`.
public struct RunIdentity: Sendable, Equatable {
    public var rulesetID: String
    public var rulesetVersion: String
    public var rulesetChecksum: String
    /// The identifier list when `--anonymised`.
    public var guardList: (id: String, version: String, checksum: String)?
    public var inputs: [String]
    public var suffix: String
    public var language: String

    public init(ruleset: Ruleset, guardRules: IdentifierRules?, inputs: [String], suffix: String, language: String) {
        rulesetID = ruleset.id
        rulesetVersion = ruleset.version
        rulesetChecksum = ruleset.checksum
        guardList = guardRules.map { ($0.id, $0.version, $0.checksum) }
        self.inputs = inputs
        self.suffix = suffix
        self.language = language
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { JSONValue.object(lhs.json) == JSONValue.object(rhs.json) }

    var json: [(String, JSONValue)] {
        [
            ("ruleset", .object([("id", .string(rulesetID)), ("version", .string(rulesetVersion)), ("checksum", .string("sha256:" + rulesetChecksum))])),
            ("anonymisationGuard", guardList.map { .object([("id", .string($0.id)), ("version", .string($0.version)), ("checksum", .string("sha256:" + $0.checksum))]) } ?? .null),
            ("inputs", .array(inputs.map(JSONValue.string))),
            ("suffix", .string(suffix)),
            ("language", .string(language)),
        ]
    }

    init(json object: [String: Any]) throws(SummaryFormatError) {
        guard let ruleset = object["ruleset"] as? [String: Any], let id = ruleset["id"] as? String, let version = ruleset["version"] as? String,
              let checksum = ruleset["checksum"] as? String, let inputs = object["inputs"] as? [String], let suffix = object["suffix"] as? String,
              let language = object["language"] as? String
        else { throw SummaryFormatError("missing ruleset, inputs, suffix or language") }
        rulesetID = id
        rulesetVersion = version
        rulesetChecksum = String(checksum.dropFirst("sha256:".count))
        if let list = object["anonymisationGuard"] as? [String: Any] {
            guardList = ((list["id"] as? String) ?? "", (list["version"] as? String) ?? "", String(((list["checksum"] as? String) ?? "").dropFirst("sha256:".count)))
        }
        self.inputs = inputs
        self.suffix = suffix
        self.language = language
    }
}

/// The summary of a run, a chunk of a run, or a shard: counts, score distributions per domain, flag
/// frequencies per rule, gaps per theme, and the trial-and-error referral share.
///
/// Every part is a count, so summaries add up: chunk partials make a run's summary, shard summaries make
/// the summary of the whole set, byte for byte what one run over the set writes.
public struct BatchSummary: Sendable {
    public struct DomainStatistics: Sendable, Equatable {
        public var code: String
        public var burden = Distribution()
        public var strength = Distribution()
        public var supportNeed = Distribution()
        /// Level id → dossiers, in the ruleset's level order.
        public var levels: [(level: String, dossiers: Int)]

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.code == rhs.code && lhs.burden == rhs.burden && lhs.strength == rhs.strength && lhs.supportNeed == rhs.supportNeed
                && lhs.levels.map(\.level) == rhs.levels.map(\.level) && lhs.levels.map(\.dossiers) == rhs.levels.map(\.dossiers)
        }
    }

    public struct RuleCount: Sendable, Equatable {
        public var rule: String
        public var kind: String
        public var dossiers: Int
        public var flags: Int
        /// Flags of this rule the professional had weighed, on unchanged evidence.
        public var weighed = 0
        /// Flags weighed earlier whose evidence has changed since ("opnieuw te wegen").
        public var reweigh = 0
        /// The reasons given for weighing (weighed and to be weighed again), each with how many flags gave it:
        /// what the ruleset's maintainers read to see which rules professionals keep overruling, and why.
        public var reasons: [String: Int] = [:]

        /// Reasons, most frequent first, then alphabetically.
        public var rankedReasons: [(reason: String, flags: Int)] {
            reasons.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        }
    }

    public var identity: RunIdentity
    public var shard: ShardSpec?
    public var screened = 0
    public var failures: [ErrorRecord.Kind: Int] = [:]
    public var identifiers: [IdentifierKind: Int] = [:]
    public var domains: [DomainStatistics]
    public var rules: [RuleCount]
    public var gaps: [(theme: String, dossiers: Int)]
    public var indicated = 0
    public var referredFirst = 0
    /// Benefit regime → (screened, indicated).
    public var regimes: [String: (screened: Int, indicated: Int)] = [:]

    public var failed: Int { failures.values.reduce(0, +) }
    public var found: Int { screened + failed }

    public init(identity: RunIdentity, ruleset: Ruleset, shard: ShardSpec? = nil) {
        self.identity = identity
        self.shard = shard
        let levels = ruleset.scoring.levels.map(\.id)
        domains = ruleset.domains.map { DomainStatistics(code: $0.id, levels: levels.map { ($0, 0) }) }
        rules = ruleset.rules.map { RuleCount(rule: $0.id, kind: $0.kind.rawValue, dossiers: 0, flags: 0) }
        gaps = ruleset.themes.map { ($0.id, 0) }
    }

    public mutating func add(_ tally: DossierTally) {
        screened += 1
        for entry in tally.domains {
            guard let index = domains.firstIndex(where: { $0.code == entry.code }) else { continue }
            domains[index].burden.add(entry.burden)
            domains[index].strength.add(entry.strength)
            domains[index].supportNeed.add(entry.supportNeed)
            if let level = entry.level, let at = domains[index].levels.firstIndex(where: { $0.level == level }) { domains[index].levels[at].dossiers += 1 }
        }
        for (rule, count) in tally.flagsPerRule {
            if let index = rules.firstIndex(where: { $0.rule == rule }) {
                rules[index].dossiers += 1
                rules[index].flags += count
            }
        }
        for (rule, weighings) in tally.weighings {
            guard let index = rules.firstIndex(where: { $0.rule == rule }) else { continue }
            for weighing in weighings {
                if weighing.state == .weighed { rules[index].weighed += 1 } else { rules[index].reweigh += 1 }
                rules[index].reasons[weighing.reason, default: 0] += 1
            }
        }
        for theme in tally.gaps { if let index = gaps.firstIndex(where: { $0.theme == theme }) { gaps[index].dossiers += 1 } }
        if tally.indicated { indicated += 1 }
        if tally.referredFirst { referredFirst += 1 }
        regimes[tally.regime, default: (0, 0)].screened += 1
        if tally.indicated { regimes[tally.regime, default: (0, 0)].indicated += 1 }
    }

    public mutating func add(_ failure: FailedDossier) {
        failures[failure.kind, default: 0] += 1
        for kind in failure.identifiers { identifiers[kind, default: 0] += 1 }
    }

    /// Adds another summary's counts (a chunk, a shard). Both must come from the same ruleset.
    public mutating func merge(_ other: BatchSummary) throws(SummaryFormatError) {
        guard other.domains.map(\.code) == domains.map(\.code), other.rules.map(\.rule) == rules.map(\.rule), other.gaps.map(\.theme) == gaps.map(\.theme) else {
            throw SummaryFormatError("summaries of different rulesets cannot be merged")
        }
        screened += other.screened
        for (kind, count) in other.failures { failures[kind, default: 0] += count }
        for (kind, count) in other.identifiers { identifiers[kind, default: 0] += count }
        for index in domains.indices {
            domains[index].burden.merge(other.domains[index].burden)
            domains[index].strength.merge(other.domains[index].strength)
            domains[index].supportNeed.merge(other.domains[index].supportNeed)
            for (at, level) in other.domains[index].levels.enumerated() where domains[index].levels.indices.contains(at) && domains[index].levels[at].level == level.level {
                domains[index].levels[at].dossiers += level.dossiers
            }
        }
        for index in rules.indices {
            rules[index].dossiers += other.rules[index].dossiers
            rules[index].flags += other.rules[index].flags
            rules[index].weighed += other.rules[index].weighed
            rules[index].reweigh += other.rules[index].reweigh
            for (reason, count) in other.rules[index].reasons { rules[index].reasons[reason, default: 0] += count }
        }
        for index in gaps.indices { gaps[index].dossiers += other.gaps[index].dossiers }
        indicated += other.indicated
        referredFirst += other.referredFirst
        for (regime, counts) in other.regimes {
            regimes[regime, default: (0, 0)].screened += counts.screened
            regimes[regime, default: (0, 0)].indicated += counts.indicated
        }
    }

    // MARK: summary.json

    private func share(_ count: Int) -> JSONValue { screened == 0 ? .null : .number(Double(count) / Double(screened)) }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("formatVersion", .integer(1))]
        members += identity.json
        if let shard { members.append(("shard", .string(shard.description))) }
        members += [
            ("dossiers", .object([("found", .integer(found)), ("screened", .integer(screened)), ("failed", .integer(failed))])),
            ("failed", .object(ErrorRecord.Kind.allCases.map { ($0.rawValue, .integer(failures[$0] ?? 0)) })),
            ("identifiers", .object(IdentifierKind.allCases.map { ($0.rawValue, .integer(identifiers[$0] ?? 0)) })),
            ("trialAndError", .object([("indicated", .integer(indicated)), ("share", share(indicated)), ("referredForAssessmentFirst", .integer(referredFirst))])),
            ("regimes", .array(regimes.keys.sorted().map { regime in
                let counts = regimes[regime]!
                return .object([
                    ("regime", .string(regime)), ("screened", .integer(counts.screened)), ("indicated", .integer(counts.indicated)),
                    ("share", counts.screened == 0 ? .null : .number(Double(counts.indicated) / Double(counts.screened))),
                ])
            })),
            ("domains", .array(domains.map { domain in
                .object([
                    ("code", .string(domain.code)),
                    ("supportNeedLevels", .array(domain.levels.map { .object([("level", .string($0.level)), ("dossiers", .integer($0.dossiers))]) })),
                    ("burden", domain.burden.json), ("strength", domain.strength.json), ("supportNeed", domain.supportNeed.json),
                ])
            })),
            ("flagKinds", .object(Flag.Kind.allCases.map { kind in (kind.rawValue, .integer(rules.filter { $0.kind == kind.rawValue }.reduce(0) { $0 + $1.flags })) })),
            ("flags", .array(rules.map { rule in
                .object([
                    ("rule", .string(rule.rule)), ("kind", .string(rule.kind)), ("dossiers", .integer(rule.dossiers)), ("flags", .integer(rule.flags)), ("share", share(rule.dossiers)),
                    ("weighed", .integer(rule.weighed)), ("reweigh", .integer(rule.reweigh)),
                    ("reasons", .array(rule.rankedReasons.map { .object([("reason", .string($0.reason)), ("flags", .integer($0.flags))]) })),
                ])
            })),
            ("gaps", .array(gaps.map { .object([("theme", .string($0.theme)), ("dossiers", .integer($0.dossiers)), ("share", share($0.dossiers))]) })),
        ]
        return .object(members)
    }

    /// Reads a `summary.json` (or a chunk partial) back.
    public init(json data: Data) throws(SummaryFormatError) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { throw SummaryFormatError("not a JSON object") }
        try self.init(object: object)
    }

    init(object: [String: Any]) throws(SummaryFormatError) {
        guard object["formatVersion"] as? Int == 1 else { throw SummaryFormatError("unknown formatVersion") }
        identity = try RunIdentity(json: object)
        shard = (object["shard"] as? String).flatMap(ShardSpec.init(parsing:))
        guard let dossiers = object["dossiers"] as? [String: Any], let screened = dossiers["screened"] as? Int,
              let failed = object["failed"] as? [String: Any], let identifiers = object["identifiers"] as? [String: Any],
              let trial = object["trialAndError"] as? [String: Any], let regimes = object["regimes"] as? [[String: Any]],
              let domains = object["domains"] as? [[String: Any]], let flags = object["flags"] as? [[String: Any]], let gaps = object["gaps"] as? [[String: Any]]
        else { throw SummaryFormatError("missing counts") }
        self.screened = screened
        for kind in ErrorRecord.Kind.allCases { if let count = failed[kind.rawValue] as? Int, count > 0 { failures[kind] = count } }
        for kind in IdentifierKind.allCases { if let count = identifiers[kind.rawValue] as? Int, count > 0 { self.identifiers[kind] = count } }
        indicated = trial["indicated"] as? Int ?? 0
        referredFirst = trial["referredForAssessmentFirst"] as? Int ?? 0
        for regime in regimes {
            guard let name = regime["regime"] as? String else { throw SummaryFormatError("regime without a name") }
            self.regimes[name] = (regime["screened"] as? Int ?? 0, regime["indicated"] as? Int ?? 0)
        }
        self.domains = try domains.map { (domain) throws(SummaryFormatError) -> DomainStatistics in
            guard let code = domain["code"] as? String, let levels = domain["supportNeedLevels"] as? [[String: Any]] else { throw SummaryFormatError("domain without code") }
            var statistics = DomainStatistics(code: code, levels: levels.map { (($0["level"] as? String) ?? "", ($0["dossiers"] as? Int) ?? 0) })
            statistics.burden = try Distribution(json: domain["burden"])
            statistics.strength = try Distribution(json: domain["strength"])
            statistics.supportNeed = try Distribution(json: domain["supportNeed"])
            return statistics
        }
        rules = flags.map { entry in
            var count = RuleCount(rule: (entry["rule"] as? String) ?? "", kind: (entry["kind"] as? String) ?? "", dossiers: (entry["dossiers"] as? Int) ?? 0, flags: (entry["flags"] as? Int) ?? 0)
            // Absent in summaries written before weighed flags existed.
            count.weighed = (entry["weighed"] as? Int) ?? 0
            count.reweigh = (entry["reweigh"] as? Int) ?? 0
            for reason in (entry["reasons"] as? [[String: Any]]) ?? [] {
                if let text = reason["reason"] as? String, let flags = reason["flags"] as? Int { count.reasons[text, default: 0] += flags }
            }
            return count
        }
        self.gaps = gaps.map { (($0["theme"] as? String) ?? "", ($0["dossiers"] as? Int) ?? 0) }
    }
}
