/// How a deliberately broken dossier was broken, and where, so a test can check that the loader
/// rejects it for the right reason.
///
/// ```swift
/// let broken = generator.dossier(at: 7)
/// if let breakage = broken.breakage { print(breakage.kind, breakage.line, breakage.detail) }
/// ```
public struct Breakage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Not well-formed XML: an unescaped ampersand, a missing end tag, or a truncated file.
        case malformed
        /// Well-formed, but invalid against dossier-1.xsd (missing required attribute, bad value, duplicate id).
        case schema
        /// Valid against the schema, but naming an indicator, domain, source or citation that does not exist.
        case unknownReference
        /// A DOCTYPE with an entity declaration: refused by the hardened parser before anything expands.
        case doctype
        /// Bytes that are not UTF-8 in a document that declares UTF-8.
        case invalidUTF8
    }

    public var kind: Kind
    /// 1-based line of the defect in the broken bytes.
    public var line: Int
    public var detail: String
}

/// Breaks a valid dossier in one of several ways. Every way is certain to make `DossierLoader` fail:
/// each edit targets an element that every generated dossier has (summary, client, sources) or falls
/// back to one that it does.
enum Breaker {
    static func breakDossier(_ xml: String, random: inout SeededRandom) -> ([UInt8], Breakage) {
        let kind = random.pick(Breakage.Kind.allCases)
        var lines = xml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(containing needle: String) -> Int { lines.firstIndex { $0.contains(needle) } ?? 0 }

        switch kind {
        case .malformed:
            switch random.int(below: 3) {
            case 0:
                let at = line(containing: "<summary>")
                lines[at] = lines[at].replacingAll("</summary>", with: " Cliënt & netwerk zijn gesproken.</summary>")
                return (bytes(lines), Breakage(kind: kind, line: at + 1, detail: "unescaped '&' in <summary>"))
            case 1:
                let at = line(containing: "</sources>")
                lines.remove(at: at)
                return (bytes(lines), Breakage(kind: kind, line: at + 1, detail: "end tag </sources> removed"))
            default:
                // Cut inside the sources block, so the file ends in the middle of the document.
                let at = line(containing: "<source ")
                let kept = Array(lines[...at])
                let cut = kept[at].prefix(kept[at].count / 2)
                return (bytes(Array(kept.dropLast()) + [String(cut)]), Breakage(kind: kind, line: at + 1, detail: "file truncated inside a <source> element"))
            }
        case .schema:
            let at = line(containing: "<client ")
            switch random.int(below: 3) {
            case 0:
                lines[at] = removeAttribute("benefitRegime", from: lines[at])
                return (bytes(lines), Breakage(kind: kind, line: at + 1, detail: "required attribute benefitRegime removed from <client>"))
            case 1:
                lines[at] = replaceAttribute("ageBand", in: lines[at], with: "onbekend")
                return (bytes(lines), Breakage(kind: kind, line: at + 1, detail: "ageBand 'onbekend' does not match the AgeBand pattern"))
            default:
                let source = line(containing: "<source ")
                lines[source] = removeAttribute("role", from: lines[source])
                return (bytes(lines), Breakage(kind: kind, line: source + 1, detail: "required attribute role removed from <source>"))
            }
        case .unknownReference:
            let finding = lines.firstIndex { $0.contains("<finding ") }
            if let finding, random.chance(0.5) {
                lines[finding] = replaceAttribute("indicator", in: lines[finding], with: "onbekende-indicator")
                return (bytes(lines), Breakage(kind: kind, line: finding + 1, detail: "finding names indicator 'onbekende-indicator'"))
            }
            let at = line(containing: "<source ")
            lines[at] = replaceAttribute("kind", in: lines[at], with: "buurman")
            return (bytes(lines), Breakage(kind: kind, line: at + 1, detail: "source kind 'buurman' is not in the ruleset"))
        case .doctype:
            let external = random.chance(0.5)
            let declaration = external
                ? "<!DOCTYPE dossier [<!ENTITY extern SYSTEM \"file:///etc/hostname\">]>"
                : "<!DOCTYPE dossier [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            lines.insert(declaration, at: 1)
            let at = line(containing: "<summary>")
            lines[at] = lines[at].replacingAll("</summary>", with: external ? " &extern;</summary>" : " &b;</summary>")
            return (bytes(lines), Breakage(kind: kind, line: 2, detail: external ? "DOCTYPE with an external entity" : "DOCTYPE with nested entities"))
        case .invalidUTF8:
            let at = line(containing: "<summary>")
            var out: [UInt8] = []
            for (n, text) in lines.enumerated() {
                if n > 0 { out.append(0x0A) }
                if n == at, let range = text.firstRange(of: "<summary>") {
                    out += Array(text[..<range.upperBound].utf8)
                    // A lone continuation byte, then a lead byte followed by ASCII: both malformed.
                    out += [0xFF, 0xC3, 0x28]
                    out += Array(text[range.upperBound...].utf8)
                } else {
                    out += Array(text.utf8)
                }
            }
            return (out, Breakage(kind: kind, line: at + 1, detail: "bytes FF C3 28 at the start of <summary>"))
        }
    }

    private static func bytes(_ lines: [String]) -> [UInt8] {
        Array(lines.joined(separator: "\n").utf8)
    }

    private static func removeAttribute(_ name: String, from line: String) -> String {
        guard let start = line.firstRange(of: " \(name)=\"") else { return line }
        guard let end = line[start.upperBound...].firstIndex(of: "\"") else { return line }
        return String(line[..<start.lowerBound]) + String(line[line.index(after: end)...])
    }

    private static func replaceAttribute(_ name: String, in line: String, with value: String) -> String {
        guard let start = line.firstRange(of: " \(name)=\"") else { return line }
        guard let end = line[start.upperBound...].firstIndex(of: "\"") else { return line }
        return String(line[..<start.upperBound]) + value + String(line[end...])
    }
}
