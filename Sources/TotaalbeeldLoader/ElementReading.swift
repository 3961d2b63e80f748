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

extension XMLElement {
    var modelLocation: Location { Location(location) }

    /// Children `name` read as one text per language; Dutch falls back to the first entry.
    func localized(_ name: String) -> LocalizedText {
        var nl: String?
        var en: String?
        for child in children(named: name) {
            let text = child.text.collapsingWhitespace
            switch child.attribute("lang", namespace: xmlNamespace) {
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
        (attribute(name) ?? "").split(whereSeparator: isWhitespace).map(String.init)
    }

    func date(_ name: String) -> SimpleDate? { attribute(name).flatMap(SimpleDate.init) }

    /// The element's own text with XML indentation folded to single spaces.
    var normalizedText: String { text.collapsingWhitespace }

    /// The element's own text with the whitespace of each line folded to single spaces, lines kept:
    /// narrative notes are often written line by line, and the sentence splitter judges a line break by
    /// the shape of its lines. Blank lines between paragraphs stay (one), blank lines around the text go.
    var lineText: String {
        var lines: [String] = []
        var blank = false
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let folded = String(line).collapsingWhitespace
            if folded.isEmpty {
                blank = !lines.isEmpty
                continue
            }
            if blank { lines.append("") }
            blank = false
            lines.append(folded)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    var collapsingWhitespace: String {
        split(whereSeparator: isWhitespace).joined(separator: " ")
    }
}

/// `Character.isWhitespace`, answered from the ASCII value where there is one ("\r\n" included)
/// without the Unicode property lookup that otherwise dominates reading a dossier's text.
@inline(__always)
private func isWhitespace(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
    return character.isWhitespace
}
