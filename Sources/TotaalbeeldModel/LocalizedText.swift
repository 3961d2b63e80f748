/// Text in Dutch and, where the ruleset provides it, English.
///
/// Dutch is the language of the field and is always present; English falls back to Dutch.
/// ```swift
/// let label = LocalizedText(nl: "Schulden", en: "Debts")
/// label[.en] // "Debts"
/// ```
public struct LocalizedText: Sendable, Hashable {
    public var nl: String
    public var en: String?

    public init(nl: String, en: String? = nil) {
        self.nl = nl
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .nl: nl
        case .en: en ?? nl
        }
    }
}

public enum Language: String, Sendable, CaseIterable {
    case nl, en
}
