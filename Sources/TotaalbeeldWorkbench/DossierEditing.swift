import TotaalbeeldModel
import TotaalbeeldXML

/// Edits made in the workbench, applied to the dossier's XML tree so everything the form does not show — comments,
/// findings, FML items, elements a later format version adds — is kept as it was.
struct DossierEditor {
    var tree: XMLTree
    let ruleset: Ruleset
    let today: String

    static let order = ["summary", "client", "disability", "fml", "sources", "findings", "narratives", "wish", "assessment"]
    static let assessmentOrder = ["conclusion", "weighed", "supportNeed", "placement", "direction", "weighedFlag"]

    enum EditError: Error { case message(String) }

    // MARK: Tree helpers

    private static func index(_ element: XMLNodeElement, named name: String) -> Int? {
        element.content.firstIndex { if case .element(let e) = $0 { e.localName == name } else { false } }
    }

    /// Inserts `child` before the first child that comes later in `order`, on its own indented line.
    private static func insert(_ child: XMLNodeElement, into parent: inout XMLNodeElement, order: [String], indent: String) {
        let rank = order.firstIndex(of: child.localName) ?? order.count
        var position = parent.content.count
        for (i, node) in parent.content.enumerated() {
            if case .element(let e) = node, (order.firstIndex(of: e.localName) ?? order.count) > rank {
                position = i
                break
            }
        }
        // Keep the closing tag's own line: insert before a trailing whitespace text node.
        if position == parent.content.count, case .text(let t)? = parent.content.last, t.allSatisfy(\.isWhitespace) {
            position -= 1
        }
        parent.content.insert(contentsOf: [.text("\n" + indent), .element(child)], at: position)
    }

    private func ids() -> Set<String> {
        var result = Set<String>()
        func walk(_ e: XMLNodeElement) {
            if let id = e.attribute("id") { result.insert(id) }
            e.elements.forEach(walk)
        }
        walk(tree.root)
        return result
    }

    private static func freeID(_ stem: String, taken: inout Set<String>) -> String {
        var n = 1
        while taken.contains("\(stem)-\(n)") { n += 1 }
        taken.insert("\(stem)-\(n)")
        return "\(stem)-\(n)"
    }

    private static func withChild(_ root: inout XMLNodeElement, _ name: String, create: Bool, _ body: (inout XMLNodeElement) throws(EditError) -> Void) throws(EditError) {
        if let i = index(root, named: name), case .element(var element) = root.content[i] {
            try body(&element)
            root.content[i] = .element(element)
        } else if create {
            var element = root.makeChild(name)
            try body(&element)
            if !element.content.isEmpty || name == "assessment" {
                element.content.append(.text("\n  "))
                insert(element, into: &root, order: order, indent: "  ")
            }
        }
    }

    /// The source the assessor speaks as: the first `professional` source, added when there is none.
    private mutating func assessorSource(taken: inout Set<String>) throws(EditError) -> String {
        let sources = tree.root.element(named: "sources")?.elements(named: "source") ?? []
        if let id = sources.first(where: { $0.attribute("kind") == "professional" })?.attribute("id") { return id }
        let id = Self.freeID("s-professional", taken: &taken)
        let date = today
        try Self.withChild(&tree.root, "sources", create: true) { (sourcesElement: inout XMLNodeElement) throws(EditError) in
            let source = sourcesElement.makeChild("source", attributes: [("id", id), ("kind", "professional"), ("role", "arbeidsdeskundige (werkbank)"), ("date", date)])
            Self.insert(source, into: &sourcesElement, order: ["source"], indent: "    ")
        }
        return id
    }

    private static func idList(_ text: String) -> String? {
        let ids = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\n" }).map(String.init)
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    // MARK: Theme texts, unassigned texts, assessment

    mutating func apply(_ form: FormFields) throws(EditError) {
        var taken = ids()
        let ruleset = self.ruleset
        let fallbackSource = Self.firstSource(tree)
        // Existing narratives and unassigned texts.
        try Self.withChild(&tree.root, "narratives", create: true) { (narratives: inout XMLNodeElement) throws(EditError) in
            var kept: [XMLNode] = []
            var previousWasDropped = false
            for node in narratives.content {
                guard case .element(var element) = node, let id = element.attribute("id") else {
                    if case .text(let t) = node, previousWasDropped, t.allSatisfy(\.isWhitespace) { previousWasDropped = false; continue }
                    kept.append(node)
                    continue
                }
                previousWasDropped = false
                if element.localName == "narrative", let text = form["n:" + id] {
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.isEmpty {
                        if case .text? = kept.last { kept.removeLast() }
                        continue
                    }
                    element.setText(trimmed)
                    if let source = form["ns:" + id], !source.isEmpty { element.setAttribute("source", source) }
                } else if element.localName == "unassigned", let theme = form["u:" + id], let t = ruleset.theme(id: theme) {
                    // Filed under a theme by the professional: a narrative from here on.
                    var narrative = narratives.makeChild("narrative", attributes: [
                        ("id", id), ("domain", t.domain), ("theme", t.id),
                        ("source", element.attribute("source") ?? form.value("us:" + id)), ("date", element.attribute("date")),
                    ], text: element.text)
                    if narrative.attribute("source")?.isEmpty ?? true { narrative.setAttribute("source", fallbackSource) }
                    element = narrative
                }
                kept.append(.element(element))
            }
            narratives.content = kept
            for theme in ruleset.themes {
                let text = form.value("new:" + theme.id)
                guard !text.isEmpty else { continue }
                let source = form.value("newsrc:" + theme.id)
                guard !source.isEmpty else { throw .message("Kies bij ‘\(theme.label.nl)’ de bron van de nieuwe tekst.") }
                let date = form.value("newdate:" + theme.id)
                let id = Self.freeID("n-" + theme.id, taken: &taken)
                let element = narratives.makeChild("narrative", attributes: [
                    ("id", id), ("domain", theme.domain), ("theme", theme.id), ("source", source), ("date", date.isEmpty ? nil : date),
                ], text: text)
                Self.insert(element, into: &narratives, order: ["narrative", "unassigned"], indent: "    ")
            }
        }
        // An emptied <narratives> is not valid: drop it.
        if let i = Self.index(tree.root, named: "narratives"), case .element(let e) = tree.root.content[i], e.elements.isEmpty {
            tree.root.content.remove(at: i)
            if i > 0, case .text(let t) = tree.root.content[i - 1], t.allSatisfy(\.isWhitespace) { tree.root.content.remove(at: i - 1) }
        }
        try applyAssessment(form, taken: &taken)
    }

    private static func firstSource(_ tree: XMLTree) -> String {
        let sources = tree.root.element(named: "sources")?.elements(named: "source") ?? []
        return (sources.first { $0.attribute("kind") == "client" } ?? sources.first)?.attribute("id") ?? ""
    }

    private mutating func applyAssessment(_ form: FormFields, taken: inout Set<String>) throws(EditError) {
        let newConclusion = form.value("c:new")
        let directionText = form["d:text"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let hasAssessment = Self.index(tree.root, named: "assessment") != nil
        guard hasAssessment || !newConclusion.isEmpty || !(directionText ?? "").isEmpty else { return }
        let assessor = hasAssessment ? "" : try assessorSource(taken: &taken)
        let date = today
        try Self.withChild(&tree.root, "assessment", create: true) { (assessment: inout XMLNodeElement) throws(EditError) in
            if assessment.attribute("id") == nil {
                assessment.setAttribute("id", "a-werkbank")
                assessment.setAttribute("source", assessor)
                assessment.setAttribute("date", date)
            }
            var kept: [XMLNode] = []
            for node in assessment.content {
                guard case .element(var element) = node, let id = element.attribute("id") else { kept.append(node); continue }
                if element.localName == "conclusion", let text = form["c:" + id] {
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.isEmpty {
                        if case .text? = kept.last { kept.removeLast() }
                        continue
                    }
                    element.setText(trimmed)
                    element.setAttribute("cites", Self.idList(form.value("cc:" + id)))
                } else if element.localName == "direction", let text = directionText {
                    if text.isEmpty {
                        if case .text? = kept.last { kept.removeLast() }
                        continue
                    }
                    element.setText(text)
                    element.setAttribute("cites", Self.idList(form.value("d:cites")))
                    element.setAttribute("addresses", Self.idList(form.value("d:addresses")))
                    let shared = form.value("d:shared")
                    element.setAttribute("sharedWithClient", ["yes", "no", "unclear"].contains(shared) ? shared : nil)
                }
                kept.append(.element(element))
            }
            assessment.content = kept
            if !newConclusion.isEmpty {
                let id = Self.freeID("c", taken: &taken)
                let element = assessment.makeChild("conclusion", attributes: [("id", id), ("cites", Self.idList(form.value("cc:new")))], text: newConclusion)
                Self.insert(element, into: &assessment, order: Self.assessmentOrder, indent: "    ")
            }
            if let text = directionText, !text.isEmpty, assessment.element(named: "direction") == nil {
                let shared = form.value("d:shared")
                let element = assessment.makeChild("direction", attributes: [
                    ("id", Self.freeID("d", taken: &taken)), ("cites", Self.idList(form.value("d:cites"))), ("addresses", Self.idList(form.value("d:addresses"))),
                    ("sharedWithClient", ["yes", "no", "unclear"].contains(shared) ? shared : nil),
                ], text: text)
                Self.insert(element, into: &assessment, order: Self.assessmentOrder, indent: "    ")
            }
        }
    }

    // MARK: Weighing

    /// Records that `flag` was weighed, as `<weighedFlag rule item? by date evidence>reason</weighedFlag>` with the
    /// evidence fingerprint the engine gave the flag. Weighing a flag again replaces its earlier weighing (the loader
    /// allows one per flag). Creates the assessment (and an assessor source) when the dossier has none.
    mutating func weigh(rule: String, item: String?, evidence: String, by name: String, reason: String) throws(EditError) {
        var taken = ids()
        let hasAssessment = Self.index(tree.root, named: "assessment") != nil
        let assessor = hasAssessment ? "" : try assessorSource(taken: &taken)
        let date = today
        try Self.withChild(&tree.root, "assessment", create: true) { (assessment: inout XMLNodeElement) throws(EditError) in
            if assessment.attribute("id") == nil {
                assessment.setAttribute("id", "a-werkbank")
                assessment.setAttribute("source", assessor)
                assessment.setAttribute("date", date)
            }
            Self.remove(from: &assessment) { $0.localName == "weighedFlag" && $0.attribute("rule") == rule && $0.attribute("item") == item }
            let element = assessment.makeChild(
                "weighedFlag", attributes: [("rule", rule), ("item", item), ("by", name), ("date", date), ("evidence", evidence)], text: reason
            )
            Self.insert(element, into: &assessment, order: Self.assessmentOrder, indent: "    ")
        }
    }

    /// Sets the evidence fingerprint of the weighing of `rule`/`item`: recording a weighing can itself change what a
    /// flag rests on (a new assessment or assessor source), so the fingerprint is taken from the dossier as saved.
    mutating func setWeighedEvidence(rule: String, item: String?, evidence: String) throws(EditError) {
        try Self.withChild(&tree.root, "assessment", create: false) { (assessment: inout XMLNodeElement) throws(EditError) in
            for (i, node) in assessment.content.enumerated() {
                guard case .element(var element) = node, element.localName == "weighedFlag",
                      element.attribute("rule") == rule, element.attribute("item") == item else { continue }
                element.setAttribute("evidence", evidence)
                assessment.content[i] = .element(element)
            }
        }
    }

    /// Removes the child elements `matching` says, with the line break before each.
    private static func remove(from parent: inout XMLNodeElement, matching: (XMLNodeElement) -> Bool) {
        var kept: [XMLNode] = []
        for node in parent.content {
            if case .element(let element) = node, matching(element) {
                if case .text(let t)? = kept.last, t.allSatisfy(\.isWhitespace) { kept.removeLast() }
                continue
            }
            kept.append(node)
        }
        parent.content = kept
    }
}

/// An intervision evaluation from the workbench form (format `urn:totaalbeeld:evaluation:1`).
enum EvaluationWriter {
    static let namespace = "urn:totaalbeeld:evaluation:1"

    static func xml(dossierID: String, ruleset: Ruleset, date: String, form: FormFields) throws(DossierEditor.EditError) -> (rater: String, xml: String) {
        let rater = form.value("rater").lowercased()
        guard DossierStore.isSafeName(rater + ".x", suffix: ".x"), rater.count <= 60 else {
            throw .message("Geef een code voor de professional: kleine letters, cijfers en streepjes (bijvoorbeeld ad-collega-a), geen naam.")
        }
        let professions = ["labour-expert", "occupational-physician", "insurance-physician", "reintegration-professional", "job-coach", "case-manager"]
        let profession = form.value("profession")
        guard professions.contains(profession) else { throw .message("Kies het beroep van de professional.") }
        let willing = form.value("willing"), able = form.value("able"), approach = form.value("approach")
        guard ["yes", "no", "unclear"].contains(willing), ["yes", "no", "unclear"].contains(able) else {
            throw .message("Kies bij de plaatsing zowel ‘willen’ als ‘kunnen’.")
        }
        guard ["explain", "confront", "concrete-proposals", "help-over-fear"].contains(approach) else { throw .message("Kies een aanpak bij de plaatsing.") }
        let levels = Set(ruleset.scoring.levels.map(\.id))
        var root = XMLNodeElement(localName: "evaluation", namespaceURI: namespace, namespaceDeclarations: [(nil, namespace)])
        root.attributes = [.init(localName: "dossier", value: dossierID), .init(localName: "ruleset", value: ruleset.id), .init(localName: "date", value: date)]
        var children: [XMLNodeElement] = [root.makeChild("evaluator", attributes: [("id", rater), ("profession", profession)])]
        func cites(_ name: String) -> String? {
            let ids = form.value(name).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            return ids.isEmpty ? nil : ids.joined(separator: " ")
        }
        for domain in ruleset.domains {
            let burden = form.value("burden:" + domain.id), strength = form.value("strength:" + domain.id)
            guard levels.contains(burden), levels.contains(strength) else { continue }
            children.append(root.makeChild("domain", attributes: [("id", domain.id), ("burden", burden), ("strength", strength), ("cites", cites("dcites:" + domain.id))]))
        }
        for activity in ruleset.activities {
            let level = form.value("need:" + activity.id)
            guard levels.contains(level) else { continue }
            children.append(root.makeChild("supportNeed", attributes: [("activity", activity.id), ("level", level)]))
        }
        let placementText = form.value("placement")
        children.append(root.makeChild("placement", attributes: [("willing", willing), ("able", able), ("approach", approach), ("cites", cites("pcites"))], text: placementText.isEmpty ? nil : placementText))
        let direction = form.value("direction")
        if !direction.isEmpty { children.append(root.makeChild("direction", attributes: [("cites", cites("dircites"))], text: direction)) }
        var content: [XMLNode] = []
        for child in children { content += [.text("\n  "), .element(child)] }
        content.append(.text("\n"))
        root.content = content
        return (rater, XMLTree(prologue: [" Evaluation entered in the Totaalbeeld workbench. "], root: root).serialized())
    }
}
