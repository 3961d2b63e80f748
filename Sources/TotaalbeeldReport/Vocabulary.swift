import TotaalbeeldModel

/// The fixed words of the reports, in Dutch and English. Domain knowledge comes from the ruleset, not from here.
public struct Vocabulary: Sendable {
    public let language: Language
    public init(language: Language) { self.language = language }

    public func callAsFunction(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    public func role(_ polarity: Polarity) -> String {
        polarity == .burden ? self("belastend", "burden") : self("kracht", "strength")
    }

    public func properties(negated: Bool, historical: Bool, hypothetical: Bool, experiencer: Experiencer) -> [String] {
        var words: [String] = []
        if negated { words.append(self("ontkend", "negated")) }
        if historical { words.append(self("verleden", "historical")) }
        if hypothetical { words.append(self("hypothetisch", "hypothetical")) }
        if experiencer == .other { words.append(self("ander persoon", "other person")) }
        return words
    }
}
