import TotaalbeeldEngine
import TotaalbeeldModel

/// The recommended tracks with what they share said once: the safeguards and checkpoints every track has
/// in common, then per track only what differs, why it fits (one line) and its fit as a rank and a level.
///
/// ```swift
/// let tracks = TrackDigest(result.trialAndError, reader: ReaderText(result: result, language: .nl))
/// tracks.commonSafeguards // stated once, above the tracks
/// ```
public struct TrackDigest: Sendable {
    public struct Entry: Sendable {
        public var rank: Int
        public var id: String
        public var label: String
        /// Fit relative to the best track, as a word; nil for referrals (they are not ranked by fit).
        public var fitLevel: String?
        /// Why it fits, in one line.
        public var why: String
        public var safeguards: [String]
        public var checkpoints: [String]
    }

    /// True when the tracks are referrals for assessment first (a contraindication), not trial tracks.
    public let referral: Bool
    public let commonSafeguards: [String]
    public let commonCheckpoints: [String]
    public let entries: [Entry]

    public init(_ trialAndError: TrialAndErrorResult, reader: ReaderText) {
        let say = Vocabulary(language: reader.language)
        let tracks = trialAndError.tracks
        referral = Self.isReferral(trialAndError)
        func common(_ lists: [[LocalizedText]]) -> [LocalizedText] {
            guard let first = lists.first, lists.count > 1 else { return [] }
            return first.filter { item in lists.allSatisfy { $0.contains(item) } }
        }
        let sharedSafeguards = common(tracks.map(\.safeguards))
        let sharedCheckpoints = common(tracks.map(\.checkpoints))
        commonSafeguards = sharedSafeguards.map(reader.clean)
        commonCheckpoints = sharedCheckpoints.map(reader.clean)
        let referral = referral
        entries = tracks.enumerated().map { index, track in
            Entry(
                rank: index + 1, id: track.id, label: track.label[reader.language],
                fitLevel: referral ? nil : TrackDigest.fitLevel(track.fit, say: say),
                why: TrackDigest.oneLine(track.why.map(reader.clean)),
                safeguards: track.safeguards.filter { !sharedSafeguards.contains($0) }.map(reader.clean),
                checkpoints: track.checkpoints.filter { !sharedCheckpoints.contains($0) }.map(reader.clean)
            )
        }
    }

    /// Whether the tracks are referrals for assessment first: the screener recommends tracks when trial and error is
    /// not indicated only as referrals for a contraindication.
    public static func isReferral(_ trialAndError: TrialAndErrorResult) -> Bool {
        !trialAndError.indicated && !trialAndError.tracks.isEmpty
    }

    /// Reasons as one line: "Werkt aan: A (r. 4); Werkt aan: B" becomes "Werkt aan: A (r. 4), B" — items that
    /// open with the same label before a colon share it.
    static func oneLine(_ reasons: [String]) -> String {
        var parts: [(label: String?, items: [String])] = []
        for reason in reasons.map({ $0.hasSuffix(".") ? String($0.dropLast()) : $0 }) {
            let split = reason.range(of: ": ").map { (String(reason[..<$0.lowerBound]), String(reason[$0.upperBound...])) }
            if let split, let last = parts.last, last.label == split.0 {
                parts[parts.count - 1].items.append(split.1)
            } else if let split, !split.0.contains(" ") || split.0.count <= 20 {
                parts.append((split.0, [split.1]))
            } else {
                parts.append((nil, [reason]))
            }
        }
        let line = parts.map { part in (part.label.map { $0 + ": " } ?? "") + part.items.joined(separator: ", ") }.joined(separator: "; ")
        return line.isEmpty ? "" : line + "."
    }

    /// The fit relative to the best track (1) as a word, not a number with false precision.
    static func fitLevel(_ fit: Double, say: Vocabulary) -> String {
        switch fit {
        case 0.75...: say("sterk passend", "strong fit")
        case 0.5..<0.75: say("redelijk passend", "fair fit")
        default: say("minder passend", "weaker fit")
        }
    }
}
