/// A ruleset term as words, for checking the generator's own phrases: `word`, `prefix*`, and `…` for up
/// to `gap` words in between — the notation of `ruleset-1.xsd`. It is deliberately simpler than the
/// narrative analyser's matcher (which the synthetic target does not depend on); the synthetic tests run
/// the real analyser over generated prose and check that it reads what was planned.
///
/// ```swift
/// TermPattern("gevoelig* voor prikkels", gap: 3).matches(Words("Gevoeligheid voor prikkels.").items) // true
/// ```
struct TermPattern {
    enum Part: Equatable {
        case word(String)
        case prefix(String)
        case gap
    }

    let parts: [Part]
    let gap: Int

    init(_ term: String, gap: Int) {
        self.gap = gap
        parts = Words(term, keepEllipsis: true).items.map { word in
            if word == "…" || word == "..." { return .gap }
            return word.hasSuffix("*") ? .prefix(String(word.dropLast())) : .word(word)
        }
    }

    /// Whether the whole word sequence is an instance of the term.
    func matches(_ words: [String]) -> Bool { ends(parts[...], words[...]).contains(words.count) }

    /// Every (first, last) word range where the term occurs (the shortest match at each start).
    func occurrences(in words: [String]) -> [(Int, Int)] {
        guard !parts.isEmpty else { return [] }
        return words.indices.compactMap { start in
            ends(parts[...], words[start...]).filter { $0 > start }.min().map { (start, $0 - 1) }
        }
    }

    /// The indices just after each way `parts` can match at the start of `words`.
    private func ends(_ parts: ArraySlice<Part>, _ words: ArraySlice<String>) -> [Int] {
        guard let part = parts.first else { return [words.startIndex] }
        let rest = parts.dropFirst()
        switch part {
        case .gap:
            return (0...min(gap, words.count)).flatMap { ends(rest, words.dropFirst($0)) }
        case .word(let expected):
            guard let word = words.first, word == expected else { return [] }
            return ends(rest, words.dropFirst())
        case .prefix(let stem):
            guard let word = words.first, word.hasPrefix(stem) else { return [] }
            return ends(rest, words.dropFirst())
        }
    }
}

/// Text as lower-cased, diacritic-folded words without surrounding punctuation, the way terms are compared.
struct Words {
    let items: [String]

    init(_ text: String, keepEllipsis: Bool = false) {
        items = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { raw in
            if keepEllipsis, raw == "…" || raw == "..." { return String(raw) }
            var word = Substring(raw)
            while let first = word.first, Self.edge.contains(first) { word = word.dropFirst() }
            while let last = word.last, Self.edge.contains(last) { word = word.dropLast() }
            let lowered = word.lowercased()
            return lowered.isEmpty ? nil : Self.fold(lowered)
        }
    }

    private static let edge: Set<Character> = [".", ",", ";", ":", "!", "?", "'", "\"", "(", ")", "‘", "’", "“", "”", "…"]
    private static let folding: [Character: Character] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "é": "e", "è": "e", "ê": "e", "ë": "e", "í": "i", "ì": "i", "î": "i", "ï": "i",
        "ó": "o", "ò": "o", "ô": "o", "ö": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ç": "c", "ñ": "n",
    ]

    private static func fold(_ word: String) -> String {
        String(word.map { folding[$0] ?? $0 })
    }
}
