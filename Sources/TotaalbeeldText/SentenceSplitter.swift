/// A sentence of the analysed text: its token range and its scalar range.
public struct Sentence: Sendable, Hashable {
    /// Indices into the token array the sentence was split from.
    public var tokens: Range<Int>
    /// Unicode-scalar offsets into the analysed text, end exclusive.
    public var start: Int
    public var end: Int
}

/// Splits tokenised Dutch text into sentences.
///
/// A sentence ends at ".", "!", "?" or an ellipsis when what follows looks like a new sentence (a
/// capital, a digit, an opening quote or the end of the text); closing quotes and brackets stay with
/// the sentence they close. Abbreviations are single tokens ("o.a.", "dhr."), so their periods
/// never end a sentence; "etc." and its kind end one only before a capital. A blank line, or a
/// line that starts with a list marker, always starts a new sentence; a single line break inside
/// prose does not, because dossier text is often wrapped.
/// ```swift
/// let text = Array("Dhr. Jansen heeft o.a. schulden. Hij drinkt niet…".unicodeScalars)
/// SentenceSplitter.split(text, tokens: Tokenizer.tokenize(text)).count // 2
/// ```
public enum SentenceSplitter {
    static let terminals: Set<String> = [".", "!", "?", "…"]
    static let closers: Set<String> = ["'", "\"", ")", "]", "»"]
    static let openers: Set<String> = ["'", "\"", "(", "[", "«"]
    static let listMarkers: Set<String> = ["-", "•", "*", "·", "▪"]

    public static func split(_ scalars: [Unicode.Scalar], tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        func close(through last: Int) {
            guard last >= first else { return }
            sentences.append(Sentence(tokens: first..<(last + 1), start: tokens[first].start, end: tokens[last].end))
            first = last + 1
        }
        var index = 0
        while index < tokens.count {
            if index > first, startsNewLine(scalars, tokens: tokens, at: index) {
                close(through: index - 1)
                continue
            }
            let token = tokens[index]
            if endsSentence(token, scalars: scalars, tokens: tokens, at: index) {
                var last = index
                // The period in ". " or "?'" is followed by its closing quote or bracket.
                while last + 1 < tokens.count, closers.contains(tokens[last + 1].key), tokens[last + 1].start == tokens[last].end {
                    last += 1
                }
                close(through: last)
                index = last + 1
                continue
            }
            index += 1
        }
        close(through: tokens.count - 1)
        return sentences
    }

    private static func endsSentence(_ token: Token, scalars: [Unicode.Scalar], tokens: [Token], at index: Int) -> Bool {
        let isTerminal = token.kind == .punctuation && terminals.contains(token.key)
        guard isTerminal || token.kind == .finalAbbreviation else { return false }
        // Skip closing quotes and brackets to find what follows the sentence.
        var next = index + 1
        while next < tokens.count, closers.contains(tokens[next].key), tokens[next].start == tokens[next - 1].end { next += 1 }
        guard next < tokens.count else { return true }
        // "(…)" marks an omission inside a quote, not the end of a sentence.
        if token.key == "…", index > 0, tokens[index - 1].key == "(" { return false }
        // Terminal punctuation glued to the next word ("05.00" is one token, so this is "a.b" text).
        if tokens[next].start == tokens[next - 1].end, !closers.contains(tokens[next - 1].key) { return false }
        let following = scalars[tokens[next].start]
        if token.kind == .finalAbbreviation || token.key == "…" {
            return following.properties.isUppercase || openers.contains(tokens[next].key) && tokens[next].key != "("
        }
        if following.properties.isLowercase { return false }
        return true
    }

    /// A blank line, or a line break before a list marker, separates sentences.
    private static func startsNewLine(_ scalars: [Unicode.Scalar], tokens: [Token], at index: Int) -> Bool {
        var newlines = 0
        for position in tokens[index - 1].end..<tokens[index].start where scalars[position] == "\n" || scalars[position] == "\u{2029}" {
            newlines += 1
        }
        if newlines >= 2 { return true }
        return newlines == 1 && listMarkers.contains(tokens[index].key)
    }
}
