/// A term or context phrase of a ruleset, parsed into the token-level elements it matches.
///
/// The notation is the ruleset's (see `Rulesets/schema/ruleset-1.xsd`, type `Terms`):
/// - a word matches a token with the same folded key: "Ziekte" matches "ziekte", "ZIEKTÉ";
/// - a trailing `*` matches any continuation of the word, including none: "schuld*" matches
///   "schuld", "schulden", "schuldsanering", but never "onschuldig";
/// - `…` (or `...`) between words allows up to the context's `termGap` words in between, in the
///   declared order, for separable verbs and split phrases: "ziet … tegen op" matches
///   "ziet tegen op" and "ziet er erg tegen op".
/// ```swift
/// PhrasePattern("gevoelig* voor prikkels").elements // [.prefix("gevoelig"), .word("voor"), .word("prikkels")]
/// ```
public struct PhrasePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Element: Sendable, Hashable {
        case word(String)
        case prefix(String)
        case gap
    }

    public var source: String
    public var elements: [Element]

    /// Parses with the same tokenizer as the text, so apostrophes, hyphens and diacritics in a term
    /// fold exactly like they do in prose ("diploma's", "burn-out", "taalbarrière").
    public init(_ source: String) {
        self.source = source
        var elements: [Element] = []
        let tokens = Tokenizer.tokenize(source)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let starred = index + 1 < tokens.count && tokens[index + 1].key == "*" && tokens[index + 1].start == token.end
            if token.key == "…" {
                if let last = elements.last, last != .gap { elements.append(.gap) }
            } else if token.key == "*" {
                // A lone or leading star has nothing to extend; ignore it rather than match everything.
            } else if starred, token.isWord {
                elements.append(.prefix(token.key))
                index += 1
            } else {
                elements.append(.word(token.key))
            }
            index += 1
        }
        while elements.last == .gap { elements.removeLast() }
        self.elements = elements
    }

    public var description: String { source }
}
