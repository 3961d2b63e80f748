import Foundation

/// The form in which intake headings and source-author words are compared: lower case, without accents,
/// numbering, apostrophes or hyphens, other punctuation as spaces — so "2. Thuissituatie:", "THUISSITUATIE" and
/// "thuissituatie" are one heading, and "Hobby’s" is "Hobby's" is "hobbys".
/// ```swift
/// HeadingKey.fold("3.1 Woon- en gezinssituatie:")  // "woon en gezinssituatie"
/// ```
public enum HeadingKey {
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "'", "’", "‘", "`", "´", "-", "‐", "‑", "–", "—":
                // Apostrophes and hyphens join ("hobby's" → "hobbys"); a dash between spaces is simply dropped.
                continue
            default:
                if CharacterSet.alphanumerics.contains(scalar) {
                    current.unicodeScalars.append(scalar)
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        // Leading numbering: "2", "3 1" (from "3.1"), "a" (from "a)") only when more words follow, roman numerals.
        while words.count > 1, let first = words.first, isNumbering(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    private static func isNumbering(_ word: String) -> Bool {
        if word.allSatisfy(\.isNumber) { return true }
        if ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"].contains(word) { return true }
        return false
    }
}
