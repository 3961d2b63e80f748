import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// The dossier's narratives cut into plain and marked segments, with an anchor per marked term.
///
/// Each mark carries its context as classes *and* as words (negated, historical, …), so meaning never rests on
/// colour alone. Overlapping hits are marked at the first one, as in the text report; a link to a hit that was
/// not marked falls back to its narrative.
struct NarrativeMarkup {
    private(set) var sections: [[String: Any]] = []
    private var anchors: Set<String> = []
    private var narratives: Set<String> = []

    static func anchor(_ element: String, _ start: Int) -> String { "t-\(element)-\(start)" }

    init(result: ScreeningResult, language: Language) {
        let say = Vocabulary(language: language)
        let byElement = result.narrativeFactsByElement()
        for narrative in result.dossier.screenedTexts {
            narratives.insert(narrative.id)
            let facts = byElement.facts[narrative.id] ?? []
            let segments = narrativeSegments(narrative, facts: facts).map { segment -> [String: Any] in
                guard let fact = segment.fact else { return ["text": segment.text] }
                let properties = say.properties(of: fact)
                var classes = ["hit"]
                if !fact.present { classes.append("negated") }
                if fact.historical { classes.append("historical") }
                if fact.resolved { classes.append("resolved") }
                if fact.hypothetical { classes.append("hypothetical") }
                if fact.uncertain { classes.append("uncertain") }
                if fact.experiencer == .other { classes.append("other") }
                if fact.assertion == .claim { classes.append("claim") }
                if classes.count == 1 || classes == ["hit", "claim"] { classes.append("affirmed") }
                let indicator = result.ruleset.indicator(id: fact.indicator)?.label[language] ?? fact.indicator
                let anchor = Self.anchor(narrative.id, segment.start)
                anchors.insert(anchor)
                return [
                    "mark": true, "text": segment.text, "anchor": anchor,
                    "classes": classes.joined(separator: " "),
                    "note": ([indicator] + properties).joined(separator: "; "),
                ]
            }
            let domain = result.ruleset.domain(id: narrative.domain)?.label[language]
            // Only a text under no theme is named by its heading; looked up only for those.
            let unassigned = domain == nil ? say.unassignedText(narrative.id, in: result.dossier) : nil
            sections.append([
                "id": narrative.id, "anchor": "n-" + narrative.id,
                "domain": domain ?? unassigned?.label ?? "",
                "hasHeading": unassigned?.heading != nil, "heading": unassigned?.heading ?? "", "headingWord": say.headingWord,
                "source": result.dossier.source(id: narrative.source)?.role ?? narrative.source,
                "line": String(narrative.location.line),
                "segments": segments,
                "notes": (byElement.cutSentences[narrative.id] ?? []).map { ScreeningReport(language: language).cutSentenceNote($0) },
            ])
        }
    }

    /// Where evidence in `element` starting at scalar `start` is shown, if anywhere.
    func link(element: String, start: Int?) -> String? {
        if let start, anchors.contains(Self.anchor(element, start)) { return "#" + Self.anchor(element, start) }
        return narratives.contains(element) ? "#n-" + element : nil
    }

    static func legend(_ language: Language) -> [[String: Any]] {
        let say = Vocabulary(language: language)
        return [
            ["classes": "hit affirmed", "sample": say("schulden", "debts"), "explanation": say("telt mee: doorgetrokken onderstreping, geel", "counts: solid underline, yellow")],
            ["classes": "hit negated", "sample": say("geen schulden", "no debts"), "explanation": say("ontkend: doorgestreept, telt niet", "negated: struck through, does not count")],
            ["classes": "hit historical", "sample": say("vroeger", "in the past"), "explanation": say("verleden: gestippelde onderstreping, cursief", "historical: dotted underline, italic")],
            ["classes": "hit hypothetical", "sample": say("als het misgaat", "if it fails"), "explanation": say("hypothetisch: gestreept kader, telt niet", "hypothetical: dashed box, does not count")],
            ["classes": "hit other", "sample": say("zijn partner", "his partner"), "explanation": say("ander persoon: dubbele onderstreping, telt niet", "other person: double underline, does not count")],
            ["classes": "hit uncertain", "sample": say("vermoedelijk schulden", "probably debts"), "explanation": say("mogelijk: golvende onderstreping, telt minder", "possible: wavy underline, counts less")],
            ["classes": "hit resolved", "sample": say("inmiddels afgelost", "paid off since"), "explanation": say("opgelost: omkaderd met een vinkje, telt niet als huidige belasting", "resolved: boxed with a tick, not a current burden")],
            ["classes": "hit claim affirmed", "sample": say("'ik kan niks'", "'I can't do anything'"), "explanation": say("bewering cliënt: aanhalingstekens, af te wegen tegen andere bronnen", "client's claim: quotation marks, to weigh against other sources")],
        ]
    }
}
