import TotaalbeeldModel
import TotaalbeeldXML

private let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

/// Collects every problem in a document instead of stopping at the first, so an author fixes them in one pass.
final class ProblemLog {
    private(set) var problems: [LocatedProblem] = []

    func report(_ location: SourceLocation, _ message: String) {
        problems.append(LocatedProblem(Location(location), message))
    }

    func throwIfAny() throws(LoadError) {
        if !problems.isEmpty { throw .invalid(problems.sorted { $0.location < $1.location }) }
    }
}

/// What a reader asks of an element, answered alike by a copied ``XMLElement`` and by an ``XMLCursor`` standing in
/// libxml2's tree, so one reader serves both (the dossier reader reads in place; other documents are copied first).
protocol ReadableElement {
    var localName: String { get }
    func isNamed(_ localName: String) -> Bool
    func attribute(_ localName: String, namespace: String?) -> String?
    func attributeLocation(_ localName: String) -> SourceLocation
    var text: String { get }
    var location: SourceLocation { get }
    var elementChildren: [Self] { get }
    func children(named localName: String) -> [Self]
    func child(named localName: String) -> Self?
}

extension XMLElement: ReadableElement {
    var localName: String { name.localName }
    func isNamed(_ localName: String) -> Bool { name.localName == localName }
    var elementChildren: [XMLElement] { children }
}

extension XMLCursor: ReadableElement {
    var elementChildren: [XMLCursor] { children }
}

extension ReadableElement {
    func attribute(_ localName: String) -> String? { attribute(localName, namespace: nil) }

    var modelLocation: Location { Location(location) }

    /// The element's `xml:lang`, as the rulesets mark each shown text's language.
    var language: String? { attribute("lang", namespace: xmlNamespace) }

    /// Children `name` read as one text per language; Dutch falls back to the first entry.
    func localized(_ name: String) -> LocalizedText {
        var nl: String?
        var en: String?
        for child in children(named: name) {
            let text = child.text.collapsingWhitespace
            switch child.language {
            case "en": en = en ?? text
            case "nl": nl = nl ?? text
            default: nl = nl ?? text
            }
        }
        return LocalizedText(nl: nl ?? en ?? "", en: en)
    }

    /// A decimal attribute the schema already guarantees; absent → nil.
    func decimal(_ name: String) -> Double? { attribute(name).flatMap(Double.init) }

    func integer(_ name: String) -> Int? { attribute(name).flatMap(Int.init) }

    func boolean(_ name: String, default fallback: Bool) -> Bool {
        switch attribute(name) {
        case "true", "1": true
        case "false", "0": false
        default: fallback
        }
    }

    func list(_ name: String) -> [String] {
        listItems(attribute(name) ?? "")
    }

    func date(_ name: String) -> SimpleDate? { attribute(name).flatMap(SimpleDate.init) }

    /// The element's own text with XML indentation folded to single spaces.
    var normalizedText: String { text.collapsingWhitespace }

    /// The element's own text with the whitespace of each line folded to single spaces, lines kept:
    /// narrative notes are often written line by line, and the sentence splitter judges a line break by
    /// the shape of its lines. Blank lines between paragraphs stay (one), blank lines around the text go.
    var lineText: String { text.collapsingWhitespacePerLine }
}

extension String {
    /// ``ReadableElement/lineText``'s fold: the whitespace of each line folded to single spaces, one blank line kept
    /// between paragraphs, none around the text. Lines are cut on the UTF-8 bytes: a line feed, a carriage return
    /// and the pair of them are always Characters of their own (grapheme rules GB3 to GB5), so the lines are the ones
    /// a split by Character gives (``collapsingWhitespacePerLineByCharacter``), without walking the text by Character.
    var collapsingWhitespacePerLine: String {
        var lines = FoldedLines()
        let utf8 = self.utf8
        var start = utf8.startIndex, index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                utf8.formIndex(after: &index)
                continue
            }
            lines.add(String(self[start..<index]))
            utf8.formIndex(after: &index)
            if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { utf8.formIndex(after: &index) }
            start = index
        }
        lines.add(String(self[start...]))
        return lines.text
    }

    /// The reference: lines split Character by Character.
    var collapsingWhitespacePerLineByCharacter: String {
        var lines = FoldedLines()
        for line in split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lines.add(String(line))
        }
        return lines.text
    }

    /// Runs of whitespace folded to one space, none at either end — whitespace judged per Character (grapheme
    /// cluster), as `split(whereSeparator: \.isWhitespace)` judges it. Done on the UTF-8 bytes when no cluster can mix
    /// whitespace with other scalars (nearly always: see ``collapsedWhitespace(utf8:)``), per Character otherwise.
    var collapsingWhitespace: String {
        var text = self
        if let collapsed = text.withUTF8({ Self.collapsedWhitespace(utf8: $0) }) { return collapsed }
        return collapsingWhitespaceByCharacter
    }

    /// The reference: Character by Character.
    var collapsingWhitespaceByCharacter: String {
        split(whereSeparator: isWhitespace).joined(separator: " ")
    }

    /// Folds ASCII whitespace (tab, line feed, vertical tab, form feed, carriage return, space) on the bytes; nil —
    /// leave it to the Character-wise path — where a grapheme cluster could join whitespace with something else or
    /// whitespace is not ASCII: a non-ASCII whitespace scalar; after ASCII whitespace, a scalar that could extend its
    /// cluster (anything but letters of cased scripts and of scripts below Thai, digits, punctuation, currency and
    /// math symbols); before ASCII whitespace, a scalar that could prepend to it (format characters, letters and
    /// marks from U+0600 on). The same text as the Character-wise fold whenever it answers.
    static func collapsedWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var afterWhitespace = false
        var mayPrepend = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if mayPrepend { return nil }
                    pendingSpace = !out.isEmpty
                    afterWhitespace = true
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(byte)
                    afterWhitespace = false
                }
                mayPrepend = false
                index += 1
                continue
            }
            // Valid UTF-8 (a Swift String): the lead byte gives the length.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= count else { return nil }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let properties = scalar.properties
            if properties.isWhitespace { return nil }
            let category = properties.generalCategory
            if afterWhitespace {
                switch category {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber,
                     .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
                     .currencySymbol, .mathSymbol:
                    break
                case .otherLetter where value < 0x0E00:
                    break
                default:
                    return nil
                }
            }
            switch category {
            case .format, .otherLetter, .spacingMark, .nonspacingMark: mayPrepend = value >= 0x0600
            default: mayPrepend = false
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
            afterWhitespace = false
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An attribute value read as a whitespace-separated list (``ReadableElement/list(_:)``).
func listItems(_ value: String) -> [String] { value.split(whereSeparator: isWhitespace).map(String.init) }

/// `Character.isWhitespace`, answered from the ASCII value where there is one ("\r\n" included)
/// without the Unicode property lookup that otherwise dominates reading a dossier's text.
@inline(__always)
private func isWhitespace(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
    return character.isWhitespace
}

/// Lines folded one by one, a run of blank lines between them kept as one.
private struct FoldedLines {
    private var lines: [String] = []
    private var blank = false

    mutating func add(_ line: String) {
        let folded = line.collapsingWhitespace
        if folded.isEmpty {
            blank = !lines.isEmpty
            return
        }
        if blank { lines.append("") }
        blank = false
        lines.append(folded)
    }

    var text: String { lines.joined(separator: "\n") }
}
