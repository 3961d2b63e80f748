import TotaalbeeldModel
import TotaalbeeldXML

/// Loads a ruleset: hardened parse, XSD validation, then lint of everything a schema cannot see.
///
/// Lint reports duplicate ids, references to things the ruleset does not define and weights
/// or factors outside the ruleset's declared ranges — every problem with its line, in one pass.
/// ```swift
/// let schemas = try SchemaSet(directory: "Rulesets/schema")
/// let ruleset = try RulesetLoader.load(contentsOf: "Rulesets/akc-2011.xml", schemas: schemas)
/// ```
public enum RulesetLoader {
    public static let maxBytes = 8 << 20

    public static func load(contentsOf path: String, schemas: SchemaSet) throws(LoadError) -> Ruleset {
        let (document, bytes) = try schemas.load(path, maxBytes: maxBytes)
        return try ruleset(from: document, bytes: bytes)
    }

    static func ruleset(from document: XMLDocument, bytes: [UInt8]) throws(LoadError) -> Ruleset {
        guard document.root.name.localName == "ruleset" else {
            throw .invalid([LocatedProblem(document.root.modelLocation, "expected a ruleset, found a <\(document.root.name.localName)> document")])
        }
        return try RulesetReader(root: document.root, checksum: SHA256.hex(of: bytes)).read()
    }
}

private struct RulesetReader {
    let root: XMLElement
    let checksum: String
    let log = ProblemLog()

    func read() throws(LoadError) -> Ruleset {
        let references = root.child(named: "references")?.children(named: "reference").map {
            Reference(id: $0.attribute("id") ?? "", citation: $0.normalizedText)
        } ?? []
        let scoring = readScoring()
        let sourceKinds = root.child(named: "sourceKinds")?.children(named: "sourceKind").map {
            SourceKind(id: $0.attribute("id") ?? "", label: $0.localized("label"), isSelfReport: $0.boolean("selfReport", default: false), speaksOfHimself: $0.boolean("speaksOfHimself", default: false),
                       authorsDocuments: $0.boolean("authorsDocuments", default: false), assesses: $0.boolean("assesses", default: false))
        } ?? []
        let domains = root.child(named: "domains")?.children(named: "domain").map {
            Domain(id: $0.attribute("id") ?? "", order: $0.integer("order") ?? 0, label: $0.localized("label"), zrmDomains: $0.list("zrm"), location: $0.modelLocation)
        } ?? []
        let dimensions = root.child(named: "level2")?.children(named: "dimension").map {
            Level2Dimension(id: $0.attribute("id") ?? "", label: $0.localized("label"))
        } ?? []
        let indicators = root.child(named: "indicators")?.children.map(readIndicator) ?? []
        let activities = root.child(named: "schema2")?.children(named: "activity").map(readActivity) ?? []
        let conversationModel = root.child(named: "conversationModel")
        let themes = conversationModel?.children(named: "theme").map {
            ConversationTheme(
                id: $0.attribute("id") ?? "", order: $0.integer("order") ?? 0, domain: $0.attribute("domain") ?? "",
                label: $0.localized("label"), question: $0.localized("question"), requiredSourceKind: $0.attribute("requiresSourceKind"),
                coveredByWish: $0.boolean("coveredByWish", default: false), coveredByBenefitGround: $0.boolean("coveredByBenefitGround", default: false),
                headings: $0.children(named: "heading").map(\.normalizedText)
            )
        } ?? []
        let intakeSections = conversationModel?.children(named: "intakeSection").compactMap { element in
            IntakeSection.Role(rawValue: element.attribute("role") ?? "").map {
                IntakeSection(role: $0, headings: element.children(named: "heading").map(\.normalizedText))
            }
        } ?? []
        let sourceRoles = conversationModel?.children(named: "sourceRole").map {
            SourceRoleNames(kind: $0.attribute("kind") ?? "", names: $0.children(named: "name").map(\.normalizedText))
        } ?? []
        let sourceLeads = conversationModel?.children(named: "sourceLead").map { $0.normalizedText.lowercased() } ?? []
        let complementWords = Set(conversationModel?.children(named: "headingComplementWord").map { HeadingKey.fold($0.normalizedText) } ?? [])
        let sourceVerbs = Set(conversationModel?.children(named: "sourceVerb").map { HeadingKey.fold($0.normalizedText) } ?? [])
        let context = root.child(named: "context").map(readContext) ?? .empty
        let senses = root.child(named: "senses")?.children(named: "sense").map {
            SenseSet(
                id: $0.attribute("id") ?? "", label: $0.localized("label"),
                terms: $0.child(named: "terms")?.children(named: "term").map(\.normalizedText) ?? [], location: $0.modelLocation
            )
        } ?? []
        let rules = root.child(named: "rules")?.children(named: "rule").map(readRule) ?? []
        let trialAndError = root.child(named: "trialAndError").map(readTrialAndError)
        let contradictions = root.child(named: "contradictions")?.children(named: "contradiction").map {
            Contradiction(left: $0.list("indicators"), right: $0.list("with"), location: $0.modelLocation)
        } ?? []
        let qualifiers = root.child(named: "qualifiers")?.children(named: "qualifier").map {
            Qualifier(
                id: $0.attribute("id") ?? "", signal: $0.attribute("signal") ?? "", indicators: $0.list("indicators"),
                factor: $0.decimal("factor") ?? 1, reason: $0.localized("reason"), location: $0.modelLocation
            )
        } ?? []
        let benefitGround = root.child(named: "benefitGround").map { BenefitGround(indicator: $0.attribute("indicator") ?? "", regimes: $0.list("regimes"), fmlIndicator: $0.attribute("fmlIndicator")) }

        var ruleset = Ruleset(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", date: root.attribute("date") ?? "",
            checksum: checksum, title: root.localized("title"), references: references, scoring: scoring,
            sourceKinds: sourceKinds, domains: domains, dimensions: dimensions, indicators: indicators,
            activities: activities, themes: themes, rules: rules, trialAndError: trialAndError, context: context,
            contradictions: contradictions, qualifiers: qualifiers, benefitGround: benefitGround,
            weighingSignal: root.child(named: "rules")?.attribute("weighing"), senses: senses
        )
        ruleset.changes = root.child(named: "changelog")?.children(named: "change").map {
            RulesetChange(version: $0.attribute("version") ?? "", date: $0.date("date") ?? SimpleDate(year: 1970, month: 1, day: 1), text: $0.normalizedText, location: $0.modelLocation)
        } ?? []
        ruleset.parked = root.children(named: "parked").map { element in
            ParkedItems(
                since: element.date("since") ?? SimpleDate(year: 1970, month: 1, day: 1), reason: element.localized("reason"),
                rules: element.child(named: "rules")?.children(named: "rule").map(readRule) ?? [],
                indicators: element.child(named: "indicators")?.children.map(readIndicator) ?? [],
                location: element.modelLocation
            )
        }
        ruleset.intakeSections = intakeSections
        ruleset.supportNamedForEveryActivity = root.child(named: "schema2")?.child(named: "supportNamed")?.children(named: "term").map(\.normalizedText) ?? []
        ruleset.fmlUnlimited = root.child(named: "schema2")?.child(named: "fmlUnlimited")?.children(named: "term").map(\.normalizedText) ?? []
        ruleset.physicianLimitCues = root.child(named: "schema2")?.child(named: "physicianLimitCue")?.children(named: "term").map(\.normalizedText) ?? []
        ruleset.sourceRoles = sourceRoles
        ruleset.sourceLeads = sourceLeads
        ruleset.headingComplementWords = complementWords
        ruleset.sourceVerbs = sourceVerbs
        lint(ruleset)
        lintManagement(ruleset)
        try log.throwIfAny()
        return ruleset
    }

    private func readScoring() -> Scoring {
        guard let element = root.child(named: "scoring") else {
            return Scoring(weightRange: 0...0, factorRange: 1...1, strengthOffset: 0, supportNeedMax: 0, levels: [])
        }
        let weightMin = element.decimal("weightMin") ?? 0, weightMax = element.decimal("weightMax") ?? 0
        let factorMin = element.decimal("factorMin") ?? 1, factorMax = element.decimal("factorMax") ?? 1
        if weightMin > weightMax || weightMin < 0 {
            log.report(element.attributeLocation("weightMin"), "weightMin (\(weightMin)) must be ≥ 0 and ≤ weightMax (\(weightMax))")
        }
        if factorMin > factorMax || factorMin <= 0 {
            log.report(element.attributeLocation("factorMin"), "factorMin (\(factorMin)) must be > 0 and ≤ factorMax (\(factorMax))")
        }
        let levels = element.children(named: "level").map {
            ScoreLevel(id: $0.attribute("id") ?? "", min: $0.decimal("min") ?? 0, label: $0.localized("label"))
        }
        return Scoring(
            weightRange: min(weightMin, weightMax)...max(weightMin, weightMax),
            factorRange: min(factorMin, factorMax)...max(factorMin, factorMax),
            strengthOffset: element.decimal("strengthOffset") ?? 0,
            supportNeedMax: element.decimal("supportNeedMax") ?? 0,
            levels: levels,
            resolvedFactor: element.decimal("resolvedFactor") ?? 0,
            incidentalFactor: element.decimal("incidentalFactor") ?? 1
        )
    }

    private func readIndicator(_ element: XMLElement) -> Indicator {
        let role: IndicatorRole
        if element.name.localName == "signal" {
            role = .signal
        } else if element.name.localName == "modifier" {
            role = .modifier(
                dimension: element.attribute("dimension") ?? "",
                factor: element.decimal("factor") ?? 1,
                scope: ModifierScope(rawValue: element.attribute("scope") ?? "domain") ?? .domain,
                extraRisk: element.boolean("extraRisk", default: false)
            )
        } else {
            role = .level1(Polarity(rawValue: element.attribute("polarity") ?? "") ?? .burden, weight: element.decimal("weight") ?? 0)
        }
        let termElements = element.child(named: "terms")?.children(named: "term") ?? []
        let termRules = termElements.map { term in
            TermRule(
                text: term.normalizedText, exact: term.boolean("exact", default: false), require: term.list("require"),
                exclude: term.list("exclude"), window: term.integer("window"), excludeWindow: term.integer("excludeWindow"),
                fixedOrder: term.attribute("order") == "fixed", past: term.boolean("past", default: false),
                settled: term.boolean("settled", default: false), affirmedOnly: term.boolean("affirmedOnly", default: false),
                location: term.modelLocation
            )
        }
        let terms = termRules.map(\.text)
        return Indicator(
            id: element.attribute("id") ?? "", domain: element.attribute("domain") ?? "", role: role,
            label: element.localized("label"), rationale: element.localized("rationale"),
            reference: element.attribute("reference") ?? "", group: element.attribute("group"), terms: terms,
            countsForOther: element.boolean("countsForOther", default: false),
            readings: element.children(named: "reading").map {
                Reading(id: $0.attribute("id") ?? "", text: $0.localized("text"), terms: $0.child(named: "terms")?.children(named: "term").map(\.normalizedText) ?? [])
            },
            location: element.modelLocation,
            termRules: termRules, precision: Precision(rawValue: element.attribute("precision") ?? "") ?? .normal,
            resolvable: element.boolean("resolvable", default: true), narrows: element.list("narrows"),
            pastByNature: element.boolean("pastByNature", default: false), riskByNature: element.boolean("riskByNature", default: false),
            clientByNature: element.boolean("clientByNature", default: false), threatCounts: element.boolean("threatCounts", default: false)
        )
    }

    private func readRule(_ element: XMLElement) -> FlagRule {
        FlagRule(
            id: element.attribute("id") ?? "",
            kind: FlagRule.Kind(rawValue: element.attribute("kind") ?? "") ?? .quality,
            severity: FlagRule.Severity(rawValue: element.attribute("severity") ?? "") ?? .info,
            reference: element.attribute("reference") ?? "",
            scope: FlagRule.Scope(rawValue: element.attribute("each") ?? "dossier") ?? .dossier,
            conditions: element.child(named: "when")?.children.compactMap(readCondition) ?? [],
            message: element.localized("message"), question: element.localized("question"),
            alternatives: element.children(named: "alternative").map { $0.localized("text") },
            rationale: element.localized("rationale"), location: element.modelLocation,
            phase: FlagRule.Phase(rawValue: element.attribute("phase") ?? "") ?? .oordeelsvorming
        )
    }

    private func readTrialAndError(_ element: XMLElement) -> TrialAndErrorRules {
        TrialAndErrorRules(
            uncertainty: element.children(named: "uncertainty").map {
                .init(rule: $0.attribute("rule"), kind: $0.attribute("kind"), weighed: $0.attribute("weighed").flatMap(Assessment.Weighed.Verdict.init(rawValue:)), weight: $0.decimal("weight") ?? 0)
            },
            uncertaintyMin: element.decimal("uncertaintyMin") ?? 0,
            minBurdenedDomains: element.integer("minBurdenedDomains") ?? 1,
            burdenLevel: element.attribute("burdenLevel") ?? "",
            contraindications: element.children(named: "contraindication").map {
                .init(
                    id: $0.attribute("id") ?? "", label: $0.localized("label"), indicators: $0.list("indicators"),
                    status: FactPattern.Status(rawValue: $0.attribute("status") ?? "present") ?? .present, referral: $0.list("referral"),
                    assessedBy: $0.list("assessedBy")
                )
            },
            vulnerabilities: element.child(named: "vulnerability")?.list("indicators") ?? [],
            stopCriteria: element.children(named: "stop").map { .init(text: $0.localized("text"), when: $0.list("when")) },
            reviewBaseWeeks: element.integer("reviewBaseWeeks") ?? 4, reviewMinWeeks: element.integer("reviewMinWeeks") ?? 1,
            alternatives: element.integer("alternatives") ?? 3,
            referralShare: (element.decimal("referralShareMin") ?? 0)...max(element.decimal("referralShareMin") ?? 0, element.decimal("referralShareMax") ?? 1),
            capacities: element.children(named: "capacity").map {
                .init(id: $0.attribute("id") ?? "", label: $0.localized("label"), conditions: $0.child(named: "when")?.children.compactMap(readCondition) ?? [])
            },
            wishWeight: element.decimal("wishWeight") ?? 0
        )
    }

    private func readCondition(_ element: XMLElement) -> RuleCondition? {
        func pattern() -> FactPattern {
            FactPattern(
                name: element.attribute("name"), indicators: element.list("indicators"),
                role: element.attribute("polarity").flatMap(FactPattern.Role.init(rawValue:)),
                sourceKinds: element.list("sourceKinds"), excludedSourceKinds: element.list("excludeSourceKinds"),
                place: FactPattern.Place(rawValue: element.attribute("in") ?? "dossier") ?? .dossier,
                status: FactPattern.Status(rawValue: element.attribute("status") ?? "counted") ?? .counted,
                minWeight: element.decimal("minWeight"), min: element.integer("min") ?? 1, sameDomainAs: element.attribute("sameDomainAs"),
                assertion: element.attribute("assertion").flatMap(Assertion.init(rawValue:)), domains: element.list("domains"),
                withReadings: element.boolean("withReadings", default: false), withoutGround: element.boolean("withoutGround", default: false)
            )
        }
        func pair() -> PairPattern {
            PairPattern(
                name: element.attribute("name"), left: element.attribute("facts") ?? "", right: element.attribute("with") ?? "",
                indicator: PairPattern.IndicatorRelation(rawValue: element.attribute("indicator") ?? "any") ?? .any,
                sign: PairPattern.Sign(rawValue: element.attribute("sign") ?? "any") ?? .any,
                source: PairPattern.Distinct(rawValue: element.attribute("source") ?? "any") ?? .any,
                element: PairPattern.Distinct(rawValue: element.attribute("element") ?? "any") ?? .any,
                assertion: PairPattern.AssertionRelation(rawValue: element.attribute("assertion") ?? "any") ?? .any,
                scope: PairPattern.Scope(rawValue: element.attribute("scope") ?? "dossier") ?? .dossier,
                unexplained: element.boolean("unexplained", default: false), oneSided: element.boolean("oneSided", default: false),
                qualifiedBy: element.list("qualifiedBy"), min: element.integer("min") ?? 1
            )
        }
        func group() -> [RuleCondition] { element.children.compactMap(readCondition) }
        func presence(_ name: String) -> Bool? { element.attribute(name).map { $0 == "present" } }
        func values(_ name: String) -> [String]? { element.attribute(name) == nil ? nil : element.list(name) }
        switch element.name.localName {
        case "facts": return .facts(pattern())
        case "absent": return .absent(pattern())
        case "unaddressed":
            return .unaddressed(
                facts: element.attribute("facts") ?? "", min: element.integer("min") ?? 1, share: element.decimal("share"),
                byIndicator: element.boolean("byIndicator", default: false), coveredFrom: element.decimal("coveredFrom"),
                assessedBy: element.list("assessedBy"))
        case "readings": return .readings(facts: element.attribute("facts") ?? "", minWeighed: element.integer("minWeighed"))
        case "assessment":
            return .assessment(AssessmentPattern(
                direction: presence("direction"), supportNeeds: presence("supportNeeds"), placement: presence("placement"),
                willing: values("willing"), able: values("able"), placementCites: presence("placementCites"), shared: values("shared"),
                horizon: values("horizon"), intensity: values("intensity"), addresses: presence("addresses"),
                supportNamed: presence("supportNamed")
            ))
        case "overlap":
            return .overlap(with: RuleCondition.OverlapTarget(rawValue: element.attribute("with") ?? "") ?? .wish, min: element.decimal("min") ?? 0, negate: element.boolean("negate", default: false), cited: element.boolean("cited", default: false),
                wish: RuleCondition.WishSelection(rawValue: element.attribute("wish") ?? "") ?? .all
            )
        case "derivedNeed":
            return .derivedNeed(atLeast: element.attribute("atLeast") ?? "", min: element.integer("min") ?? 1, supportUnnamed: element.boolean("supportUnnamed", default: false))
        case "assessedNeed": return .assessedNeed(atLeast: element.attribute("atLeast") ?? "", min: element.integer("min") ?? 1)
        case "domainNeed": return .domainNeed(atLeast: element.attribute("atLeast") ?? "", min: element.integer("min") ?? 1, unaddressedOnly: element.boolean("unaddressed", default: false), domains: element.list("domains"))
        case "maxDomainNeed": return .maxDomainNeed(below: element.attribute("below") ?? "")
        case "citedSupport":
            return .citedSupport(
                min: element.decimal("min") ?? 0, whenNothingCited: element.boolean("whenNothingCited", default: false),
                emptySupports: element.boolean("emptySupports", default: false), engaged: element.boolean("engaged", default: false),
                limits: element.list("limits"))
        case "uncited": return .uncited
        case "haloCitation": return .haloCitation(minDomains: element.integer("minDomains") ?? 2)
        case "selfReportOnly": return .selfReportOnly
        case "gap": return .gap(unassigned: element.boolean("unassigned", default: false))
        case "sourceAge": return .sourceAge(months: element.integer("months") ?? 12)
        case "fml": return .fmlMissing
        case "unassignedText": return .unassignedText
        case "ageBand": return .ageBand(maxUpper: element.integer("maxUpper") ?? 0)
        case "benefitRegime": return .benefitRegime(element.list("in"))
        case "allOf": return .allOf(group())
        case "anyOf": return .anyOf(group())
        case "not": return .not(group())
        case "pair": return .pair(pair())
        case "unpaired": return .unpaired(pair())
        case "claimsOnly": return .claimsOnly(facts: element.attribute("facts") ?? "", uncited: element.boolean("uncited", default: false))
        case "unweighed": return .unweighed(facts: element.attribute("facts") ?? "")
        case "citing": return .citing(facts: element.attribute("facts") ?? "")
        case "sources": return .sources(kinds: element.list("kinds"), min: element.integer("min") ?? 1)
        case "fmlConflict": return .fmlConflict(with: RuleCondition.FMLConflictTarget(rawValue: element.attribute("with") ?? "") ?? .direction)
        case "physicianLimitConflict": return .physicianLimitConflict
        default: return nil
        }
    }

    private func readActivity(_ element: XMLElement) -> Schema2Activity {
        Schema2Activity(
            id: element.attribute("id") ?? "", order: element.integer("order") ?? 0, parent: element.attribute("parent"),
            label: element.localized("label"),
            derivations: element.children(named: "derivedFrom").map {
                .init(indicator: $0.attribute("indicator") ?? "", weight: $0.decimal("weight") ?? 0, location: $0.modelLocation)
            },
            fromFML: element.child(named: "fromFml").map {
                .init(weight: $0.decimal("weight") ?? 0, terms: $0.children(named: "term").map(\.normalizedText))
            },
            demands: element.child(named: "demands")?.children(named: "term").map(\.normalizedText) ?? [],
            supportNamed: element.child(named: "supportNamed")?.children(named: "term").map(\.normalizedText) ?? [],
            needs: element.children(named: "need").map {
                .init(level: $0.attribute("level") ?? "", min: $0.decimal("min") ?? 0, support: $0.localized("support"), workRequirement: $0.localized("workRequirement"))
            },
            location: element.modelLocation
        )
    }

    private func readContext(_ element: XMLElement) -> ContextRules {
        var triggers: [ContextTrigger] = []
        var pseudo: [PseudoTrigger] = []
        var terminators: [Terminator] = []
        var presuppositions: [Presupposition] = []
        var speakers: [SpeakerRule] = []
        var functionWords: Set<String> = [], clauseWords: Set<String> = []
        var speakerPossessives: [String] = []
        var answers: [ContextRules.Answer] = []
        var abbreviations: [ContextRules.Abbreviation] = []
        for child in element.children {
            let phrase = child.normalizedText
            switch child.name.localName {
            case "trigger":
                triggers.append(ContextTrigger(
                    phrase: phrase, category: ContextCategory(rawValue: child.attribute("category") ?? "") ?? .negation,
                    direction: ContextDirection(rawValue: child.attribute("direction") ?? "") ?? .forward,
                    maxScope: child.integer("maxScope"), clauseFinal: child.boolean("clauseFinal", default: false),
                    afterSpeaker: child.boolean("afterSpeaker", default: false),
                    settlesPast: child.boolean("settlesPast", default: false), threat: child.boolean("threat", default: false),
                    question: child.boolean("question", default: false), location: child.modelLocation
                ))
            case "pseudo":
                pseudo.append(PseudoTrigger(
                    phrase: phrase, category: ContextCategory(rawValue: child.attribute("category") ?? "") ?? .negation,
                    restOfSentence: child.attribute("scope") == "sentence",
                    voids: child.attribute("voids").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }, location: child.modelLocation
                ))
            case "terminator":
                terminators.append(Terminator(phrase: phrase, categories: Set(child.list("categories").compactMap(ContextCategory.init)), location: child.modelLocation))
            case "presupposition":
                presuppositions.append(Presupposition(phrase: phrase, categories: Set(child.list("categories").compactMap(ContextCategory.init)), location: child.modelLocation))
            case "speaker":
                speakers.append(SpeakerRule(
                    roles: child.attribute("roles") ?? "", client: child.attribute("client") ?? "", gender: child.attribute("gender"),
                    possessives: child.attribute("possessives"), location: child.modelLocation
                ))
            case "abbreviation":
                abbreviations.append(ContextRules.Abbreviation(forms: phrase, meaning: child.attribute("means") ?? "", location: child.modelLocation))
            case "answer":
                answers.append(ContextRules.Answer(phrase: phrase, reading: ContextRules.Answer.Reading(rawValue: child.attribute("reading") ?? "") ?? .yes, location: child.modelLocation))
            case "functionWords":
                functionWords.formUnion(phrase.split(whereSeparator: \.isWhitespace).map { String($0) })
            case "clauseWords":
                clauseWords.formUnion(phrase.split(whereSeparator: \.isWhitespace).map { String($0) })
            case "speakerPossessives":
                speakerPossessives += phrase.split(whereSeparator: \.isWhitespace).map { String($0) }
            default:
                break
            }
        }
        var rules = ContextRules(
            triggers: triggers, pseudoTriggers: pseudo, terminators: terminators,
            defaultMaxScope: element.integer("maxScope") ?? 8, termGap: element.integer("termGap") ?? 3,
            historicalFactor: element.decimal("historicalFactor") ?? 1, hypotheticalFactor: element.decimal("hypotheticalFactor") ?? 0,
            otherExperiencerFactor: element.decimal("otherExperiencerFactor") ?? 1,
            maxSentenceWords: element.integer("maxSentenceWords") ?? ContextRules.defaultMaxSentenceWords,
            uncertainFactor: element.decimal("uncertainFactor") ?? 1, resolvedFactor: element.decimal("resolvedFactor") ?? 0
        )
        rules.presuppositions = presuppositions
        rules.speakers = speakers
        rules.speakerPossessives = speakerPossessives
        rules.phraseInflection = element.boolean("phraseInflection", default: false)
        rules.freeOrderWindow = element.integer("freeOrderWindow") ?? 0
        rules.typoDistance = element.integer("typoDistance") ?? 0
        rules.typoMinimumLength = element.integer("typoMinimumLength") ?? ContextRules.defaultTypoMinimumLength
        rules.functionWords = functionWords
        rules.clauseWords = clauseWords
        rules.answers = answers
        rules.abbreviations = abbreviations
        return rules
    }
}

// MARK: - Lint

extension RulesetReader {
    private func lint(_ ruleset: Ruleset) {
        checkUnique("reference", in: "references", child: "reference")
        checkUnique("source kind", in: "sourceKinds", child: "sourceKind")
        checkUnique("domain", in: "domains", child: "domain")
        checkUnique("level-2 dimension", in: "level2", child: "dimension")
        checkUnique("indicator", in: "indicators", child: nil)
        checkUnique("Schema 2 activity", in: "schema2", child: "activity")
        checkUnique("theme", in: "conversationModel", child: "theme")
        checkUnique("score level", in: "scoring", child: "level")
        checkUnique("sense", in: "senses", child: "sense")

        let scoring = ruleset.scoring
        if let lowest = scoring.levels.first, lowest.min != 0, let element = root.child(named: "scoring")?.children(named: "level").first {
            log.report(element.attributeLocation("min"), "the lowest score level '\(lowest.id)' must start at 0, so every score has a level")
        }
        let domainIDs = Set(ruleset.domains.map(\.id))
        let referenceIDs = Set(ruleset.references.map(\.id))
        let dimensionIDs = Set(ruleset.dimensions.map(\.id))
        let levelIDs = Set(scoring.levels.map(\.id))
        let activityIDs = Set(ruleset.activities.map(\.id))
        let sourceKindIDs = Set(ruleset.sourceKinds.map(\.id))
        let senseIDs = Set(ruleset.senses.map(\.id))

        for element in root.child(named: "indicators")?.children ?? [] {
            let id = element.attribute("id") ?? ""
            expect(element, "domain", in: domainIDs, what: "domain", owner: "indicator '\(id)'")
            expect(element, "reference", in: referenceIDs, what: "reference", owner: "indicator '\(id)'")
            if element.name.localName == "modifier" {
                expect(element, "dimension", in: dimensionIDs, what: "level-2 dimension", owner: "modifier '\(id)'")
                if let factor = element.decimal("factor"), !scoring.factorRange.contains(factor) {
                    log.report(element.attributeLocation("factor"), "modifier '\(id)' has factor \(format(factor)), outside the ruleset's range \(format(scoring.factorRange.lowerBound))–\(format(scoring.factorRange.upperBound))")
                }
            } else if let weight = element.decimal("weight"), !scoring.weightRange.contains(weight) {
                log.report(element.attributeLocation("weight"), "indicator '\(id)' has weight \(format(weight)), outside the ruleset's range \(format(scoring.weightRange.lowerBound))–\(format(scoring.weightRange.upperBound))")
            }
            let precision = element.attribute("precision") ?? "normal"
            for term in element.child(named: "terms")?.children(named: "term") ?? [] {
                let text = term.normalizedText
                if let problem = TermSyntax.termProblem(in: text) {
                    log.report(term.location, "indicator '\(id)': term \"\(text)\" \(problem)")
                }
                let require = term.list("require"), exclude = term.list("exclude")
                for attribute in ["require", "exclude"] {
                    for sense in term.list(attribute) where !senseIDs.contains(sense) {
                        log.report(term.attributeLocation(attribute), "indicator '\(id)': term \"\(text)\" names unknown sense '\(sense)'\(suggestion(sense, among: Array(senseIDs)))")
                    }
                }
                if term.attribute("window") != nil, require.isEmpty, exclude.isEmpty {
                    log.report(term.attributeLocation("window"), "indicator '\(id)': term \"\(text)\" has a window but no require or exclude for it to bound")
                }
                if term.attribute("excludeWindow") != nil, exclude.isEmpty {
                    log.report(term.attributeLocation("excludeWindow"), "indicator '\(id)': term \"\(text)\" has an excludeWindow but no exclude")
                }
                // An indicator that can refer a client elsewhere or block a track reads no single word on its own.
                if precision == "high", TermSyntax.isOneWord(text), require.isEmpty, exclude.isEmpty {
                    log.report(term.location, "indicator '\(id)' has precision=\"high\": the one-word term \"\(text)\" needs a sense constraint (require or exclude), or a longer phrase")
                }
            }
        }
        for sense in root.child(named: "senses")?.children(named: "sense") ?? [] {
            for term in sense.child(named: "terms")?.children(named: "term") ?? [] {
                let text = term.normalizedText
                if let problem = TermSyntax.termProblem(in: text) {
                    log.report(term.location, "sense '\(sense.attribute("id") ?? "")': term \"\(text)\" \(problem)")
                }
            }
        }

        for activity in root.child(named: "schema2")?.children(named: "activity") ?? [] {
            let id = activity.attribute("id") ?? ""
            if let parent = activity.attribute("parent") {
                if !activityIDs.contains(parent) {
                    log.report(activity.attributeLocation("parent"), "activity '\(id)' names parent '\(parent)', which is not an activity of this ruleset")
                } else if parent == id {
                    log.report(activity.attributeLocation("parent"), "activity '\(id)' cannot be its own parent")
                }
            }
            for derivation in activity.children(named: "derivedFrom") {
                let indicator = derivation.attribute("indicator") ?? ""
                if ruleset.indicator(id: indicator) == nil {
                    log.report(derivation.attributeLocation("indicator"), "activity '\(id)' is derived from \(unknownIndicator(indicator, ruleset))")
                }
                if let weight = derivation.decimal("weight"), weight == 0 || abs(weight) > scoring.weightRange.upperBound {
                    log.report(derivation.attributeLocation("weight"), "activity '\(id)': derivation weight \(format(weight)) must be non-zero and at most \(format(scoring.weightRange.upperBound)) in size")
                }
            }
            var previousMin = -Double.infinity
            for need in activity.children(named: "need") {
                expect(need, "level", in: levelIDs, what: "score level", owner: "activity '\(id)'")
                let min = need.decimal("min") ?? 0
                if min <= previousMin {
                    log.report(need.attributeLocation("min"), "activity '\(id)': need thresholds must rise in document order (\(format(min)) after \(format(previousMin)))")
                }
                previousMin = min
            }
        }

        for theme in root.child(named: "conversationModel")?.children(named: "theme") ?? [] {
            let id = theme.attribute("id") ?? ""
            expect(theme, "domain", in: domainIDs, what: "domain", owner: "theme '\(id)'")
            if theme.attribute("requiresSourceKind") != nil {
                expect(theme, "requiresSourceKind", in: sourceKindIDs, what: "source kind", owner: "theme '\(id)'")
            }
        }

        lintIntakeHeadings(ruleset, sourceKindIDs: sourceKindIDs)
        lintGenderedWording(root)

        checkUnique("rule", in: "rules", child: "rule")
        for rule in root.child(named: "rules")?.children(named: "rule") ?? [] {
            let id = rule.attribute("id") ?? ""
            expect(rule, "reference", in: referenceIDs, what: "reference", owner: "rule '\(id)'")
            // A gap is information not gathered: it arises while forming the picture, whatever else the rule says.
            if rule.attribute("kind") == "gap", let phase = rule.attribute("phase"), phase != FlagRule.Phase.beeldvorming.rawValue {
                log.report(rule.attributeLocation("phase"), "rule '\(id)' is a gap, which arises in beeldvorming, not in \(phase)")
            }
            var bound = Set<String>()
            lintConditions(rule.child(named: "when")?.children ?? [], owner: "rule '\(id)'", bound: &bound, ruleset: ruleset, levelIDs: levelIDs, sourceKindIDs: sourceKindIDs)
        }

        func expectIndicators(_ element: XMLElement, _ attribute: String, owner: String) {
            for indicator in element.list(attribute) where ruleset.indicator(id: indicator) == nil {
                log.report(element.attributeLocation(attribute), "\(owner) refers to \(unknownIndicator(indicator, ruleset))")
            }
        }
        for element in root.child(named: "indicators")?.children ?? [] where element.attribute("narrows") != nil {
            let id = element.attribute("id") ?? ""
            expectIndicators(element, "narrows", owner: "indicator '\(id)'")
            // Narrower readings must not lead back: a cycle would keep neither reading.
            if ruleset.broaderIndicators(of: id).contains(id) {
                log.report(element.attributeLocation("narrows"), "indicator '\(id)' narrows an indicator that leads back to itself")
            }
        }
        checkUnique("qualifier", in: "qualifiers", child: "qualifier")
        for qualifier in root.child(named: "qualifiers")?.children(named: "qualifier") ?? [] {
            let owner = "qualifier '\(qualifier.attribute("id") ?? "")'"
            expectIndicators(qualifier, "signal", owner: owner)
            expectIndicators(qualifier, "indicators", owner: owner)
            if let factor = qualifier.decimal("factor"), !(0...1).contains(factor) {
                log.report(qualifier.attributeLocation("factor"), "\(owner) has factor \(format(factor)); a qualifier lowers how much a fact counts (0–1)")
            }
        }
        for contradiction in root.child(named: "contradictions")?.children(named: "contradiction") ?? [] {
            expectIndicators(contradiction, "indicators", owner: "contradiction")
            expectIndicators(contradiction, "with", owner: "contradiction")
        }
        if let ground = root.child(named: "benefitGround") {
            expectIndicators(ground, "indicator", owner: "benefitGround")
            if ground.attribute("fmlIndicator") != nil { expectIndicators(ground, "fmlIndicator", owner: "benefitGround") }
        }
        if let rules = root.child(named: "rules") { expectIndicators(rules, "weighing", owner: "rules/@weighing") }
        let schema2 = root.child(named: "schema2")
        var schema2Terms = [
            (owner: "schema2/supportNamed", terms: schema2?.child(named: "supportNamed")?.children(named: "term") ?? []),
            (owner: "schema2/fmlUnlimited", terms: schema2?.child(named: "fmlUnlimited")?.children(named: "term") ?? []),
            (owner: "schema2/physicianLimitCue", terms: schema2?.child(named: "physicianLimitCue")?.children(named: "term") ?? []),
        ]
        for activity in schema2?.children(named: "activity") ?? [] {
            let terms = ["fromFml", "demands", "supportNamed"].flatMap { activity.child(named: $0)?.children(named: "term") ?? [] }
            schema2Terms.append(("activity '\(activity.attribute("id") ?? "")'", terms))
        }
        for (owner, terms) in schema2Terms {
            for term in terms {
                if let problem = TermSyntax.problem(in: term.normalizedText) {
                    log.report(term.location, "\(owner): term \"\(term.normalizedText)\" \(problem)")
                }
            }
        }

        if let screening = root.child(named: "trialAndError") {
            expect(screening, "burdenLevel", in: levelIDs, what: "score level", owner: "trialAndError")
            let ruleIDs = Set(ruleset.rules.map(\.id))
            for weight in screening.children(named: "uncertainty") {
                if let rule = weight.attribute("rule"), let parking = ruleset.parking(of: rule) {
                    log.report(weight.attributeLocation("rule"), "trialAndError uncertainty refers to rule '\(rule)', which is parked (since \(parking.since)); remove the weight or bring the rule back")
                } else if weight.attribute("rule") != nil {
                    expect(weight, "rule", in: ruleIDs, what: "rule", owner: "trialAndError uncertainty")
                }
                if let kind = weight.attribute("kind"), !["inconsistency", "gap", "quality", "judgement-risk"].contains(kind) {
                    log.report(weight.attributeLocation("kind"), "trialAndError uncertainty names unknown flag kind '\(kind)'")
                }
                if let verdict = weight.attribute("weighed"), Assessment.Weighed.Verdict(rawValue: verdict) == nil {
                    log.report(weight.attributeLocation("weighed"), "trialAndError uncertainty names unknown weighed verdict '\(verdict)'")
                }
                if ["rule", "kind", "weighed"].filter({ weight.attribute($0) != nil }).count != 1 {
                    log.report(weight.location, "an <uncertainty> names exactly one of rule, kind or weighed")
                }
            }
            for capacity in screening.children(named: "capacity") {
                var bound = Set<String>()
                lintConditions(capacity.child(named: "when")?.children ?? [], owner: "capacity '\(capacity.attribute("id") ?? "")'", bound: &bound, ruleset: ruleset, levelIDs: levelIDs, sourceKindIDs: sourceKindIDs)
            }
            for element in screening.children(named: "contraindication") {
                for sourceKind in element.list("assessedBy") where !sourceKindIDs.contains(sourceKind) {
                    log.report(element.attributeLocation("assessedBy"), "trialAndError refers to unknown source kind '\(sourceKind)'\(suggestion(sourceKind, among: Array(sourceKindIDs)))")
                }
            }
            for element in screening.children(named: "contraindication") + screening.children(named: "vulnerability") + screening.children(named: "stop") {
                for attribute in ["indicators", "when"] {
                    for indicator in element.list(attribute) where ruleset.indicator(id: indicator) == nil {
                        log.report(element.attributeLocation(attribute), "trialAndError refers to \(unknownIndicator(indicator, ruleset))")
                    }
                }
            }
            if let low = screening.decimal("referralShareMin"), let high = screening.decimal("referralShareMax"), !(0 <= low && low <= high && high <= 1) {
                log.report(screening.attributeLocation("referralShareMin"), "the referral band must satisfy 0 ≤ referralShareMin ≤ referralShareMax ≤ 1")
            }
        }

        if let context = root.child(named: "context") {
            for name in ["historicalFactor", "hypotheticalFactor", "otherExperiencerFactor", "uncertainFactor", "resolvedFactor"] {
                if let value = context.decimal(name), !(0...1).contains(value) {
                    log.report(context.attributeLocation(name), "\(name) is \(format(value)); a context factor must lie between 0 and 1")
                }
            }
            for child in context.children where child.name.localName != "speaker" && TermSyntax.problem(in: child.normalizedText) != nil {
                log.report(child.location, "context phrase \"\(child.normalizedText)\" \(TermSyntax.problem(in: child.normalizedText) ?? "")")
            }
            // A speaker's words are single words: a wildcard or a gap would name no role and no relative.
            for child in context.children(named: "speaker") {
                for name in ["roles", "client", "gender", "possessives"] {
                    guard let words = child.attribute(name)?.split(separator: "|", omittingEmptySubsequences: false) else { continue }
                    if let bad = words.first(where: { $0.isEmpty || $0.contains(where: { $0 == "*" || $0 == "…" || $0.isWhitespace }) }) {
                        log.report(child.attributeLocation(name), "speaker \(name) \"\(bad)\" must be a single word without wildcard, gap or space, alternatives separated by \"|\"")
                    }
                }
            }
            // The client words of a speaker follow a possessive ("mijn man"): without possessives they would name no one.
            let possessives = context.children(named: "speakerPossessives").flatMap { $0.normalizedText.split(whereSeparator: \.isWhitespace) }
            if let speaker = context.child(named: "speaker"), possessives.isEmpty {
                log.report(speaker.location, "speaker rules name the client after a possessive (\"mijn man\"): declare the possessives in speakerPossessives")
            }
            for child in context.children(named: "answer") {
                for word in child.normalizedText.split(separator: "|") where word.contains(where: { $0 == " " || $0 == "*" || $0 == "…" }) {
                    log.report(child.location, "answer \"\(word)\" must be single words separated by |, without wildcard or gap")
                }
            }
            // A short form is read as its word wherever it stands: one word of letters (and the periods of "i.o.m."), never a
            // phrase, and read as one word only; a form listed twice would mean two words.
            var abbreviated: [String: String] = [:]
            for child in context.children(named: "abbreviation") {
                let meaning = child.attribute("means") ?? ""
                if meaning.isEmpty || !meaning.allSatisfy({ $0.isLetter || $0 == "-" }) {
                    log.report(child.attributeLocation("means"), "abbreviation means \"\(meaning)\" must be one word of letters")
                }
                for form in child.normalizedText.split(separator: "|", omittingEmptySubsequences: false) {
                    guard !form.isEmpty, form.first!.isLetter, form.allSatisfy({ $0.isLetter || $0 == "." }) else {
                        log.report(child.location, "abbreviation \"\(form)\" must be one word of letters (periods allowed), alternatives separated by |")
                        continue
                    }
                    let key = form.lowercased()
                    if let other = abbreviated[key], other != meaning {
                        log.report(child.location, "abbreviation \"\(form)\" is already read as \"\(other)\"")
                    }
                    abbreviated[key] = meaning
                }
            }
            for child in context.children(named: "speakerPossessives") {
                for word in child.normalizedText.split(whereSeparator: \.isWhitespace) where word.contains(where: { $0 == "*" || $0 == "…" || $0 == "|" }) {
                    log.report(child.location, "speakerPossessives \"\(word)\" must be a single word without wildcard, gap or alternatives")
                }
            }
            // Attributes that belong to one category: only a resolution can settle a past problem (elsewhere the attribute
            // would silently lift its terminators), and a threat is a kind of supposition (on a negation it would count
            // as a crisis), and so is a question.
            for (attribute, category) in [("settlesPast", "resolved"), ("threat", "hypothetical"), ("question", "hypothetical")] {
                for child in context.children(named: "trigger") where child.boolean(attribute, default: false) && child.attribute("category") != category {
                    log.report(child.attributeLocation(attribute), "\(attribute) is for a trigger of category \(category), not \(child.attribute("category") ?? "")")
                }
            }
        }
    }

    /// "unknown indicator 'x'; did you mean …", or that it is parked.
    private func unknownIndicator(_ id: String, _ ruleset: Ruleset) -> String {
        if let parking = ruleset.parking(of: id) {
            return "indicator '\(id)', which is parked (since \(parking.since)); park this too or bring the indicator back"
        }
        return "unknown indicator '\(id)'\(suggestion(id, among: ruleset.indicators.map(\.id)))"
    }

    /// The ruleset as a managed artefact: the change log runs oldest first with rising versions and dates that
    /// never go back, the ruleset's own version and date are those of its newest entry, and every parked item is
    /// dated, not also active, and named by a change-log entry of the day it was parked.
    private func lintManagement(_ ruleset: Ruleset) {
        let changes = ruleset.changes
        let entries = root.child(named: "changelog")?.children(named: "change") ?? []
        var previous: (version: SemanticVersion, date: SimpleDate)?
        for (change, element) in zip(changes, entries) {
            guard let version = SemanticVersion(change.version) else { continue }
            if let previous {
                if version <= previous.version {
                    log.report(element.attributeLocation("version"), "change log: version \(version) follows \(previous.version); entries run oldest first and each names a higher version")
                }
                if change.date < previous.date {
                    log.report(element.attributeLocation("date"), "change log: entry \(version) is dated \(change.date), before the entry above it (\(previous.date)); entries run oldest first")
                }
            }
            previous = (version, change.date)
        }
        if let newest = changes.last, let element = entries.last {
            if ruleset.version != newest.version {
                let rose = SemanticVersion(ruleset.version).flatMap { own in SemanticVersion(newest.version).map { own > $0 } } ?? false
                log.report(
                    root.attributeLocation("version"),
                    "the ruleset's version \(ruleset.version) is not that of its newest change-log entry (\(newest.version), line \(element.location.line)); "
                        + (rose ? "add an entry for \(ruleset.version) that says what changed and why" : "set version to \(newest.version), or log the change under a new, higher version")
                )
            }
            if ruleset.date != newest.date.description {
                log.report(root.attributeLocation("date"), "the ruleset's date \(ruleset.date) is not that of its newest change-log entry (\(newest.date), line \(element.location.line)); the release date is the date of the latest change")
            }
        }

        let activeRules = Set(ruleset.rules.map(\.id)), activeIndicators = Set(ruleset.indicators.map(\.id))
        var parkedSeen: [String: SourceLocation] = [:]
        for (entry, element) in zip(ruleset.parked, root.children(named: "parked")) {
            if entry.rules.isEmpty && entry.indicators.isEmpty {
                log.report(element.location, "<parked> holds no <rules> or <indicators>; park at least one rule or indicator")
            }
            if let date = SimpleDate(ruleset.date), date < entry.since {
                log.report(element.attributeLocation("since"), "parked since \(entry.since), after the ruleset's date \(ruleset.date)")
            }
            let parkedElements = (element.child(named: "rules")?.children(named: "rule") ?? []) + (element.child(named: "indicators")?.children ?? [])
            for item in parkedElements {
                let id = item.attribute("id") ?? ""
                let active = item.name.localName == "rule" ? activeRules.contains(id) : activeIndicators.contains(id)
                if active {
                    log.report(item.attributeLocation("id"), "'\(id)' is parked and also active; keep it in one place")
                }
                if let first = parkedSeen[id] {
                    log.report(item.attributeLocation("id"), "'\(id)' is parked twice (first at line \(first.line))")
                } else {
                    parkedSeen[id] = item.location
                }
                let logged = changes.contains { $0.date == entry.since && $0.text.contains(id) }
                if !changes.isEmpty, !logged {
                    log.report(item.attributeLocation("id"), "'\(id)' is parked since \(entry.since), but no change-log entry of that date names it; log what was parked and why")
                }
            }
        }
    }

    /// Checks rule conditions, groups included: known indicators, source kinds and levels, and names used only
    /// after a `<facts>` (or a `<pair>`/`<unpaired>` with `name`) binds them. A name bound in any branch of an
    /// `<anyOf>` counts as bound after it.
    private func lintConditions(_ conditions: [XMLElement], owner: String, bound: inout Set<String>, ruleset: Ruleset, levelIDs: Set<String>, sourceKindIDs: Set<String>) {
        for condition in conditions {
            let kind = condition.name.localName
            if ["allOf", "anyOf", "not"].contains(kind) {
                var inner = bound
                lintConditions(condition.children, owner: owner, bound: &inner, ruleset: ruleset, levelIDs: levelIDs, sourceKindIDs: sourceKindIDs)
                if kind != "not" { bound.formUnion(inner) }
                continue
            }
            for attribute in ["indicators", "qualifiedBy", "limits"] {
                for indicator in condition.list(attribute) where ruleset.indicator(id: indicator) == nil {
                    log.report(condition.attributeLocation(attribute), "\(owner) refers to \(unknownIndicator(indicator, ruleset))")
                }
            }
            for attribute in ["sourceKinds", "excludeSourceKinds", "kinds", "assessedBy"] {
                for sourceKind in condition.list(attribute) where !sourceKindIDs.contains(sourceKind) {
                    log.report(condition.attributeLocation(attribute), "\(owner) refers to unknown source kind '\(sourceKind)'\(suggestion(sourceKind, among: Array(sourceKindIDs)))")
                }
            }
            for domain in condition.list("domains") where ruleset.domain(id: domain) == nil {
                log.report(condition.attributeLocation("domains"), "\(owner) refers to unknown domain '\(domain)'\(suggestion(domain, among: ruleset.domains.map(\.id)))")
            }
            for attribute in ["atLeast", "below"] where condition.attribute(attribute) != nil {
                expect(condition, attribute, in: levelIDs, what: "score level", owner: owner)
            }
            // A name must be bound before <unaddressed>, <readings>, <pair>, <unpaired> or sameDomainAs use it.
            var uses: [String] = ["sameDomainAs"]
            if kind != "facts" { uses.append("facts") }
            if kind == "pair" || kind == "unpaired" { uses.append("with") }
            for attribute in uses {
                if let name = condition.attribute(attribute), !bound.contains(name) {
                    log.report(condition.attributeLocation(attribute), "\(owner) uses '\(name)' before a <facts name=\"\(name)\"> binds it")
                }
            }
            if ["facts", "pair", "unpaired"].contains(kind), let name = condition.attribute("name") { bound.insert(name) }
        }
    }

    /// Reports every id that occurs twice among the children of one section.
    private func checkUnique(_ what: String, in section: String, child: String?) {
        guard let container = root.child(named: section) else { return }
        var seen: [String: SourceLocation] = [:]
        for element in child.map(container.children(named:)) ?? container.children {
            guard let id = element.attribute("id") else { continue }
            if let first = seen[id] {
                log.report(element.attributeLocation("id"), "duplicate \(what) id '\(id)' (first defined at line \(first.line))")
            } else {
                seen[id] = element.location
            }
        }
    }

    private func expect(_ element: XMLElement, _ attribute: String, in known: Set<String>, what: String, owner: String) {
        guard let value = element.attribute(attribute), !known.contains(value) else { return }
        log.report(element.attributeLocation(attribute), "\(owner) refers to unknown \(what) '\(value)'\(suggestion(value, among: Array(known)))")
    }
}

/// "; did you mean 'x'?" for a near miss, to make typos in rulesets quick to fix.
func suggestion(_ value: String, among candidates: [String]) -> String {
    let best = candidates.map { ($0, editDistance(value, $0)) }.filter { $0.1 <= max(2, value.count / 4) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
    return best.map { "; did you mean '\($0.0)'?" } ?? ""
}

private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return a.isEmpty ? b.count : row[b.count]
}

func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}

/// Syntax of trigger terms: words, a trailing `*` for any continuation, `…` for a gap.
enum TermSyntax {
    /// What is wrong with a term of an indicator or a sense: its notation (``problem(in:)``), or a two-word alternative
    /// written as one (``splitAlternative(in:)``).
    static func termProblem(in term: String) -> String? {
        problem(in: term) ?? splitAlternative(in: term)
    }

    /// A word that stands both in an alternative and in the position beside it, as "bij een vriend|een maat" or "zorg
    /// voor haar moeder|zijn moeder" write it: the notation reads "a|b c|d" as two positions, each with its alternatives,
    /// so a two-word alternative silently becomes another phrase. Only alternatives of plain words; gaps separate.
    static func splitAlternative(in term: String) -> String? {
        // A byte scan, not Foundation's substring search: this runs for every term at every start.
        guard term.utf8.contains(UInt8(ascii: "|")) else { return nil }
        if everyCharacterIsOneScalar(term) { return byteSplitAlternative(in: term) }
        return characterSplitAlternative(in: term)
    }

    /// ``splitAlternative(in:)`` over the UTF-8 bytes, for a term whose Characters are single scalars that no other
    /// scalar of that set is canonically equivalent to: then words split at ' ' and '|' and compared byte for byte
    /// are the Substrings the Character-wise check splits and compares.
    private static func byteSplitAlternative(in term: String) -> String? {
        var term = term
        term.makeContiguousUTF8()
        return term.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            // Positions as lists of alternative word ranges, empty ones omitted as `split` omits them: an empty
            // position ("  ") is none, a position of bars alone ("|") is one without alternatives.
            var positions: [[Range<Int>]] = []
            var alternatives: [Range<Int>] = []
            var start = 0, positionStart = 0
            for index in 0...bytes.count {
                let byte = index == bytes.count ? UInt8(ascii: " ") : bytes[index]
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "|") else { continue }
                if index > start { alternatives.append(start..<index) }
                start = index + 1
                if byte == UInt8(ascii: " ") {
                    if index > positionStart { positions.append(alternatives) }
                    alternatives = []
                    positionStart = index + 1
                }
            }
            func isGap(_ word: Range<Int>) -> Bool { isGapWord(word, in: bytes) }
            func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.count == b.count && bytes[a].elementsEqual(bytes[b]) }
            for index in positions.indices where index + 1 < positions.count {
                let here = positions[index], next = positions[index + 1]
                guard here.count > 1 || next.count > 1 else { continue }
                if let word = here.first(where: { word in !isGap(word) && next.contains { same($0, word) } }) {
                    return repeatedWordProblem(String(decoding: bytes[word], as: UTF8.self))
                }
            }
            return nil
        } ?? characterSplitAlternative(in: term)
    }

    static func characterSplitAlternative(in term: String) -> String? {
        guard term.contains("|") else { return nil }
        let positions = term.split(separator: " ").map { $0.split(separator: "|") }
        for (index, alternatives) in positions.enumerated() where index + 1 < positions.count {
            let next = positions[index + 1]
            guard alternatives.count > 1 || next.count > 1 else { continue }
            if let word = alternatives.first(where: { word in word != "…" && word != "..." && next.contains(word) }) {
                return repeatedWordProblem(String(word))
            }
        }
        return nil
    }

    private static func repeatedWordProblem(_ word: String) -> String {
        "repeats \"\(word)\" in neighbouring positions: \"a|b c|d\" is two positions, so write a two-word alternative as a term of its own"
    }

    /// Every Character of `term` is one scalar below U+0300 (CR excluded, for CR LF) or a dash, quote or "…" of
    /// U+2010–U+2027: no combining mark, joiner or other extending scalar, and no two of these scalars canonically
    /// equivalent, so bytes answer as Characters would.
    static func everyCharacterIsOneScalar(_ term: String) -> Bool {
        term.unicodeScalars.allSatisfy { ($0.value < 0x300 && $0 != "\r") || (0x2010...0x2027).contains($0.value) }
    }

    static func problem(in term: String) -> String? {
        // The bytes answer as the Characters would, without Substrings or Foundation's substring search.
        if everyCharacterIsOneScalar(term) {
            return asciiStructureProblem(in: term)
        }
        return characterProblem(in: term)
    }

    /// A gap word in UTF-8: "…" (E2 80 A6) or "...".
    private static func isGapWord(_ word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count == 3 && ((bytes[word.lowerBound] == 0xE2 && bytes[word.lowerBound + 1] == 0x80 && bytes[word.lowerBound + 2] == 0xA6)
            || bytes[word].allSatisfy { $0 == UInt8(ascii: ".") })
    }

    /// ``problem(in:)`` over the UTF-8 bytes: ' ', '|', '*' and '.' are ASCII, "…" is E2 80 A6.
    private static func asciiStructureProblem(in term: String) -> String? {
        var term = term
        term.makeContiguousUTF8()
        return term.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var words: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count {
                if index == bytes.count || bytes[index] == UInt8(ascii: " ") {
                    if index > start { words.append(start..<index) }
                    start = index + 1
                }
            }
            if words.isEmpty { return "is empty" }
            func isGap(_ word: Range<Int>) -> Bool { isGapWord(word, in: bytes) }
            for word in words where !isGap(word) {
                var alternativeStart = word.lowerBound
                for index in word.lowerBound...word.upperBound where index == word.upperBound || bytes[index] == UInt8(ascii: "|") {
                    let alternative = alternativeStart..<index
                    // Every scalar is one Character here, so dropping the last Character drops the last scalar.
                    var lastScalarStart = alternative.upperBound
                    while lastScalarStart > alternative.lowerBound {
                        lastScalarStart -= 1
                        if bytes[lastScalarStart] & 0xC0 != 0x80 { break }
                    }
                    if bytes[alternative.lowerBound..<lastScalarStart].contains(UInt8(ascii: "*")) { return "has '*' inside a word; it may only end a word" }
                    if alternative.count == 1 && bytes[alternative.lowerBound] == UInt8(ascii: "*") { return "has a lone '*'" }
                    alternativeStart = index + 1
                }
            }
            if isGap(words[0]) || isGap(words[words.count - 1]) { return "cannot start or end with a gap" }
            return nil
        } ?? characterProblem(in: term)
    }

    /// ``problem(in:)`` Character by Character, for terms with scalars that may join into one Character.
    static func characterProblem(in term: String) -> String? {
        let words = term.split(separator: " ")
        if words.isEmpty { return "is empty" }
        for word in words where word != "…" && word != "..." {
            // "a*|b": each alternative of a choice may end in its own '*'.
            for alternative in word.split(separator: "|", omittingEmptySubsequences: false) {
                if alternative.dropLast().contains("*") { return "has '*' inside a word; it may only end a word" }
                if alternative == "*" { return "has a lone '*'" }
            }
        }
        if words.first == "…" || words.last == "…" || words.first == "..." || words.last == "..." {
            return "cannot start or end with a gap"
        }
        return nil
    }

    /// A term of one word: a word, a prefix (`drank*`) or a choice of words (`drinkt|dronk`).
    static func isOneWord(_ term: String) -> Bool {
        term.split(separator: " ").count == 1
    }
}

// MARK: - Wording for any client

extension RulesetReader {
    /// What a report shows about the client (labels, messages, questions, readings, alternatives) is said of men
    /// and women alike: "hem" in a woman's report reads as a form letter. Rationales and the change log, which
    /// retell the seed's cases, are not shown per client and are left as written.
    fileprivate func lintGenderedWording(_ element: XMLElement) {
        for child in element.children {
            if Self.shownTexts.contains(child.name.localName), let language = child.language, let words = Self.genderedWords[language] {
                let text = child.normalizedText
                // The gendered words are ASCII: runs of ASCII letters are the candidates ("cliënt" splits harmlessly).
                let found = text.utf8.split { !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
                    .lazy.map { String(decoding: $0, as: UTF8.self).lowercased() }.first { words.contains($0) }
                if let found {
                    log.report(child.location, "\(child.name.localName) \"\(text)\" calls the client \"\(found)\": word it for any client (\"de cliënt\", \"eigen\", \"the client\")")
                }
            } else if !child.children.isEmpty {
                lintGenderedWording(child)
            }
        }
    }

    /// The elements whose text a reader sees, and the words in them that give the client a gender.
    private static let shownTexts: Set<String> = ["label", "message", "question", "text"]
    private static let genderedWords = ["nl": Set(["hij", "hem", "hemzelf"]), "en": Set(["he", "him", "his", "himself", "she", "her", "herself"])]

}

// MARK: - Intake headings

extension RulesetReader {
    /// A heading (folded as ``HeadingKey``) names one theme or intake section only, and a word for a source author one
    /// source kind only; a theme's Dutch label counts as one of its headings.
    fileprivate func lintIntakeHeadings(_ ruleset: Ruleset, sourceKindIDs: Set<String>) {
        guard let model = root.child(named: "conversationModel") else { return }
        var owners: [String: String] = [:]
        func claim(_ heading: String, owner: String, at element: XMLElement) {
            let key = HeadingKey.fold(heading)
            if key.isEmpty {
                log.report(element.location, "\(owner): heading \"\(heading)\" has no letters or digits")
            } else if let first = owners[key], first != owner {
                log.report(element.location, "\(owner): heading \"\(heading)\" is also a heading of \(first); an imported intake could not tell them apart")
            } else {
                owners[key] = owner
            }
        }
        for theme in model.children(named: "theme") {
            let owner = "theme '\(theme.attribute("id") ?? "")'"
            if let label = theme.children(named: "label").first(where: { $0.language == "nl" }) {
                claim(label.normalizedText, owner: owner, at: label)
            }
            var seen = Set<String>()
            for heading in theme.children(named: "heading") {
                if !seen.insert(HeadingKey.fold(heading.normalizedText)).inserted {
                    log.report(heading.location, "\(owner): heading \"\(heading.normalizedText)\" is listed twice")
                }
                claim(heading.normalizedText, owner: owner, at: heading)
            }
        }
        var roles = Set<String>()
        for section in model.children(named: "intakeSection") {
            let role = section.attribute("role") ?? ""
            if !roles.insert(role).inserted {
                log.report(section.attributeLocation("role"), "intake section '\(role)' is listed twice; give all its headings in one element")
            }
            for heading in section.children(named: "heading") {
                claim(heading.normalizedText, owner: "intake section '\(role)'", at: heading)
            }
        }
        var names: [String: String] = [:]
        for element in model.children(named: "sourceRole") {
            expect(element, "kind", in: sourceKindIDs, what: "source kind", owner: "sourceRole")
            let kind = element.attribute("kind") ?? ""
            for name in element.children(named: "name") {
                let key = HeadingKey.fold(name.normalizedText)
                if let first = names[key] {
                    log.report(name.location, "source role \"\(name.normalizedText)\" is listed for source kind '\(first)' already")
                } else {
                    names[key] = kind
                }
            }
        }
    }
}
