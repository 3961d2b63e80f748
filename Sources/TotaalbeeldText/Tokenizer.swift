/// One word or punctuation mark of Dutch text, with its position and its folded key.
///
/// Offsets count Unicode scalars, end exclusive, like ``TextHit``. The key is what terms are
/// matched against: lowercased, diacritics removed, apostrophes and hyphens dropped, so
/// "Diploma's" → "diplomas", "burn-out" → "burnout", "ICT-opleiding" → "ictopleiding".
/// ```swift
/// let tokens = Tokenizer.tokenize(Array("Hij heeft o.a. diploma's.".unicodeScalars))
/// tokens.map(\.key) // ["hij", "heeft", "o.a.", "diplomas", "."]
/// ```
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        /// An abbreviation with its periods ("o.a.", "dhr."), which never ends a sentence.
        case abbreviation
        /// An abbreviation that often closes a sentence ("etc.", "enz."): it ends one when a capital follows.
        case finalAbbreviation
        case punctuation
    }

    public var kind: Kind
    public var start: Int
    public var end: Int
    public var key: String { didSet { keyHash = KeyTable.hash(key) } }
    /// The key hashed once, for the matchers' ``KeyTable``s: each token is looked up in several.
    public private(set) var keyHash: UInt64

    public init(kind: Kind, start: Int, end: Int, key: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.key = key
        keyHash = KeyTable.hash(key)
    }

    /// Words, numbers and abbreviations: what a scope of "n words" counts.
    public var isWord: Bool { kind != .punctuation }
}

/// Splits Dutch text into ``Token``s.
///
/// Handles what intake dossiers contain: apostrophes inside words (diploma's, hobby's, ICT'er) and
/// elided articles ('s ochtends, 't), hyphenated compounds (burn-out, mede-asielzoekers, and the
/// truncated "nek- en schouderklachten"), numbers with separators (05.00, 1,5), abbreviations
/// with periods (o.a., d.w.z., dhr.), ellipses, and typographic quotes.
public enum Tokenizer {
    /// Abbreviations that never end a sentence: titles before names and mid-sentence Latin-style
    /// shorthand. Listed without their final period, folded.
    static let abbreviations: Set<String> = [
        "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "bijv", "bv", "o.a", "d.w.z", "m.b.t",
        "i.v.m", "t.a.v", "t.o.v", "i.p.v", "n.a.v", "o.b.v", "m.n", "ca", "evt", "incl", "excl", "resp",
        "vnl", "nl", "vgl", "zgn", "nr", "tel", "blz", "st", "jl", "a.s", "e.e.a", "i.c.m", "m.i.v",
        "z.g.a.n", "c.q", "t.b.v", "o.l.v", "i.o.m", "v.w.b", "a.d.h.v", "p.w", "u.w.v", "mbo", "hbo",
    ]
    /// Abbreviations that frequently close a sentence; they end one only if a capital follows.
    static let finalAbbreviations: Set<String> = [
        "etc", "enz", "e.d", "e.a", "jr", "sr", "z.s.m", "min", "max", "gem", "ong", "jrg",
    ]

    public static func tokenize(_ text: String) -> [Token] { tokenize(Array(text.unicodeScalars)) }

    public static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        // One buffer for every word's folded key: a fresh one per word was an allocation per word.
        var key: [UInt8] = []
        key.reserveCapacity(32)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isWhitespace(scalar) {
                index += 1
            } else if let token = elidedArticle(scalars, at: index) ?? abbreviation(scalars, at: index) {
                tokens.append(token)
                index = token.end
            } else if isWordCharacter(scalar) {
                let token = word(scalars, at: index, buffer: &key)
                tokens.append(token)
                index = token.end
            } else {
                let token = punctuation(scalars, at: index)
                tokens.append(token)
                index = token.end
            }
        }
        return tokens
    }

    // ASCII fast paths give the same answers as the Unicode properties, without the property lookup
    // that otherwise dominates tokenising (bulk screening tokenises every narrative of every dossier).
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIILetter(scalar) || isASCIIDigit(scalar) }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || Folding.isCombiningMark(scalar)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII ? isASCIILetter(scalar) : scalar.properties.isAlphabetic }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII ? isASCIIDigit(scalar) : scalar.properties.numericType != nil }
    /// Unicode White_Space; in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }
    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" }
    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" }

    /// A word runs over letters, digits and marks, and over an apostrophe or hyphen that joins two of
    /// them; a hyphen directly after a word and before a space ends it ("nek- en").
    private static func word(_ scalars: [Unicode.Scalar], at start: Int, buffer key: inout [UInt8]) -> Token {
        key.removeAll(keepingCapacity: true)
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            let previous = index > start ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if isWordCharacter(scalar) {
                Folding.append(scalar, to: &key)
            } else if isApostrophe(scalar), let next, isLetter(next) {
                // diploma's, ICT'er: the apostrophe is spelling, not a quote.
            } else if isHyphen(scalar), let previous, isWordCharacter(previous) {
                guard let next else { index += 1; break }
                if isWhitespace(next) { index += 1; break }
                guard isWordCharacter(next) else { break }
            } else if scalar == "." || scalar == ",", let previous, isDigit(previous), let next, isDigit(next) {
                key.append(UInt8(scalar.value))
            } else {
                break
            }
            index += 1
        }
        return Token(kind: .word, start: start, end: index, key: String(decoding: key, as: UTF8.self))
    }

    /// "'s ochtends", "'t", "'n": an apostrophe standing for dropped letters belongs to the word.
    private static func elidedArticle(_ scalars: [Unicode.Scalar], at start: Int) -> Token? {
        guard isApostrophe(scalars[start]) || scalars[start] == "\u{2018}", start + 1 < scalars.count else { return nil }
        if start > 0, isWordCharacter(scalars[start - 1]) { return nil }
        let letter = scalars[start + 1]
        guard ["s", "t", "n", "k"].contains(letter) else { return nil }
        if start + 2 < scalars.count, isWordCharacter(scalars[start + 2]) { return nil }
        var key = ""
        Folding.append(letter, to: &key)
        return Token(kind: .word, start: start, end: start + 2, key: key)
    }

    /// "o.a.", "d.w.z.", "dhr.", "J." (an initial): letters and periods without spaces.
    private static func abbreviation(_ scalars: [Unicode.Scalar], at start: Int) -> Token? {
        guard isLetter(scalars[start]) else { return nil }
        if start > 0, isWordCharacter(scalars[start - 1]) { return nil }
        // Most words are no abbreviation: when the first run of letters is not followed by a period, say
        // so before building any key (the loop below would give up at the same place).
        var end = start
        while end < scalars.count, isLetter(scalars[end]) { end += 1 }
        guard end < scalars.count, scalars[end] == "." else { return nil }
        var index = start
        var segments: [String] = []
        while index < scalars.count, isLetter(scalars[index]) {
            var segment = ""
            while index < scalars.count, isLetter(scalars[index]) {
                Folding.append(scalars[index], to: &segment)
                index += 1
            }
            guard index < scalars.count, scalars[index] == "." else { return nil }
            index += 1
            segments.append(segment)
        }
        if index < scalars.count, isWordCharacter(scalars[index]) { return nil }
        let joined = segments.joined(separator: ".")
        let kind: Token.Kind
        if finalAbbreviations.contains(joined) {
            kind = .finalAbbreviation
        } else if abbreviations.contains(joined) {
            kind = .abbreviation
        } else if segments.count >= 2, segments.allSatisfy({ $0.unicodeScalars.count == 1 }) {
            kind = .finalAbbreviation
        } else if segments.count == 1, segments[0].unicodeScalars.count == 1, scalars[start].properties.isUppercase {
            kind = .abbreviation
        } else {
            return nil
        }
        return Token(kind: kind, start: start, end: index, key: joined + ".")
    }

    private static func punctuation(_ scalars: [Unicode.Scalar], at start: Int) -> Token {
        let scalar = scalars[start]
        if scalar == "." {
            var end = start
            while end < scalars.count, scalars[end] == "." { end += 1 }
            return Token(kind: .punctuation, start: start, end: end, key: end - start >= 3 ? "…" : ".")
        }
        let key: String
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{02BC}", "`": key = "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": key = "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}": key = "-"
        default:
            var folded = ""
            Folding.append(scalar, to: &folded)
            key = folded
        }
        return Token(kind: .punctuation, start: start, end: start + 1, key: key)
    }
}
