import TotaalbeeldDiff
import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// The values the `diff` template shows: the two screenings side by side as a before/after Schema 1 chart, and every
/// change with its evidence, worded as the text report words it (``DiffReport``).
public struct DiffPage: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var say: Vocabulary { Vocabulary(language: language) }
    private var report: DiffReport { DiffReport(language: language) }

    public func context(for diff: ScreeningDiff, forced: Bool = false) -> [String: Any] {
        [
            "lang": language.rawValue,
            "t": PageLabels.diff(language),
            "title": report.title(diff),
            "old": report.side(diff.old),
            "new": report.side(diff.new),
            "cautions": report.cautions(diff, forced: forced),
            "summary": report.summary(diff),
            "changed": diff.isEmpty ? [] : [true],
            "chart": chart(diff),
            "flagGroups": ScreeningDiff.FlagChange.Kind.allCases.compactMap { kind -> [String: Any]? in
                let changes = diff.flags.filter { $0.kind == kind }
                guard !changes.isEmpty else { return nil }
                return ["kind": kind.rawValue, "label": report.flagHeading(kind), "count": String(changes.count), "flags": changes.map { flag($0) }]
            },
            "persisting": diff.persisting.map(\.id),
            "domains": diff.domains.map { change -> [String: Any] in
                [
                    "label": change.label,
                    "burden": "\(report.number(change.before.burden)) → \(report.number(change.after.burden))",
                    "strength": "\(report.number(change.before.strength)) → \(report.number(change.after.strength))",
                    "need": "\(report.number(change.before.supportNeed)) → \(report.number(change.after.supportNeed))",
                    "level": report.levelMove(change),
                    "contributions": change.contributions.map { part -> [String: Any] in
                        [
                            "sign": part.kind == .added ? "+" : part.kind == .removed ? "−" : "~",
                            "role": report.roleLabel(part.role), "indicator": part.indicator,
                            "removed": joined(part.evidence.removed.map(report.evidenceText)), "added": joined(part.evidence.added.map(report.evidenceText)),
                            "recounted": joined(part.evidence.recounted.map(report.recountedText)),
                            "removedLabel": part.kind == .removed ? PageLabels.diff(language)["evidenceThen"]! : PageLabels.diff(language)["evidenceGone"]!,
                        ]
                    },
                ]
            },
            "opened": diff.openedGaps.map { ["label": $0.label, "question": $0.question] },
            "closed": diff.closedGaps.map(\.label),
            "trial": [
                "verdict": report.verdictLabel(diff.old.trial) + " → " + report.verdictLabel(diff.new.trial),
                "unchanged": diff.trialChanged ? "" : say(" (ongewijzigd)", " (unchanged)"),
                "then": trial(diff.old.trial), "now": trial(diff.new.trial),
            ] as [String: Any],
        ]
    }

    /// One text for a list of evidence lines, or nothing (so the template shows no label for it).
    private func joined(_ lines: [String]) -> [String] { lines.isEmpty ? [] : [lines.joined(separator: "; ")] }

    private func trial(_ trial: ScreeningSnapshot.TrialState) -> [String: Any] {
        ["reasons": trial.reasons, "tracks": trial.trackLabels.isEmpty ? [] : [trial.trackLabels.joined(separator: ", ")]]
    }

    private func flag(_ change: ScreeningDiff.FlagChange) -> [String: Any] {
        let flag = change.flag
        var values: [String: Any] = [
            "id": flag.id, "severity": flag.severity, "severityLabel": report.severityLabel(flag.severity), "message": flag.message,
            "removed": change.evidence.removed.map(report.evidenceText), "added": change.evidence.added.map(report.evidenceText),
            "removedLabel": change.kind == .resolved ? PageLabels.diff(language)["evidenceThen"]! : PageLabels.diff(language)["evidenceGone"]!,
        ]
        if let weighing = change.after?.weighing, [.weighed, .reweigh].contains(change.kind) {
            values["weighing"] = [say("Gewogen door \(weighing.by) op \(weighing.date): ", "Weighed by \(weighing.by) on \(weighing.date): ") + weighing.reason]
        }
        return values
    }

    /// Per domain four bars on one scale: burden before and after (hatched), support need before and after (dotted);
    /// the "before" bars are lighter with a dashed outline, and every bar is labelled "voor"/"na" with its value.
    private func chart(_ diff: ScreeningDiff) -> [String: Any] {
        let labelWidth = 250.0, barArea = 380.0, rowHeight = 82.0, top = 34.0
        let pairs = diff.new.domains.map { after in (before: diff.old.domain(after.code), after: after) }
        let scale = LinearScale(covering: pairs.flatMap { [$0.after.burden, $0.after.supportNeed, $0.before?.burden ?? 0, $0.before?.supportNeed ?? 0] }, length: barArea)
        let rows: [[String: Any]] = pairs.enumerated().map { index, pair in
            let y = top + Double(index) * rowHeight
            func bar(_ value: Double?, _ row: Double, _ kind: String, _ name: String) -> [String: Any] {
                let value = value ?? 0
                return ["x": coordinate(labelWidth), "y": coordinate(y + row * 16), "width": coordinate(scale(value)), "kind": kind,
                        "labelX": coordinate(labelWidth + scale(value) + 6), "labelY": coordinate(y + row * 16 + 11), "label": "\(name) \(decimal(value))"]
            }
            let before = say("voor", "before"), after = say("na", "after")
            let levels = (pair.before?.level ?? "–") + " → " + (pair.after.level ?? "–")
            let moved = pair.before.map { ($0.level != pair.after.level) || abs($0.supportNeed - pair.after.supportNeed) >= 0.00005 || abs($0.burden - pair.after.burden) >= 0.00005 } ?? true
            let informed = pair.after.hasInformation || pair.before?.hasInformation == true
            return [
                "name": pair.after.label, "nameY": coordinate(y + 27), "levels": levels + (moved ? "" : say(" (gelijk)", " (same)")), "levelsY": coordinate(y + 45),
                "separatorY": coordinate(y + rowHeight - 6),
                "noInformation": informed ? [] : [["text": say("geen informatie, voor en na", "no information, before or after"), "x": coordinate(labelWidth), "y": coordinate(y + 27)]],
                "bars": !informed ? [] : [
                    bar(pair.before?.burden, 0, "burden before", say("belastend", "burden") + " " + before),
                    bar(pair.after.burden, 1, "burden", say("belastend", "burden") + " " + after),
                    bar(pair.before?.supportNeed, 2, "need before", say("behoefte", "need") + " " + before),
                    bar(pair.after.supportNeed, 3, "need", say("behoefte", "need") + " " + after),
                ],
            ]
        }
        let height = top + Double(pairs.count) * rowHeight + 8
        return [
            "width": coordinate(labelWidth + barArea + 200), "height": coordinate(height),
            "rows": rows,
            "ticks": scale.ticks.map { ["x": coordinate(labelWidth + scale($0)), "label": decimal($0), "y2": coordinate(height - 8)] },
            "axisY": coordinate(top - 12),
            "title": say("Schema 1 voor en na: belastend en ondersteuningsbehoefte per domein", "Schema 1 before and after: burden and support need per domain"),
            "description": say(
                "Per domein vier balken op één schaal: belastend voor en na (gearceerd), ondersteuningsbehoefte voor en na (gestippeld). De balken van vóór zijn lichter met een gestreepte rand; elke balk noemt voor of na en zijn waarde. Onder de domeinnaam staat het niveau voor en na.",
                "Per domain four bars on one scale: burden before and after (hatched), support need before and after (dotted). The 'before' bars are lighter with a dashed outline; every bar names before or after and its value. Below the domain name, the level before and after."
            ),
        ]
    }
}
