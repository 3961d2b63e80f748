import TotaalbeeldModel
import TotaalbeeldXML

/// What the command line or the workbench adds to an intake: values that win over its front matter.
public struct ImportOptions: Sendable {
    public var dossierID: String?
    public var date: String?
    public var regime: String?
    public var ageBand: String?
    public var age: Int?
    /// Source specifications "role; description; date" (`--source`), added after the intake's own.
    public var sources: [String] = []
    public init(dossierID: String? = nil, date: String? = nil, regime: String? = nil, ageBand: String? = nil, age: Int? = nil, sources: [String] = []) {
        self.dossierID = dossierID
        self.date = date
        self.regime = regime
        self.ageBand = ageBand
        self.age = age
        self.sources = sources
    }
}

/// One line of the import report: where in the intake, what it was, where it went.
public struct ImportReportLine: Sendable, Hashable {
    public enum Kind: String, Sendable { case mapped, unmapped, defaulted, note, problem }
    public var kind: Kind
    /// "line 12", "paragraph 7", or empty for the whole intake.
    public var position: IntakeDocument.Position?
    public var message: String
}

/// The mapped dossier and the report of what went where.
public struct ImportResult: Sendable {
    public var dossier: XMLTree
    public var report: [ImportReportLine]
    public var xml: String { dossier.serialized() }
    /// Headings that matched no theme or section, with where they stand.
    public var unmappedHeadings: [(heading: String, position: IntakeDocument.Position)]
}

/// Maps an intake's blocks onto a dossier: headings to themes and sections through the ruleset's heading lists,
/// paragraphs to narratives, "Volgens de bedrijfsarts: …" to sources, the assessment section to conclusions and a
/// direction. Nothing is dropped: text under a heading that maps to nothing becomes an `<unassigned>` narrative.
///
/// ```swift
/// let result = try IntakeMapper(ruleset: ruleset).map(intake, options: ImportOptions(date: "2026-11-02"))
/// print(result.xml)
/// ```
public struct IntakeMapper: Sendable {
    public let ruleset: Ruleset

    public init(ruleset: Ruleset) { self.ruleset = ruleset }

    enum Target: Hashable {
        case theme(String)
        case section(IntakeSection.Role)
    }

    public func map(_ intake: IntakeDocument, options: ImportOptions = .init()) throws(ImportError) -> ImportResult {
        var state = MappingState(ruleset: ruleset, intake: intake)
        try state.run(options: options)
        return state.result()
    }

    /// The theme or section a heading names, or nil; also used by the workbench to show the mapping.
    func target(forHeading heading: String) -> (target: Target?, ambiguous: [Target]) {
        HeadingIndex(ruleset: ruleset).lookup(heading)
    }
}

extension IntakeMapper {
    /// The source kind a role phrase names: a listed name as whole words (the longest wins, and of equally long ones
    /// the first in the phrase, its head: "dochter van cliënt" is the daughter), or a kind id itself.
    static func roleKind(_ role: String, ruleset: Ruleset) -> String? {
        let words = HeadingKey.fold(role).split(separator: " ")
        if words.count == 1, ruleset.sourceKind(id: String(words[0])) != nil { return String(words[0]) }
        if let best = roleName(in: role, ruleset: ruleset) { return best.kind }
        if let id = ruleset.sourceKinds.first(where: { HeadingKey.fold(role) == HeadingKey.fold($0.id) })?.id { return id }
        return nil
    }

}

extension IntakeMapper {
    /// The listed source-role name found in a phrase as whole words, with its kind: the longest, and of equally long
    /// ones the first. `where` narrows the kinds looked for (a title names its author only by an authoring kind).
    static func roleName(in phrase: String, ruleset: Ruleset, where accepts: (String) -> Bool = { _ in true }) -> (name: String, kind: String)? {
        let words = HeadingKey.fold(phrase).split(separator: " ")
        var best: (length: Int, start: Int, name: String, kind: String)?
        for entry in ruleset.sourceRoles where accepts(entry.kind) {
            for name in entry.names {
                let key = HeadingKey.fold(name).split(separator: " ")
                guard !key.isEmpty, key.count <= words.count else { continue }
                for start in 0...(words.count - key.count) where Array(words[start..<(start + key.count)]) == key {
                    if best == nil || key.count > best!.length || (key.count == best!.length && start < best!.start) {
                        best = (key.count, start, name, entry.kind)
                    }
                }
            }
        }
        return best.map { ($0.name, $0.kind) }
    }

    /// The declared source a role phrase ("bedrijfsarts", "ploegleider van de inlenende bakkerij") names: a source
    /// whose role is exactly the phrase; else, when the phrase names a kind, the first source of that kind whose role
    /// contains it, else the first of that kind; else a source whose role contains the phrase as whole words.
    /// The shape of a note line that names its teller: at most three words of letters (and hyphens) before a colon in the
    /// first 40 characters, and what follows it, both trimmed. Whether the label names a source is the caller's question.
    static func noteLabel(_ text: String) -> (label: String, rest: String)? {
        guard let colon = text.prefix(40).firstIndex(of: ":") else { return nil }
        var label = String(text[..<colon]).trimmed
        // A journal line opens with its date ("10-11 jobcoach: …"): the label is what follows the date.
        if let stamp = dateStamp(label) { label = String(label.dropFirst(stamp.count)).trimmed }
        // "De bedrijfsarts (september):", "Teamleider (mail):": the parenthesis says when or how; the label is before it.
        if label.hasSuffix(")"), let open = label.lastIndex(of: "(") { label = String(label[..<open]).trimmed }
        // "Fin.:", "Soc.:" in a case manager's journal: a shortened label keeps its period.
        if label.hasSuffix(".") { label.removeLast() }
        guard !label.isEmpty, label.split(separator: " ").count <= 3, label.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        return (label, String(text[text.index(after: colon)...]).trimmed)
    }

    /// A day and month (and year) at the start of a journal line, as written: "10-11 ", "3/9 ", "10-11-2026 ".
    static func dateStamp(_ text: String) -> Substring? {
        var groups = 0, digits = 0
        var end = text.startIndex
        for (offset, character) in zip(text.indices, text) {
            if character.isASCII, character.isNumber {
                digits += 1
                guard digits <= 4 else { return nil }
            } else if "-/.".contains(character), digits > 0, groups < 2 {
                groups += 1; digits = 0
            } else if character == " ", digits > 0, groups >= 1 {
                end = offset
                break
            } else {
                return nil
            }
        }
        return end > text.startIndex ? text[..<end] : nil
    }

    static func declaredSource(named role: String, among sources: [(id: String, kind: String, role: String)], ruleset: Ruleset) -> String? {
        let key = HeadingKey.fold(role)
        guard !key.isEmpty else { return nil }
        if let exact = sources.first(where: { HeadingKey.fold($0.role) == key }) { return exact.id }
        if let kind = roleKind(role, ruleset: ruleset) {
            return (sources.first { $0.kind == kind && HeadingKey.fold($0.role).contains(key) } ?? sources.first { $0.kind == kind })?.id
        }
        let words = key.split(separator: " ")
        return sources.first { source in
            let roleWords = HeadingKey.fold(source.role).split(separator: " ")
            guard words.count <= roleWords.count else { return false }
            return (0...(roleWords.count - words.count)).contains { Array(roleWords[$0..<($0 + words.count)]) == words }
        }?.id
    }
}

// MARK: - Headings

struct HeadingIndex {
    var entries: [(key: [Substring], target: IntakeMapper.Target)] = []
    var exact: [String: IntakeMapper.Target] = [:]
    /// Words after which a listed section heading is a complement, not the heading's head ("Verloop van het traject").
    var complementWords: Set<String> = []

    init(ruleset: Ruleset) {
        complementWords = ruleset.headingComplementWords
        func add(_ heading: String, _ target: IntakeMapper.Target) {
            let key = HeadingKey.fold(heading)
            guard !key.isEmpty else { return }
            if exact[key] == nil { exact[key] = target }
            entries.append((key.split(separator: " "), target))
        }
        for theme in ruleset.themes {
            add(theme.label.nl, .theme(theme.id))
            theme.headings.forEach { add($0, .theme(theme.id)) }
        }
        for section in ruleset.intakeSections {
            section.headings.forEach { add($0, .section(section.role)) }
        }
    }

    /// Exact match first (also without a closing parenthesis), then the longest listed heading found as whole words.
    func lookup(_ heading: String) -> (target: IntakeMapper.Target?, ambiguous: [IntakeMapper.Target]) {
        let key = HeadingKey.fold(heading)
        if let target = exact[key] { return (target, []) }
        if let open = heading.firstIndex(of: "("), let target = exact[HeadingKey.fold(String(heading[..<open]))] { return (target, []) }
        let words = key.split(separator: " ")
        var best = 0
        var found: [(target: IntakeMapper.Target, at: Int)] = []
        for entry in entries where entry.key.count <= words.count && entry.key.count >= best {
            guard let at = start(of: entry.key, in: words) else { continue }
            // A section named after a preposition is what the heading is about, not what it is: "Verloop van het
            // traject" reports how a trajectory went, "Reactie op het advies" is the client's. A theme named so is
            // still the heading's topic ("Ervaringen met werk").
            if case .section = entry.target, words[..<at].contains(where: { complementWords.contains(String($0)) }) { continue }
            if entry.key.count > best {
                best = entry.key.count
                found = [(entry.target, at)]
            } else if let i = found.firstIndex(where: { $0.target == entry.target }) {
                found[i].at = min(found[i].at, at)
            } else {
                found.append((entry.target, at))
            }
        }
        if found.count == 1 { return (found[0].target, []) }
        // In reading order: "Werk en opleiding" names work first.
        return (nil, found.sorted { $0.at < $1.at }.map(\.target))
    }

    private func start(of part: [Substring], in words: [Substring]) -> Int? {
        guard !part.isEmpty, part.count <= words.count else { return nil }
        return (0...(words.count - part.count)).first { Array(words[$0..<($0 + part.count)]) == part }
    }
}

// MARK: - Mapping

private struct PendingSource {
    var id: String
    var kind: String
    var role: String
    var date: SimpleDate?
}

private struct PendingNarrative {
    var id: String
    var theme: ConversationTheme?
    var heading: String?
    var position: IntakeDocument.Position
    var source: String
    var text: String
    /// Who told it when no line or heading says: the client (a conversation theme, an anamnesis) or the
    /// document's author (text under a heading that names no theme).
    var defaultTeller: DefaultTeller = .client
    /// Further themes the text speaks to, when its heading named several ("Sociaal netwerk en vrije tijd").
    var alsoThemes: [String] = []
}

private enum DefaultTeller { case client, author }

private struct PendingConclusion {
    var id: String
    var text: String
    var references: [String]
    var position: IntakeDocument.Position
}

private struct PendingSupportNeed {
    var id: String
    var activity: String
    var level: String
    var text: String
    var references: [String]
    var position: IntakeDocument.Position
}

private struct MappingState {
    let ruleset: Ruleset
    let intake: IntakeDocument
    let index: HeadingIndex
    /// The ruleset's source leads with their trailing space, longest first: "uit de brief van " before "brief van ".
    let sourceLeads: [String]
    /// The ruleset's source-role names, each folded and split into words once: a sentence start is matched against all.
    let foldedRoleNames: [[Substring]]
    /// The nouns of the leads of the form "… van" ("verslag", "formulier"): the document a lead-in line names before a
    /// role ("Evaluatieformulier werkbegeleider:").
    let documentNouns: [String]
    var report: [ImportReportLine] = []
    var unmapped: [(heading: String, position: IntakeDocument.Position)] = []

    var dossierID: String?
    var date: SimpleDate?
    var regime: String?
    var ageBand: String?
    var age: Int?
    var gender: String?
    var background: [String] = []
    var summary: [String] = []
    var disabilityCause: String?
    var disabilityStatus: String?
    var disabilityPercentage: String?
    var sources: [PendingSource] = []
    var narratives: [PendingNarrative] = []
    var wishes: [(id: String, text: String, source: String)] = []
    var conclusions: [PendingConclusion] = []
    var supportNeeds: [PendingSupportNeed] = []
    var direction: [String] = []
    var directionReferences: [String] = []
    var addresses: [String] = []
    var shared: String?
    var horizon: String?
    var intensity: String?
    var fmlSummary: [String] = []
    var fmlLimitations: [String] = []
    var fmlJobs: [String] = []
    var fmlAbsent = false
    var fmlSource: String?
    var fmlDate: SimpleDate?
    var fmlSeen = false
    /// The report line of the last unmapped heading, until text under it arrives.
    var unmappedReport: (Int, String)?
    /// The source that wrote the document, when its title or a "Bron:" line under the title names one: text under
    /// headings that name no theme is that source's, and so is the assessment when its kind writes assessments.
    var author: String?
    /// The author as the title names it, resolved to a source when the mapping is finished (the sources may be
    /// listed further down).
    var authorInTitle: (name: String, kind: String, position: IntakeDocument.Position)?
    /// The declared source an assessment heading names ("Afweging klantmanager"): the assessment is that source's.
    var assessmentAuthor: String?
    /// The further themes the current section's heading named beside its own ("Sociaal netwerk en vrije tijd"): its
    /// text is filed once, under the first, and informs these too, so that neither theme reads as a gap.
    var sectionAlsoThemes: [String] = []

    init(ruleset: Ruleset, intake: IntakeDocument) {
        self.ruleset = ruleset
        self.intake = intake
        self.index = HeadingIndex(ruleset: ruleset)
        self.sourceLeads = ruleset.sourceLeads.sorted { $0.count > $1.count }.map { $0 + " " }
        self.foldedRoleNames = ruleset.sourceRoles.flatMap(\.names).map { HeadingKey.fold($0).split(separator: " ") }
        self.documentNouns = ruleset.sourceLeads.compactMap { lead in
            let words = lead.split(separator: " ")
            return words.count >= 2 && words.last == "van" ? HeadingKey.fold(String(words[words.count - 2])) : nil
        }
    }

    enum Section {
        case preamble
        case theme(ConversationTheme, heading: String)
        case section(IntakeSection.Role, heading: String)
        case unassigned(heading: String, position: IntakeDocument.Position)
    }

    mutating func run(options: ImportOptions) throws(ImportError) {
        for line in intake.notes { report.append(.init(kind: .note, position: nil, message: line)) }
        for line in intake.frontMatter { applyKey(line.key, line.value, at: line.position, fromFrontMatter: true) }

        var section = Section.preamble
        var sectionLevel = 0
        var sectionSource: String? = nil
        var subsection: IntakeSection.Role? = nil
        var fmlList: String = "limitation"
        var sawContent = false
        var unassignedOpen: Int? = nil  // index in narratives of the unassigned block being filled

        var headingSeen = false
        var titleSeen = false
        var sectionTeller = DefaultTeller.author
        // Text under this heading becomes unassigned narrative, told by `teller` unless a line names its teller.
        func enterUnassigned(_ heading: IntakeDocument.Block, level: Int, teller: DefaultTeller) {
            section = .unassigned(heading: heading.text, position: heading.position)
            sectionTeller = teller
            sectionLevel = level
            sectionSource = headingSource(heading.text, at: heading.position)
            unassignedOpen = nil
        }
        var introduced: (source: String, first: IntakeDocument.Block?)? = nil
        var pending = ArraySlice(intake.blocks)
        while let block = pending.popFirst() {
            // A line of its own that is exactly a listed heading ("Conclusies" right under "Beoordeling
            // arbeidsdeskundige", a bold "**Richting**") is a heading one level down, not a sentence.
            if case .paragraph = block.kind, isBareHeading(block.text) {
                pending.insert(.init(kind: .heading(level: sectionLevel + 1), text: block.text, position: block.position), at: pending.startIndex)
                continue
            }
            // Line-by-line notes: a line that names a declared source ("Volgens de jobcoach: …", "moeder: …") starts a
            // paragraph of its own, so that it and the lines after it are that source's, not the paragraph's teller's.
            // Only where text becomes narratives: an assessment or an FML keeps its paragraphs whole.
            if case .paragraph = block.kind, isNarrativeSection(section) {
                let parts = paragraphsAtLabelledLines(block, themeLines: isPreambleOrUnassigned(section))
                if parts.count > 1 {
                    pending.insert(contentsOf: parts, at: pending.startIndex)
                    continue
                }
            }
            if case .heading(let level) = block.kind {
                defer { headingSeen = true }
                introduced = nil
                // The document's title: a first heading with the particulars right under it ("Rapportage sociaal
                // wijkteam - aanvraag re-integratieadvies" above "Datum: …") names the document, not a section of it.
                // So is a first heading above all the others ("# Plan van aanpak tweede spoor" over "## Achtergrond"),
                // even when it reads like a section's heading.
                if !headingSeen, !sawContent, let next = pending.first {
                    let particulars = startsWithParticular(next)
                    let deeper = pending.compactMap { if case .heading(let l) = $0.kind { l } else { nil } }
                    // Not a heading listed as it stands ("THUISSITUATIE" above "Werkervaring:" in plain text is a theme).
                    let listed = index.exact[HeadingKey.fold(block.text)] != nil
                    if particulars || (!listed && !deeper.isEmpty && deeper.allSatisfy { $0 > level }) {
                        report.append(.init(kind: .mapped, position: block.position, message: "heading \"\(block.text)\" → the intake's title" + (particulars ? " (particulars follow)" : " (the headings below it are all deeper)")))
                        noteAuthor(inTitle: block.text, at: block.position)
                        titleSeen = true
                        continue
                    }
                }
                // A heading that only names who speaks: "Volgens de bedrijfsarts".
                if let label = sourceLabel(block.text), label.rest.isEmpty {
                    sectionSource = resolveSource(named: label.role, at: block.position)
                    continue
                }
                var (target, ambiguous) = index.lookup(block.text)
                var alsoThemes: [String] = []
                // "Werk en opleiding" names two themes: the text is filed under the first and informs the others as
                // well; the report says so.
                if target == nil, ambiguous.count > 1, ambiguous.allSatisfy({ if case .theme = $0 { true } else { false } }) {
                    target = ambiguous[0]
                    alsoThemes = ambiguous.dropFirst().compactMap { if case .theme(let id) = $0 { id } else { nil } }
                    report.append(.init(kind: .unmapped, position: block.position, message: "heading \"\(block.text)\" names \(ambiguous.map(Self.describe).joined(separator: " and ")); its text is filed under the first and counts as information on each (split it to score each part under its own theme)"))
                }
                // Within an assessment, its parts are sub-sections; an unknown sub-heading stays in its section.
                if let target {
                    switch target {
                    case .section(let role) where [.conclusions, .direction, .supportNeeds].contains(role) && isAssessment(section) && level > sectionLevel:
                        subsection = role
                        report.append(.init(kind: .mapped, position: block.position, message: "heading \"\(block.text)\" → \(Self.describe(role))"))
                        continue
                    case .theme(let id):
                        let theme = ruleset.theme(id: id)!
                        section = .theme(theme, heading: block.text)
                        sectionAlsoThemes = alsoThemes
                        sectionTeller = .client
                        report.append(.init(kind: .mapped, position: block.position, message: "heading \"\(block.text)\" → theme \(theme.id) (\(theme.label.nl)), domain \(theme.domain)"))
                    case .section(.account):
                        // The client's story as another wrote it down: unassigned text the client told, filed under a
                        // theme line by line where a line names one.
                        report.append(.init(kind: .mapped, position: block.position, message: "heading \"\(block.text)\" → the client's account (told by the client; a line that names a theme is filed under it)"))
                        enterUnassigned(block, level: level, teller: .client)
                        continue
                    case .section(let role) where [.assessment, .conclusions, .direction, .supportNeeds].contains(role) && !authorAssesses:
                        // A physician's "Beschouwing" and "Conclusie" are that physician's text, not the assessment the
                        // rules judge: screened as the author's unassigned text.
                        report.append(.init(kind: .mapped, position: block.position, message: "heading \"\(block.text)\" → text of the document's author (\(author ?? authorInTitle?.name ?? "")), kept as unassigned text: a source of that kind writes no reintegration assessment"))
                        enterUnassigned(block, level: level, teller: .author)
                        continue
                    case .section(let role):
                        section = .section(role, heading: block.text)
                        subsection = role == .assessment ? .conclusions : role
                        report.append(.init(kind: .mapped, position: block.position, message: "heading \"\(block.text)\" → \(Self.describe(role))"))
                        if role == .fml { fmlSeen = true; fmlList = "limitation" }
                        if role == .assessment || role == .conclusions, assessmentAuthor == nil {
                            assessmentAuthor = assessorNamed(in: block.text)
                        }
                    }
                    sectionLevel = level
                    sectionSource = headingSource(block.text, at: block.position)
                    unassignedOpen = nil
                    continue
                }
                // Unknown heading deeper than a mapped section's: a sub-heading of it.
                if level > sectionLevel, !isPreambleOrUnassigned(section) {
                    report.append(.init(kind: .mapped, position: block.position, message: "sub-heading \"\(block.text)\" kept under \(describe(section))"))
                    if let named = headingSource(block.text, at: block.position) { sectionSource = named }
                    continue
                }
                var message = "heading \"\(block.text)\" maps to no theme"
                if !ambiguous.isEmpty { message += " (it names \(ambiguous.map(Self.describe).joined(separator: " and ")); write one)" }
                report.append(.init(kind: .unmapped, position: block.position, message: message + "; no text under it"))
                unmappedReport = (report.count - 1, message)
                unmapped.append((block.text, block.position))
                enterUnassigned(block, level: level, teller: .author)
                // A heading that is only the role of a source that writes ("Werkgever", "De bedrijfsarts") names who tells
                // the text under it; "Partner" or "Kinderen" is more often what the text is about.
                if let named = IntakeMapper.roleName(in: block.text, ruleset: ruleset, where: { ruleset.sourceKind(id: $0)?.authorsDocuments == true }),
                   HeadingKey.fold(Self.stripArticle(block.text)) == HeadingKey.fold(named.name) {
                    sectionSource = resolveSource(named: named.name, at: block.position)
                    report.append(.init(kind: .mapped, position: block.position, message: "heading \"\(block.text)\" names who tells the text under it: \(sectionSource!)"))
                }
                continue
            }

            // Text blocks.
            var text = block.text
            // A block quote, list or table after a lead-in line is the source's the line named, the whole of it; then
            // the section's teller speaks again. Plain paragraphs after it (a letter pasted into a Word file, which marks
            // no quote) are that source's to the end of the section, as after "Volgens de bedrijfsarts:".
            if let first = introduced?.first,
               !((first.kind == .listItem && block.kind == .listItem) || (first.quoted && block.quoted)) {
                introduced = nil
            }
            if let pending = introduced, pending.first == nil, case .paragraph = block.kind, !block.quoted {
                sectionSource = pending.source
                introduced = nil
            }
            if case .paragraph = block.kind, !block.quoted, isNarrativeSection(section), let role = leadIn(text) {
                let id = resolveSource(named: role, at: block.position)
                introduced = (id, nil)
                report.append(.init(kind: .mapped, position: block.position, message: "\"\(text)\" → what follows is \(id)'s"))
                continue
            }
            if introduced != nil, introduced?.first == nil { introduced?.first = block }
            if case .table(let rows) = block.kind {
                if !sawContent, isPreambleOrUnassigned(section), tableAsParticulars(rows, at: block.position) { continue }
                if case .section(.sources, _) = section, tableAsSources(rows, at: block.position) { continue }
                // A row per line (a line ends a sentence), cells apart as clauses: a strength in one column and a
                // concern in the next are not one phrase.
                text = rows.map { $0.filter { !$0.isEmpty }.joined(separator: "; ") }.filter { !$0.isEmpty }.joined(separator: "\n")
            }
            sawContent = true
            var source = introduced?.source ?? sectionSource
            let volgens = sourceLabel(text)
            if let label = volgens {
                // "Bron: verzekeringsarts UWV; spreekuur 2026-11-17" under the title: who wrote the document, and when.
                let id = label.rest.isEmpty && label.role.contains(";") ? sourceFromSpec(label.role, at: block.position) : resolveSource(named: label.role, at: block.position)
                if label.rest.isEmpty {
                    if case .preamble = section, titleSeen, author == nil {
                        author = id
                        report.append(.init(kind: .mapped, position: block.position, message: "\"\(text)\" → the document's author, \(id)"))
                    }
                    sectionSource = id
                    continue
                }
                // "Volgens de dochter: …" names the teller of this paragraph; the next is the section's teller again
                // (a paragraph of the writer's own after a relative's words is not the relative's).
                source = id
                text = label.rest
            }

            switch section {
            case .preamble, .unassigned:
                let heading: String? = if case .unassigned(let h, _) = section { h } else { nil }
                // Particulars under a title or an unknown heading ("Intakeverslag", "Gegevens"): "Regeling: WW" is the regime.
                if let (key, value) = MarkdownReader.keyValue(text), isParticular(key), !text.contains("\n") {
                    applyKey(key, value, at: block.position, fromFrontMatter: false)
                    continue
                }
                if case .table(let rows) = block.kind, fileRowsByTheme(rows, heading: heading, at: block.position, source: source, teller: sectionTeller, open: &unassignedOpen) { continue }
                if volgens == nil, let labelled = speakerLabel(text) {
                    source = labelled.source
                    text = (IntakeMapper.dateStamp(text).map { $0 + " " } ?? "") + labelled.rest
                }
                // "Sociaal: gescheiden sinds 2023" in an anamnesis or a journal: a line that names a theme is filed under it.
                if let (theme, rest) = themeLine(text) {
                    addThemed(rest, theme: theme, heading: heading, kind: block.kind, at: block.position, source: source, teller: sectionTeller)
                    unassignedOpen = nil
                    continue
                }
                addUnassigned(text, heading: heading, at: block.position, source: source, teller: sectionTeller, open: &unassignedOpen)
            case .theme(let theme, let heading):
                // "moeder: 'hij slaapt tot twee uur'" in line-by-line notes: that item alone is the named source's.
                if volgens == nil, let labelled = speakerLabel(text) {
                    source = labelled.source
                    text = labelled.rest
                }
                let id = nextID("n-" + theme.id)
                narratives.append(PendingNarrative(id: id, theme: theme, heading: heading, position: block.position, source: source ?? "", text: text, alsoThemes: sectionAlsoThemes))
                report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → narrative \(id) (theme \(theme.id)\(source.map { ", source \($0)" } ?? ""))"))
            case .section(let role, _):
                switch role {
                case .account:
                    // Mapped to unassigned text when its heading is read; kept so if it ever arrives here.
                    addUnassigned(text, heading: nil, at: block.position, source: source, teller: .client, open: &unassignedOpen)
                case .summary:
                    summary.append(text)
                    report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → summary"))
                case .client:
                    if let (key, value) = MarkdownReader.keyValue(text), isParticular(key) {
                        applyKey(key, value, at: block.position, fromFrontMatter: false)
                    } else {
                        background.append(text)
                        report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → client background"))
                    }
                case .sources:
                    // One source per line: a paragraph of sources written line by line is a list, not one source.
                    for line in text.split(separator: "\n") where !line.trimmed.isEmpty { addSource(spec: String(line), at: block.position) }
                case .wish:
                    let id = nextID("w")
                    wishes.append((id, text, source ?? ""))
                    report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → wish \(id)"))
                case .fml:
                    if let (key, value) = MarkdownReader.keyValue(text) {
                        let folded = HeadingKey.fold(key)
                        if folded == "datum", let d = DateParsing.date(value) { fmlDate = d; continue }
                        if ["beperkingen", "beperking", "belastbaarheid"].contains(folded) {
                            fmlList = "limitation"
                            if !value.isEmpty { fmlLimitations.append(value) }
                            continue
                        }
                        if folded.contains("functie") || folded.contains("functies") {
                            fmlList = "job"
                            if !value.isEmpty { fmlJobs.append(value) }
                            continue
                        }
                    }
                    if source != nil { fmlSource = source }
                    if case .listItem = block.kind {
                        if fmlList == "job" { fmlJobs.append(text) } else { fmlLimitations.append(text) }
                    } else if HeadingKey.fold(text).hasPrefix("geen fml") || HeadingKey.fold(text).hasPrefix("er is geen fml") {
                        fmlAbsent = true
                    } else {
                        fmlSummary.append(text)
                    }
                    report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → FML"))
                case .assessment, .conclusions, .direction, .supportNeeds:
                    let part = subsection ?? (role == .assessment ? .conclusions : role)
                    if part == .supportNeeds {
                        let (clean, references) = Self.citations(in: text)
                        if let line = supportNeedLine(clean) {
                            let id = nextID("sn")
                            supportNeeds.append(PendingSupportNeed(id: id, activity: line.activity, level: line.level, text: line.text, references: references, position: block.position))
                            report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → support need \(id) (\(line.activity), \(line.level))"))
                            continue
                        }
                        // Not "activity: level — support": kept as a conclusion, never dropped.
                        let id = nextID("c")
                        conclusions.append(PendingConclusion(id: id, text: clean, references: references, position: block.position))
                        report.append(.init(kind: .unmapped, position: block.position, message: "\(Self.blockName(block.kind)) names no Schema 2 activity and level (\"activiteit: niveau — ondersteuning\") → conclusion \(id)"))
                    } else if part == .direction {
                        // "Gedeeld met cliënt: ja" may follow the direction's own line without a blank line between.
                        var prose: [Substring] = []
                        for line in text.split(separator: "\n") {
                            if let (key, value) = MarkdownReader.keyValue(String(line)), applyDirectionKey(key, value, at: block.position) { continue }
                            prose.append(line)
                        }
                        if prose.isEmpty { continue }
                        text = prose.joined(separator: "\n")
                        let (clean, references) = Self.citations(in: text)
                        direction.append(clean)
                        directionReferences += references
                        report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → direction"))
                    } else {
                        let (clean, references) = Self.citations(in: text)
                        let id = nextID("c")
                        conclusions.append(PendingConclusion(id: id, text: clean, references: references, position: block.position))
                        report.append(.init(kind: .mapped, position: block.position, message: "\(Self.blockName(block.kind)) → conclusion \(id)"))
                    }
                }
            }
        }
        try finish(options: options)
    }

    // MARK: Sections

    /// A one-line paragraph that is exactly one of the ruleset's headings, without closing punctuation.
    private func isBareHeading(_ text: String) -> Bool {
        guard !text.contains("\n"), let last = text.last, !".,;?!".contains(last), text.split(separator: " ").count <= 5 else { return false }
        return index.exact[HeadingKey.fold(text)] != nil
    }

    /// Whether a block opens with a particular of the client ("Datum: 24-11-2026", "Regeling: WW").
    private func startsWithParticular(_ block: IntakeDocument.Block) -> Bool {
        guard case .paragraph = block.kind, let line = block.text.split(separator: "\n").first,
              let (key, value) = MarkdownReader.keyValue(String(line)) else { return false }
        return !value.isEmpty && isParticular(key)
    }

    private func isAssessment(_ section: Section) -> Bool {
        if case .section(let role, _) = section { return [.assessment, .conclusions, .direction, .supportNeeds].contains(role) }
        return false
    }

    /// A theme, or text that becomes an unassigned narrative.
    private func isNarrativeSection(_ section: Section) -> Bool {
        switch section {
        case .theme, .unassigned: true
        case .section, .preamble: false
        }
    }

    private func isPreambleOrUnassigned(_ section: Section) -> Bool {
        switch section {
        case .preamble, .unassigned: true
        default: false
        }
    }

    private func describe(_ section: Section) -> String {
        switch section {
        case .preamble: "the text before the first heading"
        case .theme(let theme, _): "theme \(theme.id)"
        case .section(let role, _): Self.describe(role)
        case .unassigned(let heading, _): "\"\(heading)\""
        }
    }

    static func describe(_ target: IntakeMapper.Target) -> String {
        switch target {
        case .theme(let id): "theme \(id)"
        case .section(let role): describe(role)
        }
    }

    static func describe(_ role: IntakeSection.Role) -> String {
        switch role {
        case .summary: "summary"
        case .client: "client particulars"
        case .sources: "sources"
        case .fml: "FML"
        case .wish: "the client's wish"
        case .assessment: "assessment"
        case .conclusions: "assessment: conclusions"
        case .direction: "assessment: direction"
        case .supportNeeds: "assessment: support needs (Schema 2)"
        case .account: "the client's account"
        }
    }

    static func blockName(_ kind: IntakeDocument.Block.Kind) -> String {
        switch kind {
        case .heading: "heading"
        case .paragraph: "paragraph"
        case .listItem: "list item"
        case .table: "table"
        }
    }

    private mutating func addUnassigned(_ text: String, heading: String?, at position: IntakeDocument.Position, source: String?, teller: DefaultTeller, open: inout Int?) {
        if let (index, message) = unmappedReport {
            report[index].message = message + "; its text is kept as an unassigned narrative"
            unmappedReport = nil
        }
        // Text of another teller ("10-11 jobcoach: …" in a client manager's journal) starts a text of its own.
        if let i = open, narratives[i].source == source ?? "" {
            narratives[i].text += "\n" + text
            return
        }
        let id = nextID("u")
        narratives.append(PendingNarrative(id: id, theme: nil, heading: heading, position: position, source: source ?? "", text: text, defaultTeller: teller))
        open = narratives.count - 1
        report.append(.init(kind: .unmapped, position: position, message: "text \(heading.map { "under \"\($0)\"" } ?? "before the first heading") → unassigned narrative \(id) (screened, but covering no theme until filed under one)"))
    }

    /// "Sociaal: gescheiden sinds 2023" → (theme sociaal, "gescheiden sinds 2023"): a note label that is exactly a
    /// theme's heading.
    func themeLine(_ text: String) -> (ConversationTheme, String)? {
        guard let (label, rest) = IntakeMapper.noteLabel(text), !rest.isEmpty, IntakeMapper.dateStamp(text) == nil,
              case .theme(let id)? = index.exact[HeadingKey.fold(label)], let theme = ruleset.theme(id: id) else { return nil }
        return (theme, rest)
    }

    private mutating func addThemed(_ text: String, theme: ConversationTheme, heading: String?, kind: IntakeDocument.Block.Kind, at position: IntakeDocument.Position, source: String?, teller: DefaultTeller) {
        let id = nextID("n-" + theme.id)
        narratives.append(PendingNarrative(id: id, theme: theme, heading: heading, position: position, source: source ?? "", text: text, defaultTeller: teller))
        report.append(.init(kind: .mapped, position: position, message: "\(Self.blockName(kind)) under \"\(heading ?? "")\" names a theme → narrative \(id) (theme \(theme.id))\(source.map { ", source \($0)" } ?? "")"))
    }

    /// A table under a heading that names no theme whose rows name themes in their first cell ("Werk | 19 jaar
    /// heftruckchauffeur", "Financiën | geen schulden"): each such row is a narrative of its theme; the other rows stay
    /// unassigned text, except a header row above theme rows.
    private mutating func fileRowsByTheme(_ rows: [[String]], heading: String?, at position: IntakeDocument.Position, source: String?, teller: DefaultTeller, open: inout Int?) -> Bool {
        func theme(of row: [String]) -> ConversationTheme? {
            guard row.count >= 2, case .theme(let id)? = index.exact[HeadingKey.fold(row[0])] else { return nil }
            return ruleset.theme(id: id)
        }
        guard rows.contains(where: { theme(of: $0) != nil }) else { return false }
        for (i, row) in rows.enumerated() {
            let rest = row.dropFirst().filter { !$0.isEmpty }.joined(separator: ", ")
            if let theme = theme(of: row) {
                guard !rest.isEmpty else { continue }
                addThemed(rest, theme: theme, heading: heading, kind: .table(rows: [row]), at: position, source: source, teller: teller)
                open = nil
            } else if i == 0 {
                report.append(.init(kind: .mapped, position: position, message: "table row \"\(row.joined(separator: " | "))\" read as the header of rows that name themes"))
            } else {
                addUnassigned(row.filter { !$0.isEmpty }.joined(separator: "; "), heading: heading, at: position, source: source, teller: teller, open: &open)
            }
        }
        return true
    }

    // MARK: Sources

    /// "Volgens de bedrijfsarts: rest" → ("bedrijfsarts", "rest"); also "Bron: werkgever", "Informatie van de jobcoach:".
    func sourceLabel(_ text: String) -> (role: String, rest: String)? {
        let lower = text.lowercased()
        var afterPrefix: Substring?
        for lead in sourceLeads where lower.hasPrefix(lead) {
            afterPrefix = text.dropFirst(lead.count)
            break
        }
        guard var rest = afterPrefix else { return reportedBy(text) }
        rest = Substring(rest.trimmed)
        let window = rest.prefix(80)
        if let colon = window.firstIndex(of: ":") {
            let role = String(rest[..<colon]).trimmed
            guard roleKind(role) != nil || declaredSource(named: Self.stripArticle(role)) != nil else { return nil }
            return (Self.stripArticle(role), String(rest[rest.index(after: colon)...]).trimmed)
        }
        // Without a colon, a heading or label made of the role alone: "Volgens de bedrijfsarts".
        let whole = rest.trimmed
        if whole.split(separator: " ").count <= 5, roleKind(whole) != nil || declaredSource(named: Self.stripArticle(whole)) != nil, !whole.hasSuffix(".") { return (Self.stripArticle(whole), "") }
        // Or a sentence that names its teller as it opens: "Volgens de trajectbegeleider werkt zij nauwkeurig." The role
        // must follow the lead at once (an article between), so "Volgens mij …" or "Volgens de planning …" names no one;
        // the sentence stays whole, the lead is part of what it says.
        let person = Self.stripArticle(whole)
        if let role = roleAtStart(of: person), person.split(separator: " ").count > role.split(separator: " ").count + 1 {
            return (role, text.trimmed)
        }
        return nil
    }

    /// "moeder: 'hij slaapt tot twee uur'", "Jobcoach: werkt zelfstandig" — in line-by-line notes a label of at most three
    /// words before a colon that names a *declared* source gives that paragraph or list item alone to that source. Unlike
    /// "Volgens …:" it never adds a source and does not carry over to the next paragraph: "Gezondheid:" or "fietsenmaker:"
    /// is a topic, and a note list mixes tellers line by line.
    /// A paragraph cut before each line (after the first) that names a declared source or a source's kind by a label
    /// ("Volgens de jobcoach: …", "Moeder: …"), and before each sentence inside a line that opens so with "Volgens …:"
    /// ("Sindsdien rugklachten. Volgens de verzekeringsarts: geen beperkingen voor zitten."). Positions count lines
    /// where the intake has them.
    func paragraphsAtLabelledLines(_ block: IntakeDocument.Block, themeLines: Bool = false) -> [IntakeDocument.Block] {
        var segments: [(line: Int, text: String, labelled: Bool)] = []
        for (line, text) in block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            var start = text.startIndex
            var index = text.startIndex
            // In a journal under a heading of its own, each dated line is an entry of its own ("22-10: niet verschenen").
            let lineLabel = sourceLabel(text)
            var labelled = lineLabel != nil || speakerLabel(text) != nil || (themeLines && (themeLine(text) != nil || IntakeMapper.dateStamp(text) != nil))
            // A sentence that names its teller without a colon ("Volgens de jobcoach werkt hij netjes.") is that teller's
            // alone: the next sentence starts a part of its own again, the section's teller's.
            var sentenceOnly = labelled && IntakeMapper.noteLabel(text) == nil && lineLabel.map { $0.rest == text.trimmed } == true
            // A journal line's head before a teller's or a topic's label ("30-06 tel. clt: …", "14-10 spreekuur BA. BA: …",
            // "24-11 gesprek clt. Fin.: …"): its date and how the contact went belong to what follows, not to a text of their own.
            // A teller's label is read after the date ("30-06 clt: (tel) …"), a topic's before it ("Fin.: 24-11 (gesprek clt) …").
            // Only a label the line's own reading knows again after a date: a declared source's or a topic's, not a "Volgens
            // …:" that adds a source, which must open its text.
            var head: (stamp: Substring, mode: String, topic: Bool)?
            func withHead(_ segment: String) -> String {
                guard let head, let colon = segment.firstIndex(of: ":") else { return segment }
                let rest = segment[segment.index(after: colon)...].trimmed
                if head.topic { return segment[...colon] + " " + head.stamp + " (" + head.mode + ") " + rest }
                return head.stamp + " " + segment[...colon] + " (" + head.mode + ") " + rest
            }
            // A sentence end (". ", "! ", "? ") followed by "Volgens …:" naming a source.
            while let space = text[index...].firstIndex(of: " ") {
                index = text.index(after: space)
                guard space > text.startIndex, ".!?".contains(text[text.index(before: space)]) else { continue }
                let following = String(text[index...])
                let label = sourceLabel(following)
                // Also a declared source's label in mid-paragraph: "… viel hij uit. De bedrijfsarts (september): belastbaar …".
                // "Volgens de jobcoach: …" is read by its lead (``sourceLabel``), which must open its text: no head before it.
                let named = speakerLabel(following) != nil
                let teller = label == nil && named
                let speaker = named || (label.map { !$0.rest.isEmpty } ?? false)
                // And in a journal, a topic label after a sentence end: "24-11 gesprek clt. Fin.: geen schulden. Soc.: …".
                let topic = themeLines && themeLine(following) != nil
                guard speaker || sentenceOnly || topic else { continue }
                let before = String(text[start..<space])
                if teller || topic, start == text.startIndex, let stamp = IntakeMapper.dateStamp(before) {
                    // Without its last period: in parentheses it would end a clause ("(spreekuur BA.) belastbaar …").
                    var mode = before.dropFirst(stamp.count).trimmed
                    if mode.hasSuffix(".") { mode.removeLast() }
                    if !mode.isEmpty, mode.split(separator: " ").count <= 3 {
                        head = (stamp, mode, !teller)
                        start = index
                        labelled = true
                        sentenceOnly = false
                        continue
                    }
                }
                segments.append((line, withHead(before), labelled))
                head = nil
                start = index
                labelled = true
                sentenceOnly = label.map { $0.rest == following.trimmed } ?? false
            }
            segments.append((line, withHead(String(text[start...])), labelled))
        }
        var parts: [IntakeDocument.Block] = []
        var current: IntakeDocument.Block? = nil
        var lastLine = 0
        for segment in segments {
            if var part = current, !segment.labelled {
                part.text += (segment.line == lastLine ? " " : "\n") + segment.text
                current = part
            } else {
                if let part = current { parts.append(part) }
                var part = block
                part.text = segment.text
                if block.position.unit == .line { part.position = .init(.line, block.position.number + segment.line) }
                current = part
            }
            lastLine = segment.line
        }
        if let part = current { parts.append(part) }
        return parts
    }

    /// "Fysieke belastbaarheid: matig — geen zwaar tillen, werkplek laten beoordelen": a Schema 2 activity by its
    /// label (Dutch or English) or id, a level of the ruleset's scoring by its id or label, and the support in words
    /// (the activity and level themselves when none follow).
    func supportNeedLine(_ text: String) -> (activity: String, level: String, text: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        func names(_ key: String, _ id: String, _ label: LocalizedText) -> Bool {
            [id, label.nl, label.en ?? ""].map(HeadingKey.fold).contains(key)
        }
        let name = HeadingKey.fold(String(text[..<colon]))
        guard let activity = ruleset.activities.first(where: { names(name, $0.id, $0.label) }) else { return nil }
        let rest = text[text.index(after: colon)...].trimmed
        let word = HeadingKey.fold(String(rest.prefix { $0.isLetter }))
        guard !word.isEmpty, let level = ruleset.scoring.levels.first(where: { names(word, $0.id, $0.label) }) else { return nil }
        let support = rest.drop { $0.isLetter }.drop { $0.isWhitespace || "—–-:;,.".contains($0) }.trimmed
        return (activity.id, level.id, support.isEmpty ? "\(activity.label.nl): \(level.id)" : support)
    }

    /// A line that introduces what follows as a source's words, ending in a colon: "Overgenomen uit de rapportage van
    /// de budgetcoach (20 november):", "Evaluatieformulier werkbegeleider:". A source lead ("rapportage van") may stand
    /// anywhere in it; without one, its last words name a source and the word before them a document, as the nouns of
    /// the leads do ("verslag van", "formulier van": "Evaluatieformulier werkbegeleider"). Returns the role.
    func leadIn(_ text: String) -> String? {
        var line = text.trimmed
        guard line.hasSuffix(":"), !line.contains("\n") else { return nil }
        line.removeLast()
        // Parentheses say when or how ("(20 november)", "(mail)"), not who.
        while let open = line.firstIndex(of: "("), let close = line[open...].firstIndex(of: ")") {
            line.removeSubrange(open...close)
        }
        let words = line.split(separator: " ")
        guard !words.isEmpty, words.count <= 12, !line.contains(". "), !line.contains(":") else { return nil }
        func names(_ role: String) -> Bool { !role.isEmpty && (roleKind(role) != nil || declaredSource(named: role) != nil) }
        let lower = " " + line.lowercased() + " "
        for lead in sourceLeads where !lead.hasSuffix(": ") {
            guard let found = lower.range(of: " " + lead) else { continue }
            let role = Self.stripArticle(String(lower[found.upperBound...]).trimmed)
            if names(role) { return role }
        }
        for length in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            let role = words.suffix(length).joined(separator: " ")
            let document = HeadingKey.fold(String(words[words.count - length - 1]))
            if documentNouns.contains(where: { document.hasSuffix($0) }), names(role) { return role }
        }
        return nil
    }

    func speakerLabel(_ text: String) -> (source: String, rest: String)? {
        guard let (label, rest) = IntakeMapper.noteLabel(text), !rest.isEmpty,
              let id = declaredSource(named: Self.stripArticle(label)) else { return nil }
        return (id, rest)
    }

    /// A heading such as "Arbeidsverleden (volgens de werkgever)" names the source of its section.
    private mutating func headingSource(_ heading: String, at position: IntakeDocument.Position) -> String? {
        guard let open = heading.firstIndex(of: "("), let close = heading.lastIndex(of: ")"), open < close else { return nil }
        let inner = String(heading[heading.index(after: open)..<close])
        guard let label = sourceLabel(inner), label.rest.isEmpty else { return nil }
        return resolveSource(named: label.role, at: position)
    }

    static func stripArticle(_ text: String) -> String {
        var words = text.split(separator: " ")
        while let first = words.first, ["de", "het", "een", "haar", "zijn", "mijn", "diens"].contains(first.lowercased()), words.count > 1 { words.removeFirst() }
        return words.joined(separator: " ")
    }

    func roleKind(_ role: String) -> String? { IntakeMapper.roleKind(role, ruleset: ruleset) }

    func declaredSource(named role: String) -> String? {
        IntakeMapper.declaredSource(named: role, among: sources.map { ($0.id, $0.kind, $0.role) }, ruleset: ruleset)
    }

    /// The declared source a role names (same kind and words in its role, else same kind), or a new one.
    mutating func resolveSource(named role: String, at position: IntakeDocument.Position) -> String {
        let kind = roleKind(role) ?? "document"
        if let id = declaredSource(named: role) { return id }
        let id = nextID("s-" + kind)
        sources.append(PendingSource(id: id, kind: kind, role: role, date: nil))
        report.append(.init(kind: .defaulted, position: position, message: "source \"\(role)\" is not among the sources; added as \(id) (kind \(kind), no date)"))
        return id
    }

    /// The declared source of a kind that writes assessments which an assessment heading names by its role
    /// ("Afweging klantmanager", "Beschouwing jobcoach"); nil when the heading names none or an undeclared one.
    func assessorNamed(in heading: String) -> String? {
        guard let named = IntakeMapper.roleName(in: heading, ruleset: ruleset, where: { ruleset.sourceKind(id: $0)?.assesses == true }) else { return nil }
        return declaredSource(named: named.name)
    }

    /// A sentence that opens with a source's role and a verb of reporting ("De bedrijfsarts noemt rugklachten zonder
    /// duidelijke oorzaak.") is that source's, whole.
    func reportedBy(_ text: String) -> (role: String, rest: String)? {
        let stripped = Self.stripArticle(text.trimmed)
        // Not the client: "Cliënt vond de begeleiding goed" is what a section tells by default, and no teller of its own.
        guard !ruleset.sourceVerbs.isEmpty, let role = roleAtStart(of: stripped), roleKind(role) != "client" else { return nil }
        let words = HeadingKey.fold(stripped).split(separator: " ")
        let roleLength = role.split(separator: " ").count
        guard words.count > roleLength + 1, ruleset.sourceVerbs.contains(String(words[roleLength])) else { return nil }
        return (role, text.trimmed)
    }

    /// The listed source role (or a declared source's role) that the phrase opens with, longest first: "trajectbegeleider"
    /// in "trajectbegeleider werkt zij nauwkeurig".
    func roleAtStart(of phrase: String) -> String? {
        let words = HeadingKey.fold(phrase).split(separator: " ")
        var best: [Substring]?
        for key in foldedRoleNames + sources.map({ HeadingKey.fold($0.role).split(separator: " ") }) {
            guard !key.isEmpty, key.count < words.count, Array(words.prefix(key.count)) == key, key.count > (best?.count ?? 0) else { continue }
            best = key
        }
        return best.map { $0.joined(separator: " ") }
    }

    /// A source written out in a line ("verzekeringsarts UWV; spreekuur 2026-11-17"): a declared source it names, dated
    /// and described by the line when it had no date (the title's "Rapportage verzekeringsarts" made it), or a new one.
    mutating func sourceFromSpec(_ spec: String, at position: IntakeDocument.Position) -> String {
        let parsed = Self.parseSpec(spec)
        if let who = parsed?.who, let id = declaredSource(named: who), let i = sources.firstIndex(where: { $0.id == id }) {
            if sources[i].date == nil, let parsed, parsed.date != nil {
                sources[i].date = parsed.date
                sources[i].role = parsed.role
                report.append(.init(kind: .mapped, position: position, message: "source \(id): \(parsed.role), \(parsed.date!)"))
            }
            return id
        }
        return addSource(spec: spec, at: position) ?? resolveSource(named: spec, at: position)
    }

    /// The kind of the document's author, when it writes the assessment the rules judge; true when no author is known
    /// (an intake written by the labour expert, whose headings name no one).
    var authorAssesses: Bool {
        // A declared labour expert writes the assessment whoever wrote the rest.
        if sources.contains(where: { $0.kind == "professional" }) { return true }
        guard let kind = author.flatMap({ id in sources.first { $0.id == id }?.kind }) ?? authorInTitle?.kind else { return true }
        return ruleset.sourceKind(id: kind)?.assesses ?? true
    }

    /// A title that names an authoring source ("Rapportage verzekeringsarts …", "Contactjournaal klantmanager") names the
    /// document's author: a declared source of that kind, or a new one.
    mutating func noteAuthor(inTitle title: String, at position: IntakeDocument.Position) {
        guard author == nil, let found = IntakeMapper.roleName(in: title, ruleset: ruleset, where: { ruleset.sourceKind(id: $0)?.authorsDocuments == true }) else { return }
        authorInTitle = (found.name, found.kind, position)
        report.append(.init(kind: .mapped, position: position, message: "the title names the document's author: \(found.name)"))
    }

    /// The author's source once the sources are known: the one a "Bron:" line named, else a declared source the
    /// title's name matches, else one of its kind, else a new one.
    mutating func resolveAuthor() {
        guard author == nil, let named = authorInTitle else { return }
        author = declaredSource(named: named.name) ?? sources.first { $0.kind == named.kind }?.id ?? resolveSource(named: named.name, at: named.position)
    }

    /// "bedrijfsarts; bedrijfsarts arbodienst; 2026-10-12" (also with "|"): who, the role as written, when.
    @discardableResult
    mutating func addSource(spec: String, at position: IntakeDocument.Position?) -> String? {
        guard let (who, role, date) = Self.parseSpec(spec) else { return nil }
        guard let kind = roleKind(who) ?? roleKind(role) else {
            report.append(.init(kind: .problem, position: position, message: "source \"\(who)\": no source kind of the ruleset is named (say who: cliënt, werkgever, bedrijfsarts, …); taken as kind document"))
            let id = nextID("s-document")
            sources.append(PendingSource(id: id, kind: "document", role: role, date: date))
            return id
        }
        let id = nextID("s-" + kind)
        sources.append(PendingSource(id: id, kind: kind, role: role, date: date))
        report.append(.init(kind: .mapped, position: position, message: "source \(id): kind \(kind)\(date.map { ", \($0)" } ?? ", no date")"))
        return id
    }

    /// "who; role; date" split on ";" (else "|", else ","): the date may close a part ("spreekuur 2026-11-17").
    static func parseSpec(_ spec: String) -> (who: String, role: String, date: SimpleDate?)? {
        let separator: Character = spec.contains(";") ? ";" : (spec.contains("|") ? "|" : ",")
        let parts = spec.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmed }.filter { !$0.isEmpty }
        guard let first = parts.first else { return nil }
        var date: SimpleDate?
        var words: [String] = []
        for part in parts {
            if let d = DateParsing.date(part) { date = d; continue }
            if let space = part.lastIndex(of: " "), let d = DateParsing.date(String(part[part.index(after: space)...])) {
                date = d
                words.append(String(part[..<space]).trimmed)
                continue
            }
            words.append(part)
        }
        let who = words.first ?? first
        return (who, words.count > 1 ? words[1] : who, date)
    }

    /// A first table of particulars (two columns: key, value) or of sources (a header row naming bron/rol/datum).
    private mutating func tableAsParticulars(_ rows: [[String]], at position: IntakeDocument.Position) -> Bool {
        if tableAsSources(rows, at: position) { return true }
        guard rows.allSatisfy({ $0.count >= 2 }) else { return false }
        let known = rows.filter { isParticular($0[0]) }
        guard known.count * 2 > rows.count else { return false }
        for row in rows { applyKey(row[0], row[1], at: position, fromFrontMatter: false) }
        return true
    }

    private mutating func tableAsSources(_ rows: [[String]], at position: IntakeDocument.Position) -> Bool {
        guard let header = rows.first, rows.count > 1 else { return false }
        let keys = header.map { HeadingKey.fold($0) }
        let who = keys.firstIndex { ["bron", "soort", "wie", "soort bron", "informant"].contains($0) }
        let role = keys.firstIndex { ["rol", "functie", "omschrijving", "auteur", "rol auteur"].contains($0) }
        let date = keys.firstIndex { $0 == "datum" || $0.hasPrefix("datum") }
        guard who != nil || role != nil, date != nil || (who != nil && role != nil) else { return false }
        report.append(.init(kind: .mapped, position: position, message: "table → sources"))
        for row in rows.dropFirst() {
            func cell(_ i: Int?) -> String { i.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            addSource(spec: [cell(who), cell(role), cell(date)].filter { !$0.isEmpty }.joined(separator: "; "), at: position)
        }
        return true
    }

    // MARK: Particulars

    private func isParticular(_ key: String) -> Bool {
        Self.particularKeys[HeadingKey.fold(key)] != nil
    }

    private static let particularKeys: [String: String] = [
        "dossier": "id", "id": "id", "dossier id": "id", "kenmerk": "id",
        "datum": "date", "dossierdatum": "date", "datum intake": "date", "intakedatum": "date", "datum verslag": "date",
        "regeling": "regime", "uitkering": "regime", "wet": "regime", "uitkeringssituatie": "regime", "regime": "regime",
        "leeftijd": "age", "leeftijdsklasse": "ageBand", "leeftijdscategorie": "ageBand",
        "geslacht": "gender", "achtergrond": "background",
        "bron": "source", "bronnen": "source",
        "samenvatting": "summary",
        "aandoening": "cause", "oorzaak": "cause", "status": "status", "arbeidsongeschiktheid": "percentage", "percentage": "percentage",
        // A meeting's particulars ("Aanwezig: cliënte, jobcoach, …"): who took part, not what anyone said.
        "aanwezig": "attendance", "aanwezigen": "attendance", "afwezig": "attendance", "deelnemers": "attendance",
        "notulist": "attendance", "voorzitter": "attendance",
    ]

    private mutating func applyKey(_ key: String, _ value: String, at position: IntakeDocument.Position, fromFrontMatter: Bool) {
        guard let field = Self.particularKeys[HeadingKey.fold(key)] else {
            report.append(.init(kind: .note, position: position, message: "front-matter key \"\(key)\" is not used"))
            return
        }
        let value = value.trimmed
        guard !value.isEmpty else { return }
        switch field {
        case "id": dossierID = value
        case "date":
            if let d = DateParsing.date(value) { date = d } else {
                report.append(.init(kind: .problem, position: position, message: "date \"\(value)\" is not a date (write 2026-11-02 or 2-11-2026)"))
            }
        case "regime": regime = Self.regime(value)
        case "age":
            if let n = Int(value.prefix { $0.isNumber }) { age = n } else if value.contains("-") || value.hasSuffix("+") { ageBand = value }
        case "ageBand": ageBand = value.replacingOccurrences(of: " ", with: "")
        case "gender": gender = value
        case "background": background.append(value)
        case "source": addSource(spec: value, at: position)
        case "summary": summary.append(value)
        case "cause": disabilityCause = value
        case "status": disabilityStatus = value
        case "percentage": disabilityPercentage = value
        default: break
        }
        if field == "attendance" {
            report.append(.init(kind: .mapped, position: position, message: "\"\(key)\" → attendance (who took part; not screened)"))
        } else if field != "source" {
            report.append(.init(kind: .mapped, position: position, message: "\"\(key)\" → \(field)"))
        }
    }

    static func regime(_ value: String) -> String {
        let words = Set(HeadingKey.fold(value).split(separator: " ").map(String.init))
        let table: [(String, [String])] = [
            ("wajong", ["wajong"]), ("wia", ["wia", "wga", "iva"]), ("wao", ["wao"]), ("ziektewet", ["ziektewet", "zw"]),
            ("ww", ["ww"]), ("letselschade", ["letselschade"]), ("participatiewet", ["participatiewet", "bijstand", "pw"]), ("geen", ["geen"]),
        ]
        for (id, names) in table where !words.isDisjoint(with: names) { return id }
        return "anders"
    }

    private mutating func applyDirectionKey(_ key: String, _ value: String, at position: IntakeDocument.Position) -> Bool {
        let folded = HeadingKey.fold(key)
        let answer = HeadingKey.fold(value)
        func judgement() -> String {
            if answer.hasPrefix("ja") { return "yes" }
            if answer.hasPrefix("nee") || answer.hasPrefix("niet") { return "no" }
            return "unclear"
        }
        // "Cliënt is het eens: ja", but not "Eens per week: contact met de jobcoach".
        let agrees = folded.split(separator: " ").contains("eens") && judgement() != "unclear"
        if folded.contains("gedeeld") || folded.contains("besproken") || folded.contains("afgestemd") || agrees {
            shared = judgement()
        } else if folded == "horizon" || folded == "termijn" {
            // The dossier knows short and long only: "middellang" is neither, and is reported rather than guessed.
            if answer.hasPrefix("kort") { horizon = "short" } else if answer.hasPrefix("lang") { horizon = "long" } else {
                report.append(.init(kind: .problem, position: position, message: "\"\(key): \(value)\" is neither kort nor lang; the horizon is not recorded"))
                return true
            }
        } else if folded == "intensiteit" {
            // "hoog" and "laag" are how many write an intensity down; "hoog" is the intensive track, "laag" the light one.
            if ["licht", "laag"].contains(where: answer.hasPrefix) { intensity = "light" } else if ["intensief", "hoog", "zwaar"].contains(where: answer.hasPrefix) { intensity = "intensive" } else if ["midden", "matig", "gemiddeld", "middel"].contains(where: answer.hasPrefix) { intensity = "moderate" } else {
                report.append(.init(kind: .problem, position: position, message: "\"\(key): \(value)\" is neither licht (laag), midden nor intensief (hoog); the intensity is not recorded"))
                return true
            }
        } else if folded.hasPrefix("afgewogen") || folded.hasPrefix("gewogen") || folded.hasPrefix("weegt mee") || folded.hasPrefix("tegenindicaties") {
            addresses += value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmed }.filter { !$0.isEmpty }
        } else {
            return false
        }
        report.append(.init(kind: .mapped, position: position, message: "\"\(key)\" → direction"))
        return true
    }

    /// A closing "(zie: Thuissituatie, wens)" or "[zie Arbeidsverleden]" names what a conclusion rests on.
    static func citations(in text: String) -> (String, [String]) {
        var trimmed = text.trimmed
        var suffix = ""
        if let last = trimmed.last, last == "." { suffix = "."; trimmed = String(trimmed.dropLast()).trimmed }
        guard let close = trimmed.last, close == ")" || close == "]" else { return (text.trimmed, []) }
        let open: Character = close == ")" ? "(" : "["
        guard let start = trimmed.lastIndex(of: open) else { return (text.trimmed, []) }
        let inner = trimmed[trimmed.index(after: start)..<trimmed.index(before: trimmed.endIndex)].trimmed
        let lower = inner.lowercased()
        var list: Substring?
        for prefix in ["zie:", "zie", "bron:", "bronnen:", "onderbouwing:", "op basis van:", "op basis van", "grond:"] where lower.hasPrefix(prefix) {
            list = inner.dropFirst(prefix.count)
            break
        }
        guard let list else { return (text.trimmed, []) }
        // Split on commas and semicolons only: whether "A en B" is one heading or two is for the resolver to tell.
        let references = list.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmed }.filter { !$0.isEmpty }
        var clean = trimmed[..<start].trimmed
        if !clean.hasSuffix(".") { clean += suffix }
        return (clean, references)
    }

    // MARK: Ids

    private var used = Set<String>()

    mutating func nextID(_ stem: String) -> String {
        var n = 1
        while used.contains("\(stem)-\(n)") { n += 1 }
        let id = "\(stem)-\(n)"
        used.insert(id)
        return id
    }

    // MARK: Finishing

    mutating func finish(options: ImportOptions) throws(ImportError) {
        if let id = options.dossierID { dossierID = id }
        if let d = options.date {
            guard let parsed = DateParsing.date(d) else { throw .invalid(path: intake.fileName, reason: "--date \(d) is not a date (write 2026-11-02)") }
            date = parsed
        }
        if let r = options.regime { regime = Self.regime(r) }
        if let b = options.ageBand { ageBand = b }
        if let a = options.age { age = a }
        for spec in options.sources { addSource(spec: spec, at: nil) }

        if date == nil, let latest = sources.compactMap(\.date).max() {
            date = latest
            report.append(.init(kind: .defaulted, position: nil, message: "no dossier date given; taken as the latest source date, \(latest)"))
        }
        guard let date else {
            throw .invalid(path: intake.fileName, reason: "no dossier date: give \"datum: 2026-11-02\" in the front matter or --date")
        }
        // Undated sources are dated to the dossier only when the intake says nothing else: leave them undated.
        if regime == nil {
            regime = "anders"
            report.append(.init(kind: .defaulted, position: nil, message: "no benefit regime given; taken as anders (give \"regeling: …\" or --regime)"))
        }
        if ageBand == nil {
            if let age { ageBand = Self.band(for: age) } else {
                ageBand = "18-65"
                report.append(.init(kind: .defaulted, position: nil, message: "no age or age band given; taken as 18-65"))
            }
        }
        if !Self.isAgeBand(ageBand!) {
            throw .invalid(path: intake.fileName, reason: "age band \"\(ageBand!)\" is not NN-NN or NN+")
        }
        dossierID = Self.slug(dossierID ?? Self.stem(of: intake.fileName))

        // Text under a heading that names no theme is the document's author's, when the document names one.
        resolveAuthor()
        if let author {
            for i in narratives.indices where narratives[i].source.isEmpty && narratives[i].defaultTeller == .author { narratives[i].source = author }
        }
        // Sources every narrative, wish and the assessment need.
        let needsClient = narratives.contains { $0.source.isEmpty } || wishes.contains { $0.source.isEmpty } || sources.isEmpty
        var clientID = sources.first { $0.kind == "client" }?.id
        if clientID == nil, needsClient {
            let id = nextID("s-client")
            sources.append(PendingSource(id: id, kind: "client", role: "cliënt (intakegesprek)", date: date))
            report.append(.init(kind: .defaulted, position: nil, message: "no client source given; added \(id), cliënt (intakegesprek), \(date)"))
            clientID = id
        }
        if let clientID {
            // Text under an unknown heading is told by the client too, unless it names its teller: it is screened.
            for i in narratives.indices where narratives[i].source.isEmpty { narratives[i].source = clientID }
            for i in wishes.indices where wishes[i].source.isEmpty { wishes[i].source = clientID }
        }
        if fmlSeen, !fmlAbsent, fmlSource == nil {
            fmlSource = sources.first { $0.kind == "physician" }?.id
        }
    }

    static func band(for age: Int) -> String {
        switch age {
        case ..<18: "15-17"
        case 18...26: "18-26"
        case 27...35: "27-35"
        case 36...45: "36-45"
        case 46...55: "46-55"
        case 56...65: "56-65"
        default: "66+"
        }
    }

    static func isAgeBand(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        if parts.count == 2 { return parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) } }
        return text.count == 3 && text.hasSuffix("+") && text.prefix(2).allSatisfy(\.isNumber)
    }

    static func stem(of fileName: String) -> String {
        var name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }

    /// A dossier id: lower case letters, digits, '-' and '.', starting with a letter or digit, at most 80.
    static func slug(_ text: String) -> String {
        let folded = HeadingKey.fold(text.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "-", with: " "))
        var result = folded.replacingOccurrences(of: " ", with: "-")
        result = String(result.prefix(80))
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "intake" : result
    }

    // MARK: Output

    func result() -> ImportResult {
        var resolved = report
        let dossierNS = "urn:totaalbeeld:dossier:1"
        var root = XMLNodeElement(localName: "dossier", namespaceURI: dossierNS, namespaceDeclarations: [(nil, dossierNS)])
        root.attributes = [
            .init(localName: "id", value: dossierID ?? "intake"),
            .init(localName: "date", value: date?.description ?? ""),
            .init(namespaceURI: "http://www.w3.org/XML/1998/namespace", prefix: "xml", localName: "lang", value: "nl"),
        ]
        var children: [XMLNodeElement] = []
        if !summary.isEmpty { children.append(root.makeChild("summary", text: summary.joined(separator: " "))) }
        children.append(root.makeChild("client", attributes: [
            ("ageBand", ageBand), ("age", age.map(String.init)), ("gender", gender), ("benefitRegime", regime),
            ("background", background.isEmpty ? nil : background.joined(separator: " ")),
        ]))
        if let cause = disabilityCause {
            var disability = root.makeChild("disability", attributes: [("percentage", disabilityPercentage)])
            disability.content.append(.element(root.makeChild("cause", text: cause)))
            if let status = disabilityStatus { disability.content.append(.element(root.makeChild("status", text: status))) }
            children.append(disability)
        }
        if fmlSeen {
            if fmlAbsent && fmlSummary.isEmpty && fmlLimitations.isEmpty && fmlJobs.isEmpty {
                children.append(root.makeChild("fml", attributes: [("present", "false")]))
            } else {
                let sourceDate = fmlSource.flatMap { id in sources.first { $0.id == id }?.date }
                var fml = root.makeChild("fml", attributes: [
                    ("id", "fml"), ("present", "true"), ("date", (fmlDate ?? sourceDate)?.description), ("source", fmlSource),
                ])
                if !fmlSummary.isEmpty { fml.content.append(.element(root.makeChild("summary", text: fmlSummary.joined(separator: " ")))) }
                for (i, item) in fmlLimitations.enumerated() { fml.content.append(.element(root.makeChild("limitation", attributes: [("id", "fml-b\(i + 1)")], text: item))) }
                for (i, item) in fmlJobs.enumerated() { fml.content.append(.element(root.makeChild("suggestedJob", attributes: [("id", "fml-f\(i + 1)")], text: item))) }
                children.append(fml)
            }
        }
        var sourcesElement = root.makeChild("sources")
        for source in sources {
            sourcesElement.content.append(.element(root.makeChild("source", attributes: [
                ("id", source.id), ("kind", source.kind), ("role", source.role), ("date", source.date?.description),
            ])))
        }
        children.append(sourcesElement)
        if !narratives.isEmpty {
            var element = root.makeChild("narratives")
            for narrative in narratives {
                if let theme = narrative.theme {
                    element.content.append(.element(root.makeChild("narrative", attributes: [
                        ("id", narrative.id), ("domain", theme.domain), ("theme", theme.id),
                        ("alsoThemes", narrative.alsoThemes.isEmpty ? nil : narrative.alsoThemes.joined(separator: " ")), ("source", narrative.source),
                    ], text: narrative.text)))
                } else {
                    element.content.append(.element(root.makeChild("unassigned", attributes: [
                        ("id", narrative.id), ("heading", narrative.heading), ("origin", narrative.position.dutch),
                        ("source", narrative.source.isEmpty ? nil : narrative.source),
                    ], text: narrative.text)))
                }
            }
            children.append(element)
        }
        for wish in wishes {
            children.append(root.makeChild("wish", attributes: [("id", wish.id), ("source", wish.source)], text: wish.text))
        }
        if !conclusions.isEmpty || !supportNeeds.isEmpty || !direction.isEmpty {
            // The labour expert writes the assessment; without one, the author when its kind writes assessments (a client
            // manager's journal).
            let authorSource = author.flatMap { id in sources.first { $0.id == id } }
            let namedAssessor = assessmentAuthor.flatMap { id in sources.first { $0.id == id } }
            let assessor = namedAssessor ?? sources.first { $0.kind == "professional" } ?? authorSource.flatMap { ruleset.sourceKind(id: $0.kind)?.assesses == true ? $0 : nil }
            var extraSources: [PendingSource] = []
            let assessorID = assessor?.id ?? "s-professional-assessment"
            if assessor == nil {
                extraSources.append(PendingSource(id: assessorID, kind: "professional", role: "arbeidsdeskundige", date: date))
                resolved.append(.init(kind: .defaulted, position: nil, message: "no labour-expert source given for the assessment; added \(assessorID), arbeidsdeskundige, \(date?.description ?? "")"))
            }
            for source in extraSources {
                sourcesElement.content.append(.element(root.makeChild("source", attributes: [
                    ("id", source.id), ("kind", source.kind), ("role", source.role), ("date", source.date?.description),
                ])))
            }
            if let i = children.firstIndex(where: { $0.localName == "sources" }) { children[i] = sourcesElement }
            var assessment = root.makeChild("assessment", attributes: [("id", "a-1"), ("source", assessorID), ("date", (assessor?.date ?? date)?.description)])
            for conclusion in conclusions {
                let cites = resolve(conclusion.references, report: &resolved, at: conclusion.position)
                assessment.content.append(.element(root.makeChild("conclusion", attributes: [
                    ("id", conclusion.id), ("cites", cites.isEmpty ? nil : cites.joined(separator: " ")),
                ], text: conclusion.text)))
            }
            for need in supportNeeds {
                let cites = resolve(need.references, report: &resolved, at: need.position)
                assessment.content.append(.element(root.makeChild("supportNeed", attributes: [
                    ("id", need.id), ("activity", need.activity), ("level", need.level), ("cites", cites.isEmpty ? nil : cites.joined(separator: " ")),
                ], text: need.text)))
            }
            if !direction.isEmpty {
                let cites = resolve(directionReferences, report: &resolved, at: nil)
                let addressed = resolve(addresses, report: &resolved, at: nil)
                assessment.content.append(.element(root.makeChild("direction", attributes: [
                    ("id", "d-1"), ("cites", cites.isEmpty ? nil : cites.joined(separator: " ")),
                    ("addresses", addressed.isEmpty ? nil : addressed.joined(separator: " ")),
                    ("horizon", horizon), ("intensity", intensity), ("sharedWithClient", shared),
                ], text: direction.joined(separator: " "))))
            }
            children.append(assessment)
        }
        root.content = Self.indented(children, depth: 1)
        return ImportResult(dossier: XMLTree(prologue: [" Imported by totaalbeeld import from \(Self.stem(of: intake.fileName)); see the import report for what went where. "], root: root), report: resolved, unmappedHeadings: unmapped)
    }

    /// References named in a conclusion ("Thuissituatie", "wens", "FML", "bedrijfsarts", an element id) → element ids.
    private func resolve(_ references: [String], report: inout [ImportReportLine], at position: IntakeDocument.Position?) -> [String] {
        var ids: [String] = []
        for reference in references {
            // "Werkervaring en stage" may be one heading of the intake; "Werkverleden en Thuissituatie" names two.
            var parts = [(reference, elements(citedBy: reference))]
            if parts[0].1.isEmpty, reference.contains(" en ") {
                parts = reference.components(separatedBy: " en ").map(\.trimmed).filter { !$0.isEmpty }.map { ($0, elements(citedBy: $0)) }
            }
            for (part, found) in parts {
                if found.isEmpty {
                    report.append(.init(kind: .problem, position: position, message: "\"\(part)\" names nothing in the intake to cite (a heading, wens, FML or a source); not cited"))
                }
                for id in found where !ids.contains(id) { ids.append(id) }
            }
        }
        return ids
    }

    /// The elements one reference of a "(zie: …)" names: an id, text under a heading of the intake's own, the wish, the
    /// FML, a theme's narratives, or what a kind of source tells.
    private func elements(citedBy reference: String) -> [String] {
        let key = HeadingKey.fold(reference)
        if narratives.contains(where: { $0.id == reference }) || wishes.contains(where: { $0.id == reference }) || sources.contains(where: { $0.id == reference }) {
            return [reference]
        } else if narratives.contains(where: { $0.theme == nil && $0.heading.map(HeadingKey.fold) == key }) {
            // Text under a heading of the intake's own ("Visie werkgever") is screened, so it can be cited too.
            return narratives.filter { $0.theme == nil && $0.heading.map(HeadingKey.fold) == key }.map(\.id)
        } else if key == "wens" || key == "wensen" || key.hasPrefix("wens van") {
            return wishes.map(\.id)
        } else if fmlSeen, !fmlAbsent, key == "fml" || index.lookup(reference).target == .section(.fml) {
            // "FML", or the FML section by the intake's own heading ("zie: Belastbaarheid").
            return ["fml"]
        } else if case .theme(let id)? = index.lookup(reference).target {
            return narratives.filter { $0.theme?.id == id }.map(\.id)
        } else if let kind = roleKind(reference) {
            let sourceIDs = Set(sources.filter { $0.kind == kind }.map(\.id))
            let told = narratives.filter { sourceIDs.contains($0.source) && $0.theme != nil }.map(\.id)
            // A source that tells nothing in the intake ("zie: eerder advies") is cited as the source itself.
            return told.isEmpty ? sources.filter { $0.kind == kind }.map(\.id) : told
        } else if narratives.contains(where: { $0.heading.map(HeadingKey.fold) == key }) {
            // A heading of the intake's own whose lines or rows were filed under themes ("Achtergrond" over a table).
            return narratives.filter { $0.heading.map(HeadingKey.fold) == key }.map(\.id)
        }
        return []
    }

    /// Children on their own indented lines, so the file reads like the shipped cases.
    static func indented(_ elements: [XMLNodeElement], depth: Int) -> [XMLNode] {
        var nodes: [XMLNode] = []
        let pad = "\n" + String(repeating: "  ", count: depth)
        for var element in elements {
            let inner = element.elements
            if !inner.isEmpty, element.content.allSatisfy({ if case .element = $0 { true } else { false } }) {
                element.content = indented(inner, depth: depth + 1)
            }
            nodes.append(.text(pad))
            nodes.append(.element(element))
        }
        nodes.append(.text("\n" + String(repeating: "  ", count: depth - 1)))
        return nodes
    }
}

/// Dates as intakes write them: 2026-11-02, 2-11-2026, 02/11/2026, 2 november 2026.
enum DateParsing {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]

    static func date(_ text: String) -> SimpleDate? {
        let t = text.trimmed
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            let numbers = parts.compactMap { Int($0) }
            if parts[0].count == 4 { return valid(numbers[0], numbers[1], numbers[2]) }
            if parts[2].count == 4 { return valid(numbers[2], numbers[1], numbers[0]) }
            return nil
        }
        let words = t.lowercased().split(separator: " ")
        if words.count == 3, let day = Int(words[0]), let month = months.firstIndex(of: String(words[1])), let year = Int(words[2]) {
            return valid(year, month + 1, day)
        }
        return nil
    }

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> SimpleDate? {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        return SimpleDate(year: year, month: month, day: day)
    }
}
