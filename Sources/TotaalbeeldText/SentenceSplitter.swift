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
/// never end a sentence; "etc." and its kind end one only before a capital.
///
/// **Line breaks.** Dossier prose is often wrapped, and intake notes are written line by line, so a
/// single line break is judged by the shape of the lines around it. A blank line always ends a
/// sentence. A single line break ends one when
/// - the next line starts a list item: a bullet (`-`, `•`, `*`, `·`, `▪`) or a number or letter with
///   `.` or `)` ("1.", "2)", "a)");
/// - the next line starts with a label and a colon ("Schulden: ja", "Sociale situatie: …");
/// - the line ends with a colon, or with `.`, `!`, `?` (even when the next line starts in lower case);
/// - the line could not have been wrapped: it is narrow, or much shorter than the widest line of its
///   block (lines between blank lines), so the next word would have fitted on it — a heading, or a
///   note. A wrap leaves at most one word's room (``wrapSlack`` characters);
/// - the next line starts with a capital while the line ends in neither a comma nor a word that cannot
///   end a sentence.
/// A line that ends in a comma, a hyphen or a word that cannot end a Dutch sentence (an article, a
/// preposition, a conjunction, a possessive: "bij", "de", "en", "zijn") continues on the next line.
/// ```swift
/// let text = Array("Dhr. Jansen heeft o.a. schulden. Hij drinkt niet…".unicodeScalars)
/// SentenceSplitter.split(text, tokens: Tokenizer.tokenize(text)).count // 2
/// // "Hij heeft geen schulden\nvroeger dronk hij" → 2 sentences; "Hij woont in bij\nzijn ouders" → 1
/// ```
public enum SentenceSplitter {
    static let terminals: Set<String> = [".", "!", "?", "…"]
    static let closers: Set<String> = ["'", "\"", ")", "]", "»"]
    static let openers: Set<String> = ["'", "\"", "(", "[", "«"]
    static let listMarkers: Set<String> = ["-", "•", "*", "·", "▪"]

    public static func split(_ scalars: [Unicode.Scalar], tokens: [Token]) -> [Sentence] {
        let lines = LineShapes(scalars)
        var sentences: [Sentence] = []
        var first = 0
        func close(through last: Int) {
            guard last >= first else { return }
            sentences.append(Sentence(tokens: first..<(last + 1), start: tokens[first].start, end: tokens[last].end))
            first = last + 1
        }
        var index = 0
        while index < tokens.count {
            if index > first, startsNewLine(scalars, tokens: tokens, at: index, lines: lines) {
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

    /// Lines narrower than this (characters, indentation included) are never wrapped prose.
    static let narrowLine = 45
    /// How much shorter than its block's widest line a wrapped line can be: about one long word.
    static let wrapSlack = 22
    /// Words that cannot end a Dutch sentence: a line ending in one continues on the next.
    static let continuing: Set<String> = [
        "de", "het", "een", "en", "of", "maar", "want", "dus", "dat", "die", "als", "om", "te", "tot", "van", "met", "bij", "in",
        "op", "aan", "voor", "naar", "door", "over", "uit", "onder", "tussen", "na", "sinds", "zonder", "tegen", "per", "vanuit",
        "zijn", "haar", "hun", "mijn", "je", "jouw", "uw", "ons", "onze", "deze", "dit", "zo'n", "zon", "omdat", "doordat",
        "waardoor", "terwijl", "hoewel", "wanneer", "indien", "zodat", "waarbij", "welke", "wiens", "nog", "ook", "zeer", "erg",
    ]

    /// Whether a line break between tokens `index - 1` and `index` ends a sentence (see the type's notes).
    private static func startsNewLine(_ scalars: [Unicode.Scalar], tokens: [Token], at index: Int, lines: LineShapes) -> Bool {
        var newlines = 0
        var lastBreak = -1
        for position in tokens[index - 1].end..<tokens[index].start where LineShapes.isLineBreak(scalars[position]) {
            newlines += 1
            lastBreak = position
        }
        if newlines >= 2 { return true }
        guard newlines == 1 else { return false }
        let next = tokens[index], previous = tokens[index - 1]
        // The next line starts a list item or a "label:" note.
        if listMarkers.contains(next.key) || startsNumberedItem(tokens, at: index) || startsLabel(tokens, at: index) { return true }
        // The line ends a clause or introduces what follows.
        if previous.kind == .punctuation {
            if [":", ".", "!", "?", "…"].contains(previous.key) { return true }
            if [",", "-", ";", "(", "/", "&", "+"].contains(previous.key) { return false }
        }
        if continuing.contains(previous.key) { return false }
        // The line could not have been wrapped: the next word would have fitted on it.
        let line = lines.line(endingAt: lastBreak)
        let width = lines.width(of: line), widest = lines.widestInBlock(of: line)
        if width < narrowLine || width + wrapSlack < widest { return true }
        return scalars[next.start].properties.isUppercase
    }

    /// "1." or "2)" or "a)" directly followed by a space: a numbered or lettered list item.
    private static func startsNumberedItem(_ tokens: [Token], at index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, index + 1 < tokens.count else { return false }
        let numbered = token.key.allSatisfy(\.isNumber) && token.key.count <= 2
        let lettered = token.key.count == 1 && token.key.first?.isLetter == true
        let mark = tokens[index + 1]
        guard mark.start == token.end, mark.key == ")" || numbered && mark.key == "." else { return false }
        return numbered || lettered
    }

    /// One to three words and a colon at the start of a line ("Schulden:", "Sociale situatie:").
    private static func startsLabel(_ tokens: [Token], at index: Int) -> Bool {
        var position = index
        while position < tokens.count, position - index < 3, tokens[position].isWord { position += 1 }
        return position > index && position < tokens.count && tokens[position].key == ":"
    }
}

/// Where the lines of a text start and end, and the widest line of each block (lines between blank
/// lines), so that a line break can be judged by the shape of its line. One pass over the text.
struct LineShapes {
    /// Offset of each line's break (or the text end for the last line).
    private var ends: [Int] = []
    /// Width of each line in characters, trailing whitespace excluded.
    private var widths: [Int] = []
    /// The widest line of each line's block.
    private var blockWidest: [Int] = []

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\u{2029}" }

    init(_ scalars: [Unicode.Scalar]) {
        var start = 0
        for position in 0...scalars.count where position == scalars.count || Self.isLineBreak(scalars[position]) {
            var end = position
            while end > start, Tokenizer.isWhitespace(scalars[end - 1]) { end -= 1 }
            ends.append(position)
            widths.append(end - start)
            start = position + 1
        }
        // Blocks are runs of non-blank lines; a blank line is a block of its own.
        blockWidest = Array(repeating: 0, count: widths.count)
        var blockStart = 0
        for line in 0...widths.count where line == widths.count || widths[line] == 0 {
            if blockStart < line {
                let widest = widths[blockStart..<line].max() ?? 0
                for member in blockStart..<line { blockWidest[member] = widest }
            }
            blockStart = line + 1
        }
    }

    /// The line whose break is at `offset`.
    func line(endingAt offset: Int) -> Int { ends.partitionPoint { $0 >= offset } }
    func width(of line: Int) -> Int { widths[line] }
    func widestInBlock(of line: Int) -> Int { blockWidest[line] }
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
