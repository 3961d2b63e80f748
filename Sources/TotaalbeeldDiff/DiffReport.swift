import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// The text, Markdown and JSON renderings of a ``ScreeningDiff``: every change with the evidence behind it.
///
/// ```swift
/// let diff = ScreeningDiff(old: intake, new: checkpoint)
/// print(PlainTextRenderer().render(DiffReport(language: .nl).document(diff)))
/// print(DiffReport(language: .en).json(diff).serialized(pretty: true))
/// ```
public struct DiffReport: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var words: Vocabulary { Vocabulary(language: language) }

    // MARK: Phrasing shared with the HTML page

    public func title(_ diff: ScreeningDiff) -> String {
        words("Totaalbeeld — verschil tussen twee screenings van ", "Totaalbeeld — difference between two screenings of ")
            + (diff.old.dossier == diff.new.dossier ? diff.new.dossier : "\(diff.old.dossier) → \(diff.new.dossier)")
    }

    public func side(_ snapshot: ScreeningSnapshot) -> String {
        "\(snapshot.file) — " + words("dossier ", "dossier ") + snapshot.dossier + ", " + words("datum ", "date ") + snapshot.date
            + ", ruleset \(snapshot.rulesetID) \(snapshot.rulesetVersion)"
    }

    /// Notes a reader needs before trusting the differences: another ruleset, a checkpoint dated before the intake,
    /// a comparison across clients that was forced.
    public func cautions(_ diff: ScreeningDiff, forced: Bool) -> [String] {
        var notes: [String] = []
        if diff.old.rulesetChecksum != diff.new.rulesetChecksum {
            notes.append(words(
                "Beide screenings gebruiken een andere ruleset (\(diff.old.rulesetID) \(diff.old.rulesetVersion) → \(diff.new.rulesetID) \(diff.new.rulesetVersion)): verschillen kunnen ook uit de regels komen, niet alleen uit het dossier.",
                "The two screenings use different rulesets (\(diff.old.rulesetID) \(diff.old.rulesetVersion) → \(diff.new.rulesetID) \(diff.new.rulesetVersion)): differences may come from the rules, not only from the dossier."
            ))
        }
        if !diff.old.date.isEmpty, !diff.new.date.isEmpty, diff.new.date < diff.old.date {
            notes.append(words("NA is eerder gedateerd (\(diff.new.date)) dan VOOR (\(diff.old.date)).", "NEW is dated earlier (\(diff.new.date)) than OLD (\(diff.old.date))."))
        }
        if forced, let reason = ScreeningDiff.sameClient(diff.old, diff.new) {
            notes.append(words("Vergeleken met --force, hoewel niet vaststaat dat het om dezelfde cliënt gaat: ", "Compared with --force, though the two are not established to be one client: ") + reason + ".")
        }
        return notes
    }

    public func flagHeading(_ kind: ScreeningDiff.FlagChange.Kind) -> String {
        switch kind {
        case .resolved: words("Opgelost", "Resolved")
        case .new: words("Nieuw", "New")
        case .weighed: words("Nu gewogen", "Weighed now")
        case .reweigh: words("Opnieuw te wegen", "To be weighed again")
        case .unweighed: words("Niet meer gewogen", "No longer weighed")
        case .changed: words("Blijvend, met ander bewijs", "Persisting, with other evidence")
        }
    }

    public func verdictLabel(_ trial: ScreeningSnapshot.TrialState) -> String {
        switch trial.verdict {
        case "indicated": words("geïndiceerd", "indicated")
        case "referral": words("eerst verwijzen", "refer first")
        default: words("niet geïndiceerd", "not indicated")
        }
    }

    public func roleLabel(_ role: String) -> String {
        switch role {
        case "burden": words("belastend", "burden")
        case "strength": words("kracht", "strength")
        case "modifier": words("niveau 2", "level 2")
        default: words("niet meegeteld", "not counted")
        }
    }

    public func evidenceText(_ line: ScreeningSnapshot.EvidenceLine) -> String {
        (line.element.isEmpty ? "" : line.element + " " + words("r.", "l.") + "\(line.line) ") + "“\(line.quote)”" + (line.note.map { " (\($0))" } ?? "")
    }

    public func levelMove(_ change: ScreeningDiff.DomainChange) -> String {
        let before = change.before.level ?? "–", after = change.after.level ?? "–"
        if change.levelSteps == 0 { return before == after ? before : "\(before) → \(after)" }
        return "\(before) → \(after) (\(change.levelSteps > 0 ? "+" : "")\(change.levelSteps))"
    }

    public func number(_ value: Double) -> String { JSONValue.number(value).serialized() }

    public func summary(_ diff: ScreeningDiff) -> String {
        if diff.isEmpty {
            return words(
                "Geen verschillen: dezelfde signalen (\(diff.persisting.count)), dezelfde scores en niveaus, dezelfde lacunes en hetzelfde trial-and-error-oordeel.",
                "No differences: the same signals (\(diff.persisting.count)), the same scores and levels, the same gaps and the same trial-and-error verdict."
            )
        }
        func count(_ kind: ScreeningDiff.FlagChange.Kind) -> Int { diff.flags.filter { $0.kind == kind }.count }
        return words(
            "Signalen: \(count(.resolved)) opgelost, \(count(.new)) nieuw, \(diff.persisting.count + count(.changed) + count(.weighed) + count(.reweigh) + count(.unweighed)) blijvend (waarvan \(count(.weighed)) nu gewogen, \(count(.reweigh)) opnieuw te wegen). Domeinen veranderd: \(diff.domains.count). Lacunes: \(diff.openedGaps.count) nieuw, \(diff.closedGaps.count) gesloten. Trial-and-error: \(verdictLabel(diff.old.trial)) → \(verdictLabel(diff.new.trial))\(otherTracks(diff)).",
            "Signals: \(count(.resolved)) resolved, \(count(.new)) new, \(diff.persisting.count + count(.changed) + count(.weighed) + count(.reweigh) + count(.unweighed)) persisting (of which \(count(.weighed)) weighed now, \(count(.reweigh)) to be weighed again). Domains changed: \(diff.domains.count). Gaps: \(diff.openedGaps.count) opened, \(diff.closedGaps.count) closed. Trial and error: \(verdictLabel(diff.old.trial)) → \(verdictLabel(diff.new.trial))\(otherTracks(diff))."
        )
    }

    private func otherTracks(_ diff: ScreeningDiff) -> String {
        diff.trialChanged && diff.old.trial.verdict == diff.new.trial.verdict ? words(" (andere trajecten)", " (other tracks)") : ""
    }

    // MARK: Document

    public func document(_ diff: ScreeningDiff, forced: Bool = false) -> ReportDocument {
        var doc = ReportDocument()
        doc.blocks.append(.heading(1, [.plain(title(diff))]))
        doc.blocks.append(.paragraph([.strong(words("Voor: ", "Old: ")), .plain(side(diff.old))]))
        doc.blocks.append(.paragraph([.strong(words("Na: ", "New: ")), .plain(side(diff.new))]))
        for note in cautions(diff, forced: forced) { doc.blocks.append(.paragraph([.emphasis(words("Let op: ", "Note: ")), .plain(note)])) }
        doc.blocks.append(.paragraph([.strong(summary(diff))]))
        if diff.isEmpty { return doc }

        doc.blocks.append(.heading(2, [.plain(words("Signalen", "Signals"))]))
        for kind in ScreeningDiff.FlagChange.Kind.allCases {
            let changes = diff.flags.filter { $0.kind == kind }
            guard !changes.isEmpty else { continue }
            doc.blocks.append(.heading(3, [.plain(flagHeading(kind) + " (\(changes.count))")]))
            doc.blocks.append(.list(changes.map(flagItem)))
        }
        if !diff.persisting.isEmpty {
            doc.blocks.append(.heading(3, [.plain(words("Blijvend, ongewijzigd", "Persisting, unchanged") + " (\(diff.persisting.count))")]))
            doc.blocks.append(.paragraph(diff.persisting.enumerated().flatMap { index, flag -> [ReportDocument.Run] in
                (index == 0 ? [] : [.plain(", ")]) + [.code(flag.id)] + (flag.weighing.map { [.plain(" (" + ($0.state == "weighed" ? words("gewogen", "weighed") : words("opnieuw te wegen", "to be weighed again")) + ")")] } ?? [])
            }))
        }

        if !diff.domains.isEmpty {
            doc.blocks.append(.heading(2, [.plain(words("Schema 1 — veranderde domeinen", "Schema 1 — domains that changed"))]))
            doc.blocks.append(.table(
                header: [words("Domein", "Domain"), words("Belastend", "Burden"), words("Kracht", "Strength"), words("Behoefte", "Need"), words("Niveau", "Level")],
                rows: diff.domains.map { change in
                    [
                        [.plain(change.label)],
                        [.plain("\(number(change.before.burden)) → \(number(change.after.burden))")],
                        [.plain("\(number(change.before.strength)) → \(number(change.after.strength))")],
                        [.plain("\(number(change.before.supportNeed)) → \(number(change.after.supportNeed))")],
                        [.plain(levelMove(change))],
                    ]
                },
                numeric: []
            ))
            for change in diff.domains where !change.contributions.isEmpty {
                doc.blocks.append(.paragraph([.strong(change.label)]))
                doc.blocks.append(.list(change.contributions.map(contributionItem)))
            }
        }

        if !diff.openedGaps.isEmpty || !diff.closedGaps.isEmpty {
            doc.blocks.append(.heading(2, [.plain(words("Gespreksmodel — lacunes", "Conversation model — gaps"))]))
            doc.blocks.append(.list(
                diff.openedGaps.map { .init([.strong(words("Nieuw: ", "Opened: ")), .plain($0.label)], children: [.init([.emphasis(words("Vraag: ", "Ask: ")), .plain($0.question)])]) }
                    + diff.closedGaps.map { .init([.strong(words("Gesloten: ", "Closed: ")), .plain($0.label)]) }
            ))
        }

        doc.blocks.append(.heading(2, [.plain(words("Trial-and-error — toen en nu", "Trial and error — then and now"))]))
        doc.blocks.append(.paragraph([.strong(verdictLabel(diff.old.trial) + " → " + verdictLabel(diff.new.trial)), .plain(diff.trialChanged ? "" : words(" (ongewijzigd)", " (unchanged)"))]))
        doc.blocks.append(.list([
            .init([.emphasis(words("Toen: ", "Then: "))], children: trialItems(diff.old.trial)),
            .init([.emphasis(words("Nu: ", "Now: "))], children: trialItems(diff.new.trial)),
        ]))
        return doc
    }

    private func trialItems(_ trial: ScreeningSnapshot.TrialState) -> [ReportDocument.ListItem] {
        trial.reasons.map { .init([.plain($0)]) } + (trial.trackLabels.isEmpty ? [] : [.init([.plain(words("Trajecten: ", "Tracks: ") + trial.trackLabels.joined(separator: ", "))])])
    }

    private func flagItem(_ change: ScreeningDiff.FlagChange) -> ReportDocument.ListItem {
        let flag = change.flag
        var children: [ReportDocument.ListItem] = []
        if let weighing = change.after?.weighing, [.weighed, .reweigh].contains(change.kind) {
            children.append(.init([.emphasis(words("Gewogen door \(weighing.by) op \(weighing.date): ", "Weighed by \(weighing.by) on \(weighing.date): ")), .plain(weighing.reason)]))
        }
        if let severity = change.before?.severity, let now = change.after?.severity, severity != now {
            children.append(.init([.plain(words("Ernst: ", "Severity: ") + "\(severity) → \(now)")]))
        }
        children += evidenceItems(change.evidence, resolved: change.kind == .resolved)
        return .init([.strong("[\(severityLabel(flag.severity))] "), .plain(flag.message + " "), .code(flag.id)], children: children)
    }

    private func evidenceItems(_ evidence: ScreeningDiff.EvidenceChange, resolved: Bool) -> [ReportDocument.ListItem] {
        var items: [ReportDocument.ListItem] = []
        if !evidence.removed.isEmpty {
            let label = resolved ? words("Bewijs toen: ", "Evidence then: ") : words("Bewijs vervallen: ", "Evidence gone: ")
            items.append(.init([.emphasis(label)], children: evidence.removed.map { .init([.plain(evidenceText($0))]) }))
        }
        if !evidence.added.isEmpty {
            items.append(.init([.emphasis(words("Bewijs nu: ", "Evidence now: "))], children: evidence.added.map { .init([.plain(evidenceText($0))]) }))
        }
        if !evidence.recounted.isEmpty {
            items.append(.init([.emphasis(words("Anders meegeteld: ", "Counted differently: "))], children: evidence.recounted.map { .init([.plain(recountedText($0))]) }))
        }
        return items
    }

    /// "f-angsten r.35 “Last van angsten.”: actueel, over de cliënt → ontkend of afwezig".
    public func recountedText(_ pair: (before: ScreeningSnapshot.EvidenceLine, after: ScreeningSnapshot.EvidenceLine)) -> String {
        var line = pair.after
        line.note = nil
        return evidenceText(line) + ": " + (pair.before.note ?? "–") + " → " + (pair.after.note ?? "–")
    }

    public func severityLabel(_ severity: String) -> String {
        Flag.Severity(rawValue: severity).map { ScreeningReport(language: language).severityLabel($0) } ?? severity
    }

    private func contributionItem(_ change: ScreeningDiff.ContributionChange) -> ReportDocument.ListItem {
        let sign = switch change.kind {
        case .added: "+ "
        case .removed: "− "
        case .changed: "~ "
        }
        return .init([.plain(sign + roleLabel(change.role) + " "), .code(change.indicator)], children: evidenceItems(change.evidence, resolved: change.kind == .removed))
    }

    // MARK: JSON

    /// `old`, `new` (file, dossier, client, date, ruleset), `sameClient`, `empty`, `flags` (per change kind, each with
    /// its evidence `added`/`removed`, and `persisting` ids), `domains` (changed only: before, after, `levelSteps`,
    /// `contributions`), `gaps` (`opened`, `closed`) and `trialAndError` (`before`, `after`, `changed`).
    public func json(_ diff: ScreeningDiff) -> JSONValue {
        func side(_ snapshot: ScreeningSnapshot) -> JSONValue {
            .object([
                ("file", .string(snapshot.file)), ("dossier", .string(snapshot.dossier)), ("client", .optional(snapshot.client)),
                ("date", .string(snapshot.date)),
                ("ruleset", .object([("id", .string(snapshot.rulesetID)), ("version", .string(snapshot.rulesetVersion)), ("checksum", .string(snapshot.rulesetChecksum))])),
            ])
        }
        func lines(_ lines: [ScreeningSnapshot.EvidenceLine]) -> JSONValue {
            .array(lines.map { line in
                var members: [(String, JSONValue)] = [("element", .string(line.element)), ("line", .integer(line.line)), ("quote", .string(line.quote))]
                if let note = line.note { members.append(("note", .string(note))) }
                return .object(members)
            })
        }
        func evidence(_ change: ScreeningDiff.EvidenceChange) -> JSONValue {
            .object([
                ("added", lines(change.added)), ("removed", lines(change.removed)),
                ("recounted", .array(change.recounted.map { .object([("before", lines([$0.before])[0] ?? .null), ("after", lines([$0.after])[0] ?? .null)]) })),
            ])
        }
        func state(_ flag: ScreeningSnapshot.FlagState?) -> JSONValue {
            guard let flag else { return .null }
            return .object([
                ("severity", .string(flag.severity)), ("evidenceFingerprint", .string(flag.fingerprint)),
                ("weighed", flag.weighing.map { .object([("state", .string($0.state)), ("by", .string($0.by)), ("date", .string($0.date)), ("reason", .string($0.reason))]) } ?? .null),
            ])
        }
        var flagMembers: [(String, JSONValue)] = ScreeningDiff.FlagChange.Kind.allCases.map { kind in
            (kind.rawValue, .array(diff.flags.filter { $0.kind == kind }.map { change in
                .object([
                    ("id", .string(change.id)), ("rule", .string(change.rule)), ("kind", .string(change.flag.kind)),
                    ("message", .string(change.flag.message)), ("before", state(change.before)), ("after", state(change.after)),
                    ("evidence", evidence(change.evidence)),
                ])
            }))
        }
        flagMembers.append(("persisting", .array(diff.persisting.map { .string($0.id) })))
        func scores(_ domain: ScreeningSnapshot.DomainState) -> JSONValue {
            .object([
                ("burden", .number(domain.burden)), ("strength", .number(domain.strength)), ("supportNeed", .number(domain.supportNeed)),
                ("supportNeedLevel", .optional(domain.level)), ("hasInformation", .bool(domain.hasInformation)),
            ])
        }
        func trial(_ trial: ScreeningSnapshot.TrialState) -> JSONValue {
            .object([
                ("verdict", .string(trial.verdict)), ("indicated", .bool(trial.indicated)),
                ("tracks", .array(trial.tracks.map(JSONValue.string))), ("reasons", .array(trial.reasons.map(JSONValue.string))),
            ])
        }
        func gap(_ gap: ScreeningSnapshot.GapState) -> JSONValue {
            .object([("theme", .string(gap.theme)), ("domain", .string(gap.domain)), ("label", .string(gap.label)), ("question", .string(gap.question))])
        }
        return .object([
            ("formatVersion", .integer(1)),
            ("old", side(diff.old)),
            ("new", side(diff.new)),
            ("sameClient", .bool(ScreeningDiff.sameClient(diff.old, diff.new) == nil)),
            ("empty", .bool(diff.isEmpty)),
            ("flags", .object(flagMembers)),
            ("domains", .array(diff.domains.map { change in
                .object([
                    ("code", .string(change.code)), ("label", .string(change.label)), ("before", scores(change.before)), ("after", scores(change.after)),
                    ("levelSteps", .integer(change.levelSteps)),
                    ("contributions", .array(change.contributions.map { part in
                        .object([("change", .string(part.kind.rawValue)), ("indicator", .string(part.indicator)), ("role", .string(part.role)), ("evidence", evidence(part.evidence))])
                    })),
                ])
            })),
            ("gaps", .object([("opened", .array(diff.openedGaps.map(gap))), ("closed", .array(diff.closedGaps.map(gap)))])),
            ("trialAndError", .object([("before", trial(diff.old.trial)), ("after", trial(diff.new.trial)), ("changed", .bool(diff.trialChanged))])),
        ])
    }
}
