import TotaalbeeldModel
import TotaalbeeldText

/// Reads the FML into Schema 2: which activity each limitation limits, and which activities a text (the
/// chosen direction) demands. What the words are is ruleset data (`activity/fromFml`, `activity/demands`).
///
/// ```swift
/// let reader = FMLReader(ruleset: ruleset)
/// reader.activities(of: limitation)            // ["samenwerken"] for "Beperkt: samenwerken."
/// reader.demands(in: "Werk in een klein team") // ["samenwerken"]
/// ```
struct FMLReader: Sendable {
    let ruleset: Ruleset
    private let limitAnalyzer: NarrativeAnalyzer
    private let demandAnalyzer: NarrativeAnalyzer

    init(ruleset: Ruleset) {
        self.ruleset = ruleset
        limitAnalyzer = NarrativeAnalyzer(indicators: ruleset.activities.compactMap { activity in activity.fromFML.map { (activity.id, $0.terms) } }, context: ruleset.context)
        demandAnalyzer = NarrativeAnalyzer(indicators: ruleset.activities.map { ($0.id, $0.demands) }.filter { !$0.1.isEmpty }, context: ruleset.context)
    }

    /// The activities a limitation limits: the one the dossier names, else those its words name (not negated).
    func activities(of limitation: FML.Limitation) -> [String] {
        if let activity = limitation.activity { return [activity] }
        var seen = Set<String>()
        return limitAnalyzer.analyze(limitation.text).filter { !$0.negated && seen.insert($0.indicator).inserted }.map(\.indicator)
    }

    /// Every activity with the FML limitations that limit it, in FML order.
    func limitationsByActivity(_ fml: FML?) -> [String: [FML.Limitation]] {
        guard let fml, fml.present else { return [:] }
        var result: [String: [FML.Limitation]] = [:]
        for item in fml.items {
            for activity in activities(of: item) { result[activity, default: []].append(item) }
        }
        return result
    }

    /// The activities a text demands, with the words that say so: affirmed, not hypothetical, about the work.
    func demands(in text: String) -> [(activity: String, words: String)] {
        demandAnalyzer.analyze(text).filter { !$0.negated && !$0.hypothetical }.map { ($0.indicator, $0.matchedText) }
    }
}
