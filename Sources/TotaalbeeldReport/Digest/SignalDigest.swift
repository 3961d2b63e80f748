import TotaalbeeldEngine
import TotaalbeeldModel

/// Flags about one concern, merged: the lead flag, and the others as "ook:" lines.
///
/// **Same concern.** Two flags are about the same concern when they point at the same part of the
/// professional's assessment — the same set of conclusion, placement, direction and support-need
/// elements among their evidence — or, when neither points at the assessment, at exactly the same set of
/// dossier elements. A flag without evidence (a gap, a missing FML) is its own concern, as is every item of
/// a rule checked per item, unless the items' evidence coincides. So the four flags on one chosen direction
/// become one signal, and seven missing themes stay seven questions.
public struct SignalGroup: Sendable {
    /// The most severe flag of the group (then the earliest phase, then ruleset order).
    public var lead: Flag
    /// The other flags about the same concern, in the same order.
    public var also: [Flag]
    public var severity: Flag.Severity
    public var phase: FlagRule.Phase
    /// All evidence of the group without repeats, strongest first (see ``SignalDigest``).
    public var evidence: [Evidence]
    /// Evidence the engine left out of the flags (beyond its list limit), counted only.
    public var evidenceOmitted: Int
    /// Readings not yet weighed, of all flags of the group, without repeats.
    public var alternatives: [LocalizedText]

    public var flags: [Flag] { [lead] + also }

    /// Every flag of the group is weighed on the evidence it still rests on: no open point any more, shown as
    /// weighed (issue 17). A flag to weigh again ("opnieuw te wegen") keeps its group open.
    public var isWeighed: Bool { flags.allSatisfy(\.isWeighed) }

    /// The strongest items shown with the signal; the rest is counted ("+N meer") and listed on demand.
    public static let shownEvidence = 3
    public var strongest: ArraySlice<Evidence> { evidence.prefix(Self.shownEvidence) }
    public var rest: ArraySlice<Evidence> { evidence.dropFirst(Self.shownEvidence) }
    public var moreCount: Int { rest.count + evidenceOmitted }
}

/// The flags of a screening merged by concern and ordered by severity, then open before weighed, then by the
/// phase in which the pitfall arises (beeldvorming, oordeelsvorming, besluitvorming), then by how many flags a
/// concern gathers, then in ruleset order.
///
/// ```swift
/// let digest = SignalDigest(result: result)
/// digest.groups.first?.lead.message[.nl]
/// ```
public struct SignalDigest: Sendable {
    public let groups: [SignalGroup]

    public init(result: ScreeningResult) {
        let ruleset = result.ruleset
        let position = Dictionary(result.flags.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let assessment = result.dossier.assessment.map(ReaderText.elementIDs(of:)) ?? []
        let strength = EvidenceStrength(result: result, assessment: assessment)

        func phase(_ flag: Flag) -> FlagRule.Phase { ruleset.rule(id: flag.rule)?.phase ?? .oordeelsvorming }
        func concern(_ flag: Flag) -> String {
            let elements = Set(flag.evidence.map(\.elementID))
            let subject = elements.intersection(assessment)
            if !subject.isEmpty { return "assessment:" + subject.sorted().joined(separator: " ") }
            if !elements.isEmpty { return "dossier:" + elements.sorted().joined(separator: " ") }
            return "flag:" + flag.id
        }
        func precedes(_ a: Flag, _ b: Flag) -> Bool {
            if a.severity != b.severity { return a.severity > b.severity }
            if phase(a) != phase(b) { return phase(a) < phase(b) }
            return (ruleset.rulePosition(id: a.rule) ?? .max, position[a.id] ?? .max) < (ruleset.rulePosition(id: b.rule) ?? .max, position[b.id] ?? .max)
        }

        var keys: [String] = []
        var members: [String: [Flag]] = [:]
        for flag in result.flags {
            let key = concern(flag)
            if members[key] == nil { keys.append(key) }
            members[key, default: []].append(flag)
        }
        let groups = keys.map { key -> SignalGroup in
            let flags = members[key]!.sorted(by: precedes)
            var seen = Set<String>()
            let evidence = flags.flatMap(\.evidence).filter { seen.insert("\($0.elementID)|\($0.span?.lowerBound ?? -1)|\($0.quote)").inserted }
            var readings = Set<LocalizedText>()
            return SignalGroup(
                lead: flags[0], also: Array(flags.dropFirst()), severity: flags[0].severity, phase: phase(flags[0]),
                evidence: strength.ranked(evidence), evidenceOmitted: flags.map(\.evidenceOmitted).max() ?? 0,
                alternatives: flags.flatMap(\.alternatives).filter { readings.insert($0).inserted }
            )
        }
        self.groups = groups.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.isWeighed != b.isWeighed { return !a.isWeighed }
            if a.phase != b.phase { return a.phase < b.phase }
            if a.flags.count != b.flags.count { return a.flags.count > b.flags.count }
            return precedes(a.lead, b.lead)
        }
    }

    /// The groups of one severity, in order.
    public func groups(of severity: Flag.Severity) -> [SignalGroup] { groups.filter { $0.severity == severity } }

    /// The groups still open: not every flag in them weighed.
    public var open: [SignalGroup] { groups.filter { !$0.isWeighed } }
}

/// Which evidence to show first. What the flag is about (an element of the assessment) comes first; then
/// observations that count in full, then those that count in part, then those that do not count; among
/// equals, structured findings before narrative hits, more occurrences first, and then dossier order. The
/// strongest items are taken from different elements where possible, so three lines show three sources.
struct EvidenceStrength {
    /// Where an observation stands: its element and, in a text, where its span starts.
    private struct Place: Hashable {
        var elementID: String
        var start: Int?
    }

    private let factors: [Place: Double]
    private let assessment: Set<String>

    init(result: ScreeningResult, assessment: Set<String>) {
        var factors: [Place: Double] = [:]
        for fact in result.facts {
            // Where `Evidence(fact)`'s span starts, without making the evidence.
            let key = Place(elementID: fact.elementID, start: fact.textStart)
            factors[key] = max(factors[key] ?? 0, fact.countFactor)
        }
        self.factors = factors
        self.assessment = assessment
    }

    private func rank(_ evidence: Evidence) -> (Int, Double, Int, Int) {
        let subject = assessment.contains(evidence.elementID) && !evidence.isObservation ? 0 : assessment.contains(evidence.elementID) ? 1 : 2
        let factor = factors[Place(elementID: evidence.elementID, start: evidence.span?.lowerBound)] ?? (evidence.isObservation ? 0 : 1)
        return (subject, -factor, evidence.span == nil ? 0 : 1, -evidence.occurrences)
    }

    func ranked(_ evidence: [Evidence]) -> [Evidence] {
        // Each rank worked out once, not once per comparison.
        let ranks = evidence.map(rank)
        let sorted = evidence.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if evidence[a].location != evidence[b].location { return evidence[a].location < evidence[b].location }
            return a < b
        }.map { evidence[$0] }
        // The first few from different elements, then everything else in rank order.
        var chosen: [Evidence] = []
        var elements = Set<String>()
        for item in sorted where chosen.count < SignalGroup.shownEvidence && elements.insert(item.elementID).inserted {
            chosen.append(item)
        }
        let rest = sorted.filter { item in !chosen.contains(item) }
        return chosen + rest
    }
}
