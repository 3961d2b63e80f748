import Foundation
import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// What a screening said, read from its JSON contract (`screen --format json`): the part a comparison over time needs.
///
/// A dossier is screened and rendered through ``ScreeningJSON`` and read back from that value; a screening file is
/// read from its text. Both go through the same reader, so comparing two dossiers and comparing their two screening
/// files gives the same differences.
/// ```swift
/// let before = try ScreeningSnapshot(json: Data(contentsOf: intakeScreening), file: "intake.json")
/// let after = ScreeningSnapshot(result: Evaluator(ruleset: ruleset).screen(checkpoint))
/// ScreeningDiff(old: before, new: after).isEmpty
/// ```
public struct ScreeningSnapshot: Sendable {
    public struct EvidenceLine: Sendable, Hashable {
        public var element: String
        public var line: Int
        public var quote: String
        /// How an observation counts in a domain ("historical (×0.5)", "negated or absent"); nil for a flag's evidence.
        public var note: String? = nil
        /// What identifies the evidence whatever line it is on: the element, the words and how they count.
        public var key: String { element + "\t" + quote + "\t" + (note ?? "") }
    }

    /// One indicator's part in a domain: a counted burden or strength, a level-2 modifier, or found and not counted.
    public struct Contribution: Sendable, Hashable {
        public var indicator: String
        /// `burden`, `strength`, `modifier` or `uncounted`.
        public var role: String
        public var evidence: [EvidenceLine]
        public var key: String { role + ":" + indicator }
    }

    public struct DomainState: Sendable {
        public var code: String
        public var label: String
        public var burden: Double
        public var strength: Double
        public var supportNeed: Double
        public var level: String?
        public var hasInformation: Bool
        public var contributions: [Contribution]
    }

    public struct GapState: Sendable, Hashable {
        public var theme: String
        public var domain: String
        public var label: String
        public var question: String
    }

    public struct Weighing: Sendable, Hashable {
        /// `weighed` or `reweigh`.
        public var state: String
        public var by: String
        public var date: String
        public var reason: String
    }

    public struct FlagState: Sendable {
        public var id: String
        public var rule: String
        public var kind: String
        public var severity: String
        public var message: String
        public var question: String
        public var evidence: [EvidenceLine]
        public var evidenceOmitted: Int
        public var fingerprint: String
        public var weighing: Weighing?
    }

    public struct TrialState: Sendable, Equatable {
        public var indicated: Bool
        public var reasons: [String]
        /// Recommended (when indicated) or referral (when not) track ids, in order.
        public var tracks: [String]
        public var trackLabels: [String]

        /// `indicated`, `referral` (not indicated, refer first) or `not-indicated`.
        public var verdict: String { indicated ? "indicated" : tracks.isEmpty ? "not-indicated" : "referral" }
    }

    /// Where the screening came from (the dossier or JSON file), for messages.
    public var file: String
    public var dossier: String
    /// `dossier.client`: the pseudonymous client reference, when the dossier has one.
    public var client: String?
    public var date: String
    public var rulesetID: String
    public var rulesetVersion: String
    public var rulesetChecksum: String
    /// Support-need levels, lowest first (older screening files without them: the levels seen, in first-seen order).
    public var levels: [String]
    public var domains: [DomainState]
    public var gaps: [GapState]
    public var flags: [FlagState]
    public var trial: TrialState
    /// Where the dossier identity is in `file` (the `<client>` element, or the JSON's `"dossier"` key), for messages.
    public var identityLocation: Location

    /// The client, for deciding whether two screenings are of one person: the client reference when there is one,
    /// otherwise the dossier id (see ``ScreeningDiff/sameClient(_:_:)``).
    public var clientKey: String { client.map { "ref:" + $0 } ?? "dossier:" + dossier }

    /// The screening of a dossier, as its JSON contract says it.
    public init(result: ScreeningResult, language: Language = .nl) {
        // Read from the rendered contract, not from the result, so a file and a dossier are read the same way.
        // swiftlint:disable:next force_try
        try! self.init(value: ScreeningJSON(language: language).value(for: result), file: result.dossier.file)
        identityLocation = result.dossier.client.location ?? Location(file: result.dossier.file, line: 1, column: 1)
    }

    /// A screening file (`screen --format json`, or one line of a batch's `results.jsonl`).
    public init(json data: Data, file: String) throws(SnapshotError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch {
            throw SnapshotError(location: Location(file: file, line: 1, column: 1), message: "not JSON: \(Self.reason(error))")
        }
        try self.init(value: value, file: file)
        identityLocation = Self.location(of: #""dossier""#, in: data, file: file)
    }

    init(value: JSONValue, file: String) throws(SnapshotError) {
        let start = Location(file: file, line: 1, column: 1)
        func fail(_ message: String) -> SnapshotError { SnapshotError(location: start, message: message) }
        guard value["formatVersion"]?.int == 1 else { throw fail("not a screening (no \"formatVersion\": 1; write one with `totaalbeeld screen --format json`)") }
        guard let dossier = value["dossier"], let id = dossier["id"]?.string, let ruleset = value["ruleset"],
              let domains = value["domains"]?.array, let gaps = value["gaps"]?.array, let flags = value["flags"]?.array, let trial = value["trialAndError"]
        else { throw fail("a screening needs dossier, ruleset, domains, gaps, flags and trialAndError") }
        self.file = file
        self.dossier = id
        client = dossier["client"]?.string
        date = dossier["date"]?.string ?? ""
        rulesetID = ruleset["id"]?.string ?? ""
        rulesetVersion = ruleset["version"]?.string ?? ""
        rulesetChecksum = ruleset["checksum"]?.string ?? ""
        identityLocation = start

        func evidence(_ items: [JSONValue]?) -> [EvidenceLine] {
            (items ?? []).map { EvidenceLine(element: $0["element"]?.string ?? "", line: $0["line"]?.int ?? 0, quote: $0["quote"]?.string ?? "") }
        }
        self.domains = domains.map { domain in
            // Evidence entries are one per observation; grouped per indicator and role, in order of appearance.
            var contributions: [Contribution] = []
            func add(_ indicator: String, _ role: String, _ line: EvidenceLine) {
                if let index = contributions.firstIndex(where: { $0.indicator == indicator && $0.role == role }) {
                    contributions[index].evidence.append(line)
                } else {
                    contributions.append(Contribution(indicator: indicator, role: role, evidence: [line]))
                }
            }
            for item in domain["evidence"]?.array ?? [] {
                var line = evidence([item]).first!
                line.note = item["reason"]?.string
                add(item["indicator"]?.string ?? "", item["role"]?.string ?? "", line)
            }
            for modifier in domain["modifiers"]?.array ?? [] {
                let id = modifier["indicator"]?.string ?? ""
                let lines = evidence(modifier["evidence"]?.array)
                if lines.isEmpty { add(id, "modifier", EvidenceLine(element: "", line: 0, quote: "")) }
                for line in lines { add(id, "modifier", line) }
            }
            return DomainState(
                code: domain["code"]?.string ?? "", label: domain["label"]?.string ?? "", burden: domain["burden"]?.double ?? 0,
                strength: domain["strength"]?.double ?? 0, supportNeed: domain["supportNeed"]?.double ?? 0,
                level: domain["supportNeedLevel"]?.string, hasInformation: domain["hasInformation"]?.bool ?? true, contributions: contributions
            )
        }
        var levels = ruleset["levels"]?.array?.compactMap(\.string) ?? []
        if levels.isEmpty {
            for level in self.domains.compactMap(\.level) where !levels.contains(level) { levels.append(level) }
        }
        self.levels = levels
        self.gaps = gaps.map {
            GapState(theme: $0["theme"]?.string ?? "", domain: $0["domain"]?.string ?? "", label: $0["label"]?.string ?? "", question: $0["question"]?.string ?? "")
        }
        self.flags = flags.map { flag in
            let weighed = flag["weighed"].flatMap { $0.isNull ? nil : $0 }
            return FlagState(
                id: flag["id"]?.string ?? "", rule: flag["rule"]?.string ?? "", kind: flag["kind"]?.string ?? "",
                severity: flag["severity"]?.string ?? "", message: flag["message"]?.string ?? "", question: flag["question"]?.string ?? "",
                evidence: evidence(flag["evidence"]?.array), evidenceOmitted: flag["evidenceOmitted"]?.int ?? 0,
                fingerprint: flag["evidenceFingerprint"]?.string ?? "",
                weighing: weighed.map {
                    Weighing(state: $0["state"]?.string ?? "", by: $0["by"]?.string ?? "", date: $0["date"]?.string ?? "", reason: $0["reason"]?.string ?? "")
                }
            )
        }
        let tracks = trial["tracks"]?.array ?? []
        self.trial = TrialState(
            indicated: trial["indicated"]?.bool ?? false, reasons: trial["reasons"]?.array?.compactMap(\.string) ?? [],
            tracks: tracks.compactMap { $0["id"]?.string }, trackLabels: tracks.compactMap { $0["label"]?.string }
        )
    }

    public func domain(_ code: String) -> DomainState? { domains.first { $0.code == code } }

    /// The rank of a support-need level (higher is more need), -1 when unknown.
    public func rank(of level: String?) -> Int { level.flatMap { levels.firstIndex(of: $0) } ?? -1 }

    private static func reason(_ error: Error) -> String {
        ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
    }

    /// The line and column of the first occurrence of `needle` in `data`, or 1:1.
    static func location(of needle: String, in data: Data, file: String) -> Location {
        let bytes = [UInt8](data), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return Location(file: file, line: 1, column: 1) }
        var line = 1, column = 1
        for index in 0...(bytes.count - pattern.count) {
            if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return Location(file: file, line: line, column: column) }
            if bytes[index] == 0x0A { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
        }
        return Location(file: file, line: 1, column: 1)
    }
}

/// A screening file that cannot be read as one, with where.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public var location: Location
    public var message: String
    public var description: String { "\(location): \(message)" }
}
