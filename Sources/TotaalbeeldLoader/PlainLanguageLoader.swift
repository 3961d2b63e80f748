import TotaalbeeldModel
import TotaalbeeldXML

/// Loads the plain words of the client letter and checks them against the ruleset they are keyed to:
/// every domain, theme and strength id must exist there (with a "did you mean" for typos).
///
/// ```swift
/// let plain = try PlainLanguageLoader.load(contentsOf: "Rulesets/plain-nl.xml", ruleset: ruleset, schemas: schemas)
/// ```
public enum PlainLanguageLoader {
    public static let defaultFileName = "plain-nl.xml"

    public static func load(contentsOf path: String, ruleset: Ruleset, schemas: SchemaSet) throws(LoadError) -> PlainLanguage {
        let (document, _) = try schemas.load(path, maxBytes: RulesetLoader.maxBytes)
        return try plainLanguage(from: document, ruleset: ruleset)
    }

    static func plainLanguage(from document: XMLDocument, ruleset: Ruleset?) throws(LoadError) -> PlainLanguage {
        let root = document.root
        guard root.name.localName == "plainLanguage" else {
            throw .invalid([LocatedProblem(root.modelLocation, "expected plain-language words, found a <\(root.name.localName)> document")])
        }
        let log = ProblemLog()
        func read(_ name: String, key: String, known: [String]?) -> [String: LocalizedText] {
            var values: [String: LocalizedText] = [:]
            for element in root.children(named: name) {
                let id = element.attribute(key) ?? ""
                if values[id] != nil { log.report(element.attributeLocation(key), "\(name) '\(id)' is listed twice") }
                if let known, !known.contains(id) {
                    log.report(element.attributeLocation(key), "\(name) '\(id)' is not in ruleset '\(ruleset?.id ?? "")'\(suggestion(id, among: known))")
                }
                values[id] = element.localized("text")
            }
            return values
        }
        if let ruleset, ruleset.id != root.attribute("ruleset") {
            log.report(root.attributeLocation("ruleset"), "these words are for ruleset '\(root.attribute("ruleset") ?? "")', not '\(ruleset.id)'")
        }
        let plain = PlainLanguage(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", ruleset: root.attribute("ruleset") ?? "",
            domains: read("domain", key: "id", known: ruleset?.domains.map(\.id)),
            themes: read("theme", key: "id", known: ruleset?.themes.map(\.id)),
            strengths: read("strength", key: "indicator", known: ruleset?.indicators.map(\.id)),
            jargon: root.child(named: "jargon")?.children(named: "term").map { $0.normalizedText.lowercased() } ?? []
        )
        try log.throwIfAny()
        return plain
    }
}
