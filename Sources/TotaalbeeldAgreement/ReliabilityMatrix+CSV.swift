import Foundation

/// A problem in a CSV reliability matrix, located by 1-based line and column (cell position in the row,
/// counting the rater-label column if there is one).
///
/// ```swift
/// do {
///     let matrix = try ReliabilityMatrix.parseCSV("1,2\n1,x\n")
/// } catch {
///     print(error)   // line 2, column 2: "x" is not a number
/// }
/// ```
public struct ReliabilityInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The text holds no data rows.
        case noData
        /// A cell that is neither a number nor a missing marker (numeric mode only).
        case nonNumeric(String)
        /// A row with a different number of cells than the first data row (or the header).
        case raggedRow(expected: Int, found: Int)
        /// A quoted cell that never closes; the location is that of the opening quote.
        case unterminatedQuote
    }

    public var kind: Kind
    /// 1-based line number in the text (where the row starts).
    public var line: Int
    /// 1-based cell position within the row.
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The problem without its position, for callers that print `file:line:column: reason`.
    public var reason: String {
        switch kind {
        case .noData: "no data rows"
        case .nonNumeric(let cell): "\"\(cell)\" is not a number (use an empty cell, *, . or NA for missing)"
        case .raggedRow(let expected, let found): "row has \(found) cells, expected \(expected)"
        case .unterminatedQuote: "quoted cell is never closed"
        }
    }

    public var description: String { "line \(line), column \(column): \(reason)" }
}

extension ReliabilityMatrix {
    /// Parses a plain CSV reliability matrix: one row per rater, one column per unit.
    ///
    /// ```swift
    /// let numeric = try ReliabilityMatrix.parseCSV("""
    ///     rater,case 1,case 2,case 3
    ///     Anna,1,2,
    ///     Bram,1,3,NA
    ///     """)
    /// let labels = try ReliabilityMatrix.parseCSV("onwil;bereid\nonwil;onwil\n", categorical: true)
    /// // labels.categories == ["onwil", "bereid"], labels.values == [[0, 1], [0, 0]]
    /// ```
    ///
    /// - Separator: `;` if the first non-blank line contains `;` and no `,`; otherwise `,`. With `;`, a
    ///   decimal comma (`2,5`) is accepted. Cells may be quoted (`"a, b"`, `""` for a quote); surrounding
    ///   whitespace is trimmed; blank lines are skipped.
    /// - Missing: an empty cell, `*`, `.` or `NA` (any case).
    /// - `header` (`nil` = detect): numeric mode treats the first row as a header if a cell after its first is
    ///   neither a number nor a missing marker, or its first cell starts with "rater", "coder", "observer" or
    ///   "beoordelaar". In categorical mode every cell is text, so only the first cell decides: empty or one
    ///   of those words. Pass `header:` explicitly when that is ambiguous.
    /// - `raterLabels` (`nil` = detect): yes if the header's first cell is empty or one of those words; in
    ///   numeric mode also if every data row starts with a non-numeric, non-missing cell. A header may omit
    ///   the corner cell above the rater labels.
    /// - `categorical`: every non-missing cell is a category label; labels become indices 0, 1, … in order of
    ///   first appearance (row by row), kept in ``categories``. Use this for nominal data only.
    ///
    /// Missing labels default to "1", "2", …. Throws ``ReliabilityInputError`` naming the line and column of
    /// the bad cell.
    public static func parseCSV(
        _ text: String,
        categorical: Bool = false,
        header: Bool? = nil,
        raterLabels: Bool? = nil
    ) throws(ReliabilityInputError) -> ReliabilityMatrix {
        let separator = detectSeparator(text)
        var rows = try records(text, separator: separator)
        guard let first = rows.first else { throw ReliabilityInputError(.noData, line: 1, column: 1) }

        let isNumber = { (cell: String) in number(cell, decimalComma: separator == ";") != nil }
        let isText = { (cell: String) in !isMissing(cell) && !isNumber(cell) }
        let corner = first.cells[0]
        let cornerMarksLabels = corner.isEmpty || isRaterKeyword(corner)

        let hasHeader = header ?? (categorical ? cornerMarksLabels
                                               : isRaterKeyword(corner) || first.cells.dropFirst().contains(where: isText))
        let headerRow = hasHeader ? rows.removeFirst() : nil
        guard let width = rows.first?.cells.count else {
            throw ReliabilityInputError(.noData, line: first.line + 1, column: 1)
        }
        let hasLabels = raterLabels ?? ((headerRow != nil && cornerMarksLabels)
                                        || (!categorical && rows.allSatisfy { isText($0.cells[0]) }))
        let offset = hasLabels ? 1 : 0

        for row in rows where row.cells.count != width {
            throw ReliabilityInputError(.raggedRow(expected: width, found: row.cells.count),
                                        line: row.line, column: min(width, row.cells.count) + 1)
        }
        var unitNames = (0..<(width - offset)).map { String($0 + 1) }
        if let headerRow {
            switch headerRow.cells.count {
            case width: unitNames = Array(headerRow.cells.dropFirst(offset))
            case width - 1 where hasLabels: unitNames = headerRow.cells
            default:
                throw ReliabilityInputError(.raggedRow(expected: width, found: headerRow.cells.count),
                                            line: headerRow.line, column: min(width, headerRow.cells.count) + 1)
            }
        }

        var categories: [String] = []
        var categoryIndex: [String: Int] = [:]
        var values: [[Double?]] = []
        for row in rows {
            var parsed: [Double?] = []
            for (position, cell) in row.cells.enumerated().dropFirst(offset) {
                if isMissing(cell) {
                    parsed.append(nil)
                } else if categorical {
                    if categoryIndex[cell] == nil {
                        categoryIndex[cell] = categories.count
                        categories.append(cell)
                    }
                    parsed.append(Double(categoryIndex[cell]!))
                } else if let value = number(cell, decimalComma: separator == ";") {
                    parsed.append(value)
                } else {
                    throw ReliabilityInputError(.nonNumeric(cell), line: row.line, column: position + 1)
                }
            }
            values.append(parsed)
        }
        let raterNames = rows.enumerated().map { index, row in
            hasLabels && !row.cells[0].isEmpty ? row.cells[0] : String(index + 1)
        }
        return ReliabilityMatrix(raters: raterNames, units: unitNames, values: values, categories: categories)
    }

    // MARK: - Helpers

    private struct Record {
        var line: Int
        var cells: [String]
    }

    private static func isMissing(_ cell: String) -> Bool {
        cell.isEmpty || cell == "*" || cell == "." || cell.lowercased() == "na"
    }

    private static func isRaterKeyword(_ cell: String) -> Bool {
        let lower = cell.lowercased()
        return ["rater", "coder", "observer", "beoordelaar"].contains { lower.hasPrefix($0) }
    }

    /// A finite decimal number such as `-2`, `3.5`, `.5` or `1e3` (no `inf`, `nan` or hex).
    private static func number(_ cell: String, decimalComma: Bool) -> Double? {
        var cell = cell
        if decimalComma && !cell.contains(".") {
            cell = cell.replacingOccurrences(of: ",", with: ".")
        }
        guard cell.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
              let value = Double(cell), value.isFinite else { return nil }
        return value
    }

    private static func detectSeparator(_ text: String) -> Character {
        let firstLine = text.split(whereSeparator: \.isNewline)
            .first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
    }

    /// Splits CSV text into records of trimmed cells, skipping blank lines. Quoted cells may contain the
    /// separator, newlines and doubled quotes.
    private static func records(_ text: String, separator: Character) throws(ReliabilityInputError) -> [Record] {
        let scalars = Array(text.unicodeScalars)
        let separator = separator.unicodeScalars.first!
        var records: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false, inQuotes = false
        var line = 1, recordLine = 1, quoteStart = (line: 1, column: 1)

        func endCell() {
            cells.append(String(cell).trimmingCharacters(in: .whitespaces))
            cell = String.UnicodeScalarView()
            quoted = false
        }
        func endRecord() {
            let blank = cells.isEmpty && !quoted && String(cell).allSatisfy(\.isWhitespace)
            endCell()
            if !blank { records.append(Record(line: recordLine, cells: cells)) }
            cells = []
        }

        var i = scalars.first == "\u{FEFF}" ? 1 : 0
        while i < scalars.count {
            let scalar = scalars[i]
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            if inQuotes {
                if scalar == "\"" {
                    if next == "\"" { cell.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if scalar == "\n" || (scalar == "\r" && next != "\n") { line += 1 }
                    cell.append(scalar)
                }
            } else if scalar == "\"" && !quoted && String(cell).allSatisfy(\.isWhitespace) {
                inQuotes = true
                quoted = true
                cell = String.UnicodeScalarView()
                quoteStart = (line, cells.count + 1)
            } else if scalar == separator {
                endCell()
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r" && next == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                cell.append(scalar)
            }
            i += 1
        }
        if inQuotes {
            throw ReliabilityInputError(.unterminatedQuote, line: quoteStart.line, column: quoteStart.column)
        }
        endRecord()
        return records
    }
}
