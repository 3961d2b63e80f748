import TotaalbeeldModel
import TotaalbeeldXML

/// Loads a dossier: hardened parse, XSD validation, then a check of every reference into the ruleset.
///
/// ```swift
/// let dossier = try DossierLoader.load(contentsOf: "Cases/akc-focusgroep/case1-ict-wens.dossier.xml", ruleset: ruleset, schemas: schemas)
/// ```
public enum DossierLoader {
    public static let maxBytes = 16 << 20

    /// Read in one pass from libxml2's validated tree into the model (no copy of the document in between).
    public static func load(contentsOf path: String, ruleset: Ruleset, schemas: SchemaSet) throws(LoadError) -> Dossier {
        try loadWithBytes(contentsOf: path, ruleset: ruleset, schemas: schemas).dossier
    }

    /// As ``load(contentsOf:ruleset:schemas:)``, for bytes in memory (an import, a workbench save before it is written).
    public static func load(bytes: [UInt8], fileName: String, ruleset: Ruleset, schemas: SchemaSet) throws(LoadError) -> Dossier {
        let read = try schemas.read(bytes, fileName: fileName, maxBytes: maxBytes) { root in
            Result { () throws(LoadError) -> Dossier in try dossier(from: root, file: fileName, ruleset: ruleset) }
        }
        return try read.get()
    }

    /// As ``load(contentsOf:ruleset:schemas:)``, also returning the file's bytes, read once, for checks on the raw text
    /// (the anonymisation guard of bulk screening).
    public static func loadWithBytes(contentsOf path: String, ruleset: Ruleset, schemas: SchemaSet) throws(LoadError) -> (dossier: Dossier, bytes: [UInt8]) {
        let bytes = try SchemaSet.contents(of: path, maxBytes: maxBytes)
        return (try load(bytes: bytes, fileName: path, ruleset: ruleset, schemas: schemas), bytes)
    }

    /// One parse and schema validation, then the dossier read once per ruleset (each checks its own references), for
    /// screening one file under two rulesets (`totaalbeeld impact`). A file that cannot be parsed or validated throws;
    /// a reference one ruleset does not define fails that ruleset's result only.
    public static func loadForRulesets(
        contentsOf path: String, rulesets: [Ruleset], schemas: SchemaSet
    ) throws(LoadError) -> (bytes: [UInt8], dossiers: [Result<Dossier, LoadError>]) {
        let (document, bytes) = try schemas.load(path, maxBytes: maxBytes)
        return (bytes, rulesets.map { ruleset in Result { () throws(LoadError) in try dossier(from: document, ruleset: ruleset) } })
    }

    /// As ``load(contentsOf:ruleset:schemas:)``, also returning, from the same parse, every element with an `id` —
    /// what an evaluation may cite — with where it is and what it says (its text, whitespace collapsed, cut at
    /// `excerptLength` characters), so `compare` can check citations and show the evidence itself.
    public static func loadWithCitableElements(
        contentsOf path: String, ruleset: Ruleset, schemas: SchemaSet, excerptLength: Int = 160
    ) throws(LoadError) -> (dossier: Dossier, citable: [String: CitableElement]) {
        let (document, _) = try schemas.load(path, maxBytes: maxBytes)
        let dossier = try dossier(from: document, ruleset: ruleset)
        var elements: [String: CitableElement] = [:]
        func allText(_ element: XMLElement) -> String { ([element.text] + element.children.map(allText)).joined(separator: " ") }
        func collect(_ element: XMLElement) {
            if let id = element.attribute("id"), element !== document.root {
                var excerpt = allText(element).collapsingWhitespace
                if excerpt.count > excerptLength {
                    let cut = excerpt.prefix(excerptLength)
                    excerpt = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
                }
                elements[id] = CitableElement(id: id, kind: element.name.localName, location: element.modelLocation, excerpt: excerpt)
            }
            element.children.forEach(collect)
        }
        collect(document.root)
        return (dossier, elements)
    }

    static func dossier(from document: XMLDocument, ruleset: Ruleset) throws(LoadError) -> Dossier {
        try dossier(from: document.root, file: document.fileName, ruleset: ruleset)
    }

    /// The model read from a dossier's root element, in libxml2's tree (loading) or copied (citable elements).
    static func dossier<Element: ReadableElement>(from root: Element, file: String, ruleset: Ruleset) throws(LoadError) -> Dossier {
        guard root.isNamed("dossier") else {
            throw .invalid([LocatedProblem(root.modelLocation, "expected a dossier, found a <\(root.localName)> document")])
        }
        return try DossierReader(root: root, file: file, ruleset: ruleset).read()
    }
}

/// Reads the model from a dossier document: every element the dossier schema defines is read here, in this one
/// place — a new element is one more line below (and one in `dossier-1.xsd`), whichever view of the document it reads.
private struct DossierReader<Element: ReadableElement> {
    let root: Element
    let file: String
    let ruleset: Ruleset
    let log = ProblemLog()

    func read() throws(LoadError) -> Dossier {
        let client = root.child(named: "client")
        let sources: [Source] = root.child(named: "sources")?.children(named: "source").map { element -> Source in
            check(element, "kind", known: ruleset.sourceKinds.map(\.id), what: "source kind")
            return Source(
                id: element.attribute("id") ?? "", kind: element.attribute("kind") ?? "", role: element.attribute("role") ?? "",
                date: element.date("date"), note: element.normalizedText.nilIfEmpty, location: element.modelLocation
            )
        } ?? []
        let findings = root.child(named: "findings")?.children(named: "finding").map(readFinding) ?? []
        let narratives: [Narrative] = root.child(named: "narratives")?.children(named: "narrative").map { element -> Narrative in
            check(element, "domain", known: ruleset.domains.map(\.id), what: "domain")
            if element.attribute("theme") != nil { check(element, "theme", known: ruleset.themes.map(\.id), what: "theme") }
            check(element, "alsoThemes", known: ruleset.themes.map(\.id), what: "theme", list: true)
            let alsoThemes = element.attribute("alsoThemes")?.split(separator: " ").map(String.init) ?? []
            return Narrative(
                id: element.attribute("id") ?? "", domain: element.attribute("domain") ?? "", theme: element.attribute("theme"), alsoThemes: alsoThemes,
                source: element.attribute("source") ?? "", date: element.date("date"), text: element.lineText, location: element.modelLocation
            )
        } ?? []
        let wishes = root.children(named: "wish").map {
            Wish(id: $0.attribute("id") ?? "", source: $0.attribute("source") ?? "", date: $0.date("date"), text: $0.normalizedText, location: $0.modelLocation)
        }
        var dossier = Dossier(
            id: root.attribute("id") ?? "", file: file, date: root.date("date") ?? SimpleDate(year: 1970, month: 1, day: 1),
            summary: root.child(named: "summary")?.normalizedText,
            client: ClientProfile(
                ageBand: client?.attribute("ageBand") ?? "", age: client?.integer("age"), gender: client?.attribute("gender"),
                benefitRegime: client?.attribute("benefitRegime") ?? "", background: client?.attribute("background"),
                ref: client?.attribute("ref"), location: client?.modelLocation
            ),
            disability: root.child(named: "disability").map {
                Disability(
                    percentage: $0.attribute("percentage"), cause: $0.child(named: "cause")?.normalizedText ?? "", status: $0.child(named: "status")?.normalizedText,
                    location: ($0.child(named: "cause") ?? $0).modelLocation
                )
            },
            fml: root.child(named: "fml").map { fml in
                FML(
                    id: fml.attribute("id"), present: fml.boolean("present", default: false), date: fml.date("date"), source: fml.attribute("source"),
                    summary: fml.child(named: "summary")?.normalizedText,
                    prognosis: fml.child(named: "prognosis").map {
                        FML.Prognosis(expectation: .init(rawValue: $0.attribute("expectation") ?? "") ?? .unclear, text: $0.normalizedText, location: $0.modelLocation)
                    },
                    items: fml.children(named: "limitation").map { limitation in
                        if limitation.attribute("activity") != nil { check(limitation, "activity", known: ruleset.activities.map(\.id), what: "Schema 2 activity") }
                        return FML.Limitation(id: limitation.attribute("id"), text: limitation.normalizedText, activity: limitation.attribute("activity"), location: limitation.modelLocation)
                    },
                    suggestedJobs: fml.children(named: "suggestedJob").map(\.normalizedText),
                    jobIDs: fml.children(named: "suggestedJob").compactMap { $0.attribute("id") }, location: fml.modelLocation
                )
            },
            sources: sources, findings: findings, narratives: narratives, wishes: wishes,
            assessment: root.child(named: "assessment").map(readAssessment)
        )
        dossier.unassigned = root.child(named: "narratives")?.children(named: "unassigned").map {
            UnassignedText(
                id: $0.attribute("id") ?? "", heading: $0.attribute("heading"), origin: $0.attribute("origin"), source: $0.attribute("source"),
                date: $0.date("date"), text: $0.normalizedText, location: $0.modelLocation)
        } ?? []
        checkReferences()
        try log.throwIfAny()
        return dossier
    }

    private func readFinding(_ element: Element) -> StructuredFinding {
        let indicatorID = element.attribute("indicator") ?? ""
        // A parked indicator is known: the finding loads (in the indicator's domain) and is listed as not counted.
        let indicator = ruleset.indicator(id: indicatorID) ?? ruleset.parking(of: indicatorID)?.indicators.first { $0.id == indicatorID }
        if indicator == nil { check(element, "indicator", known: ruleset.indicators.map(\.id), what: "indicator") }
        if element.attribute("domain") != nil { check(element, "domain", known: ruleset.domains.map(\.id), what: "domain") }
        return StructuredFinding(
            id: element.attribute("id") ?? "", indicator: indicatorID, domain: element.attribute("domain") ?? indicator?.domain ?? "",
            source: element.attribute("source") ?? "", date: element.date("date"), present: element.boolean("present", default: true),
            historical: element.attribute("status") == "historical", resolved: element.attribute("status") == "resolved",
            experiencer: Experiencer(rawValue: element.attribute("experiencer") ?? "client") ?? .client,
            note: element.normalizedText.nilIfEmpty, location: element.modelLocation
        )
    }

    private func readAssessment(_ element: Element) -> Assessment {
        let conclusions = element.children(named: "conclusion").map { conclusion -> Assessment.Conclusion in
            if conclusion.attribute("domain") != nil { check(conclusion, "domain", known: ruleset.domains.map(\.id), what: "domain") }
            return Assessment.Conclusion(
                id: conclusion.attribute("id") ?? "", domain: conclusion.attribute("domain"), text: conclusion.normalizedText,
                cites: conclusion.list("cites"), location: conclusion.modelLocation
            )
        }
        let needs = element.children(named: "supportNeed").map { need -> Assessment.AssessedSupportNeed in
            check(need, "activity", known: ruleset.activities.map(\.id), what: "Schema 2 activity")
            check(need, "level", known: ruleset.scoring.levels.map(\.id), what: "score level")
            return Assessment.AssessedSupportNeed(
                id: need.attribute("id") ?? "", activity: need.attribute("activity") ?? "", level: need.attribute("level") ?? "",
                text: need.normalizedText, cites: need.list("cites"), location: need.modelLocation
            )
        }
        let placement = element.child(named: "placement").map {
            Assessment.Placement(
                id: $0.attribute("id") ?? "", willing: .init(rawValue: $0.attribute("willing") ?? "") ?? .unclear,
                able: .init(rawValue: $0.attribute("able") ?? "") ?? .unclear, text: $0.normalizedText, cites: $0.list("cites"), location: $0.modelLocation
            )
        }
        let direction = element.child(named: "direction").map {
            Assessment.Direction(
                id: $0.attribute("id") ?? "", text: $0.normalizedText, cites: $0.list("cites"), addresses: $0.list("addresses"),
                horizon: $0.attribute("horizon"), intensity: $0.attribute("intensity"),
                sharedWithClient: $0.attribute("sharedWithClient").flatMap(Assessment.Placement.Judgement.init(rawValue:)),
                location: $0.modelLocation
            )
        }
        let weighed = element.children(named: "weighed").map { weighed -> Assessment.Weighed in
            let indicatorID = weighed.attribute("indicator") ?? ""
            check(weighed, "indicator", known: ruleset.indicators.map(\.id), what: "indicator")
            if let reading = weighed.attribute("reading"), let indicator = ruleset.indicator(id: indicatorID), !indicator.readings.contains(where: { $0.id == reading }) {
                log.report(weighed.attributeLocation("reading"), "indicator '\(indicatorID)' has no reading '\(reading)'\(suggestion(reading, among: indicator.readings.map(\.id)))")
            }
            return Assessment.Weighed(
                id: weighed.attribute("id") ?? "", indicator: indicatorID, reading: weighed.attribute("reading"), of: weighed.list("of"),
                verdict: .init(rawValue: weighed.attribute("verdict") ?? "") ?? .open, text: weighed.normalizedText, cites: weighed.list("cites"),
                location: weighed.modelLocation
            )
        }
        var assessment = Assessment(
            id: element.attribute("id") ?? "", source: element.attribute("source") ?? "", date: element.date("date"),
            conclusions: conclusions, supportNeeds: needs, placement: placement, direction: direction, weighed: weighed, location: element.modelLocation
        )
        assessment.weighedFlags = element.children(named: "weighedFlag").map { weighed in
            Assessment.WeighedFlag(
                rule: weighed.attribute("rule") ?? "", item: weighed.attribute("item"), by: weighed.attribute("by") ?? "",
                date: weighed.date("date") ?? SimpleDate(year: 1970, month: 1, day: 1), evidence: weighed.attribute("evidence") ?? "",
                reason: weighed.normalizedText, location: weighed.modelLocation
            )
        }
        var seen: [String: Location] = [:]
        for (weighed, xml) in zip(assessment.weighedFlags, element.children(named: "weighedFlag")) {
            if let first = seen[weighed.flagID] {
                log.report(xml.location, "flag '\(weighed.flagID)' is weighed twice (first at line \(first.line)); keep one <weighedFlag> per flag, the latest weighing")
            } else {
                seen[weighed.flagID] = weighed.location
            }
        }
        return assessment
    }

    /// libxml2's XSD validation does not resolve IDREFs, so every citation and source reference is checked here.
    /// One walk instead of two: ids are collected while the references are noted in document order, and the references
    /// are checked once every id is known (a reference may point forward), so the problems come in the order a second
    /// walk would report them. An attribute that is absent is not split.
    private func checkReferences() {
        var ids: [String: String] = [:]
        var sourceIDs = Set<String>()
        var references: [(element: Element, attribute: String, values: [String])] = []
        var pending = [root]
        var atRoot = true
        while let element = pending.popLast() {
            // The root's own id is not a citable element.
            if !atRoot, let id = element.attribute("id") {
                ids[id] = element.localName
                if element.isNamed("source") { sourceIDs.insert(id) }
            }
            atRoot = false
            for attribute in ["cites", "addresses", "of"] {
                if let value = element.attribute(attribute) { references.append((element, attribute, listItems(value))) }
            }
            if let source = element.attribute("source") { references.append((element, "source", [source])) }
            pending.append(contentsOf: element.elementChildren.reversed())
        }
        for (element, attribute, values) in references {
            if attribute == "source" {
                let source = values[0]
                if !sourceIDs.contains(source) {
                    log.report(element.attributeLocation("source"), "<\(element.localName)> names source '\(source)', but '\(source)' is not a <source> of this dossier")
                }
                continue
            }
            for id in values where ids[id] == nil {
                log.report(element.attributeLocation(attribute), "<\(element.localName)> \(attribute) '\(id)', which is not an element of this dossier\(suggestion(id, among: Array(ids.keys)))")
            }
        }
    }

    /// Each value of the attribute (with `list`, each of its space-separated values) must be defined in the ruleset.
    private func check(_ element: Element, _ attribute: String, known: [String], what: String, list: Bool = false) {
        guard let value = element.attribute(attribute) else { return }
        for item in list ? value.split(separator: " ").map(String.init) : [value] where !known.contains(item) {
            log.report(element.attributeLocation(attribute), "unknown \(what) '\(item)' (not defined in ruleset \(ruleset.id) \(ruleset.version))\(suggestion(item, among: known))")
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
