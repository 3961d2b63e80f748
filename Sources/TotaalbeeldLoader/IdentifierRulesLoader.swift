import TotaalbeeldModel
import TotaalbeeldXML

/// Loads the anonymisation guard's identifier list and lints what the schema cannot see:
/// duplicate names and month names, and context words that are empty after folding.
///
/// ```swift
/// let rules = try IdentifierRulesLoader.load(contentsOf: "Rulesets/identifiers-nl.xml", schemas: schemas)
/// ```
public enum IdentifierRulesLoader {
    public static let defaultFileName = "identifiers-nl.xml"

    public static func load(contentsOf path: String, schemas: SchemaSet) throws(LoadError) -> IdentifierRules {
        let (document, bytes) = try schemas.load(path, maxBytes: RulesetLoader.maxBytes)
        return try rules(from: document, bytes: bytes)
    }

    static func rules(from document: XMLDocument, bytes: [UInt8]) throws(LoadError) -> IdentifierRules {
        let root = document.root
        guard root.name.localName == "identifiers" else {
            throw .invalid([LocatedProblem(root.modelLocation, "expected an identifier list, found a <\(root.name.localName)> document")])
        }
        let log = ProblemLog()
        let birth = root.child(named: "birthDate")
        var months: [String: Int] = [:]
        for month in root.child(named: "months")?.children(named: "month") ?? [] {
            for name in month.list("names").map({ $0.lowercased() }) {
                if months[name] != nil { log.report(month.attributeLocation("names"), "month name '\(name)' is listed twice") }
                months[name] = month.integer("number") ?? 0
            }
        }
        var seen: [String: Int] = [:]
        let names = (root.child(named: "names")?.children ?? []).map { element -> PersonalName in
            let text = element.normalizedText
            if let first = seen[text.lowercased()] {
                log.report(element.location, "name '\(text)' is listed twice (first at line \(first))")
            }
            seen[text.lowercased()] = seen[text.lowercased()] ?? element.location.line
            return PersonalName(text: text, kind: element.name.localName == "given" ? .given : .family, commonWord: element.boolean("commonWord", default: false))
        }
        func words(_ parent: XMLElement?, _ name: String) -> [String] {
            parent?.children(named: name).map { $0.normalizedText.lowercased() } ?? []
        }
        try log.throwIfAny()
        return IdentifierRules(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", checksum: SHA256.hex(of: bytes),
            birthContext: words(birth, "context"), birthElements: words(birth, "element"), contextWindow: birth?.integer("window") ?? 40,
            months: months, honorifics: words(root.child(named: "honorifics"), "honorific"),
            particles: words(root.child(named: "particles"), "particle"), names: names
        )
    }
}
