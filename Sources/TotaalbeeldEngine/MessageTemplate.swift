import TotaalbeeldModel

/// A rule's message or question with its `{item}` placeholders found once, when the engine is built for a
/// ruleset, instead of searched for in every flag: filling it is one concatenation. The result is exactly what
/// `String.replacing("{item}", with:)` gives (the placeholders are found by the same, character-wise search).
///
/// ```swift
/// let template = MessageTemplate("Geen informatie over {item}.")
/// template.filled(with: "Financiën") // "Geen informatie over Financiën."
/// ```
struct MessageTemplate: Sendable {
    enum Segment: Sendable {
        case literal(String)
        case item
    }

    static let placeholder = "{item}"
    let segments: [Segment]
    /// The text itself when it has no placeholder (filling it then allocates nothing).
    private let plain: String?

    init(_ text: String) {
        var segments: [Segment] = []
        var cursor = text.startIndex
        for range in text.ranges(of: Self.placeholder) {
            if cursor < range.lowerBound { segments.append(.literal(String(text[cursor..<range.lowerBound]))) }
            segments.append(.item)
            cursor = range.upperBound
        }
        if cursor < text.endIndex { segments.append(.literal(String(text[cursor...]))) }
        self.segments = segments
        plain = segments.contains { if case .item = $0 { true } else { false } } ? nil : text
    }

    func filled(with value: String) -> String {
        if let plain { return plain }
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .item: out += value
            }
        }
        return out
    }
}

/// A ``LocalizedText`` template: Dutch always, English when the ruleset gives it (else the Dutch one stands in,
/// as ``LocalizedText`` itself does).
struct LocalizedTemplate: Sendable {
    let nl: MessageTemplate
    let en: MessageTemplate?

    init(_ text: LocalizedText) {
        nl = MessageTemplate(text.nl)
        en = text.en.map(MessageTemplate.init)
    }

    func filled(with value: LocalizedText) -> LocalizedText {
        LocalizedText(nl: nl.filled(with: value.nl), en: en.map { $0.filled(with: value[.en]) })
    }
}

/// A flag rule's message and question compiled; a question that embeds a gespreksmodel theme's question
/// (`{question}`) is compiled once per theme of the ruleset, with that theme's question in it.
struct RuleTemplates: Sendable {
    let message: LocalizedTemplate
    let question: LocalizedTemplate
    let questionPerTheme: [String: LocalizedTemplate]

    init(_ rule: FlagRule, themes: [ConversationTheme]) {
        message = LocalizedTemplate(rule.message)
        question = LocalizedTemplate(rule.question)
        var perTheme: [String: LocalizedTemplate] = [:]
        if Self.embedsThemeQuestion(rule.question) {
            for theme in themes where perTheme[theme.id] == nil {
                perTheme[theme.id] = LocalizedTemplate(Self.withThemeQuestion(rule.question, theme))
            }
        }
        questionPerTheme = perTheme
    }

    static let themeQuestion = "{question}"

    static func embedsThemeQuestion(_ text: LocalizedText) -> Bool {
        text.nl.contains(themeQuestion) || (text.en?.contains(themeQuestion) ?? false)
    }

    /// The question with the theme's own question in place of `{question}`, before `{item}` is filled.
    static func withThemeQuestion(_ text: LocalizedText, _ theme: ConversationTheme) -> LocalizedText {
        LocalizedText(
            nl: text.nl.replacing(themeQuestion, with: theme.question.nl),
            en: text.en.map { $0.replacing(themeQuestion, with: theme.question[.en]) }
        )
    }
}
