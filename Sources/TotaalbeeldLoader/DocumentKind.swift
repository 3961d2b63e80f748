import TotaalbeeldModel

/// Validates any Totaalbeeld document by its root element, for `totaalbeeld validate`.
public enum DocumentValidator {
    public enum Kind: String, Sendable { case ruleset, dossier, catalogue = "track catalogue", evaluation, identifiers = "identifier list", plainLanguage = "plain-language words" }

    /// Validates the document; dossiers are also checked against `ruleset`.
    @discardableResult
    public static func validate(_ path: String, schemas: SchemaSet, ruleset: () throws(LoadError) -> Ruleset) throws(LoadError) -> Kind {
        let (document, bytes) = try schemas.load(path, maxBytes: DossierLoader.maxBytes)
        switch document.root.name.localName {
        case "ruleset":
            _ = try RulesetLoader.ruleset(from: document, bytes: bytes)
            return .ruleset
        case "catalogue":
            _ = try TrackCatalogueLoader.catalogue(from: document, ruleset: try ruleset())
            return .catalogue
        case "identifiers":
            _ = try IdentifierRulesLoader.rules(from: document, bytes: bytes)
            return .identifiers
        case "plainLanguage":
            _ = try PlainLanguageLoader.plainLanguage(from: document, ruleset: try ruleset())
            return .plainLanguage
        case "evaluation":
            _ = try EvaluationLoader.evaluation(from: document, ruleset: try ruleset(), dossier: nil); return .evaluation
        default:
            _ = try DossierLoader.dossier(from: document, ruleset: try ruleset())
            return .dossier
        }
    }
}
