import TotaalbeeldEngine
import TotaalbeeldModel

/// The fixed words of the reports, in Dutch and English. Domain knowledge comes from the ruleset, not from here.
public struct Vocabulary: Sendable {
    public let language: Language
    public init(language: Language) { self.language = language }

    public func callAsFunction(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

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

    /// The context words of a fact: "ontkend", "verleden", "opgelost", "hypothetisch", "mogelijk",
    /// "ander persoon", "bewering cliënt".
    public func properties(of fact: Fact) -> [String] {
        properties(
            negated: !fact.present, historical: fact.historical, hypothetical: fact.hypothetical, experiencer: fact.experiencer,
            uncertain: fact.uncertain, resolved: fact.resolved, assertion: fact.assertion
        )
    }
}
