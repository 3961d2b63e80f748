/// A term or context phrase of a ruleset, parsed into the token-level elements it matches.
///
/// The notation is the ruleset's (see `Rulesets/schema/ruleset-1.xsd`, type `Terms`):
/// - a word matches a token with the same folded key: "Ziekte" matches "ziekte", "ZIEKTÉ";
/// - a trailing `*` matches any continuation of the word, including none: "schuld*" matches
///   "schuld", "schulden", "schuldsanering", but never "onschuldig";
/// - `…` (or `...`) between words allows up to the context's `termGap` words in between, in the
///   declared order, for separable verbs and split phrases: "ziet … tegen op" matches
///   "ziet tegen op" and "ziet er erg tegen op";
/// - `a|b` (no spaces) matches either word, so one rule covers a small paradigm:
///   "met|bij zijn|haar vader|moeder" stands for eight phrases.
/// ```swift
/// PhrasePattern("gevoelig* voor prikkels").elements // [.prefix("gevoelig"), .word("voor"), .word("prikkels")]
/// ```
public struct PhrasePattern: Sendable, Hashable, CustomStringConvertible {
    public indirect enum Element: Sendable, Hashable {
        case word(String)
        case prefix(String)
        /// Any word with this Snowball stem. Not written in a ruleset: the analyzer derives it from a
        /// content word of a multi-word term under the context's `phraseInflection`.
        case stem(String)
        /// Any one of the alternatives (words or prefixes).
        case choice([Element])
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
        /// Whether token `index` is glued to the one before it (no space between).
        func glued(_ index: Int) -> Bool { index < tokens.count && tokens[index].start == tokens[index - 1].end }
        while index < tokens.count {
            let token = tokens[index]
            if token.key == "…" {
                if let last = elements.last, last != .gap { elements.append(.gap) }
                index += 1
                continue
            }
            guard token.isWord else {
                // Punctuation is matched as itself (";" as a terminator); a lone or leading "*" or
                // "|" has nothing to extend and is ignored rather than matching everything.
                if token.key != "*" && token.key != "|" { elements.append(.word(token.key)) }
                index += 1
                continue
            }
            var alternatives: [Element] = []
            while index < tokens.count, tokens[index].isWord {
                let starred = glued(index + 1) && tokens[index + 1].key == "*"
                alternatives.append(starred ? .prefix(tokens[index].key) : .word(tokens[index].key))
                index += starred ? 2 : 1
                // "a|b": another alternative follows the bar, glued on both sides.
                guard glued(index), index < tokens.count, tokens[index].key == "|", glued(index + 1), tokens[index + 1].isWord else { break }
                index += 1
            }
            elements.append(alternatives.count == 1 ? alternatives[0] : .choice(alternatives))
        }
        while elements.last == .gap { elements.removeLast() }
        self.elements = elements
    }

    public var description: String { source }
}
