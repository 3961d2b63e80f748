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
        // The screener recommends tracks when it is not indicated only as referrals for a contraindication.
        referral = !trialAndError.indicated && !tracks.isEmpty
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
                why: track.why.map(reader.clean).map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: "; ") + (track.why.isEmpty ? "" : "."),
                safeguards: track.safeguards.filter { !sharedSafeguards.contains($0) }.map(reader.clean),
                checkpoints: track.checkpoints.filter { !sharedCheckpoints.contains($0) }.map(reader.clean)
            )
        }
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
