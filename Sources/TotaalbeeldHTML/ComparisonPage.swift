import Foundation
import TotaalbeeldEngine
import TotaalbeeldIntervision
import TotaalbeeldModel
import TotaalbeeldReport

/// The values the `compare` template shows: heat maps of agreement, the willing/able scatter,
/// the largest divergences with who said what on which evidence, alpha, and the questions.
public struct ComparisonPage: Sendable {
    public let language: Language
    /// How many divergent cells are shown in full, with each rater's answer and evidence.
    public let divergenceLimit: Int
    public init(language: Language = .nl, divergenceLimit: Int = 8) {
        self.language = language
        self.divergenceLimit = divergenceLimit
    }

    private var say: Vocabulary { Vocabulary(language: language) }

    /// `elements` (from `EvaluationLoader.citableElements`) lets the page quote the evidence each rater cites.
    public func context(for comparison: Comparison, ruleset: Ruleset, elements: [String: CitableElement] = [:]) -> [String: Any] {
        let words = ComparisonWords(language: language, ruleset: ruleset)
        func element(_ id: String) -> [String: Any] {
            var values: [String: Any] = ["anchor": "e-" + id]
            if let known = elements[id] {
                values["line"] = String(known.location.line)
                values["excerpt"] = known.excerpt.isEmpty ? "<\(known.kind)>" : known.excerpt
            } else {
                values["excerpt"] = id
            }
            return values
        }
        let report = ComparisonReport(language: language)
        let numbers = Dictionary(uniqueKeysWithValues: comparison.raters.enumerated().map { ($0.element.rater, $0.offset + 1) })
        return [
            "lang": language.rawValue,
            "dossierLang": ScreeningPage.dossierLanguage,
            "t": PageLabels.compare(language),
            "dossier": comparison.dossier,
            "ruleset": ["id": ruleset.id, "version": ruleset.version, "checksum": "sha256:" + ruleset.checksum],
            "raters": comparison.raters.map { ["number": String(numbers[$0.rater] ?? 0), "id": $0.rater, "profession": words.profession($0.profession)] },
            "heatmaps": heatmaps(comparison, words: words),
            "scale": AgreementShade.allCases.map { shade in
                ["fill": shade.fill, "text": shade.text, "label": ["1", "≥ 0.75", "≥ 0.5", "≥ 0.25", "< 0.25"][shade.rawValue]]
            },
            "scatter": scatter(comparison, numbers: numbers, words: words),
            "placements": comparison.placements.map { placement in
                [
                    "number": String(numbers[placement.rater] ?? 0), "rater": placement.rater, "profession": words.profession(placement.profession),
                    "willing": words.answer(placement.willing), "able": words.answer(placement.able),
                    "approach": words.approach(placement.approach), "suggested": placement.suggested.map(words.approach) ?? "–",
                    "differs": placement.suggested != nil && placement.suggested != placement.approach,
                ] as [String: Any]
            },
            "normsQuestion": comparison.normsQuestion,
            "norms": report.question(DiscussionQuestions.norms),
            "divergences": comparison.divergent.prefix(divergenceLimit).enumerated().map { index, cell in
                [
                    "rank": String(index + 1), "cell": words.cell(cell.cell), "divergence": ReaderText.figure(cell.divergence),
                    "engine": words.engine(cell.engineReading),
                    "answers": cell.answers.map { answer in
                        [
                            "number": String(numbers[answer.rater] ?? 0), "rater": answer.rater, "profession": words.profession(answer.profession),
                            "value": words.value(answer.value, family: cell.cell.family),
                            "cites": answer.cites.map { id in ["line": elements[id].map { String($0.location.line) } ?? "?", "href": "#e-" + id] },
                            "citesNothing": answer.cites.isEmpty,
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
            "moreDivergences": comparison.divergent.count > divergenceLimit
                ? [say("En nog \(comparison.divergent.count - divergenceLimit) oordelen met verschillen; zie de tekst- of JSON-uitvoer.", "And \(comparison.divergent.count - divergenceLimit) more judgements with differences; see the text or JSON output.")]
                : [String](),
            "noDivergences": comparison.divergent.isEmpty,
            "agreements": comparison.agreements.map { agreement in
                [
                    "name": words.agreementName(agreement), "level": words.measurementLevel(agreement.level), "alpha": words.alpha(agreement),
                    "units": String(agreement.result.units), "raters": String(agreement.result.raters), "warning": words.alphaNote(agreement),
                ]
            },
            "evidence": comparison.evidence.map { use in
                element(use.element).merging(["citedBy": use.citedBy.joined(separator: ", "), "ignoredBy": use.ignoredBy.joined(separator: ", ")]) { first, _ in first }
            },
            "common": comparison.citedByAll.map(element),
            "questions": words.followUpQuestions(comparison),
        ]
    }

    // MARK: Heat maps

    /// Three grids on one colour scale: domains × (burden, strength, level-2 dimensions), Schema 2 activities, placement.
    private func heatmaps(_ comparison: Comparison, words: ComparisonWords) -> [[String: Any]] {
        let ruleset = words.ruleset
        let byCell = Dictionary(uniqueKeysWithValues: comparison.cells.map { ($0.cell, $0) })
        let dimensions = ruleset.dimensions.filter { dimension in comparison.cells.contains { $0.cell.family == .level2 && $0.cell.subject.hasSuffix("/" + dimension.id) } }
        var grids: [[String: Any]] = []

        let domainColumns: [(String, (String) -> Cell)] = [
            (words.family(.burden), { Cell(.burden, $0) }), (words.family(.strength), { Cell(.strength, $0) }),
        ] + dimensions.map { dimension in (words.family(.level2) + ": " + dimension.label[language], { Cell(.level2, $0 + "/" + dimension.id) }) }
        let domains = ruleset.domains.filter { domain in domainColumns.contains { byCell[$0.1(domain.id)] != nil } }
        if !domains.isEmpty {
            grids.append(grid(say("Schema 1 per domein", "Schema 1 per domain"), rows: domains.map { ($0.label[language], $0.id) }, columns: domainColumns, cells: byCell, words: words))
        }
        let activities = ruleset.activities.filter { byCell[Cell(.schema2, $0.id)] != nil }
        if !activities.isEmpty {
            grids.append(grid(say("Schema 2 per activiteit", "Schema 2 per activity"), rows: activities.map { $0.label[language] }.enumerated().map { ($0.element, activities[$0.offset].id) },
                              columns: [(words.family(.schema2), { Cell(.schema2, $0) })], cells: byCell, words: words))
        }
        if [CellFamily.willing, .able, .approach].contains(where: { byCell[Cell($0)] != nil }) {
            grids.append(grid(say("Plaatsing", "Placement"), rows: [(say("cliënt", "client"), "")],
                              columns: [CellFamily.willing, .able, .approach].map { family in (words.family(family), { _ in Cell(family) }) }, cells: byCell, words: words))
        }
        return grids
    }

    private func grid(_ title: String, rows: [(label: String, id: String)], columns: [(String, (String) -> Cell)], cells: [Cell: Comparison.CellComparison], words: ComparisonWords) -> [String: Any] {
        // Column labels are set at −40°, so long level-2 names fit; header height and the overhang on the right
        // follow the longest label (about 7 px per character at 12 px).
        let longest = Double(columns.map(\.0.count).max() ?? 0) * 7
        let labelWidth = 230.0, cellWidth = 80.0, cellHeight = 30.0
        let headerHeight = max(40, longest * 0.643 + 20), overhang = max(20, longest * 0.766 - cellWidth / 2 + 10)
        return [
            "title": title,
            "width": coordinate(labelWidth + Double(columns.count) * cellWidth + overhang),
            "height": coordinate(headerHeight + Double(rows.count) * cellHeight + 6),
            "columns": columns.enumerated().map { index, column in
                let x = labelWidth + Double(index) * cellWidth + cellWidth / 2
                return ["label": column.0, "x": coordinate(x), "y": coordinate(headerHeight - 8), "transform": "rotate(-40 \(coordinate(x)) \(coordinate(headerHeight - 8)))"]
            },
            "rows": rows.enumerated().map { rowIndex, row in
                let y = headerHeight + Double(rowIndex) * cellHeight
                return [
                    "label": row.label, "labelY": coordinate(y + cellHeight / 2 + 4),
                    "cells": columns.enumerated().map { columnIndex, column -> [String: Any] in
                        let x = labelWidth + Double(columnIndex) * cellWidth
                        var values: [String: Any] = ["x": coordinate(x + 1), "y": coordinate(y + 1), "width": coordinate(cellWidth - 2), "height": coordinate(cellHeight - 2),
                                                     "textX": coordinate(x + cellWidth / 2), "textY": coordinate(y + cellHeight / 2 + 4)]
                        if let cell = cells[column.1(row.id)] {
                            let shade = AgreementShade(divergence: cell.divergence)
                            values["fill"] = shade.fill
                            values["textColor"] = shade.text
                            values["value"] = ReaderText.figure(1 - cell.divergence)
                            values["tooltip"] = "\(row.label) — \(column.0): " + words.spread(cell)
                        } else {
                            values["empty"] = true
                        }
                        return values
                    },
                ] as [String: Any]
            },
        ]
    }

    // MARK: Scatter

    /// Figure 1 as a 3 × 3 grid: willing (no, unclear, yes) left to right, able (yes, unclear, no) top to bottom;
    /// 'unclear' sits on the line between two quadrants. Raters in the same spot are set around it in a ring.
    private func scatter(_ comparison: Comparison, numbers: [String: Int], words: ComparisonWords) -> [String: Any] {
        let margin = 95.0, size = 320.0
        func position(_ value: String) -> Double? { ["no": 1.0 / 6, "unclear": 0.5, "yes": 5.0 / 6][value] }
        var spots: [String: [Comparison.PlacementReading]] = [:]
        for placement in comparison.placements { spots[placement.willing + "|" + placement.able, default: []].append(placement) }
        var points: [[String: Any]] = []
        for (key, group) in spots.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "|").map(String.init)
            guard let wx = position(parts[0]), let ay = position(parts[1]) else { continue }
            let cx = margin + wx * size, cy = margin + (1 - ay) * size
            for (index, placement) in group.enumerated() {
                let angle = group.count == 1 ? 0 : Double(index) / Double(group.count) * 2 * Double.pi
                let radius = group.count == 1 ? 0.0 : 24.0
                let x = cx + radius * cos(angle), y = cy + radius * sin(angle)
                points.append(["x": coordinate(x), "y": coordinate(y), "textY": coordinate(y + 5), "number": String(numbers[placement.rater] ?? 0),
                               "tooltip": "\(placement.rater) (\(words.profession(placement.profession))): \(say("wil", "willing")) \(words.answer(placement.willing)), \(say("kan", "able")) \(words.answer(placement.able)); \(words.approach(placement.approach))"])
            }
        }
        let mid = margin + size / 2
        return [
            "width": coordinate(size + 2 * margin), "height": coordinate(size + 2 * margin),
            "left": coordinate(margin), "top": coordinate(margin), "size": coordinate(size), "half": coordinate(size / 2), "mid": coordinate(mid),
            "right": coordinate(margin + size), "bottom": coordinate(margin + size),
            "points": points,
            "quadrants": [
                ["label": words.approach("confront"), "x": coordinate(margin + size / 4), "y": coordinate(margin + 18)],
                ["label": words.approach("explain"), "x": coordinate(margin + 3 * size / 4), "y": coordinate(margin + 18)],
                ["label": words.approach("help-over-fear"), "x": coordinate(margin + size / 4), "y": coordinate(margin + size - 10)],
                ["label": words.approach("concrete-proposals"), "x": coordinate(margin + 3 * size / 4), "y": coordinate(margin + size - 10)],
            ],
            "xTicks": ["no", "unclear", "yes"].map { ["label": words.answer($0), "x": coordinate(margin + position($0)! * size), "y": coordinate(margin + size + 22)] },
            "yTicks": ["yes", "unclear", "no"].map { ["label": words.answer($0), "x": coordinate(margin - 10), "y": coordinate(margin + (1 - position($0)!) * size + 4)] },
            "xTitle": say("wil (onwil ← → wil)", "willing (unwilling ← → willing)"), "xTitleX": coordinate(mid), "xTitleY": coordinate(margin + size + 50),
            "yTitle": say("kan (onmacht ↓ ↑ kan)", "able (unable ↓ ↑ able)"), "yTitleX": coordinate(14), "yTitleY": coordinate(mid),
            "yTitleTransform": "rotate(-90 14 \(coordinate(mid)))",
        ]
    }
}
