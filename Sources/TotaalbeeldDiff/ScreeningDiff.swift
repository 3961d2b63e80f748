import TotaalbeeldModel

/// What changed between two screenings of one client — an intake and a checkpoint (seed 004's cyclical process with
/// ijkpunten): flags resolved, new and persisting, each domain's support need and level, gaps opened and closed, the
/// trial-and-error verdict then and now, and for each change the evidence behind it.
///
/// Flags are matched by id (rule and item); evidence and indicator contributions by element and words, never by line,
/// so a dossier that only moved its text around shows no change. A screening compared with itself is empty.
/// ```swift
/// let diff = ScreeningDiff(old: intake, new: checkpoint)
/// diff.flags.filter { $0.kind == .resolved }.map(\.id)
/// ```
public struct ScreeningDiff: Sendable {
    public typealias EvidenceLine = ScreeningSnapshot.EvidenceLine

    /// Evidence lines present only before, only after, and the same words in the same element counted differently
    /// (current then, negated or historical now).
    public struct EvidenceChange: Sendable {
        public var added: [EvidenceLine]
        public var removed: [EvidenceLine]
        public var recounted: [(before: EvidenceLine, after: EvidenceLine)] = []
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && recounted.isEmpty }

        static func between(_ old: [EvidenceLine], _ new: [EvidenceLine]) -> EvidenceChange {
            let oldKeys = Set(old.map(\.key)), newKeys = Set(new.map(\.key))
            var added = new.filter { !oldKeys.contains($0.key) }, removed = old.filter { !newKeys.contains($0.key) }
            var recounted: [(before: EvidenceLine, after: EvidenceLine)] = []
            for line in added {
                guard let index = removed.firstIndex(where: { $0.element == line.element && $0.quote == line.quote }) else { continue }
                recounted.append((removed[index], line))
                removed.remove(at: index)
            }
            let recountedKeys = Set(recounted.map(\.after.key))
            added.removeAll { recountedKeys.contains($0.key) }
            return EvidenceChange(added: added, removed: removed, recounted: recounted)
        }
    }

    public struct FlagChange: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            /// Raised before, not now.
            case resolved
            /// Raised now, not before.
            case new
            /// Raised both times, weighed now (and not before, or weighed anew).
            case weighed
            /// Weighed before; its evidence has changed since, so it is to be weighed again.
            case reweigh
            /// Weighed before, no weighing recorded now.
            case unweighed
            /// Raised both times with other evidence or another severity.
            case changed
        }
        public var kind: Kind
        public var id: String
        public var rule: String
        public var before: ScreeningSnapshot.FlagState?
        public var after: ScreeningSnapshot.FlagState?
        /// For a resolved flag the evidence it rested on, for a new one its evidence, otherwise what differs.
        public var evidence: EvidenceChange

        /// The flag as it is now, or as it was when it is resolved.
        public var flag: ScreeningSnapshot.FlagState { (after ?? before)! }
    }

    public struct ContributionChange: Sendable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public var kind: Kind
        public var indicator: String
        /// `burden`, `strength`, `modifier` or `uncounted`.
        public var role: String
        public var evidence: EvidenceChange
    }

    public struct DomainChange: Sendable {
        public var code: String
        public var label: String
        public var before: ScreeningSnapshot.DomainState
        public var after: ScreeningSnapshot.DomainState
        /// Support-need level steps: positive when the need rose.
        public var levelSteps: Int
        public var contributions: [ContributionChange]
    }

    public var old: ScreeningSnapshot
    public var new: ScreeningSnapshot
    /// Resolved (in the old order), then new and otherwise changed (in the new order).
    public var flags: [FlagChange]
    /// Flags raised both times, unchanged.
    public var persisting: [ScreeningSnapshot.FlagState]
    /// Domains whose scores, level or evidence differ, in the new screening's order.
    public var domains: [DomainChange]
    public var openedGaps: [ScreeningSnapshot.GapState]
    public var closedGaps: [ScreeningSnapshot.GapState]
    /// The trial-and-error verdict (indicated, referral or neither) or its tracks differ.
    public var trialChanged: Bool

    public var isEmpty: Bool { flags.isEmpty && domains.isEmpty && openedGaps.isEmpty && closedGaps.isEmpty && !trialChanged }

    public init(old: ScreeningSnapshot, new: ScreeningSnapshot) {
        self.old = old
        self.new = new
        let oldFlags = Dictionary(old.flags.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newFlags = Dictionary(new.flags.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [FlagChange] = old.flags.filter { newFlags[$0.id] == nil }.map {
            FlagChange(kind: .resolved, id: $0.id, rule: $0.rule, before: $0, after: nil, evidence: EvidenceChange(added: [], removed: $0.evidence))
        }
        var persisting: [ScreeningSnapshot.FlagState] = []
        for flag in new.flags {
            guard let before = oldFlags[flag.id] else {
                changes.append(FlagChange(kind: .new, id: flag.id, rule: flag.rule, before: nil, after: flag, evidence: EvidenceChange(added: flag.evidence, removed: [])))
                continue
            }
            let evidence = Self.flagEvidence(before, flag)
            let kind: FlagChange.Kind? = switch (before.weighing?.state, flag.weighing?.state) {
            case (let was, "weighed") where was != "weighed" || before.weighing != flag.weighing: .weighed
            case (_, "reweigh") where before.weighing?.state != "reweigh": .reweigh
            case ("weighed"?, nil), ("reweigh"?, nil): .unweighed
            default: !evidence.isEmpty || before.severity != flag.severity || before.evidenceOmitted != flag.evidenceOmitted ? .changed : nil
            }
            if let kind {
                changes.append(FlagChange(kind: kind, id: flag.id, rule: flag.rule, before: before, after: flag, evidence: evidence))
            } else {
                persisting.append(flag)
            }
        }
        flags = changes
        self.persisting = persisting

        domains = new.domains.compactMap { after -> DomainChange? in
            guard let before = old.domain(after.code) else { return nil }
            let oldParts = Dictionary(before.contributions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let newParts = Dictionary(after.contributions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            var contributions: [ContributionChange] = before.contributions.filter { newParts[$0.key] == nil }.map {
                ContributionChange(kind: .removed, indicator: $0.indicator, role: $0.role, evidence: EvidenceChange(added: [], removed: $0.evidence))
            }
            for part in after.contributions {
                if let was = oldParts[part.key] {
                    let evidence = EvidenceChange.between(was.evidence, part.evidence)
                    if !evidence.isEmpty { contributions.append(ContributionChange(kind: .changed, indicator: part.indicator, role: part.role, evidence: evidence)) }
                } else {
                    contributions.append(ContributionChange(kind: .added, indicator: part.indicator, role: part.role, evidence: EvidenceChange(added: part.evidence, removed: [])))
                }
            }
            let steps = new.rank(of: after.level) - old.rank(of: before.level)
            let scoresMoved = [before.burden - after.burden, before.strength - after.strength, before.supportNeed - after.supportNeed].contains { abs($0) >= 0.00005 }
            guard scoresMoved || before.level != after.level || before.hasInformation != after.hasInformation || !contributions.isEmpty else { return nil }
            return DomainChange(code: after.code, label: after.label, before: before, after: after, levelSteps: steps, contributions: contributions)
        }

        let oldGaps = Set(old.gaps.map(\.theme)), newGaps = Set(new.gaps.map(\.theme))
        openedGaps = new.gaps.filter { !oldGaps.contains($0.theme) }
        closedGaps = old.gaps.filter { !newGaps.contains($0.theme) }
        trialChanged = old.trial.verdict != new.trial.verdict || old.trial.tracks != new.trial.tracks
    }

    /// The evidence that differs between two states of one flag. Equal fingerprints (over all the evidence, not only the
    /// listed part) mean none. A list cut at the report limit shows only its first lines in document order, so a line
    /// after the last one a cut list shows may simply be beyond the cut: it is not reported as gone or new.
    static func flagEvidence(_ before: ScreeningSnapshot.FlagState, _ after: ScreeningSnapshot.FlagState) -> EvidenceChange {
        if !before.fingerprint.isEmpty, before.fingerprint == after.fingerprint { return EvidenceChange(added: [], removed: []) }
        var change = EvidenceChange.between(before.evidence, after.evidence)
        if after.evidenceOmitted > 0, let last = after.evidence.last?.line { change.removed.removeAll { $0.line >= last } }
        if before.evidenceOmitted > 0, let last = before.evidence.last?.line { change.added.removeAll { $0.line >= last } }
        return change
    }

    /// Whether two screenings are of one client. With a client reference (`client/@ref`) on both, they must be equal;
    /// without one on either, the dossier ids must be equal (an intake and its checkpoints keep the dossier's id); a
    /// reference on only one side cannot establish it. Returns nil when they are one client, otherwise why not.
    public static func sameClient(_ old: ScreeningSnapshot, _ new: ScreeningSnapshot) -> String? {
        switch (old.client, new.client) {
        case let (a?, b?):
            return a == b ? nil : "the client references (client/@ref) differ"
        case (nil, nil):
            return old.dossier == new.dossier ? nil : "neither has a client reference (client/@ref) and the dossier ids differ"
        case (_?, nil):
            return "only OLD has a client reference (client/@ref), so NEW cannot be matched to it"
        case (nil, _?):
            return "only NEW has a client reference (client/@ref), so OLD cannot be matched to it"
        }
    }
}
