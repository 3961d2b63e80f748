import TotaalbeeldAgreement
import TotaalbeeldIntervision
import TotaalbeeldModel

/// How an intervision comparison is worded in one language: the evaluation format's values (`yes`,
/// `help-over-fear`, `labour-expert`, `adequaat`), judgement families, measurement levels, level ids,
/// alpha and why it is withheld — so no report mixes the format's codes into its language.
///
/// ```swift
/// let words = ComparisonWords(language: .nl, ruleset: ruleset)
/// words.approach("help-over-fear") // "helpen over angst heen"
/// ```
public struct ComparisonWords: Sendable {
    public let language: Language
    public let ruleset: Ruleset
    private var say: Vocabulary { Vocabulary(language: language) }

    public init(language: Language, ruleset: Ruleset) {
        self.language = language
        self.ruleset = ruleset
    }

    public func profession(_ id: String) -> String {
        switch id {
        case "labour-expert": say("arbeidsdeskundige", "labour expert")
        case "occupational-physician": say("bedrijfsarts", "occupational physician")
        case "insurance-physician": say("verzekeringsarts", "insurance physician")
        case "reintegration-professional": say("re-integratieprofessional", "reintegration professional")
        case "job-coach": say("jobcoach", "job coach")
        case "case-manager": say("casemanager", "case manager")
        default: id
        }
    }

    public func answer(_ value: String) -> String {
        switch value {
        case "yes": say("ja", "yes")
        case "no": say("nee", "no")
        case "unclear": say("onduidelijk", "unclear")
        default: value
        }
    }

    public func approach(_ value: String) -> String {
        switch value {
        case "explain": say("uitleggen", "explain")
        case "confront": say("confronteren", "confront")
        case "concrete-proposals": say("concrete voorstellen", "concrete proposals")
        case "help-over-fear": say("helpen over angst heen", "help over the fear")
        default: value
        }
    }

    /// Any answer in a cell, in words: levels by the ruleset's labels, placements and level-2 values by name.
    public func value(_ value: String, family: CellFamily) -> String {
        switch family {
        case .burden, .strength, .schema2: ruleset.scoring.level(id: value)?.label[language] ?? value
        case .willing, .able: answer(value)
        case .approach: approach(value)
        case .level2:
            switch value {
            case "adequaat": say("adequaat", "adequate")
            case "onrealistisch": say("onrealistisch", "unrealistic")
            case "onbekend": say("onbekend", "unknown")
            default: value
            }
        }
    }

    public func family(_ family: CellFamily) -> String {
        switch family {
        case .burden: say("belastend", "burden")
        case .strength: say("kracht", "strength")
        case .level2: say("niveau 2", "level 2")
        case .schema2: say("Schema 2", "Schema 2")
        case .willing: say("wil", "willing")
        case .able: say("kan", "able")
        case .approach: say("aanpak", "approach")
        }
    }

    /// A cell by what it is about: "belastend: Arbeidsverleden", "niveau 2: Toekomstvisie / Omgang met …", "wil".
    public func cell(_ cell: Cell) -> String {
        let parts = cell.subject.split(separator: "/").map(String.init)
        let subject: String = switch cell.family {
        case .burden, .strength: ruleset.domain(id: cell.subject)?.label[language] ?? cell.subject
        case .level2: (ruleset.domain(id: parts.first ?? "")?.label[language] ?? cell.subject) + " / " + (parts.count > 1 ? ruleset.dimension(id: parts[1])?.label[language] ?? parts[1] : "")
        case .schema2: ruleset.activity(id: cell.subject)?.label[language] ?? cell.subject
        case .willing, .able, .approach: ""
        }
        return subject.isEmpty ? family(cell.family) : family(cell.family) + ": " + subject
    }

    /// The name of an alpha: one family, or all ordinal or all categorical judgements together.
    public func agreementName(_ agreement: Comparison.Agreement) -> String {
        guard agreement.families.count > 1 else { return agreement.families.first.map(family) ?? agreement.name }
        let members = agreement.families.map(family).joined(separator: ", ")
        return agreement.level == .ordinal
            ? say("alle geordende oordelen (\(members))", "all ordered judgements (\(members))")
            : say("alle categorie-oordelen (\(members))", "all categorical judgements (\(members))")
    }

    public func measurementLevel(_ level: MeasurementLevel) -> String {
        switch level {
        case .nominal: say("categorieën", "categories")
        case .ordinal: say("geordend", "ordered")
        case .interval: say("interval", "interval")
        case .ratio: say("ratio", "ratio")
        }
    }

    /// How a cell spread: "matig (a, b); hoog (c)".
    public func spread(_ cell: Comparison.CellComparison) -> String {
        cell.spread.map { "\(value($0.value, family: cell.cell.family)) (\($0.raters.joined(separator: ", ")))" }.joined(separator: "; ")
    }

    /// What the engine's screening says about the cell: "score 9, behoefte hoog".
    public func engine(_ reading: Comparison.EngineReading?) -> String {
        guard let reading else { return "–" }
        let level = reading.level.map { ruleset.scoring.level(id: $0)?.label[language] ?? $0 }
        if let score = reading.score {
            return "score \(ReaderText.figure(score))" + (level.map { say(", behoefte ", ", support need ") + $0 } ?? "")
        }
        return level ?? "–"
    }

    /// Whether alpha is withheld: with fewer pairable units than ``Comparison/minimumUnits`` it says nothing.
    public func withheld(_ agreement: Comparison.Agreement) -> Bool {
        agreement.result.units < Comparison.minimumUnits || agreement.evaluations < Comparison.minimumRaters
    }

    /// Krippendorff's reading of alpha, the level that leads: ≥ 0.8 reliable, ≥ 0.667 tentative, below that not.
    public func alphaLevel(_ alpha: Double) -> String {
        alpha >= 0.8 ? say("betrouwbaar", "reliable") : alpha >= 0.667 ? say("voorlopig", "tentative") : say("onvoldoende", "insufficient")
    }

    /// Alpha as the reader sees it: the level first, the value and its 95% interval with two decimals;
    /// "niet berekend" when withheld or undefined.
    public func alpha(_ agreement: Comparison.Agreement) -> String {
        if withheld(agreement) { return say("niet getoond", "not shown") }
        guard let alpha = agreement.result.alpha else { return say("niet berekend", "not computed") }
        let interval = agreement.interval.map { say("; 95%-BI ", "; 95% CI ") + Self.twoDecimals($0.lower) + " – " + Self.twoDecimals($0.upper) } ?? ""
        return alphaLevel(alpha) + " (" + Self.twoDecimals(alpha) + interval + ")"
    }

    /// One sentence on why alpha is withheld or undefined; empty when it is shown.
    public func alphaNote(_ agreement: Comparison.Agreement) -> String {
        if agreement.evaluations < Comparison.minimumRaters {
            return say("Alfa vraagt minstens \(Comparison.minimumRaters) beoordelaars; hier is er \(agreement.evaluations).",
                       "Alpha needs at least \(Comparison.minimumRaters) raters; there is \(agreement.evaluations) here.")
        }
        if agreement.result.units < Comparison.minimumUnits {
            let units = agreement.result.units
            return say("Niet getoond: \(units == 1 ? "maar één oordeel" : "maar \(units) oordelen") om te vergelijken, en onder de \(Comparison.minimumUnits) zegt alfa niets over de overeenstemming.",
                       "Not shown: only \(units) \(units == 1 ? "judgement" : "judgements") to compare, and below \(Comparison.minimumUnits) alpha says nothing about agreement.")
        }
        switch agreement.result.undefinedReason {
        case .noPairableValues?: return say("Geen oordeel is door twee of meer beoordelaars gegeven.", "No judgement was given by two or more raters.")
        case .noVariation?: return say("Iedereen gaf overal hetzelfde antwoord: er is niets om tegen af te zetten.", "Everyone gave the same answer everywhere: there is nothing to set it against.")
        case .negativeRatioValue?: return say("Een ratioschaal vraagt waarden vanaf nul; er staat een negatieve waarde in.", "A ratio scale needs values from zero; there is a negative value.")
        case nil: return ""
        }
    }

    /// A question for one divergent cell, in the report's language.
    public func question(about cell: Comparison.CellComparison) -> String {
        say("\(self.cell(cell.cell)): \(spread(cell)). Wat zag ieder dat de ander niet zag, en welk bewijs zou je van mening doen veranderen?",
            "\(self.cell(cell.cell)): \(spread(cell)). What did each of you see that the other did not, and which evidence would change your mind?")
    }

    /// The questions for the group besides the norms question, worded in this language.
    public func followUpQuestions(_ comparison: Comparison) -> [String] {
        var questions = comparison.divergent.prefix(3).map(question(about:))
        if !comparison.evidence.isEmpty { questions.append(say(DiscussionQuestions.evidence.nl, DiscussionQuestions.evidence.en)) }
        return questions + DiscussionQuestions.generic.map { say($0.nl, $0.en) }
    }

    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return sign + "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }
}
