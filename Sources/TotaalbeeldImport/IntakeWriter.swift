import TotaalbeeldModel

/// Renders a dossier as a Markdown intake in exactly the format ``IntakeMapper`` reads, so that
/// `totaalbeeld export` followed by `totaalbeeld import` gives back the same dossier as far as text can carry it.
///
/// What a text intake cannot carry, and what this writer does with it:
/// - structured `<finding>` elements: their notes are written as prose under a theme of the finding's domain,
///   attributed to the finding's source, each preceded by an HTML comment naming the finding (the reader leaves
///   comments out); findings without a note are left out. The screening then reads the note as narrative text,
///   which may or may not find the same indicator (and never knows `present="false"`, `historical` or `experiencer`
///   as recorded, only as the words say it);
/// - the assessment's `<placement>` and `<weighed>` elements, conclusions' `domain`, the dates of
///   narratives, wishes and the assessment, source notes: no place in the text format, left out;
/// - `<weighedFlag rule item by date evidence>`: left out. Its evidence fingerprint is taken over element ids, which
///   the importer numbers anew, so a weighing carried across would come back as "opnieuw te wegen" at best; the
///   professional weighs the flags of the imported dossier again (in the workbench);
/// - a narrative with a domain but no theme is written under a theme of its domain (one the dossier already covers
///   when there is one);
/// - the assessment's `<supportNeed>` elements (Schema 2) are written as "- Fysieke belastbaarheid: matig — …" lines
///   under the ruleset's support-needs heading, and come back as the same activity, level, text and citations;
/// - element ids: the importer numbers elements itself; citations ("(zie: …)") name theme headings, "wens", "FML"
///   or the ids the importer will give, so they resolve to the same elements.
///
/// ```swift
/// let markdown = IntakeWriter(ruleset: ruleset).markdown(for: dossier)
/// let back = try IntakeImporter(ruleset: ruleset, schemas: schemas).importIntake(bytes: Array(markdown.utf8), fileName: "x.md")
/// ```
public struct IntakeWriter: Sendable {
    public let ruleset: Ruleset

    public init(ruleset: Ruleset) { self.ruleset = ruleset }

    /// The Markdown intake for `dossier`.
    public func markdown(for dossier: Dossier) -> String { rendering(of: dossier).markdown }

    /// The Markdown intake and, per element id of the dossier, the id the importer will give the element it becomes
    /// (sources, narratives, finding notes, wishes, conclusions in order; absent for what the text cannot carry).
    public func rendering(of dossier: Dossier) -> (markdown: String, ids: [String: String]) {
        var writer = Rendering(ruleset: ruleset, dossier: dossier)
        writer.render()
        return (writer.lines.joined(separator: "\n") + "\n", writer.ids)
    }
}

private struct Rendering {
    let ruleset: Ruleset
    let dossier: Dossier
    let index: HeadingIndex
    var lines: [String] = []
    /// Original element id → the id the importer gives.
    var ids: [String: String] = [:]
    var counters: [String: Int] = [:]
    /// The source id the importer will give each original source, and the words that make it pick that source.
    var sourceWords: [String: String] = [:]
    var defaultSource: String?
    /// Per theme: the importer's narrative ids, in order.
    var themeNarratives: [String: [String]] = [:]
    var wishIDs: [String] = []

    init(ruleset: Ruleset, dossier: Dossier) {
        self.ruleset = ruleset
        self.dossier = dossier
        self.index = HeadingIndex(ruleset: ruleset)
    }

    mutating func nextID(_ stem: String) -> String {
        let n = (counters[stem] ?? 0) + 1
        counters[stem] = n
        return "\(stem)-\(n)"
    }

    mutating func render() {
        frontMatter()
        if let summary = dossier.summary?.collapsedSpaces, !summary.isEmpty {
            heading(2, first(of: .summary) ?? "Samenvatting")
            paragraph(Self.escaped(summary))
        }
        themes()
        fml()
        wishes()
        unassigned()
        assessment()
        while lines.last == "" { lines.removeLast() }
    }

    // MARK: Front matter

    mutating func frontMatter() {
        lines.append("---")
        lines.append("dossier: \(dossier.id)")
        lines.append("datum: \(dossier.date)")
        lines.append("regeling: \(dossier.client.benefitRegime)")
        if let age = dossier.client.age { lines.append("leeftijd: \(age)") }
        lines.append("leeftijdsklasse: \(dossier.client.ageBand)")
        if let gender = dossier.client.gender { lines.append("geslacht: \(Self.oneLine(gender))") }
        if let background = dossier.client.background { lines.append("achtergrond: \(Self.oneLine(background))") }
        if let disability = dossier.disability {
            lines.append("aandoening: \(Self.oneLine(disability.cause))")
            if let status = disability.status { lines.append("status: \(Self.oneLine(status))") }
            if let percentage = disability.percentage { lines.append("arbeidsongeschiktheid: \(Self.oneLine(percentage))") }
        }
        for source in dossier.sources {
            let id = nextID("s-" + source.kind)
            ids[source.id] = id
            // The ruleset's own word for the kind first, so the importer reads the same kind back.
            let role = Self.oneLine(source.role).replacingOccurrences(of: ";", with: ",").replacingOccurrences(of: "|", with: "/")
            lines.append("bron: \(kindWord(source.kind, role: source.role)); \(role)\(source.date.map { "; \($0)" } ?? "")")
        }
        lines.append("---")
        lines.append("")
        defaultSource = dossier.sources.first { $0.kind == "client" }?.id
        for source in dossier.sources { sourceWords[source.id] = attribution(for: source) }
    }

    /// A word of the ruleset's source-role list that names `kind` (the importer's reading of it), else the kind id.
    /// The one the role itself uses when there is one ("verzekeringsarts" for "verzekeringsarts UWV").
    func kindWord(_ kind: String, role: String) -> String {
        let names = ruleset.sourceRoles.filter { $0.kind == kind }.flatMap(\.names)
            .filter { IntakeMapper.roleKind($0, ruleset: ruleset) == kind && !$0.contains(";") && !$0.contains("|") && DateParsing.date($0) == nil }
        let roleKey = " " + HeadingKey.fold(role) + " "
        return names.first { roleKey.contains(" " + HeadingKey.fold($0) + " ") } ?? names.first ?? kind
    }

    /// Words for "Volgens …:" that the importer resolves to exactly this source: same kind, and the first source of
    /// that kind whose role contains the words (as `resolveSource` chooses).
    func attribution(for source: Source) -> String? {
        var candidates = ruleset.sourceRoles.filter { $0.kind == source.kind }.flatMap(\.names)
        let role = Self.oneLine(source.role)
        candidates += role.split(separator: " ").map { String($0).trimmingPunctuation }
        candidates.append(role)
        candidates.append(source.kind)
        let declared = dossier.sources.map { (id: $0.id, kind: $0.kind, role: $0.role) }
        for words in candidates where !words.isEmpty && !words.contains(":") && words.count <= 70 {
            let bare = IntakeMapper.stripArticleForWriter(words)
            if IntakeMapper.declaredSource(named: bare, among: declared, ruleset: ruleset) == source.id { return bare }
        }
        return nil
    }

    // MARK: Themes

    /// The theme a domain-only narrative or a finding's note goes under: one the dossier already files text under, else the first.
    func theme(forDomain domain: String) -> ConversationTheme? {
        let themes = ruleset.themes.filter { $0.domain == domain }.sorted { $0.order < $1.order }
        return themes.first { t in dossier.narratives.contains { $0.theme == t.id } } ?? themes.first
    }

    mutating func themes() {
        for theme in ruleset.themes.sorted(by: { $0.order < $1.order }) {
            var items: [(original: String, source: String, text: String, comment: String?)] = []
            for narrative in dossier.narratives {
                let filed = narrative.theme ?? self.theme(forDomain: narrative.domain)?.id
                guard filed == theme.id else { continue }
                items.append((narrative.id, narrative.source, narrative.text, narrative.theme == nil ? "verhaal \(narrative.id) heeft alleen een domein (\(narrative.domain)); hier onder dit thema" : nil))
            }
            // Structured findings have no place in a text intake: their notes are written as prose, marked by a comment.
            for finding in dossier.findings {
                guard let note = finding.note?.collapsedSpaces, !note.isEmpty, self.theme(forDomain: finding.domain)?.id == theme.id else { continue }
                items.append((finding.id, finding.source, note, "bevinding \(finding.id) (indicator \(finding.indicator)\(finding.present ? "" : ", afwezig")) als tekst"))
            }
            guard !items.isEmpty else { continue }
            heading(2, sectionHeading(for: theme))
            for item in items {
                let id = nextID("n-" + theme.id)
                ids[item.original] = id
                themeNarratives[theme.id, default: []].append(id)
                if let comment = item.comment { lines.append("<!-- \(comment) -->") }
                paragraph(attributed(item.text, source: item.source))
            }
        }
    }

    /// The theme's first heading from the ruleset data that the importer maps back to it.
    func sectionHeading(for theme: ConversationTheme) -> String {
        (theme.headings + [theme.label.nl]).first { Self.lookup(index, $0) == .theme(theme.id) } ?? theme.label.nl
    }

    /// A name for citing the theme in "(zie: …)": no comma, semicolon or " en " (the citation list splits on them).
    func citationName(for theme: ConversationTheme) -> String? {
        ([theme.label.nl] + theme.headings).first {
            !$0.contains(",") && !$0.contains(";") && !$0.contains(" en ") && Self.lookup(index, $0) == .theme(theme.id)
                && !["wens", "wensen", "fml"].contains(HeadingKey.fold($0)) && !HeadingKey.fold($0).hasPrefix("wens van")
        }
    }

    static func lookup(_ index: HeadingIndex, _ heading: String) -> IntakeMapper.Target? { index.lookup(heading).target }

    /// "Volgens …: text" when the source differs from the one the importer would assume here.
    func attributed(_ text: String, source: String) -> String {
        let clean = Self.escaped(text.collapsedSpaces)
        // A text that itself opens with "Volgens de werkgever:" would be read as naming its source: always label it.
        // So would one that opens with a short label and a colon ("moeder: …"), read as the teller of a note line.
        let looksLabelled = ["volgens ", "bron", "informatie van ", "uit het gesprek met ", "navraag bij "].contains { clean.lowercased().hasPrefix($0) }
            || IntakeMapper.noteLabel(clean) != nil
        // Every such paragraph carries its own label: a "Volgens …: text" paragraph names the teller of that
        // paragraph only, so the next one is the section's teller again.
        guard source != defaultSource || looksLabelled, let words = sourceWords[source] else { return clean }
        return "Volgens \(words): \(clean)"
    }

    // MARK: FML, wish, unassigned

    mutating func fml() {
        guard let fml = dossier.fml else { return }
        heading(2, first(of: .fml) ?? "FML")
        guard fml.present else {
            paragraph("Geen FML.")
            return
        }
        if let source = fml.source, let words = sourceWords[source] { paragraph("Volgens \(words):") }
        if let date = fml.date { paragraph("Datum: \(date)") }
        if let summary = fml.summary?.collapsedSpaces, !summary.isEmpty { paragraph(Self.escaped(summary)) }
        if !fml.limitations.isEmpty {
            paragraph("Beperkingen:")
            for item in fml.limitations { lines.append("- " + Self.escaped(item.collapsedSpaces, atStart: false)) }
            lines.append("")
        }
        if !fml.suggestedJobs.isEmpty {
            paragraph("Geschikte functies:")
            for item in fml.suggestedJobs { lines.append("- " + Self.escaped(item.collapsedSpaces, atStart: false)) }
            lines.append("")
        }
    }

    mutating func wishes() {
        guard !dossier.wishes.isEmpty else { return }
        heading(2, first(of: .wish) ?? "Wens van de cliënt")
        for wish in dossier.wishes {
            let id = nextID("w")
            ids[wish.id] = id
            wishIDs.append(id)
            paragraph(attributed(wish.text, source: wish.source))
        }
    }

    mutating func unassigned() {
        for text in dossier.unassigned {
            let heading = text.heading.flatMap { Self.lookup(index, $0) == nil && !$0.isEmpty ? Self.oneLine($0) : nil } ?? "Overige bijzonderheden"
            self.heading(2, heading)
            paragraph(Self.escaped(text.text.collapsedSpaces))
        }
    }

    // MARK: Assessment

    mutating func assessment() {
        guard let assessment = dossier.assessment, !assessment.conclusions.isEmpty || !assessment.supportNeeds.isEmpty || assessment.direction != nil else { return }
        heading(2, first(of: .assessment) ?? "Beoordeling")
        if !assessment.conclusions.isEmpty {
            heading(3, first(of: .conclusions) ?? "Conclusies")
            for conclusion in assessment.conclusions {
                ids[conclusion.id] = nextID("c")
                lines.append("- " + cited(conclusion.text, conclusion.cites))
            }
            lines.append("")
        }
        if !assessment.supportNeeds.isEmpty {
            heading(3, first(of: .supportNeeds) ?? "Ondersteuningsbehoefte")
            for need in assessment.supportNeeds {
                ids[need.id] = nextID("sn")
                let label = ruleset.activity(id: need.activity)?.label.nl ?? need.activity
                lines.append("- \(label): \(need.level) — " + cited(need.text, need.cites))
            }
            lines.append("")
        }
        if let direction = assessment.direction {
            heading(3, first(of: .direction) ?? "Richting")
            paragraph(cited(direction.text, direction.cites))
            var settings: [String] = []
            let addressed = references(direction.addresses)
            if !addressed.isEmpty { settings.append("Afgewogen: " + addressed.joined(separator: ", ")) }
            if let shared = direction.sharedWithClient {
                settings.append("Gedeeld met cliënt: " + (shared == .yes ? "ja" : shared == .no ? "nee" : "onduidelijk"))
            }
            if let horizon = direction.horizon { settings.append("Horizon: " + (horizon == "long" ? "lang" : "kort")) }
            if let intensity = direction.intensity {
                settings.append("Intensiteit: " + (intensity == "light" ? "licht" : intensity == "intensive" ? "intensief" : "matig"))
            }
            if !settings.isEmpty {
                lines += settings
                lines.append("")
            }
        }
    }

    /// "text (zie: a, b)." — the closing citation the importer reads, keeping the text's own full stop.
    func cited(_ text: String, _ cites: [String]) -> String {
        var clean = Self.escaped(text.collapsedSpaces, atStart: false)
        let names = references(cites)
        guard !names.isEmpty else { return clean }
        var stop = ""
        if clean.hasSuffix(".") { clean.removeLast(); stop = "." }
        return "\(clean) (zie: \(names.joined(separator: ", ")))\(stop)"
    }

    /// What the importer resolves back to `cites`: a theme's name when all its text is cited, "wens" for all wishes,
    /// "FML" for the FML or any of its items, else the ids the importer gives. Elements without a text form are left out.
    func references(_ cites: [String]) -> [String] {
        var mapped: [String] = []
        var fmlCited = false
        for id in cites {
            // The FML and its items (limitations, suggested jobs) are one element in a text intake.
            if ids[id] == nil, id == "fml" || id.hasPrefix("fml") {
                fmlCited = dossier.fml?.present == true
                continue
            }
            if let new = ids[id], !mapped.contains(new) { mapped.append(new) }
        }
        var names: [String] = []
        var covered = Set<String>()
        for theme in ruleset.themes.sorted(by: { $0.order < $1.order }) {
            guard let all = themeNarratives[theme.id], !all.isEmpty, Set(all).isSubset(of: Set(mapped)), let name = citationName(for: theme) else { continue }
            names.append(name)
            covered.formUnion(all)
        }
        if !wishIDs.isEmpty, Set(wishIDs).isSubset(of: Set(mapped)) {
            names.append("wens")
            covered.formUnion(wishIDs)
        }
        names += mapped.filter { !covered.contains($0) }
        if fmlCited { names.append("FML") }
        return names
    }

    // MARK: Lines

    func first(of role: IntakeSection.Role) -> String? {
        ruleset.intakeSections.first { $0.role == role }?.headings.first { Self.lookup(index, $0) == .section(role) }
    }

    mutating func heading(_ level: Int, _ text: String) {
        lines.append(String(repeating: "#", count: level) + " " + text)
        lines.append("")
    }

    mutating func paragraph(_ text: String) {
        lines.append(text)
        lines.append("")
    }

    static func oneLine(_ text: String) -> String { text.collapsedSpaces }

    /// Text the Markdown reader gives back unchanged: emphasis, code and link characters escaped, and a paragraph
    /// that would open as a heading, list item, table or comment escaped at its start.
    static func escaped(_ text: String, atStart: Bool = true) -> String {
        var result = ""
        for c in text {
            if "\\`*_[]".contains(c) { result.append("\\") }
            result.append(c)
        }
        result = result.replacingOccurrences(of: "<!--", with: "<\\!--")
        guard atStart else { return result }
        if let first = result.first, "#-+|".contains(first) { return "\\" + result }
        let digits = result.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = result.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return digits + "\\" + rest }
        }
        return result
    }
}

extension IntakeMapper {
    /// The role words as the importer keeps them after "Volgens": leading articles dropped.
    static func stripArticleForWriter(_ text: String) -> String {
        var words = text.split(separator: " ")
        while let first = words.first, ["de", "het", "een", "haar", "zijn", "mijn", "diens"].contains(first.lowercased()), words.count > 1 { words.removeFirst() }
        return words.joined(separator: " ")
    }
}

extension String {
    var trimmingPunctuation: String {
        var s = Substring(self)
        while let f = s.first, !(f.isLetter || f.isNumber) { s = s.dropFirst() }
        while let l = s.last, !(l.isLetter || l.isNumber) { s = s.dropLast() }
        return String(s)
    }
}
