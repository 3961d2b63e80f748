import Foundation

/// The raw document bytes, used to recover columns that libxml2 2.9 does not record for nodes.
///
/// In well-formed XML a literal `<` only occurs in markup, so once comments, CDATA sections,
/// processing instructions and declarations are skipped, the n-th `<name` is the start tag of
/// the n-th element in document order. Callers check the name at each offset and fall back to
/// libxml2's line (column 1) when it does not match, e.g. for UTF-16 input.
struct SourceText {
    let fileName: String
    let bytes: [UInt8]
    /// Byte offset where each line starts; index 0 is line 1.
    private let lineStarts: [Int]

    init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
        // A UTF-8 byte order mark is not a column.
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        var offset = 0
        while let newline = SourceText.find(ASCII.newline, in: bytes, from: offset) {
            starts.append(newline + 1)
            offset = newline + 1
        }
        lineStarts = starts
    }

    /// memchr: these scans run over whole documents, also in debug builds.
    private static func find(_ byte: UInt8, in bytes: [UInt8], from offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        return bytes.withUnsafeBytes { buffer in
            memchr(buffer.baseAddress! + offset, Int32(byte), buffer.count - offset)
                .map { buffer.baseAddress!.distance(to: $0) }
        }
    }

    /// Index of the last line start <= offset (0-based line).
    private func lineIndex(ofOffset offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The 1-based line of a byte offset.
    func line(ofOffset offset: Int) -> Int { lineIndex(ofOffset: offset) + 1 }

    /// Line and column (in Unicode scalars) of a byte offset.
    func location(ofOffset offset: Int) -> SourceLocation {
        let low = lineIndex(ofOffset: offset)
        let start = min(lineStarts[low], offset)
        // UTF-8 continuation bytes (10xxxxxx) do not start a scalar.
        let column = bytes.withUnsafeBufferPointer { buffer in
            var column = 1
            for i in start..<offset where buffer[i] & 0xC0 != 0x80 { column += 1 }
            return column
        }
        return SourceLocation(file: fileName, line: low + 1, column: column)
    }

    /// Offsets of every start tag's `<` in document order, and of the first `<!DOCTYPE`.
    func scanMarkup() -> (startTags: [Int], doctype: Int?) {
        var tags: [Int] = []
        var doctype: Int?
        var i = 0
        while let lt = SourceText.find(ASCII.lessThan, in: bytes, from: i) {
            i = lt
            if has("<!--", at: i) {
                i = index(after: "-->", from: i + 4)
            } else if has("<![CDATA[", at: i) {
                i = index(after: "]]>", from: i + 9)
            } else if has("<?", at: i) {
                i = index(after: "?>", from: i + 2)
            } else if has("<!", at: i) {
                if doctype == nil && has("<!DOCTYPE", at: i) { doctype = i }
                i = endOfDeclaration(from: i + 2)
            } else if has("</", at: i) {
                i += 2
            } else {
                tags.append(i)
                i += 1
            }
        }
        return (tags, doctype)
    }

    /// Whether `<` + `qualifiedName` + (whitespace, `/` or `>`) is written at `offset`.
    func startTag(at offset: Int, isNamed qualifiedName: [UInt8]) -> Bool {
        let end = offset + 1 + qualifiedName.count
        guard end < bytes.count, bytes[offset] == ASCII.lessThan, has(qualifiedName, at: offset + 1) else { return false }
        return ASCII.isSpace(bytes[end]) || bytes[end] == ASCII.slash || bytes[end] == ASCII.greaterThan
    }

    /// As ``startTag(at:isNamed:)`` for libxml2's prefix and local name, without building the qualified name.
    func startTag(at offset: Int, prefix: UnsafePointer<UInt8>?, localName: UnsafePointer<UInt8>?) -> Bool {
        guard offset < bytes.count, bytes[offset] == ASCII.lessThan else { return false }
        var i = offset + 1
        if let prefix {
            let piece = UnsafeRawBufferPointer(start: prefix, count: Self.length(prefix))
            guard has(piece, at: i) else { return false }
            i += piece.count
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
            i += 1
        }
        if let localName {
            let piece = UnsafeRawBufferPointer(start: localName, count: Self.length(localName))
            guard has(piece, at: i) else { return false }
            i += piece.count
        }
        guard i < bytes.count else { return false }
        return ASCII.isSpace(bytes[i]) || bytes[i] == ASCII.slash || bytes[i] == ASCII.greaterThan
    }

    /// Length of a NUL-terminated UTF-8 string.
    private static func length(_ string: UnsafePointer<UInt8>) -> Int {
        var count = 0
        while string[count] != 0 { count += 1 }
        return count
    }

    /// Byte ranges of the attribute names written in the start tag at `tagOffset`. Expects
    /// `tagOffset` to be a verified start tag named `qualifiedName`.
    func attributeNames(inStartTagAt tagOffset: Int, qualifiedName: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { bytes in
            var result: [Range<Int>] = []
            var i = tagOffset + 1 + qualifiedName.count
            let n = bytes.count
            func skipSpace() { while i < n && ASCII.isSpace(bytes[i]) { i += 1 } }
            while true {
                skipSpace()
                guard i < n, bytes[i] != ASCII.slash, bytes[i] != ASCII.greaterThan else { break }
                let nameStart = i
                while i < n && !ASCII.isSpace(bytes[i]) && bytes[i] != ASCII.equals
                    && bytes[i] != ASCII.slash && bytes[i] != ASCII.greaterThan { i += 1 }
                result.append(nameStart..<i)
                skipSpace()
                guard i < n, bytes[i] == ASCII.equals else { break }
                i += 1
                skipSpace()
                guard i < n, bytes[i] == ASCII.quote || bytes[i] == ASCII.apostrophe else { break }
                let quote = bytes[i]
                i += 1
                while i < n && bytes[i] != quote { i += 1 }
                i += 1
            }
            return result
        }
    }

    /// Whether exactly `name` is written in `range`.
    func bytes(in range: Range<Int>, equal name: [UInt8]) -> Bool {
        range.count == name.count && has(name, at: range.lowerBound)
    }

    private func has(_ literal: StaticString, at offset: Int) -> Bool {
        literal.withUTF8Buffer { has(UnsafeRawBufferPointer($0), at: offset) }
    }

    private func has(_ pattern: [UInt8], at offset: Int) -> Bool {
        pattern.withUnsafeBytes { has($0, at: offset) }
    }

    private func has(_ pattern: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
        guard let patternStart = pattern.baseAddress else { return true }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress! + offset, patternStart, pattern.count) == 0 }
    }

    private func index(after terminator: StaticString, from offset: Int) -> Int {
        var i = offset
        while let candidate = SourceText.find(terminator.utf8Start.pointee, in: bytes, from: i) {
            if has(terminator, at: candidate) { return candidate + terminator.utf8CodeUnitCount }
            i = candidate + 1
        }
        return bytes.count
    }

    /// End of `<!...>`, skipping a bracketed internal subset and quoted strings.
    private func endOfDeclaration(from offset: Int) -> Int {
        var i = offset, depth = 0
        var quote: UInt8?
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == ASCII.quote || byte == ASCII.apostrophe {
                quote = byte
            } else if byte == ASCII.openBracket {
                depth += 1
            } else if byte == ASCII.closeBracket {
                depth -= 1
            } else if byte == ASCII.greaterThan && depth <= 0 {
                return i
            }
        }
        return i
    }
}

enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
