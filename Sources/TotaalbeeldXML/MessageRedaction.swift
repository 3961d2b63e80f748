import Foundation

/// Rewrites a diagnostic message so that it carries no bytes of the input document, by construction:
/// the result holds only whitelisted words — libxml2's and Totaalbeeld's message words (``MessageWords``),
/// names from the schemas and the ruleset (element, attribute and type names, enumeration values, patterns,
/// ids), line numbers and sizes — and punctuation. Anything else, quoted or not, becomes «…».
///
/// Pattern redaction (take out what looks like a value) fails open: libxml2 cuts a long message before the
/// closing quote of a value, and names a mismatched tag or a duplicate id without quotes. A whitelist fails
/// closed: a value shows as «…» whether or not it is quoted, cut or recognisable, and an unknown word costs
/// wording, never privacy. Used for messages that leave the machine with bulk-screening results; a user
/// checking their own file (`screen`, `validate`) still gets libxml2's full message.
///
/// ```swift
/// let redactor = MessageRedactor(names: ["client", "ageBand", "{urn:totaalbeeld:dossier:1}client"])
/// redactor.redact("Element 'client', attribute 'ageBand': The value 'jan@example.org' is not accepted")
/// // "Element 'client', attribute 'ageBand': The value '«…»' is not accepted"
/// ```
public struct MessageRedactor: Sendable {
    public static let placeholder = "«…»"
    /// Names a message may quote or mention: from the schemas (``XMLSchema/vocabulary``) and the ruleset.
    public let names: Set<String>
    private let words: Set<String>

    public init(names: Set<String>) {
        self.names = names.union(Self.fixedNames)
        words = MessageWords.all
    }

    /// Names of the XML namespace and XML Schema built-ins, which the schemas use without defining.
    static let fixedNames: Set<String> = [
        "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2001/XMLSchema", "xml:lang", "xml:space", "xml:base", "xml:id",
        "lang", "space", "base", "element-only", "mixed", "empty", "simple",
    ]

    /// Words after which a bare number is a line number or a size, not a value.
    private static let numberLeads: Set<String> = ["line", "lines", "is", "of", "limit", "length", "size", "than"]

    public func redact(_ message: String) -> String {
        var text = Substring(message)
        var tail = ""
        // A byte dump ("Input is not proper UTF-8 … Bytes: 0xE9 0x20 …") spells input: never shown.
        if let bytes = text.range(of: "Bytes:") {
            text = text[..<bytes.upperBound]
            tail = " " + Self.placeholder
        }
        let characters = Array(text)
        var out = ""
        var previousWord = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            // A quote with a space after it is a quote character named in the message (`AttValue: " or ' expected`),
            // not the start of a value; should it be one after all, its words still go through the whitelist.
            if c == "'" || c == "\"", i + 1 < characters.count, characters[i + 1].isWhitespace {
                out.append(c)
                i += 1
                continue
            }
            if c == "'" || c == "\"" {
                guard let close = characters[(i + 1)...].firstIndex(of: c) else {
                    // Unclosed: libxml2 cut the message inside a value. Nothing after the quote is kept.
                    out += "\(c)\(Self.placeholder)\(c)"
                    break
                }
                let inner = String(characters[(i + 1)..<close])
                out.append(c)
                out += keepQuoted(inner, after: previousWord) ? inner : Self.placeholder
                out.append(c)
                i = close + 1
                continue
            }
            if c.isWhitespace {
                if !out.hasSuffix(" ") { out += " " }
                i += 1
                continue
            }
            if Self.isPunctuation(c) {
                out.append(c)
                i += 1
                continue
            }
            var end = i
            while end < characters.count {
                let d = characters[end]
                if d == "'" {
                    // An apostrophe inside a word ("Couldn't") is not a quote.
                    guard end > i, characters[end - 1].isLetter, end + 1 < characters.count, characters[end + 1].isLetter else { break }
                } else if d == "\"" || d.isWhitespace || Self.isPunctuation(d) {
                    break
                }
                end += 1
            }
            var token = String(characters[i..<end])
            var trailing = ""
            while let last = token.last, token.count > 1, ".,:;}".contains(last), !(last == "}" && token.first == "{") {
                trailing = String(last) + trailing
                token.removeLast()
            }
            if !token.contains(where: { $0.isLetter || $0.isNumber }) {
                out += token
            } else {
                out += keepWord(token, after: previousWord) ? token : Self.placeholder
                previousWord = token.lowercased()
            }
            out += trailing
            i = end
        }
        return Self.mergingPlaceholders(out.trimmingCharacters(in: .whitespaces) + tail)
    }

    private static func isPunctuation(_ c: Character) -> Bool {
        "()[],;!?<>=|".contains(c)
    }

    private func keepWord(_ token: String, after previous: String) -> Bool {
        if words.contains(token) || isName(token) { return true }
        if token.allSatisfy(\.isNumber) { return token.count <= 8 && Self.numberLeads.contains(previous) }
        // A hyphenated compound of message words ("element-only", "non-whitespace").
        let parts = token.split(separator: "-")
        return parts.count > 1 && parts.allSatisfy { words.contains(String($0)) || words.contains(String($0).capitalized) }
    }

    private func keepQuoted(_ inner: String, after previous: String) -> Bool {
        if inner.isEmpty { return true }
        // Punctuation only ("'<' not found").
        if inner.count <= 3, !inner.contains(where: { $0.isLetter || $0.isNumber }) { return true }
        if isName(inner) { return true }
        if inner.allSatisfy(\.isNumber) { return inner.count <= 8 && Self.numberLeads.contains(previous) }
        return false
    }

    /// A name from the schemas or the ruleset, plain (`client`), prefixed (`xs:date`) or namespace-qualified
    /// (`{urn:totaalbeeld:dossier:1}client`) with both parts known.
    private func isName(_ token: String) -> Bool {
        if names.contains(token) { return true }
        if token.first == "{", let close = token.firstIndex(of: "}") {
            let namespace = String(token[token.index(after: token.startIndex)..<close])
            let local = String(token[token.index(after: close)...])
            return names.contains(namespace) && (local.isEmpty || names.contains(local))
        }
        return false
    }

    /// "«…» «…»" → "«…»": one placeholder per run of redacted words.
    private static func mergingPlaceholders(_ text: String) -> String {
        var result = text
        let doubled = placeholder + " " + placeholder
        while result.contains(doubled) { result = result.replacingOccurrences(of: doubled, with: placeholder) }
        return result
    }
}
