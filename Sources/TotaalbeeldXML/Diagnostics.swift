/// A position in a source file. Lines and columns are 1-based; columns count Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One located problem reported by libxml2 (well-formedness, XSD validity) or by this layer.
public struct XMLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var location: SourceLocation
    /// A single line: libxml2's multi-line messages are collapsed.
    public var message: String
    public var severity: Severity

    public init(location: SourceLocation, message: String, severity: Severity = .error) {
        self.location = location
        self.message = XMLDiagnostic.singleLine(message)
        self.severity = severity
    }

    /// `file:line:column: message`; warnings read `file:line:column: warning: message`.
    public var description: String {
        switch severity {
        case .error: "\(location): \(message)"
        case .warning: "\(location): warning: \(message)"
        }
    }

    /// Joins the non-empty lines of `text` with single spaces and trims it.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline })
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

/// Why a document or schema could not be loaded.
public enum XMLLoadError: Error, Sendable, CustomStringConvertible {
    /// The file does not exist (CLI exit 66).
    case fileNotFound(path: String)
    /// The file exists but cannot be read, e.g. permissions or a directory (CLI exit 66).
    case unreadable(path: String, reason: String)
    /// The input exceeds `XMLParseOptions.maxBytes`; it was not parsed (CLI exit 65).
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// One or more located problems, in document order (CLI exit 65).
    case invalid([XMLDiagnostic])

    /// One line per problem.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "\(path): file not found"
        case .unreadable(let path, let reason):
            "\(path): cannot read file: \(XMLDiagnostic.singleLine(reason))"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): file is too large (\(bytes) bytes; the limit is \(limit) bytes)"
        case .invalid(let diagnostics):
            diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
