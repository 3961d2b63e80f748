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
///   "met|bij zijn|haar vader|moeder" stands for eight phrases;
/// - `#jaar` matches a year (four digits, 1900–2099) and `#jaren` a period written as one word
///   ("2015-2017", the second year not before the first): "tot 19*|20*" also read "tot 20 uur",
///   "tot #jaar" reads only dates. See ``NumberClass``.
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
            if token.key == "#", glued(index + 1), let numberClass = NumberClass(rawValue: "#" + tokens[index + 1].key) {
                elements.append(.word(numberClass.rawValue))
                index += 2
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

/// Classes of numbers a pattern can name instead of a word (`#jaar`, `#jaren`). A token belongs to at
/// most one class, which the matcher looks up like one more word of the token: a date placed in the
/// past is the same phrase whatever the year.
public enum NumberClass: String, Sendable, CaseIterable {
    /// A year: four ASCII digits from 1900 to 2099 ("2019", not "20", "200" or "2000-tal").
    case year = "#jaar"
    /// A period written as one word: two years joined by a hyphen, the second not before the first
    /// ("2015-2017"; not "2017-2015", which is no period, nor "2015-17").
    case period = "#jaren"

    /// The class of a token's folded key (hyphens dropped), if any; costs one byte test for a token that does not start with a digit.
    public static func of(_ key: String) -> NumberClass? {
        guard let first = key.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        let utf8 = Array(key.utf8)
        func year(_ slice: ArraySlice<UInt8>) -> Int? {
            guard slice.count == 4, slice.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            let value = slice.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            return (1900...2099).contains(value) ? value : nil
        }
        if utf8.count == 4 { return year(utf8[...]) != nil ? .year : nil }
        // The key has lost the hyphen: "2015-2017" is folded to "20152017".
        if utf8.count == 8, let from = year(utf8[0..<4]), let to = year(utf8[4..<8]), from <= to {
            return .period
        }
        return nil
    }
}
