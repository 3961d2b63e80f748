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

extension SentenceSplitter {
    /// Clause marks at which an over-long sentence is cut, most preferred first.
    static let clauseMarks: [String] = [";", ":", ","]

    /// `sentence` cut into pieces of at most `maxWords` words, at the last clause mark (";" before ":"
    /// before ",") that keeps a piece within the limit, or at the limit itself when a piece has none.
    /// A sentence within the limit is returned whole. One pass over the tokens.
    /// ```swift
    /// // 2,340 × ", geen schulden" in one sentence, maxWords 80 → pieces of about 80 words, cut at commas
    /// ```
    public static func pieces(of sentence: Sentence, tokens: [Token], maxWords: Int) -> [Sentence] {
        let limit = max(1, maxWords)
        var pieces: [Sentence] = []
        var first = sentence.tokens.lowerBound
        var words = 0
        // Per clause mark, the last token index in the current piece where it stands.
        var lastMark = Array(repeating: -1, count: clauseMarks.count)
        var index = first
        while index < sentence.tokens.upperBound {
            let token = tokens[index]
            if token.isWord {
                if words == limit {
                    // Cut after the best mark in this piece, or before this word.
                    let mark = lastMark.first { $0 >= first } ?? (index - 1)
                    pieces.append(Sentence(tokens: first..<(mark + 1), start: tokens[first].start, end: tokens[mark].end))
                    first = mark + 1
                    words = (first...index).reduce(0) { $0 + (tokens[$1].isWord ? 1 : 0) } - 1
                    lastMark = lastMark.map { $0 >= first ? $0 : -1 }
                }
                words += 1
            } else if token.kind == .punctuation, let rank = clauseMarks.firstIndex(of: token.key) {
                lastMark[rank] = index
            }
            index += 1
        }
        if first < sentence.tokens.upperBound {
            pieces.append(Sentence(tokens: first..<sentence.tokens.upperBound, start: tokens[first].start, end: sentence.end))
        }
        return pieces
    }
}
