/// Reads Markdown and plain-text intakes into blocks.
///
/// Markdown: a `---` front-matter block of `key: value` lines, ATX (`## Thuissituatie`) and underlined headings,
/// paragraphs, `-`/`*`/`1.` list items, `|` tables, `>` quotes (as text); HTML comments are left out and counted. Inline emphasis and link
/// targets are dropped, their words kept.
///
/// Plain text: the same front matter, or `Key: value` lines before the first blank line; a short line without a
/// closing full stop that opens a block, or is underlined with `===`/`---`, or is written in capitals, is a heading.
/// ```swift
/// let intake = MarkdownReader.read("---\ndatum: 2026-11-02\n---\n# Thuissituatie\nCliënte woont alleen.\n", fileName: "intake.md")
/// ```
public enum MarkdownReader {
    public static func read(_ text: String, fileName: String, plainText: Bool = false) -> IntakeDocument {
        var document = IntakeDocument(fileName: fileName)
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var index = 0
        readFrontMatter(lines, &index, into: &document, plainText: plainText)
        var commentCount = 0
        lines = stripComments(lines, count: &commentCount)
        if commentCount > 0 { document.notes.append("\(commentCount) comment\(commentCount == 1 ? "" : "s") (<!-- … -->) left out") }

        var paragraph: [String] = []
        var paragraphStart = 0
        var paragraphQuoted = false
        var table: [[String]] = []
        var tableStart = 0
        var listItem: [String]? = nil
        var listStart = 0

        /// A paragraph's lines, each without its inline markup, joined by line breaks: intake notes are written line by
        /// line ("Geen schulden" above "vroeger dronk hij"), and the narrative reader judges each line break by the
        /// shape of the lines around it (`SentenceSplitter`), so a wrapped sentence still reads as one.
        func joinedLines(_ lines: ArraySlice<String>) -> String {
            lines.map { inline($0.trimmed, markdown: !plainText) }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let joined = joinedLines(paragraph[...])
            if plainText, let level = plainHeadingLevel(paragraph, previousBlank: true) {
                document.blocks.append(.init(kind: .heading(level: level), text: headingText(paragraph[0]), position: .init(.line, paragraphStart)))
                let rest = joinedLines(paragraph.dropFirst())
                if !rest.isEmpty {
                    document.blocks.append(.init(kind: .paragraph, text: rest, position: .init(.line, paragraphStart + 1)))
                }
            } else if paragraph.count > 1, paragraph.allSatisfy({ keyValue($0) != nil }) {
                // "Gedeeld met cliënt: ja" under "Horizon: kort": one setting per line, not one paragraph.
                for (offset, line) in paragraph.enumerated() {
                    document.blocks.append(.init(kind: .paragraph, text: inline(line.trimmed, markdown: !plainText), position: .init(.line, paragraphStart + offset)))
                }
            } else if !joined.isEmpty {
                document.blocks.append(.init(kind: .paragraph, text: joined, position: .init(.line, paragraphStart), quoted: paragraphQuoted))
            }
            paragraph = []
        }
        func flushTable() {
            guard !table.isEmpty else { return }
            document.blocks.append(.init(kind: .table(rows: table), text: table.map { $0.joined(separator: " | ") }.joined(separator: "\n"), position: .init(.line, tableStart)))
            table = []
        }
        func flushList() {
            guard let item = listItem else { return }
            let text = inline(item.joined(separator: " "), markdown: !plainText)
            if !text.isEmpty { document.blocks.append(.init(kind: .listItem, text: text, position: .init(.line, listStart))) }
            listItem = nil
        }
        func flushAll() { flushParagraph(); flushTable(); flushList() }

        while index < lines.count {
            var line = lines[index]
            let number = index + 1
            // A quoted e-mail or letter ("> Hij is elke dag op tijd …") is text: its quote marks go, its words stay, and
            // its paragraphs are marked quoted (a line before the quote may name whose words they are).
            let quotedLine = !plainText && line.trimmed.hasPrefix(">")
            if quotedLine { line = String(line.trimmed.drop { $0 == ">" || $0 == " " }) }
            let trimmed = line.trimmed
            defer { index += 1 }
            if trimmed.isEmpty {
                flushAll()
                continue
            }
            // Underlined heading: one paragraph line, then === or ---.
            if paragraph.count == 1, isUnderline(trimmed) {
                let level = trimmed.hasPrefix("=") ? 1 : 2
                document.blocks.append(.init(kind: .heading(level: level), text: headingText(paragraph[0]), position: .init(.line, paragraphStart)))
                paragraph = []
                continue
            }
            if !plainText, let (level, text) = atxHeading(trimmed) {
                flushAll()
                document.blocks.append(.init(kind: .heading(level: level), text: inline(text, markdown: true), position: .init(.line, number)))
                continue
            }
            if trimmed.hasPrefix("|") || (plainText && trimmed.contains("\t") && trimmed.split(separator: "\t").count >= 2) {
                flushParagraph(); flushList()
                if table.isEmpty { tableStart = number }
                let cells = tableCells(trimmed)
                if !cells.allSatisfy({ $0.allSatisfy { "-:= ".contains($0) } }) { table.append(cells) }
                continue
            }
            if let itemText = listItemText(trimmed) {
                flushParagraph(); flushTable(); flushList()
                listItem = [itemText]
                listStart = number
                continue
            }
            if listItem != nil, line.first == " " || line.first == "\t" {
                listItem?.append(trimmed)
                continue
            }
            flushTable(); flushList()
            if paragraph.isEmpty { paragraphStart = number; paragraphQuoted = quotedLine }
            paragraph.append(line)
        }
        flushAll()
        return document
    }

    // MARK: Front matter

    private static func readFrontMatter(_ lines: [String], _ index: inout Int, into document: inout IntakeDocument, plainText: Bool) {
        guard !lines.isEmpty else { return }
        if lines[0].trimmed == "---" {
            var i = 1
            var found: [IntakeDocument.FrontMatterLine] = []
            while i < lines.count, lines[i].trimmed != "---" {
                if let (key, value) = keyValue(lines[i]) {
                    found.append(.init(key: key, value: value, position: .init(.line, i + 1)))
                }
                i += 1
            }
            guard i < lines.count else { return }  // no closing ---: not front matter
            document.frontMatter = found
            index = i + 1
            return
        }
        guard plainText else { return }
        var i = 0
        var found: [IntakeDocument.FrontMatterLine] = []
        while i < lines.count, !lines[i].trimmed.isEmpty, let (key, value) = keyValue(lines[i]), !value.isEmpty {
            found.append(.init(key: key, value: value, position: .init(.line, i + 1)))
            i += 1
        }
        if found.count >= 2, i == lines.count || lines[i].trimmed.isEmpty {
            document.frontMatter = found
            index = i
        }
    }

    /// `key: value` with a key of letters, spaces and hyphens of at most 30 characters.
    static func keyValue(_ line: String) -> (String, String)? {
        var text = line.trimmed
        if text.hasPrefix("- ") || text.hasPrefix("* ") { text = String(text.dropFirst(2)) }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmed
        guard !key.isEmpty, key.count <= 30, key.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" }) else { return nil }
        return (key, text[text.index(after: colon)...].trimmed)
    }

    // MARK: Lines

    private static func stripComments(_ lines: [String], count: inout Int) -> [String] {
        var result: [String] = []
        var inComment = false
        for line in lines {
            var rest = Substring(line)
            var kept = ""
            var touched = false
            while !rest.isEmpty {
                if inComment {
                    if let end = rest.range(of: "-->") {
                        rest = rest[end.upperBound...]
                        inComment = false
                    } else {
                        rest = ""
                    }
                    touched = true
                } else if let start = rest.range(of: "<!--") {
                    kept += rest[..<start.lowerBound]
                    rest = rest[start.upperBound...]
                    inComment = true
                    count += 1
                    touched = true
                } else {
                    kept += rest
                    rest = ""
                }
            }
            // A line that held only a comment stays empty rather than splitting or joining paragraphs differently.
            result.append(touched && kept.trimmed.isEmpty ? "" : kept)
        }
        return result
    }

    private static func isUnderline(_ line: String) -> Bool {
        line.count >= 3 && (line.allSatisfy { $0 == "=" } || line.allSatisfy { $0 == "-" })
    }

    private static func atxHeading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmed
        while text.hasSuffix("#") { text = String(text.dropLast()).trimmed }
        return (hashes, text)
    }

    private static func listItemText(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ ", "• ", "– "] where line.hasPrefix(marker) {
            return String(line.dropFirst(marker.count)).trimmed
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                let text = String(rest.dropFirst(2)).trimmed
                // "1. Thuissituatie" without a full stop at the end reads as a numbered heading in plain text, not an item.
                return text
            }
        }
        return nil
    }

    private static func tableCells(_ line: String) -> [String] {
        if line.hasPrefix("|") {
            var inner = line.dropFirst()
            if inner.hasSuffix("|") { inner = inner.dropLast() }
            return inner.split(separator: "|", omittingEmptySubsequences: false).map { inline($0.trimmed, markdown: true) }
        }
        return line.split(separator: "\t").map { $0.trimmed }
    }

    /// The heading level a plain-text block's first line has, or nil when it reads as prose.
    private static func plainHeadingLevel(_ block: [String], previousBlank: Bool) -> Int? {
        guard let first = block.first?.trimmed, !first.isEmpty else { return nil }
        // "Datum: 28-11-2026" is a particular, not a heading: a line with a key and a value after its colon.
        if let (_, value) = keyValue(first), !value.isEmpty { return nil }
        let text = headingText(first)
        guard !text.isEmpty, first.count <= 70, text.split(separator: " ").count <= 8 else { return nil }
        if let last = first.last, ".,;?!".contains(last) { return nil }
        guard let initial = text.first, initial.isUppercase || initial.isNumber else { return nil }
        let letters = text.filter(\.isLetter)
        if !letters.isEmpty, letters.allSatisfy(\.isUppercase) { return 1 }
        if first.hasSuffix(":") || block.count == 1 || previousBlank { return 2 }
        return nil
    }

    private static func headingText(_ line: String) -> String {
        var text = line.trimmed
        while text.hasSuffix(":") { text = String(text.dropLast()).trimmed }
        return text
    }

    /// Drops inline Markdown: emphasis markers, code ticks, link targets, escapes.
    static func inline(_ text: String, markdown: Bool) -> String {
        guard markdown else { return text.collapsedSpaces }
        var result = ""
        var chars = Array(text)
        var i = 0
        // Links and images: [words](target) → words.
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "\\`*_{}[]()#+-.!|".contains(chars[i + 1]) {
                result.append(chars[i + 1]); i += 2; continue
            }
            if c == "!", i + 1 < chars.count, chars[i + 1] == "[" { i += 1; continue }
            if c == "]", i + 1 < chars.count, chars[i + 1] == "(" {
                if let close = chars[(i + 1)...].firstIndex(of: ")") { i = close + 1; continue }
            }
            if c == "[" { i += 1; continue }
            if c == "`" { i += 1; continue }
            if c == "*" || c == "_" {
                // Only runs that open or close emphasis: next to a letter on one side and not inside a word with `_`.
                let run = chars[i...].prefix { $0 == c }.count
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + run < chars.count ? chars[i + run] : " "
                if c == "_", before.isLetter || before.isNumber, after.isLetter || after.isNumber {
                    result.append(contentsOf: String(repeating: c, count: run)); i += run; continue
                }
                if before == " " && after == " " {
                    result.append(contentsOf: String(repeating: c, count: run)); i += run; continue
                }
                i += run
                continue
            }
            result.append(c)
            i += 1
        }
        chars = []
        return result.collapsedSpaces
    }
}

extension StringProtocol {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    var collapsedSpaces: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
