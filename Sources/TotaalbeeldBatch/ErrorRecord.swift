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

    /// A loader message with everything that might be a value of the dossier taken out: quoted values other
    /// than plain names (element, attribute and indicator names stay), byte dumps, and anything the guard
    /// recognises as an identifier. Dossiers hold health data; errors.jsonl travels further than they do.
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

    /// Keeps a quoted token only when it looks like a name from a vocabulary: letters, hyphens, dots,
    /// colons and underscores, no digits, no spaces, at most 60 characters.
    private static func redactQuoted(_ text: String, quote: Character) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: quote) {
            out += rest[...open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: quote) else { rest = after; break }
            let inner = after[..<close]
            let plain = inner.count <= 60 && !inner.isEmpty && inner.allSatisfy { $0.isLetter || "-_.:{}/".contains($0) } && !inner.contains("@")
            out += plain ? String(inner) : "…"
            out.append(quote)
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }
}
