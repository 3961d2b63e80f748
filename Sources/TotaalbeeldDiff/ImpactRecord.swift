import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// What a screening says that a ruleset change can move: the flags (by id), the trial-and-error verdict and its tracks,
/// and each domain's support-need level. Small on purpose — `impact` keeps it for every dossier of a large set.
public struct ImpactSide: Sendable, Equatable {
    public var flags: [String]
    /// Flag id → rule.
    public var rules: [String: String]
    /// `indicated`, `referral` or `not-indicated`.
    public var verdict: String
    public var tracks: [String]
    /// Domain → support-need level, in the ruleset's domain order.
    public var levels: [(domain: String, level: String?)]
    public var needs: [String: Double]

    public init(result: ScreeningResult) {
        flags = result.flags.map(\.id)
        rules = Dictionary(result.flags.map { ($0.id, $0.rule) }, uniquingKeysWith: { first, _ in first })
        let trial = result.trialAndError
        verdict = trial.indicated ? "indicated" : trial.tracks.isEmpty ? "not-indicated" : "referral"
        tracks = trial.tracks.map(\.id)
        levels = result.domains.map { ($0.domain.id, $0.supportNeedLevel?.id) }
        needs = Dictionary(result.domains.map { ($0.domain.id, $0.supportNeed) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.flags == rhs.flags && lhs.verdict == rhs.verdict && lhs.tracks == rhs.tracks
            && lhs.levels.map(\.domain) == rhs.levels.map(\.domain) && lhs.levels.map(\.level) == rhs.levels.map(\.level)
    }

    func level(_ domain: String) -> String? { levels.first { $0.domain == domain }?.level ?? nil }

    var json: JSONValue {
        .object([
            ("verdict", .string(verdict)),
            ("tracks", .array(tracks.map(JSONValue.string))),
            ("flags", .array(flags.map(JSONValue.string))),
            ("levels", .object(levels.map { ($0.domain, .optional($0.level)) })),
        ])
    }
}

/// One dossier screened under the old and the new ruleset: what differs, and how much.
///
/// ```swift
/// let record = ImpactRecord(file: path, dossier: id, position: 0, before: .screened(old.screen(d)), after: .screened(new.screen(d)), levels: levels)
/// record.appeared   // flag ids raised only under the new ruleset
/// ```
public struct ImpactRecord: Sendable {
    public enum Outcome: Sendable {
        case screened(ImpactSide)
        /// The dossier cannot be screened under this ruleset (it names something the ruleset does not define); the
        /// message is already redacted.
        case unscreenable(String)

        var side: ImpactSide? { if case .screened(let side) = self { return side } else { return nil } }
    }

    public var file: String
    public var dossier: String
    /// Position in the run's input order, for examples and ties.
    public var position: Int
    public var before: Outcome
    public var after: Outcome
    /// Flags raised only under the new ruleset, and only under the old one (id, rule), in screening order.
    public var appeared: [(id: String, rule: String)] = []
    public var disappeared: [(id: String, rule: String)] = []
    /// Domains whose support-need level differs.
    public var levelMoves: [(domain: String, from: String?, to: String?)] = []
    public var verdictChanged = false
    /// How much the screening changed: a flag that appeared or disappeared counts 1, a level step 1, another verdict
    /// or other tracks 3, a dossier that can be screened under only one of the rulesets 5.
    public var score = 0

    public var isChanged: Bool { score > 0 }

    /// `levels` is the order of support-need levels (the old ruleset's, then any the new one adds), for counting steps.
    public init(file: String, dossier: String, position: Int, before: Outcome, after: Outcome, levels: [String]) {
        self.file = file
        self.dossier = dossier
        self.position = position
        self.before = before
        self.after = after
        guard let old = before.side, let new = after.side else {
            score = (before.side == nil) == (after.side == nil) ? 0 : 5
            return
        }
        let oldIDs = Set(old.flags), newIDs = Set(new.flags)
        appeared = new.flags.filter { !oldIDs.contains($0) }.map { ($0, new.rules[$0] ?? $0) }
        disappeared = old.flags.filter { !newIDs.contains($0) }.map { ($0, old.rules[$0] ?? $0) }
        var steps = 0
        for (domain, level) in new.levels {
            let was = old.level(domain)
            guard was != level else { continue }
            levelMoves.append((domain, was, level))
            steps += abs((level.flatMap { levels.firstIndex(of: $0) } ?? -1) - (was.flatMap { levels.firstIndex(of: $0) } ?? -1))
        }
        verdictChanged = old.verdict != new.verdict || old.tracks != new.tracks
        score = appeared.count + disappeared.count + steps + (verdictChanged ? 3 : 0)
    }

    /// One line of `dossiers.jsonl`.
    public var json: JSONValue {
        func side(_ outcome: Outcome) -> JSONValue {
            switch outcome {
            case .screened(let side): side.json
            case .unscreenable(let message): .object([("unscreenable", .string(message))])
            }
        }
        return .object([
            ("file", .string(file)),
            ("dossier", .string(dossier)),
            ("changed", .bool(isChanged)),
            ("score", .integer(score)),
            ("before", side(before)),
            ("after", side(after)),
            ("appeared", .array(appeared.map { .string($0.id) })),
            ("disappeared", .array(disappeared.map { .string($0.id) })),
            ("levelMoves", .array(levelMoves.map { .object([("domain", .string($0.domain)), ("from", .optional($0.from)), ("to", .optional($0.to))]) })),
            ("verdictChanged", .bool(verdictChanged)),
        ])
    }
}
