import TotaalbeeldModel
import TotaalbeeldXML

/// Loads the anonymisation guard's identifier list and lints what the schema cannot see:
/// duplicate names, month names and number words.
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
        func tokens(_ element: XMLElement?) -> [String] {
            element?.normalizedText.lowercased().split(separator: " ").map(String.init) ?? []
        }
        let numbers = root.child(named: "numberWords")
        var numberWords: [String: Int] = [:]
        var hundredWords: [String: Int] = [:]
        for kind in ["number", "hundred"] {
            for number in numbers?.children(named: kind) ?? [] {
                for name in number.list("names").map({ $0.lowercased() }) {
                    if numberWords[name] != nil || hundredWords[name] != nil { log.report(number.attributeLocation("names"), "number word '\(name)' is listed twice") }
                    if kind == "number" { numberWords[name] = number.integer("value") ?? 0 } else { hundredWords[name] = number.integer("value") ?? 0 }
                }
            }
        }
        var ibanLengths: [String: Int] = [:]
        for country in root.child(named: "iban")?.children(named: "country") ?? [] {
            ibanLengths[country.attribute("code") ?? ""] = country.integer("length") ?? 0
        }
        let email = root.child(named: "obfuscatedEmail")
        try log.throwIfAny()
        return IdentifierRules(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", checksum: SHA256.hex(of: bytes),
            birthContext: words(birth, "context"), birthElements: words(birth, "element"), contextWindow: birth?.integer("window") ?? 40,
            months: months, honorifics: words(root.child(named: "honorifics"), "honorific"),
            particles: words(root.child(named: "particles"), "particle"), names: names,
            contextReach: birth?.integer("reach") ?? 0, bridgeWords: tokens(birth?.child(named: "bridge")),
            numberWords: numberWords, numberJoiners: numbers?.list("joiners").map { $0.lowercased() } ?? [],
            ordinalSuffixes: numbers?.list("ordinalSuffixes").map { $0.lowercased() } ?? [], hundredWords: hundredWords,
            ibanLengths: ibanLengths, emailAt: tokens(email?.child(named: "at")), emailDot: tokens(email?.child(named: "dot")),
            topLevelDomains: tokens(email?.child(named: "topLevelDomains"))
        )
    }
}
