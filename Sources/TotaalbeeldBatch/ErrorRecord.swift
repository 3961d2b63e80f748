import Foundation
import TotaalbeeldReport
import TotaalbeeldXML

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

    /// A loader or libxml2 message with everything that might come from the dossier taken out, by construction:
    /// `redactor` keeps only whitelisted words and names (libxml2's and Totaalbeeld's message words, the schemas'
    /// and the ruleset's names, line numbers) and puts «…» for anything else, quoted or not, cut off or whole;
    /// then anything the identifier guard still recognises becomes `[redacted]`. Element, attribute and
    /// indicator names stay, so the message still says what is wrong. Dossiers hold health data; errors.jsonl
    /// travels further than they do.
    public static func redacted(_ message: String, redactor: MessageRedactor, guard identifierGuard: IdentifierGuard?) -> String {
        var text = redactor.redact(message)
        if let identifierGuard {
            var bytes = Array(text.utf8)
            for range in identifierGuard.ranges(in: bytes).sorted(by: { $0.lowerBound > $1.lowerBound }) {
                bytes.replaceSubrange(range, with: Array("[redacted]".utf8))
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        return text
    }
}
