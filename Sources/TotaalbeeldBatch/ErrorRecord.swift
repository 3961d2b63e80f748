import Foundation
import TotaalbeeldReport

/// One line of `errors.jsonl`: `{"file":…,"line":…,"column":…,"kind":…,"message":…}`, plus `"identifier"`
/// for a guard hit.
///
/// Messages never carry an identifier's value: guard hits name only the kind, and loader messages are
/// redacted (see ``ErrorRecord/redacted(_:guard:)``) before they are written.
public struct ErrorRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The file could not be read (vanished, permissions).
        case unreadable
        /// Not well-formed, not valid against dossier-1.xsd, or referring to what the ruleset does not define.
        case invalid
        /// The anonymisation guard found a direct identifier.
        case identifier

        private var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var kind: Kind
    public var identifier: IdentifierKind?
    public var message: String

    public init(file: String, line: Int, column: Int, kind: Kind, identifier: IdentifierKind? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
        self.identifier = identifier
        self.message = message
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("file", .string(file)), ("line", .integer(line)), ("column", .integer(column)), ("kind", .string(kind.rawValue)),
        ]
        if let identifier { members.append(("identifier", .string(identifier.rawValue))) }
        members.append(("message", .string(message)))
        return .object(members)
    }

    /// A loader message with everything that might be a value of the dossier taken out: quoted values
    /// (after "value", or not shaped like a name), byte dumps, and anything the guard recognises as an
    /// identifier. Element, attribute and indicator names and schema patterns stay, so the message still
    /// says what is wrong. Dossiers hold health data; errors.jsonl travels further than they do.
    public static func redacted(_ message: String, guard identifierGuard: IdentifierGuard?) -> String {
        var text = message
        if let bytes = text.range(of: "Bytes:") { text = String(text[..<bytes.lowerBound]).trimmingCharacters(in: .whitespaces) + " [bytes redacted]" }
        text = redactQuoted(text, quote: "'")
        text = redactQuoted(text, quote: "\"")
        if let identifierGuard {
            var bytes = Array(text.utf8)
            for range in identifierGuard.ranges(in: bytes).sorted(by: { $0.lowerBound > $1.lowerBound }) {
                bytes.replaceSubrange(range, with: Array("[redacted]".utf8))
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        return text
    }

    /// Keeps a quoted token when it is a schema pattern or shaped like a name (`client`, `{urn:…}client`,
    /// `schuldenn`: a letter first, then letters, digits, `-_.:`), unless it is a value ("The value '…'").
    private static func redactQuoted(_ text: String, quote: Character) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: quote) {
            let before = out + rest[..<open]
            out += rest[...open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: quote) else { rest = after; break }
            let inner = after[..<close]
            let lead = before.lowercased()
            let keep = !lead.hasSuffix("value ") && (lead.hasSuffix("pattern ") || isNameShaped(inner))
            out += keep ? String(inner) : "…"
            out.append(quote)
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    private static func isNameShaped(_ token: Substring) -> Bool {
        var name = token
        if name.first == "{", let end = name.firstIndex(of: "}") {
            guard !name[..<end].contains(where: \.isWhitespace) else { return false }
            name = name[name.index(after: end)...]
        }
        guard let first = name.first, first.isLetter, name.count <= 60 else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
    }
}
