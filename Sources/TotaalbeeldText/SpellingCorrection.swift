import Foundation

/// A word of the text read as another: a typing error read as the term word it misspells.
/// ```swift
/// let hit = analyzer.analyze("Hij heeft veel klachetn.")[0]
/// hit.spelling.map(\.description) // ["klachetn → klachten"]
/// ```
public struct SpellingCorrection: Sendable, Hashable, CustomStringConvertible {
    /// The word as the text writes it.
    public var written: String
    /// The word it was read as, folded like a token key.
    public var read: String

    public init(written: String, read: String) {
        self.written = written
        self.read = read
    }

    public var description: String { "\(written) → \(read)" }
}

/// The term words a misspelled word may stand for, at Damerau–Levenshtein distance 1 (one letter
/// inserted, left out, replaced, or two neighbours swapped), found by a deletion-neighbourhood index
/// (SymSpell): every term word is stored under itself and under each form with one letter left out; a
/// word of the text is looked up under itself and each of its own one-deletion forms, and every term
/// word found is checked for a true distance of 1. A lookup costs at most `length + 1` hash probes,
/// however many terms there are. Prefix terms (`schuld*`) are stored the same way and looked up with the
/// word's beginnings of the prefix's length and one more or less; a hit there proposes the word with
/// one edit that makes it start with the prefix ("schudlen" → "schulden"), for the dictionary to confirm.
///
/// Both words have at least `minimumLength` letters and the same first letter: writers seldom
/// mistype the first letter, and short words are too close to each other to guess from.
/// ```swift
/// let index = TypoIndex(words: ["klachten"], prefixes: ["schuld"], minimumLength: 7)
/// index.words(near: "klachetn")    // ["klachten"]
/// index.prefixed(near: "schudlen") // ["schulden"]
/// ```
public struct TypoIndex: Sendable {
    public let minimumLength: Int
    /// Prefix terms shorter than this are not used: too many words start one edit away from them.
    public static let minimumPrefixLength = 5
    private let words: [String: [String]]
    private let prefixes: [String: [String]]
    private let prefixLengths: [Int]

    public init(words: Set<String>, prefixes: Set<String>, minimumLength: Int) {
        self.minimumLength = minimumLength
        var wordIndex: [String: [String]] = [:]
        for word in words.sorted() where word.unicodeScalars.count >= minimumLength && Self.isLetters(word) {
            for key in Self.neighbourhood(Array(word.unicodeScalars)) { wordIndex[key, default: []].append(word) }
        }
        var prefixIndex: [String: [String]] = [:]
        for prefix in prefixes.sorted() where prefix.unicodeScalars.count >= Self.minimumPrefixLength && Self.isLetters(prefix) {
            for key in Self.neighbourhood(Array(prefix.unicodeScalars)) { prefixIndex[key, default: []].append(prefix) }
        }
        self.words = wordIndex
        self.prefixes = prefixIndex
        prefixLengths = Set(prefixIndex.values.joined().map(\.unicodeScalars.count)).sorted()
    }

    public var isEmpty: Bool { words.isEmpty && prefixes.isEmpty }

    /// Term words at distance 1 from `key` (a folded word), with its first letter, sorted.
    public func words(near key: String) -> [String] {
        let word = Array(key.unicodeScalars)
        guard word.count >= minimumLength else { return [] }
        var found = Set<String>()
        for probe in Self.neighbourhood(word) {
            for candidate in words[probe] ?? [] where !found.contains(candidate) {
                let term = Array(candidate.unicodeScalars)
                if term.first == word.first && Self.isOneEdit(word, term) { found.insert(candidate) }
            }
        }
        return found.sorted()
    }

    /// Words one edit from `key` that start with a prefix term whose beginning `key` misspells, with its
    /// first letter and at least ``minimumLength`` letters, sorted. They are guesses: only the dictionary
    /// can say which is a word.
    public func prefixed(near key: String) -> [String] {
        let word = Array(key.unicodeScalars)
        guard word.count >= minimumLength, !prefixes.isEmpty else { return [] }
        var terms = Set<String>()
        for length in prefixLengths where length - 1 <= word.count {
            for end in max(1, length - 1)...min(word.count, length + 1) {
                let beginning = Array(word[..<end])
                for probe in Self.neighbourhood(beginning) {
                    for candidate in prefixes[probe] ?? [] where candidate.unicodeScalars.count == length {
                        if Self.isOneEdit(beginning, Array(candidate.unicodeScalars)) { terms.insert(candidate) }
                    }
                }
            }
        }
        var found = Set<String>()
        for term in terms {
            let prefix = Array(term.unicodeScalars)
            for edit in Self.edits(of: word, within: prefix.count + 1, towards: prefix)
            where edit.count >= minimumLength && edit.first == word.first && edit.starts(with: prefix) {
                found.insert(Self.string(edit))
            }
        }
        return found.sorted()
    }

    /// The word itself and every form of it with one letter left out.
    ///
    /// Built on the word's UTF-8 bytes: each form is the bytes with one scalar's bytes left out, so no
    /// shorter scalar array is made and no String is grown scalar by scalar (this index is built for every
    /// term word at start-up; it was a fifth of `screen`'s main thread).
    static func neighbourhood(_ word: [Unicode.Scalar]) -> [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.count * 2)
        var ends: [Int] = []
        ends.reserveCapacity(word.count)
        for scalar in word {
            UTF8.encode(scalar) { bytes.append($0) }
            ends.append(bytes.count)
        }
        var keys: [String] = []
        keys.reserveCapacity(word.count + 1)
        keys.append(String(decoding: bytes, as: UTF8.self))
        var shorter: [UInt8] = []
        shorter.reserveCapacity(bytes.count)
        var start = 0
        for end in ends {
            shorter.removeAll(keepingCapacity: true)
            shorter.append(contentsOf: bytes[..<start])
            shorter.append(contentsOf: bytes[end...])
            keys.append(String(decoding: shorter, as: UTF8.self))
            start = end
        }
        return keys
    }

    /// The words one edit from `word` at its first `limit` positions that could start with `prefix`: a
    /// letter left out, two neighbours swapped, a letter replaced by or inserted as the prefix's letter there.
    private static func edits(of word: [Unicode.Scalar], within limit: Int, towards prefix: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var result: [[Unicode.Scalar]] = []
        for index in 0..<min(limit, word.count) {
            var deleted = word
            deleted.remove(at: index)
            result.append(deleted)
            if index + 1 < word.count, word[index] != word[index + 1] {
                var swapped = word
                swapped.swapAt(index, index + 1)
                result.append(swapped)
            }
            if index < prefix.count, word[index] != prefix[index] {
                var replaced = word
                replaced[index] = prefix[index]
                result.append(replaced)
            }
        }
        for index in 0...min(limit, word.count) where index < prefix.count {
            var inserted = word
            inserted.insert(prefix[index], at: index)
            result.append(inserted)
        }
        return result
    }

    /// Whether `a` and `b` are exactly one edit apart (optimal string alignment distance 1).
    static func isOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a.count == b.count {
            var differences: [Int] = []
            for index in a.indices where a[index] != b[index] {
                differences.append(index)
                if differences.count > 2 { return false }
            }
            if differences.count == 1 { return true }
            guard differences.count == 2, differences[1] == differences[0] + 1 else { return false }
            let i = differences[0]
            return a[i] == b[i + 1] && a[i + 1] == b[i]
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var index = 0
        while index < short.count, short[index] == long[index] { index += 1 }
        return short[index...] == long[(index + 1)...]
    }

    static func isLetters(_ word: String) -> Bool { word.unicodeScalars.allSatisfy(Tokenizer.isLetter) }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reads typing errors in a text as the term words they misspell (the context's `typoDistance`).
///
/// A word is read as another only when all of these hold: it matches no term word as written (nor a
/// prefix term), it has at least the minimum number of letters and only letters, it is not written with
/// a capital inside a sentence (a name), ``TypoIndex`` finds a term word or a word starting with a prefix
/// term one edit away with the same first letter, and the Dutch Hunspell dictionary does not know the
/// word itself ("schuldig" is no misspelling of "schulden", nor "drinker" of "drinken"). The dictionary
/// is asked only about such candidates, and a guess built on a prefix term ("schudlen" → "schulden") only
/// when the dictionary knows the guess. Without a dictionary nothing is corrected. Every distinct word is
/// decided once and cached; the answer depends only on the word, so the reading is deterministic.
final class TypoReader: @unchecked Sendable {
    let index: TypoIndex
    private let wordForms: WordForms
    private let lock = NSLock()
    /// Per folded key: the term words near it, then the guesses through prefix terms (most keys: none).
    private var candidates: [String: (near: [String], guesses: [String])] = [:]
    /// Per word as written that has candidates: what it is read as, when anything.
    private var decided: [String: String?] = [:]
    private static let cacheLimit = 200_000

    init(index: TypoIndex, wordForms: WordForms) {
        self.index = index
        self.wordForms = wordForms
    }

    /// What `token` of the text (its scalars in `scalars`) is read as: the word as written and the term word
    /// (folded); `nil` when none. `isFirstWord`: the token opens its sentence, so a capital there is no sign of a name.
    func correction(of token: Token, in scalars: [Unicode.Scalar], isFirstWord: Bool) -> SpellingCorrection? {
        guard token.kind == .word, token.key.unicodeScalars.count >= index.minimumLength else { return nil }
        let key = token.key
        var found = lock.withLock { candidates[key] }
        if found == nil {
            let near = index.words(near: key)
            let computed = (near: near, guesses: near.isEmpty ? index.prefixed(near: key) : [])
            lock.withLock { if candidates.count < Self.cacheLimit { candidates[key] = computed } }
            found = computed
        }
        guard let found, !found.near.isEmpty || !found.guesses.isEmpty else { return nil }
        let written = scalars[token.start..<token.end]
        guard let first = written.first, isFirstWord || !first.properties.isUppercase, written.allSatisfy(Tokenizer.isLetter) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: written)
        let word = String(view)
        let read: String?
        if let known = lock.withLock({ decided[word] }) {
            read = known
        } else {
            read = decide(word: word, near: found.near, guesses: found.guesses)
            lock.withLock { if decided.count < Self.cacheLimit { decided[word] = read } }
        }
        return read.map { SpellingCorrection(written: word, read: $0) }
    }

    private func decide(word: String, near: [String], guesses: [String]) -> String? {
        guard let known = wordForms.isDutchWord(word), !known else { return nil }
        if let term = near.first { return term }
        return guesses.first { wordForms.isDutchWord($0) == true }
    }
}
