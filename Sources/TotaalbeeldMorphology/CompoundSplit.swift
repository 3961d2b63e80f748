/// A word and its compound parts, as ``CompoundSplitter/split(_:)`` found them.
///
/// A word that is not a compound has one part, itself. The last part is the head, the part a
/// Dutch compound is a kind of ("huurschuld" is a kind of "schuld"); the parts before it are
/// modifiers and may end in a linking morpheme ("arbeid(s)ongeschikt").
///
/// ```swift
/// let split = splitter.split("schuldhulpverlening")
/// split.parts.map(\.text)   // ["schuld", "hulp", "verlening"]
/// split.head                // "verlening"
/// split.heads               // ["hulpverlening", "verlening"]
/// split.splitOffsets        // [6, 10]
/// ```
public struct CompoundSplit: Sendable, Hashable {
    /// One part of a compound.
    public struct Part: Sendable, Hashable {
        /// The part as it is written in the word: "arbeids", "dranken", "schuld".
        public let text: String
        /// The linking morpheme at the end of a modifier ("s", "e", "en", "er") when the part is
        /// not a word by itself but is one without it: "arbeids" → "s", "kinder" → "er". Empty
        /// otherwise, so "dranken" (itself a word) has none.
        public let linkingMorpheme: String
        /// Where the part starts in the word, in Unicode scalars (like the tokenizer's offsets).
        public let offset: Int

        /// The part without its linking morpheme: "arbeids" → "arbeid".
        public var base: String { String(text.dropLast(linkingMorpheme.count)) }

        public init(text: String, linkingMorpheme: String = "", offset: Int) {
            self.text = text
            self.linkingMorpheme = linkingMorpheme
            self.offset = offset
        }
    }

    /// The word as it was split (lower-cased).
    public let word: String
    /// The parts in order; never empty: a simple word is its own single part.
    public let parts: [Part]

    public init(word: String, parts: [Part]) {
        self.word = word
        self.parts = parts.isEmpty ? [Part(text: word, offset: 0)] : parts
    }

    /// Whether the word has two or more parts.
    public var isCompound: Bool { parts.count > 1 }

    /// The last part: "klachten" for "rugpijnklachten"; the word itself when it is no compound.
    public var head: String { parts[parts.count - 1].text }

    /// The parts before the head.
    public var modifiers: ArraySlice<Part> { parts.dropLast() }

    /// Where every part after the first starts, in Unicode scalars.
    public var splitOffsets: [Int] { parts.dropFirst().map(\.offset) }

    /// The word from each split point to its end, longest first: "schuldhulpverlening" →
    /// ["hulpverlening", "verlening"]. Each is a head at a coarser or finer reading of the
    /// compound; empty when the word is no compound.
    public var heads: [String] {
        parts.indices.dropFirst().map { index in parts[index...].map(\.text).joined() }
    }
}

extension CompoundSplit: CustomStringConvertible {
    /// The parts joined by "+", linking morphemes in brackets: "arbeid(s)+ongeschikt".
    public var description: String {
        parts.map { $0.linkingMorpheme.isEmpty ? $0.text : "\($0.base)(\($0.linkingMorpheme))" }.joined(separator: "+")
    }
}
