import Foundation

/// A format-neutral report: headings, paragraphs, tables and lists of styled runs.
///
/// Builders describe *what* a report says once; `PlainTextRenderer` and `MarkdownRenderer` decide how it looks,
/// so text and Markdown never drift apart.
/// ```swift
/// let doc = ReportDocument(blocks: [.heading(1, [.plain("Totaalbeeld")]), .paragraph([.strong("let op")])])
/// print(MarkdownRenderer().render(doc))
/// ```
public struct ReportDocument: Sendable, Equatable {
    public var blocks: [Block]
    public init(blocks: [Block] = []) { self.blocks = blocks }

    public enum Block: Sendable, Equatable {
        case heading(Int, [Run])
        case paragraph([Run])
        /// `numeric` marks columns to right-align in plain text.
        case table(header: [String], rows: [[[Run]]], numeric: Set<Int>)
        case list([ListItem])
    }

    public struct ListItem: Sendable, Equatable {
        public var runs: [Run]
        public var children: [ListItem]
        public init(_ runs: [Run], children: [ListItem] = []) {
            self.runs = runs
            self.children = children
        }
    }

    public enum Run: Sendable, Equatable {
        case plain(String)
        case strong(String)
        case emphasis(String)
        /// Struck through: a negated quote from the dossier, always alongside a word saying so.
        case struck(String)
        case code(String)
        /// Words taken from the dossier (quotes, narrative, names of sources): shown as they stand, in the
        /// dossier's language, whatever the report's language. Renderers that can mark a language do so.
        case quoted(String)

        public var text: String {
            switch self {
            case .plain(let s), .strong(let s), .emphasis(let s), .struck(let s), .code(let s), .quoted(let s): s
            }
        }
    }

    public mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, [.plain(text)])) }
    public mutating func paragraph(_ runs: Run...) { blocks.append(.paragraph(runs)) }
    public mutating func paragraph(_ runs: [Run]) { blocks.append(.paragraph(runs)) }
    public mutating func list(_ items: [ListItem]) { if !items.isEmpty { blocks.append(.list(items)) } }

    /// Every run of the document in reading order, headings, table cells and list items included.
    public var runs: [Run] {
        func items(_ list: [ListItem]) -> [Run] { list.flatMap { $0.runs + items($0.children) } }
        return blocks.flatMap { block -> [Run] in
            switch block {
            case .heading(_, let runs), .paragraph(let runs): runs
            case .table(let header, let rows, _): header.map(Run.plain) + rows.flatMap { $0.flatMap { $0 } }
            case .list(let list): items(list)
            }
        }
    }
}

/// Plain text for terminals and e-mail: underlined headings, aligned tables, indented lists.
public struct PlainTextRenderer: Sendable {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let runs):
                let text = plain(runs)
                if out.last != "" { out.append("") }
                out.append(level == 1 ? text.uppercased() : text)
                out.append(String(repeating: level <= 2 ? "=" : "-", count: text.count))
            case .paragraph(let runs):
                out.append(plain(runs).trailingSpacesRemoved)
                out.append("")
            case .table(let header, let rows, let numeric):
                let cells = [header] + rows.map { $0.map(plain) }
                let widths = header.indices.map { column in cells.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
                for (index, row) in cells.enumerated() {
                    let line = row.enumerated().map { column, cell in
                        let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                        return numeric.contains(column) ? padding + cell : cell + padding
                    }.joined(separator: "  ")
                    out.append(line.trailingSpacesRemoved)
                    if index == 0 { out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
                }
                out.append("")
            case .list(let items):
                render(items, depth: 0, into: &out)
                out.append("")
            }
        }
        while out.first == "" { out.removeFirst() }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ items: [ReportDocument.ListItem], depth: Int, into out: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        for item in items {
            out.append((indent + "- " + plain(item.runs)).trailingSpacesRemoved)
            render(item.children, depth: depth + 1, into: &out)
        }
    }

    private func plain(_ runs: [ReportDocument.Run]) -> String { runs.map(\.text).joined() }
}

/// CommonMark with GitHub tables; all text is escaped so dossier prose cannot inject markup.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let runs):
                out.append(String(repeating: "#", count: min(level, 6)) + " " + inline(runs))
                out.append("")
            case .paragraph(let runs):
                out.append(inline(runs))
                out.append("")
            case .table(let header, let rows, let numeric):
                out.append("| " + header.map(escape).joined(separator: " | ") + " |")
                out.append("|" + header.indices.map { numeric.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
                for row in rows { out.append("| " + row.map(inline).joined(separator: " | ") + " |") }
                out.append("")
            case .list(let items):
                render(items, depth: 0, into: &out)
                out.append("")
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ items: [ReportDocument.ListItem], depth: Int, into out: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        for item in items {
            out.append((indent + "- " + inline(item.runs)).trailingSpacesRemoved)
            render(item.children, depth: depth + 1, into: &out)
        }
    }

    private func inline(_ runs: [ReportDocument.Run]) -> String {
        runs.map { run in
            switch run {
            case .plain(let s): escape(s)
            case .strong(let s): delimited(s, "**")
            case .emphasis(let s): delimited(s, "_")
            case .struck(let s): delimited(s, "~~")
            case .code(let s): "`" + s.replacingOccurrences(of: "`", with: "'") + "`"
            case .quoted(let s): escape(s)
            }
        }.joined()
    }

    /// `**text** ` rather than `**text **`: CommonMark ignores a delimiter next to inner whitespace.
    private func delimited(_ text: String, _ marker: String) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        let leading = String(text.prefix { $0 == " " }), trailing = String(text.reversed().prefix { $0 == " " })
        return leading + marker + escape(core) + marker + trailing
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#~".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
