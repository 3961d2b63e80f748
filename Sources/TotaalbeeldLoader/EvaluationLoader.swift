import TotaalbeeldModel
import TotaalbeeldXML

/// Loads evaluations for `totaalbeeld compare` and `validate`.
///
/// ```swift
/// let (dossier, citable) = try DossierLoader.loadWithCitableElements(contentsOf: dossierPath, ruleset: ruleset, schemas: schemas)
/// let evaluation = try EvaluationLoader.load(contentsOf: path, ruleset: ruleset, dossier: (dossier.id, Set(citable.keys)), schemas: schemas)
/// ```
public enum EvaluationLoader {
    /// Loads and checks one evaluation. Without `dossier`, only the schema and the ruleset references are checked.
    public static func load(
        contentsOf path: String, ruleset: Ruleset, dossier: (id: String, elementIDs: Set<String>)?, schemas: SchemaSet
    ) throws(LoadError) -> Evaluation {
        let (document, _) = try schemas.load(path, maxBytes: DossierLoader.maxBytes)
        return try evaluation(from: document, ruleset: ruleset, dossier: dossier)
    }

    /// As ``load(contentsOf:ruleset:dossier:schemas:)``, for bytes in memory (a workbench save before it is written).
    public static func load(
        bytes: [UInt8], fileName: String, ruleset: Ruleset, dossier: (id: String, elementIDs: Set<String>)?, schemas: SchemaSet
    ) throws(LoadError) -> Evaluation {
        try evaluation(from: try schemas.parse(bytes, fileName: fileName, maxBytes: DossierLoader.maxBytes), ruleset: ruleset, dossier: dossier)
    }

    /// Loads several evaluations of one dossier and checks that no rater appears twice; all problems at once.
    public static func loadAll(
        _ paths: [String], ruleset: Ruleset, dossier: (id: String, elementIDs: Set<String>), schemas: SchemaSet
    ) throws(LoadError) -> [Evaluation] {
        var loaded: [Evaluation] = []
        var problems: [LocatedProblem] = []
        for path in paths {
            do {
                loaded.append(try load(contentsOf: path, ruleset: ruleset, dossier: dossier, schemas: schemas))
            } catch {
                if case .missingInput = error { throw error }
                problems += error.problems
            }
        }
        var seen: [String: Evaluation] = [:]
        for evaluation in loaded {
            if let first = seen[evaluation.rater] {
                problems.append(LocatedProblem(evaluation.raterLocation, "rater '\(evaluation.rater)' is listed twice (also in \(first.raterLocation)); each professional gives one evaluation"))
            } else {
                seen[evaluation.rater] = evaluation
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return loaded
    }

    static func evaluation(from document: XMLDocument, ruleset: Ruleset, dossier: (id: String, elementIDs: Set<String>)?) throws(LoadError) -> Evaluation {
        let root = document.root
        guard root.name.localName == "evaluation" else {
            throw .invalid([LocatedProblem(root.modelLocation, "expected an evaluation, found a <\(root.name.localName)> document")])
        }
        let log = ProblemLog()
        let levels = ruleset.scoring.levels.map(\.id)
        func check(_ element: XMLElement, _ attribute: String, known: [String], what: String) {
            guard let value = element.attribute(attribute), !known.contains(value) else { return }
            log.report(element.attributeLocation(attribute), "unknown \(what) '\(value)' (not defined in ruleset \(ruleset.id) \(ruleset.version))\(suggestion(value, among: known))")
        }
        func cites(_ element: XMLElement) -> [String] {
            let ids = element.list("cites")
            if let dossier {
                for id in ids where !dossier.elementIDs.contains(id) {
                    log.report(element.attributeLocation("cites"), "<\(element.name.localName)> cites '\(id)', which is not an element of dossier \(dossier.id)\(suggestion(id, among: Array(dossier.elementIDs)))")
                }
            }
            return ids
        }
        var judgements: [Evaluation.Judgement] = []
        var cellLocations: [Cell: Location] = [:]
        func add(_ family: CellFamily, _ subject: String, _ value: String, _ cites: [String], _ element: XMLElement) {
            let cell = Cell(family, subject)
            if let earlier = cellLocations[cell] {
                log.report(element.location, "\(family.rawValue) \(subject.isEmpty ? "" : "'\(subject)' ")is judged twice (first at line \(earlier.line))")
                return
            }
            cellLocations[cell] = element.modelLocation
            judgements.append(.init(cell: cell, value: value, cites: cites, location: element.modelLocation))
        }

        let fileDossier = root.attribute("dossier") ?? ""
        if let dossier, fileDossier != dossier.id {
            log.report(root.attributeLocation("dossier"), "this evaluation is of dossier '\(fileDossier)', not of '\(dossier.id)' being compared")
        }
        if let rulesetID = root.attribute("ruleset"), rulesetID != ruleset.id {
            log.report(root.attributeLocation("ruleset"), "this evaluation uses ruleset '\(rulesetID)', but the comparison uses '\(ruleset.id)'")
        }
        let evaluator = root.child(named: "evaluator")
        for domain in root.children(named: "domain") {
            check(domain, "id", known: ruleset.domains.map(\.id), what: "domain")
            check(domain, "burden", known: levels, what: "score level")
            check(domain, "strength", known: levels, what: "score level")
            let id = domain.attribute("id") ?? ""
            let cited = cites(domain)
            add(.burden, id, domain.attribute("burden") ?? "", cited, domain)
            add(.strength, id, domain.attribute("strength") ?? "", cited, domain)
            for level2 in domain.children(named: "level2") {
                check(level2, "dimension", known: ruleset.dimensions.map(\.id), what: "level-2 dimension")
                add(.level2, id + "/" + (level2.attribute("dimension") ?? ""), level2.attribute("value") ?? "", cites(level2), level2)
            }
        }
        for need in root.children(named: "supportNeed") {
            check(need, "activity", known: ruleset.activities.map(\.id), what: "Schema 2 activity")
            check(need, "level", known: levels, what: "score level")
            add(.schema2, need.attribute("activity") ?? "", need.attribute("level") ?? "", cites(need), need)
        }
        if let placement = root.child(named: "placement") {
            let cited = cites(placement)
            for family in [CellFamily.willing, .able, .approach] {
                add(family, "", placement.attribute(family.rawValue) ?? "", cited, placement)
            }
        }
        let direction = root.child(named: "direction")
        let directionCites = direction.map(cites) ?? []
        try log.throwIfAny()
        return Evaluation(
            file: document.fileName, dossier: fileDossier, rater: evaluator?.attribute("id") ?? "",
            profession: evaluator?.attribute("profession") ?? "", judgements: judgements,
            direction: direction?.normalizedText.nilIfEmpty, directionCites: directionCites,
            raterLocation: evaluator?.modelLocation ?? root.modelLocation
        )
    }
}
