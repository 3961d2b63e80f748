import TotaalbeeldDiff
import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// The values the `impact` template shows: flags per rule that appeared and disappeared (a diverging bar chart), the
/// verdicts before and after (paired bars), the support-need level transitions per domain (tables shaded by count, the
/// number in every cell) and the dossiers that changed most.
public struct ImpactPage: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var say: Vocabulary { Vocabulary(language: language) }

    public func context(for summary: ImpactSummary) -> [String: Any] {
        let t = PageLabels.impact(language)
        return [
            "lang": language.rawValue,
            "t": t,
            "old": "\(summary.old.id) \(summary.old.version) (\(summary.old.date), sha256 \(summary.old.checksum.prefix(12))…)",
            "new": "\(summary.new.id) \(summary.new.version) (\(summary.new.date), sha256 \(summary.new.checksum.prefix(12))…)",
            "inputs": summary.inputs.joined(separator: " "),
            "counts": say(
                "Gevonden \(summary.found): vergeleken \(summary.compared), veranderd \(summary.changed), onder beide niet te screenen \(summary.failed), alleen onder de oude \(summary.unscreenableAfter), alleen onder de nieuwe \(summary.unscreenableBefore).",
                "Found \(summary.found): compared \(summary.compared), changed \(summary.changed), failed under both \(summary.failed), screenable only under the old \(summary.unscreenableAfter), only under the new \(summary.unscreenableBefore)."
            ),
            "changeLog": summary.changeLog.map { "\($0.version) (\($0.date)): \($0.text)" },
            "empty": summary.isEmpty ? [true] : [],
            "changed": summary.isEmpty ? [] : [true],
            "rules": rulesChart(summary),
            "ruleRows": summary.changedRules.map { rule -> [String: Any] in
                [
                    "rule": rule.rule, "kind": rule.kind, "before": String(rule.before), "after": String(rule.after),
                    "dossiers": "\(rule.dossiersBefore) → \(rule.dossiersAfter)", "appeared": String(rule.appeared), "disappeared": String(rule.disappeared),
                    "examples": (rule.appearedExamples.map { "+ " + $0.file } + rule.disappearedExamples.map { "− " + $0.file }),
                ]
            },
            "verdicts": verdictsChart(summary),
            "transitions": summary.transitions.map { "\($0.from) → \($0.to): \($0.dossiers)" },
            "levels": summary.levelTables.map { levelTable($0, summary: summary) },
            "noLevels": summary.levelTables.isEmpty ? [true] : [],
            "mostChanged": summary.mostChanged.map { dossier -> [String: Any] in
                var what: [String] = []
                if !dossier.appeared.isEmpty { what.append("+ " + dossier.appeared.joined(separator: ", ")) }
                if !dossier.disappeared.isEmpty { what.append("− " + dossier.disappeared.joined(separator: ", ")) }
                if !dossier.levelMoves.isEmpty { what.append(dossier.levelMoves.map { "\($0.domain) \($0.from ?? "–") → \($0.to ?? "–")" }.joined(separator: ", ")) }
                if let verdict = dossier.verdict { what.append("\(verdict.before) → \(verdict.after)") }
                if let unscreenable = dossier.unscreenable { what.append(unscreenable) }
                return ["file": dossier.example.file, "dossier": dossier.example.dossier, "score": String(dossier.score), "what": what.joined(separator: "; ")]
            },
        ]
    }

    /// One row per changed rule: disappeared flags to the left of the axis (hatched), appeared to the right (solid),
    /// each bar labelled with its count.
    private func rulesChart(_ summary: ImpactSummary) -> [String: Any] {
        let rules = summary.changedRules
        let labelWidth = 260.0, half = 220.0, rowHeight = 24.0, top = 30.0
        let scale = LinearScale(covering: rules.flatMap { [Double($0.appeared), Double($0.disappeared)] }, length: half)
        let axis = labelWidth + half + 40
        let rows: [[String: Any]] = rules.enumerated().map { index, rule in
            let y = top + Double(index) * rowHeight
            let gone = scale(Double(rule.disappeared)), came = scale(Double(rule.appeared))
            return [
                "name": rule.rule, "nameY": coordinate(y + 12),
                "goneX": coordinate(axis - gone), "goneWidth": coordinate(gone), "goneLabelX": coordinate(axis - gone - 6), "gone": "−\(rule.disappeared)",
                "cameX": coordinate(axis), "cameWidth": coordinate(came), "cameLabelX": coordinate(axis + came + 6), "came": "+\(rule.appeared)",
                "y": coordinate(y), "labelY": coordinate(y + 12),
            ]
        }
        let height = top + Double(max(rules.count, 1)) * rowHeight + 8
        return [
            "width": coordinate(axis + half + 80), "height": coordinate(height), "axis": coordinate(axis), "axisBottom": coordinate(height - 4),
            "rows": rows, "headY": coordinate(top - 12),
            "goneHead": say("vervallen", "disappeared"), "cameHead": say("erbij", "appeared"),
            "goneHeadX": coordinate(axis - 8), "cameHeadX": coordinate(axis + 8),
            "title": say("Signalen per regel: vervallen en erbij", "Flags per rule: disappeared and appeared"),
            "description": say(
                "Per regel waarvan signalen veranderden een balk naar links (gearceerd) voor de signalen die vervielen en naar rechts (effen) voor de signalen die erbij kwamen, met het aantal bij elke balk. De tabel eronder geeft dezelfde getallen met voorbeelden.",
                "Per rule whose flags changed, a bar to the left (hatched) for the flags that disappeared and to the right (solid) for those that appeared, with the count beside each bar. The table below gives the same numbers with examples."
            ),
        ]
    }

    /// Per verdict two bars: before (light, dashed outline) and after (solid), labelled with the count.
    private func verdictsChart(_ summary: ImpactSummary) -> [String: Any] {
        let labelWidth = 200.0, barArea = 380.0, rowHeight = 44.0, top = 30.0
        let verdicts = ImpactSummary.verdicts
        let scale = LinearScale(covering: verdicts.flatMap { [Double(summary.verdictsBefore[$0] ?? 0), Double(summary.verdictsAfter[$0] ?? 0)] }, length: barArea)
        let names = ["indicated": say("geïndiceerd", "indicated"), "referral": say("eerst verwijzen", "refer first"), "not-indicated": say("niet geïndiceerd", "not indicated")]
        let rows: [[String: Any]] = verdicts.enumerated().map { index, verdict in
            let y = top + Double(index) * rowHeight
            let before = Double(summary.verdictsBefore[verdict] ?? 0), after = Double(summary.verdictsAfter[verdict] ?? 0)
            return [
                "name": names[verdict] ?? verdict, "nameY": coordinate(y + 18),
                "bars": [
                    ["kind": "verdict before", "x": coordinate(labelWidth), "y": coordinate(y), "width": coordinate(scale(before)), "labelX": coordinate(labelWidth + scale(before) + 6), "labelY": coordinate(y + 11), "label": say("voor ", "before ") + String(Int(before))],
                    ["kind": "verdict", "x": coordinate(labelWidth), "y": coordinate(y + 16), "width": coordinate(scale(after)), "labelX": coordinate(labelWidth + scale(after) + 6), "labelY": coordinate(y + 27), "label": say("na ", "after ") + String(Int(after))],
                ],
            ]
        }
        let height = top + Double(verdicts.count) * rowHeight + 8
        return [
            "width": coordinate(labelWidth + barArea + 120), "height": coordinate(height), "rows": rows,
            "ticks": scale.ticks.map { ["x": coordinate(labelWidth + scale($0)), "label": String(Int($0)), "y2": coordinate(height - 8)] },
            "axisY": coordinate(top - 12),
            "title": say("Trial-and-error-oordeel voor en na", "Trial-and-error verdict before and after"),
            "description": say(
                "Per oordeel twee balken: het aantal dossiers met de oude ruleset (licht, gestreepte rand) en met de nieuwe (effen), met het aantal erbij.",
                "Per verdict two bars: the dossiers under the old ruleset (light, dashed outline) and under the new one (solid), with the count beside each."
            ),
        ]
    }

    /// A from × to table of one domain's level transitions; cells shaded by their share of the domain's dossiers (the
    /// number always printed), the diagonal (unchanged) marked.
    private func levelTable(_ table: (domain: String, moved: Int, cells: [(from: String, to: String, dossiers: Int)]), summary: ImpactSummary) -> [String: Any] {
        let levels = summary.levelOrder.filter { level in table.cells.contains { $0.from == level || $0.to == level } }
            + (table.cells.contains { $0.from == "–" || $0.to == "–" } ? ["–"] : [])
        let total = max(1, table.cells.reduce(0) { $0 + $1.dossiers })
        return [
            "domain": table.domain, "moved": String(table.moved), "columns": levels,
            "rows": levels.map { from -> [String: Any] in
                [
                    "from": from,
                    "cells": levels.map { to -> [String: Any] in
                        let count = table.cells.first { $0.from == from && $0.to == to }?.dossiers ?? 0
                        let shade = count == 0 ? AgreementShade.full : AgreementShade(divergence: min(1, Double(count) / Double(total) * 2))
                        return ["value": String(count), "fill": shade.fill, "textColor": shade.text, "same": from == to]
                    },
                ]
            },
        ]
    }
}
