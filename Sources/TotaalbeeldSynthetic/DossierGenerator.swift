/// Settings for a synthetic population.
///
/// ```swift
/// var options = GeneratorOptions(seed: 1)
/// options.brokenShare = 0.05      // 5 % deliberately broken files, for loader tests
/// ```
public struct GeneratorOptions: Sendable {
    public var seed: UInt64
    /// Share of dossiers, 0…1, that are deliberately broken (see ``Breakage``).
    public var brokenShare: Double
    /// Share of dossiers, 0…1, that carry the professional's own assessment.
    public var assessmentShare: Double

    public init(seed: UInt64, brokenShare: Double = 0, assessmentShare: Double = 0.3) {
        self.seed = seed
        self.brokenShare = min(1, max(0, brokenShare))
        self.assessmentShare = min(1, max(0, assessmentShare))
    }
}

/// One planned mention of an indicator: the element that carries it and the reading the generator
/// intended. A ground truth for the narrative analysis, which should read the element the same way.
/// ```swift
/// generator.dossier(at: 3).mentions.first // e.g. PlannedMention(elementID: "n-prive-client", indicator: "schulden", context: .negated)
/// ```
public struct PlannedMention: Sendable, Hashable {
    public var elementID: String
    public var indicator: String
    public var context: MentionContext
}

/// One generated dossier file.
///
/// Write ``bytes``, not ``xml``: a broken dossier of kind ``Breakage/Kind/invalidUTF8`` holds bytes that
/// no Swift `String` can, and ``xml`` shows them as U+FFFD.
/// ```swift
/// let dossier = generator.dossier(at: 42)
/// FileManager.default.createFile(atPath: dir + "/" + dossier.fileName, contents: Data(dossier.bytes))
/// (dossier.profile, dossier.benefitRegime, dossier.isBroken) // e.g. ("multi-problem", "participatiewet", false)
/// ```
public struct GeneratedDossier: Sendable {
    /// "synth-000042.dossier.xml"
    public var fileName: String
    /// The file's exact contents.
    public var bytes: [UInt8]
    public var isBroken: Bool
    /// How it was broken, when it was.
    public var breakage: Breakage?
    /// "simple", "moderate", "multi-problem", "crisis", "sparse" or "contested".
    public var profile: String
    /// One of the schema's regimes: wajong, wia, wao, ziektewet, ww, letselschade, participatiewet, geen, anders.
    public var benefitRegime: String
    public var hasAssessment: Bool
    /// What the generator meant each mention to say (empty for broken dossiers).
    public var mentions: [PlannedMention]

    /// The contents as text (lossy only for invalid UTF-8).
    public var xml: String { String(decoding: bytes, as: UTF8.self) }
}

/// A seeded generator of realistic, anonymous synthetic dossiers, for bulk-screening tests,
/// benchmarks and selectivity checks of a ruleset.
///
/// `dossier(at:)` is a pure function of the seed, the index and the ruleset the catalogue was built from:
/// any number of workers can generate disjoint index ranges and together produce exactly the files one
/// worker would. Each index has its own random streams (content, assessment, breakage), so raising
/// `assessmentShare` or `brokenShare` changes only the dossiers that gain an assessment or break.
///
/// Nothing in a dossier identifies a person: no names, numbers, addresses, contact details or birth
/// dates are ever written — only an age band, sometimes an age in years, and a gender.
/// ```swift
/// let generator = DossierGenerator(options: GeneratorOptions(seed: 1), indicatorCatalogue: IndicatorCatalogue(ruleset: ruleset))
/// let dossier = generator.dossier(at: 42)
/// try Data(dossier.bytes).write(to: URL(fileURLWithPath: dossier.fileName))
/// ```
public struct DossierGenerator: Sendable {
    public let options: GeneratorOptions
    public let catalogue: IndicatorCatalogue

    public init(options: GeneratorOptions, indicatorCatalogue: IndicatorCatalogue) {
        self.options = options
        self.catalogue = indicatorCatalogue
    }

    public func dossier(at index: Int) -> GeneratedDossier {
        let content = stream(.content, index)
        var assessmentDecision = stream(.assessmentChoice, index)
        var breakage = stream(.breakage, index)
        let withAssessment = assessmentDecision.chance(options.assessmentShare)
        var builder = DossierBuilder(catalogue: catalogue, index: index, random: content)
        let (draft, mentions) = builder.build(assessment: withAssessment ? stream(.assessment, index) : nil)
        let xml = XMLWriter.write(draft)
        let fileName = "synth-\(DossierBuilder.padded(index)).dossier.xml"
        var dossier = GeneratedDossier(
            fileName: fileName, bytes: Array(xml.utf8), isBroken: false, breakage: nil, profile: builder.profile.name,
            benefitRegime: builder.regime.id, hasAssessment: draft.assessment != nil, mentions: mentions
        )
        if breakage.chance(options.brokenShare) {
            let (bytes, what) = Breaker.breakDossier(xml, random: &breakage)
            dossier.bytes = bytes
            dossier.isBroken = true
            dossier.breakage = what
            dossier.mentions = []
        }
        return dossier
    }

    /// The independent random streams of one index.
    private enum Purpose: UInt64 {
        case content = 1, assessmentChoice, assessment, breakage
    }

    private func stream(_ purpose: Purpose, _ index: Int) -> SeededRandom {
        SeededRandom(seed: options.seed ^ SeededRandom.mix(purpose.rawValue), stream: UInt64(bitPattern: Int64(index)))
    }
}
