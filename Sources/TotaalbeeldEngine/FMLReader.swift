import TotaalbeeldModel
import TotaalbeeldText

/// Reads the FML into Schema 2: which activity each limitation limits, which activities a text (the chosen
/// direction) demands, and for which activities the assessment's own words name support. What the words are is
/// ruleset data (`activity/fromFml`, `activity/demands`, `activity/supportNamed`, `schema2/supportNamed`).
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
    private let supportAnalyzer: NarrativeAnalyzer
    /// Finds `schema2/fmlUnlimited`: a line that says a function is not limited.
    private let unlimitedAnalyzer: NarrativeAnalyzer
    /// The analyser's key for `schema2/supportNamed`: no activity id is empty.
    private static let everyActivity = ""

    init(ruleset: Ruleset) {
        self.ruleset = ruleset
        var support = ruleset.activities.map { ($0.id, $0.supportNamed) }.filter { !$0.1.isEmpty }
        if !ruleset.supportNamedForEveryActivity.isEmpty { support.append((Self.everyActivity, ruleset.supportNamedForEveryActivity)) }
        supportAnalyzer = NarrativeAnalyzer(indicators: support, context: ruleset.context)
        limitAnalyzer = NarrativeAnalyzer(indicators: ruleset.activities.compactMap { activity in activity.fromFML.map { (activity.id, $0.terms) } }, context: ruleset.context)
        demandAnalyzer = NarrativeAnalyzer(indicators: ruleset.activities.map { ($0.id, $0.demands) }.filter { !$0.1.isEmpty }, context: ruleset.context)
        unlimitedAnalyzer = NarrativeAnalyzer(indicators: ruleset.fmlUnlimited.isEmpty ? [] : [("", ruleset.fmlUnlimited)], context: ruleset.context)
    }

    /// The activities a limitation limits: the one the dossier names, else those its words name. An FML line limits
    /// what it names also in the words "geen" or "niet" ("Geen nachtdiensten", "Niet knielen"); a line that says a
    /// function is not limited (`schema2/fmlUnlimited`: "Geen beperkingen voor zitten") limits nothing.
    func activities(of limitation: FML.Limitation) -> [String] {
        if let activity = limitation.activity { return [activity] }
        if !unlimitedAnalyzer.analyze(limitation.text).isEmpty { return [] }
        var seen = Set<String>()
        return limitAnalyzer.analyze(limitation.text).filter { seen.insert($0.indicator).inserted }.map(\.indicator)
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

    /// From one reading of a text: the activities it demands, with the words that say so (affirmed, not hypothetical,
    /// about the work), and the demands it rules out ("geen werk boven schouderhoogte", "zonder tillen"), folded: a
    /// limitation that names them is one the text has worked in.
    func demands(in text: String) -> (demanded: [(activity: String, words: String)], ruledOut: [String]) {
        let hits = demandAnalyzer.analyze(text).filter { !$0.hypothetical }
        return (hits.filter { !$0.negated }.map { ($0.indicator, $0.matchedText) }, hits.filter(\.negated).map { $0.matchedText.lowercased() })
    }

    /// The activities whose support the texts (the assessment's conclusions and direction) name: affirmed, not
    /// hypothetical. "Zonder begeleiding" names none; a sub-activity counts its parent's words.
    func activitiesWithSupportNamed(in texts: [String]) -> Set<String> {
        var named = Set<String>()
        for text in texts {
            for hit in supportAnalyzer.analyze(text) where !hit.negated && !hit.hypothetical {
                if hit.indicator == Self.everyActivity { return Set(ruleset.activities.map(\.id)) }
                named.insert(hit.indicator)
            }
        }
        for activity in ruleset.activities { if let parent = activity.parent, named.contains(parent) { named.insert(activity.id) } }
        return named
    }
}
