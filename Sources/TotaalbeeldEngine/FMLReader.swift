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
    /// Finds `schema2/physicianLimitCue`: words that make a physician's clause a limit ("maximaal", "niet langer dan").
    private let limitCueAnalyzer: NarrativeAnalyzer
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
        limitCueAnalyzer = NarrativeAnalyzer(indicators: ruleset.physicianLimitCues.isEmpty ? [] : [("", ruleset.physicianLimitCues)], context: ruleset.context)
    }

    /// One limit a physician's text states outside an FML: the clause as a limitation of the text's element, the
    /// activities its words name, and the weekly hours it allows.
    struct PhysicianLimit {
        var limitation: FML.Limitation
        /// Where the clause stands in the text, in Unicode scalars (as a fact's span): two limits of one text are two
        /// pieces of evidence.
        var span: ClosedRange<Int>
        var activities: [String]
        var weeklyCap: Int?
    }

    /// The limits in a physician's text (a narrative told by a physician, where the dossier has no FML): each clause
    /// (cut at sentence ends, colons, semicolons and commas) that names a limitation in the words "geen" or "niet"
    /// ("geen ploegendiensten"), or that has a limit cue (`schema2/physicianLimitCue`: "maximaal een half uur staan",
    /// "niet langer dan zes uur per dag"). A clause that says a function is not limited ("geen beperkingen voor
    /// zitten") or that only states a capacity ("belastbaar voor licht fysiek werk") limits nothing.
    func physicianLimits(in text: String, element: String, location: Location) -> [PhysicianLimit] {
        var limits: [PhysicianLimit] = []
        for (clause, span) in Self.clauses(of: text) {
            guard unlimitedAnalyzer.analyze(clause).isEmpty else { continue }
            let cued = !limitCueAnalyzer.analyze(clause).isEmpty
            let hits = limitAnalyzer.analyze(clause).filter { !$0.hypothetical && (cued || $0.negated) }
            var seen = Set<String>()
            let activities = hits.filter { seen.insert($0.indicator).inserted }.map(\.indicator)
            // Hours per day in a clause that names no activity are working time ("niet langer dan zes uur per dag");
            // with an activity they limit that activity ("maximaal twee uur per dag staan").
            let cap = cued && activities.isEmpty ? WorkHours.weeklyCap(in: clause, numberWords: true) : nil
            guard !activities.isEmpty || cap != nil else { continue }
            limits.append(PhysicianLimit(
                limitation: FML.Limitation(id: element, text: clause, activity: nil, location: location), span: span, activities: activities, weeklyCap: cap
            ))
        }
        return limits
    }

    /// The clauses of a text, cut at sentence ends, colons, semicolons, commas and line breaks, trimmed, each with its
    /// place in Unicode scalars.
    static func clauses(of text: String) -> [(String, ClosedRange<Int>)] {
        var result: [(String, ClosedRange<Int>)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        func flush(at end: Int) {
            let leading = current.prefix { $0.properties.isWhitespace }.count
            let trailing = current.reversed().prefix { $0.properties.isWhitespace }.count
            if leading < current.count {
                let clause = String(String.UnicodeScalarView(current.dropFirst(leading).dropLast(trailing)))
                result.append((clause, (start + leading)...(end - trailing - 1)))
            }
            current = String.UnicodeScalarView()
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if ".;:,\n".unicodeScalars.contains(scalar) {
                flush(at: offset)
                start = offset + 1
            } else {
                current.append(scalar)
            }
        }
        flush(at: text.unicodeScalars.count)
        return result
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
