import TotaalbeeldEngine
import TotaalbeeldModel

/// The fixed words of the reports, in Dutch and English. Domain knowledge comes from the ruleset, not from here.
public struct Vocabulary: Sendable {
    public let language: Language
    public init(language: Language) { self.language = language }

    public func callAsFunction(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    /// How the annotated text names an unassigned text: "text under no theme", and the heading it stood under, which is
    /// the dossier's words (a report quotes it in the dossier's language).
    public func unassignedText(_ id: String, in dossier: Dossier) -> (label: String, heading: String?) {
        (self("tekst zonder thema", "text under no theme"), dossier.unassigned.first { $0.id == id }?.heading)
    }

    /// The word before a quoted heading: "kop", "heading".
    public var headingWord: String { self("kop", "heading") }

    public func role(_ polarity: Polarity) -> String {
        polarity == .burden ? self("belastend", "burden") : self("kracht", "strength")
    }

    public func properties(
        negated: Bool, historical: Bool, hypothetical: Bool, experiencer: Experiencer,
        uncertain: Bool = false, resolved: Bool = false, assertion: Assertion = .finding
    ) -> [String] {
        var words: [String] = []
        if negated { words.append(self("ontkend", "negated")) }
        if historical { words.append(self("verleden", "historical")) }
        if resolved { words.append(self("opgelost", "resolved")) }
        if hypothetical { words.append(self("hypothetisch", "hypothetical")) }
        if uncertain { words.append(self("mogelijk", "possible")) }
        if experiencer == .other { words.append(self("ander persoon", "other person")) }
        if assertion == .claim { words.append(self("bewering cliënt", "client's claim")) }
        return words
    }

    /// One flag of a kind, as a noun: "3× lacune".
    public func kindNoun(_ kind: FlagRule.Kind) -> String {
        switch kind {
        case .inconsistency: self("inconsistentie", "inconsistency")
        case .gap: self("lacune", "gap")
        case .quality: self("kwaliteitspunt", "information-quality point")
        case .judgementRisk: self("oordeelsrisico", "judgement risk")
        }
    }

    /// The step of the weighing (seed 000), capitalised as a label.
    public func phase(_ phase: FlagRule.Phase) -> String {
        switch phase {
        case .beeldvorming: self("Beeldvorming", "Forming the picture")
        case .oordeelsvorming: self("Oordeelsvorming", "Forming a judgement")
        case .besluitvorming: self("Besluitvorming", "Deciding")
        }
    }

    public func severity(_ severity: Flag.Severity) -> String {
        switch severity {
        case .serious: self("ernstig", "serious")
        case .warning: self("let op", "warning")
        case .info: self("ter info", "for information")
        }
    }

    /// The heading of a severity section: "Ernstig", "Let op", "Ter info".
    public func severityHeading(_ severity: Flag.Severity) -> String {
        switch severity {
        case .serious: self("Ernstig", "Serious")
        case .warning: self("Let op", "Warning")
        case .info: self("Ter info", "For information")
        }
    }

    /// "r. 48" / "l. 48".
    public func line(_ number: Int) -> String { self("r. ", "l. ") + "\(number)" }

    /// "+27 meer".
    public func more(_ count: Int) -> String { self("+\(count) meer", "+\(count) more") }
    /// The context words of a fact: "ontkend", "verleden", "opgelost", "hypothetisch", "mogelijk",
    /// "ander persoon", "bewering cliënt".
    /// A quote with mistyped words ends with what was read: "gelezen als: klachetn → klachten".
    public func properties(of fact: Fact) -> [String] {
        properties(
            negated: !fact.present, historical: fact.historical, hypothetical: fact.hypothetical, experiencer: fact.experiencer,
            uncertain: fact.uncertain, resolved: fact.resolved, assertion: fact.assertion
        ) + (fact.spelling.isEmpty ? [] : [self("gelezen als: ", "read as: ") + fact.spelling.joined(separator: ", ")])
    }
}

