/// An intake as the readers hand it to the mapper: blocks in reading order, each with where it stands, whatever the
/// file format was. Comments, deleted text and headers/footers never get here; the readers count them in `notes`.
///
/// ```swift
/// let intake = try MarkdownReader.read("# Thuissituatie\n\nCliënte woont alleen.", fileName: "intake.md")
/// intake.blocks.first  // .heading(level: 1, text: "Thuissituatie", at: line 1)
/// ```
public struct IntakeDocument: Sendable {
    public var fileName: String
    public var blocks: [Block]
    /// "key: value" lines of a front-matter block, in order.
    public var frontMatter: [FrontMatterLine]
    /// What the reader left out and why (comments, tracked deletions, headers and footers), for the import report.
    public var notes: [String]

    public init(fileName: String, blocks: [Block] = [], frontMatter: [FrontMatterLine] = [], notes: [String] = []) {
        self.fileName = fileName
        self.blocks = blocks
        self.frontMatter = frontMatter
        self.notes = notes
    }

    public struct Block: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case heading(level: Int)
            case paragraph
            case listItem
            /// Rows of cells; `text` holds the rows as text ("cell | cell" lines).
            case table(rows: [[String]])
        }
        public var kind: Kind
        public var text: String
        public var position: Position
        /// Written as a block quote ("> …" in Markdown): a quoted e-mail, letter or report, whose teller a line before
        /// it may name.
        public var quoted: Bool
        public init(kind: Kind, text: String, position: Position, quoted: Bool = false) {
            self.kind = kind
            self.text = text
            self.position = position
            self.quoted = quoted
        }
    }

    public struct FrontMatterLine: Sendable, Hashable {
        public var key: String
        public var value: String
        public var position: Position
        public init(key: String, value: String, position: Position) {
            self.key = key
            self.value = value
            self.position = position
        }
    }

    /// A line (Markdown, text) or a paragraph number (DOCX, ODT: paragraphs, headings and table rows of the body
    /// counted from 1).
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public enum Unit: String, Sendable, Hashable { case line, paragraph }
        public var unit: Unit
        public var number: Int
        public init(_ unit: Unit, _ number: Int) {
            self.unit = unit
            self.number = number
        }
        /// `file:line:column` for a line, `file: paragraph N` otherwise.
        public func located(in file: String) -> String {
            unit == .line ? "\(file):\(number):1" : "\(file): paragraph \(number)"
        }
        public var description: String { "\(unit == .line ? "line" : "paragraph") \(number)" }
        /// Dutch, for the workbench and the import report's Dutch lines.
        public var dutch: String { "\(unit == .line ? "regel" : "alinea") \(number)" }
    }
}

/// Why an intake could not be read (the CLI maps it to sysexits: 66 unreadable, 65 invalid).
public enum ImportError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)
    case unsupported(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
        case .invalid(let path, let reason): "\(path): \(reason)"
        case .unsupported(let path): "\(path): not an intake this importer reads (.docx, .odt, .md, .markdown or .txt)"
        }
    }
}
