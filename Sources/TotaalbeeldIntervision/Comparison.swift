import TotaalbeeldAgreement
import TotaalbeeldEngine
import TotaalbeeldModel

extension CellFamily {
    /// Burden, strength and Schema 2 use the ruleset's ordered score levels; the rest are categories.
    public var level: MeasurementLevel {
        switch self {
        case .burden, .strength, .schema2: .ordinal
        case .level2, .willing, .able, .approach: .nominal
        }
    }
}

/// Seed 004, figure 1 and the paragraph after it: the approach each placement calls for.
/// This mapping is our reading of the figure; an approach chosen differently is shown, not judged.
public enum Quadrant {
    public static func approach(willing: String, able: String) -> String? {
        switch (willing, able) {
        case ("yes", "yes"): "explain"
        case ("no", "yes"): "confront"
        case ("yes", "no"): "concrete-proposals"
        case ("no", "no"), ("unclear", "no"): "help-over-fear"
        default: nil
        }
    }

    /// The quadrant an approach belongs to (inverse of ``approach(willing:able:)`` on the four clear quadrants).
    public static func placement(of approach: String) -> (willing: Bool, able: Bool)? {
        switch approach {
        case "explain": (true, true)
        case "confront": (false, true)
        case "concrete-proposals": (true, false)
        case "help-over-fear": (false, false)
        default: nil
        }
    }
}

/// Several evaluations of one dossier compared cell by cell, with Krippendorff's alpha per family and overall.
public struct Comparison: Sendable {
    public struct Answer: Sendable, Hashable {
        public var rater: String
        public var profession: String
        public var value: String
        /// The dossier elements this rater cites for this judgement.
        public var cites: [String]
    }

    public struct CellComparison: Sendable {
        public var cell: Cell
        public var answers: [Answer]
        /// Value → raters who gave it, most frequent first.
        public var spread: [(value: String, raters: [String])]
        public var distinct: Int
        /// Ordinal cells: highest minus lowest level index; nil for categories.
        public var range: Int?
        /// Mean distance over all pairs of raters who judged the cell, 0 (all agree) … 1 (maximal). See ``distance``.
        public var divergence: Double
        /// The engine's own reading, beside the professionals' (never counted in alpha).
        public var engine: String? { engineReading?.description }
        /// The same, as values a report words in its own language.
        public var engineReading: EngineReading?
    }

    /// What the engine's screening says about a cell: a score and a level id (Schema 1), or a level id (Schema 2).
    public struct EngineReading: Sendable, Hashable, CustomStringConvertible {
        public var score: Double?
        public var level: String?
        public var description: String {
            if let score { return "score \(Comparison.format(score))" + (level.map { ", support need \($0)" } ?? "") }
            return level ?? ""
        }
    }

    public struct Agreement: Sendable {
        public var name: String
        /// The judgement families pooled in this alpha (one, or several for the overall figures).
        public var families: [CellFamily]
        /// How many evaluations were compared (the raters named, whether or not they judged these cells).
        public var evaluations: Int
        public var level: MeasurementLevel
        public var result: AlphaResult
        public var interval: (lower: Double, upper: Double)?
        public var warning: String?
        public var matrix: ReliabilityMatrix
    }

    public struct EvidenceUse: Sendable {
        public var element: String
        public var citedBy: [String]
        public var ignoredBy: [String]
    }

    public struct PlacementReading: Sendable {
        public var rater: String
        public var profession: String
        public var willing: String
        public var able: String
        public var approach: String
        /// The approach figure 1 suggests for this placement, when it suggests one.
        public var suggested: String?
    }

    public var dossier: String
    public var raters: [(rater: String, profession: String)]
    public var cells: [CellComparison]
    /// Families first (in ``CellFamily`` order), then `overall ordinal` and `overall nominal`.
    public var agreements: [Agreement]
    public var evidence: [EvidenceUse]
    /// Elements every rater cites: common ground, listed so the evidence picture is complete.
    public var citedByAll: [String]
    public var placements: [PlacementReading]
    /// True when the placements on the unwillingness–inability axes diverge: the norms question must be asked.
    public var normsQuestion: Bool

    /// The cells with at least two different answers, most divergent first.
    public var divergent: [CellComparison] { ranked.filter { $0.distinct > 1 } }

    /// Ordering: divergence (mean pairwise distance) descending, then more distinct answers,
    /// then family order (burden … approach), then subject.
    public var ranked: [CellComparison] {
        cells.sorted {
            if $0.divergence != $1.divergence { return $0.divergence > $1.divergence }
            if $0.distinct != $1.distinct { return $0.distinct > $1.distinct }
            return $0.cell < $1.cell
        }
    }

    /// Questions for the group: the norms question when placements diverge, then ``followUpQuestions``.
    public var questions: [DiscussionQuestions.Question] {
        (normsQuestion ? [DiscussionQuestions.norms] : []) + followUpQuestions
    }

    /// The questions besides the norms question (which reports show beside the placements):
    /// one per top divergence, the evidence question when citations differ, then the generic ones.
    public var followUpQuestions: [DiscussionQuestions.Question] {
        var questions = divergent.prefix(3).map(DiscussionQuestions.about)
        if !evidence.isEmpty { questions.append(DiscussionQuestions.evidence) }
        return questions + DiscussionQuestions.generic
    }

    public static let minimumRaters = 2
    public static let minimumUnits = 5

    /// Compares `evaluations` (already checked to be of one dossier, by distinct raters).
    /// `engine`, when given, is shown beside each cell but never enters alpha or divergence.
    public init(evaluations: [Evaluation], ruleset: Ruleset, engine: ScreeningResult? = nil, bootstrapSamples: Int = 1000, seed: UInt64 = 20110101) {
        let levels = ruleset.scoring.levels.map(\.id)
        dossier = evaluations.first?.dossier ?? engine?.dossier.id ?? ""
        raters = evaluations.map { ($0.rater, $0.profession) }
        let allCells = Set(evaluations.flatMap { $0.judgements.map(\.cell) }).sorted()

        cells = allCells.map { cell in
            let answers = evaluations.compactMap { evaluation in
                evaluation.judgements.first { $0.cell == cell }.map {
                    Answer(rater: evaluation.rater, profession: evaluation.profession, value: $0.value, cites: $0.cites)
                }
            }
            var byValue: [String: [String]] = [:]
            for answer in answers { byValue[answer.value, default: []].append(answer.rater) }
            let spread = byValue.map { (value: $0.key, raters: $0.value) }.sorted {
                $0.raters.count != $1.raters.count ? $0.raters.count > $1.raters.count : $0.value < $1.value
            }
            var range: Int?
            if cell.family.level == .ordinal {
                let indices = answers.compactMap { levels.firstIndex(of: $0.value) }
                range = (indices.max() ?? 0) - (indices.min() ?? 0)
            }
            var total = 0.0
            var pairs = 0
            for i in answers.indices {
                for j in answers.indices where j > i {
                    total += Self.distance(answers[i].value, answers[j].value, family: cell.family, levels: levels)
                    pairs += 1
                }
            }
            return CellComparison(
                cell: cell, answers: answers, spread: spread, distinct: byValue.count, range: range,
                divergence: pairs == 0 ? 0 : total / Double(pairs), engineReading: engine.flatMap { Self.engineReading(cell, $0) }
            )
        }

        func agreement(_ name: String, _ families: [CellFamily], _ level: MeasurementLevel) -> Agreement {
            let units = allCells.filter { families.contains($0.family) }
            var categories: [String] = []
            let values: [[Double?]] = evaluations.map { evaluation in
                units.map { cell -> Double? in
                    guard let value = evaluation.value(cell) else { return nil }
                    if level == .ordinal { return levels.firstIndex(of: value).map(Double.init) }
                    // Categories are coded per family, so 'yes' on willing never equals 'yes' on able by accident.
                    let label = cell.family.rawValue + ":" + value
                    if let index = categories.firstIndex(of: label) { return Double(index) }
                    categories.append(label)
                    return Double(categories.count - 1)
                }
            }
            let matrix = ReliabilityMatrix(raters: evaluations.map(\.rater), units: units.map(\.description), values: values, categories: level == .nominal ? categories : [])
            let result = KrippendorffAlpha.compute(matrix, level: level)
            // One pairable unit resamples to itself: no interval rather than a misleading [α … α].
            let interval = result.units < 2 ? nil : KrippendorffAlpha.bootstrap(matrix, level: level, samples: bootstrapSamples, seed: seed)
            var warnings: [String] = []
            if evaluations.count < Self.minimumRaters { warnings.append("only \(evaluations.count) rater(s); alpha needs at least \(Self.minimumRaters)") }
            if result.units < Self.minimumUnits { warnings.append("only \(result.units) pairable unit(s); fewer than \(Self.minimumUnits) makes alpha and its interval unreliable") }
            return Agreement(name: name, families: families, evaluations: evaluations.count, level: level, result: result, interval: interval, warning: warnings.isEmpty ? nil : warnings.joined(separator: "; "), matrix: matrix)
        }
        var agreements = CellFamily.allCases.filter { family in allCells.contains { $0.family == family } }.map { agreement($0.rawValue, [$0], $0.level) }
        agreements.append(agreement("overall ordinal (burden, strength, schema2)", [.burden, .strength, .schema2], .ordinal))
        agreements.append(agreement("overall nominal (level2, willing, able, approach)", [.level2, .willing, .able, .approach], .nominal))
        self.agreements = agreements

        let allCited = Set(evaluations.flatMap(\.cited))
        evidence = allCited.map { element in
            EvidenceUse(
                element: element,
                citedBy: evaluations.filter { $0.cited.contains(element) }.map(\.rater),
                ignoredBy: evaluations.filter { !$0.cited.contains(element) }.map(\.rater)
            )
        }
        .filter { !$0.ignoredBy.isEmpty }
        .sorted { $0.citedBy.count != $1.citedBy.count ? $0.citedBy.count > $1.citedBy.count : $0.element < $1.element }
        citedByAll = allCited.filter { element in evaluations.allSatisfy { $0.cited.contains(element) } }.sorted()

        placements = evaluations.compactMap { evaluation in
            guard let willing = evaluation.value(Cell(.willing)), let able = evaluation.value(Cell(.able)) else { return nil }
            return PlacementReading(
                rater: evaluation.rater, profession: evaluation.profession, willing: willing, able: able,
                approach: evaluation.value(Cell(.approach)) ?? "", suggested: Quadrant.approach(willing: willing, able: able)
            )
        }
        normsQuestion = Set(placements.map(\.willing)).count > 1 || Set(placements.map(\.able)).count > 1
    }

    /// The distance between two answers in one cell, 0…1.
    /// - burden, strength, Schema 2: level steps apart / (levels − 1), so geen–hoog is 1 and matig–hoog 1/3;
    /// - willing, able, level-2: opposite answers (yes–no, adequaat–onrealistisch) 1, an answer against unclear/onbekend 0.5;
    /// - approach: the distance between the figure-1 quadrants the approaches belong to — adjacent quadrants
    ///   (one axis differs) 0.5, opposite quadrants (explain–help-over-fear, confront–concrete-proposals) 1.
    public static func distance(_ a: String, _ b: String, family: CellFamily, levels: [String]) -> Double {
        if a == b { return 0 }
        switch family {
        case .burden, .strength, .schema2:
            guard let i = levels.firstIndex(of: a), let j = levels.firstIndex(of: b), levels.count > 1 else { return 1 }
            return Double(abs(i - j)) / Double(levels.count - 1)
        case .willing, .able, .level2:
            return ["unclear", "onbekend"].contains(a) || ["unclear", "onbekend"].contains(b) ? 0.5 : 1
        case .approach:
            guard let p = Quadrant.placement(of: a), let q = Quadrant.placement(of: b) else { return 1 }
            return (p.willing == q.willing ? 0 : 0.5) + (p.able == q.able ? 0 : 0.5)
        }
    }

    static func engineReading(_ cell: Cell, _ result: ScreeningResult) -> EngineReading? {
        switch cell.family {
        case .burden, .strength:
            guard let domain = result.domains.first(where: { $0.domain.id == cell.subject }) else { return nil }
            return EngineReading(score: cell.family == .burden ? domain.burden : domain.strength, level: domain.supportNeedLevel?.id)
        case .schema2:
            return result.schema2.first { $0.activity.id == cell.subject }.map { EngineReading(score: nil, level: $0.need?.level ?? result.ruleset.scoring.levels.first?.id ?? "geen") }
        default:
            return nil
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Questions for the group; generic on purpose (seed 004: make differences of interpretation and of norms explicit).
public enum DiscussionQuestions {
    public struct Question: Sendable {
        public var nl: String
        public var en: String
    }

    public static let generic: [Question] = [
        Question(nl: "Welke informatie in het dossier heeft ieder het zwaarst laten wegen, en waarom?", en: "Which information in the dossier did each of you weigh most heavily, and why?"),
        Question(nl: "Welke alternatieve verklaringen zijn niet gewogen?", en: "Which alternative explanations were not weighed?"),
        Question(nl: "Wat is onzeker en waar is de cliënt kwetsbaar? Wat zou een eerste stap met waarborgen zijn?", en: "What is uncertain, and where is the client vulnerable? What would a first step with safeguards be?"),
        Question(nl: "Is het doel gedeeld met de cliënt, en wat zou de cliënt zelf over deze verschillen zeggen?", en: "Is the goal shared with the client, and what would the client say about these differences?"),
    ]

    public static let norms = Question(
        nl: "De plaatsingen op de as onwil–onmacht lopen uiteen. Welke norm hanteert ieder: wanneer is iets eigen verantwoordelijkheid (niet willen), wanneer onmacht (niet kunnen, bijvoorbeeld faalangst of terugvalrisico)? Welk gegeven in het dossier onderscheidt die lezingen, of is het 'een gevoel'?",
        en: "The placements on the unwillingness–inability axis diverge. Which norm does each of you apply: when is something the client's own responsibility (does not want to), when inability (cannot, e.g. fear of failure or relapse risk)? Which fact in the dossier tells these readings apart — or is it 'a feeling'?"
    )

    /// A question for one divergent cell.
    public static func about(_ cell: Comparison.CellComparison) -> Question {
        let answers = cell.spread.map { "\($0.value) (\($0.raters.joined(separator: ", ")))" }.joined(separator: " / ")
        return Question(
            nl: "\(cell.cell): \(answers). Wat zag ieder dat de ander niet zag, en welk bewijs zou je van mening doen veranderen?",
            en: "\(cell.cell): \(answers). What did each of you see that the other did not, and which evidence would change your mind?"
        )
    }

    public static let evidence = Question(
        nl: "Sommige gegevens zijn door de één wel en door de ander niet genoemd. Zijn ze over het hoofd gezien of bewust terzijde gelegd?",
        en: "Some facts were cited by some of you and not by others. Were they overlooked, or set aside deliberately?"
    )
}
