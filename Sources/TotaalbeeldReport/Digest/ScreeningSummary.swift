import TotaalbeeldEngine
import TotaalbeeldModel

/// The Kernpunten: what a labour expert reads first, derived from the screening result alone.
///
/// - **Advice**: `refer-first` when the trial-and-error screening found a contraindication and refers
///   (the advice waits for that assessment); `gather-first` when serious judgement risks or
///   inconsistencies are open, or conversation themes are missing; `ready` otherwise.
/// - **Points**: the first three to five open signals (see ``SignalDigest``: merged by concern, by severity,
///   then phase) — at least three when there are that many, more than three only while they are serious
///   or warnings — each with its question for the next conversation. A signal whose flags the professional
///   has all weighed (`<weighedFlag>`, on unchanged evidence) is no open point: it counts for none of this.
/// - **Not yet**: what not to start or adopt yet — no track before a referral's outcome; no chosen
///   direction, conclusion or placement that a serious open signal is about.
/// - **Strengths**: the strongest counted strengths and the level-2 factors that lower the support need.
/// - **Trial and error**: the screener's verdict in one sentence.
///
/// ```swift
/// let summary = ScreeningSummary(result: result, language: .nl)
/// summary.advice // .referFirst
/// ```
public struct ScreeningSummary: Sendable {
    public enum Advice: String, Sendable, CaseIterable {
        case ready
        case referFirst = "refer-first"
        case gatherFirst = "gather-first"
    }

    public let language: Language
    public let advice: Advice
    /// One sentence: can the advice be written now, and if not, what first and why.
    public let adviceSentence: String
    public let points: [SignalGroup]
    /// Signals beyond the points, for "+N meer in Signalen".
    public let morePoints: Int
    public let notYet: [String]
    public let strengths: [String]
    public let trialAndError: String
    /// Turns flag texts into reader text (no ids).
    public let reader: ReaderText

    public static let minimumPoints = 3
    public static let maximumPoints = 5
    public static let maximumStrengths = 4

    public init(result: ScreeningResult, language: Language, digest: SignalDigest? = nil) {
        let say = Vocabulary(language: language)
        let reader = ReaderText(result: result, language: language)
        self.reader = reader
        let digest = digest ?? SignalDigest(result: result)
        // Only whether the tracks are referrals and their labels: the rest of a TrackDigest (every track's texts
        // made reader text) is for the renderers that show the tracks.
        let referral = TrackDigest.isReferral(result.trialAndError)
        let trackLabels = result.trialAndError.tracks.map { $0.label[language] }
        let open = digest.open
        self.language = language

        // Advice.
        let seriousOpen = open.filter { $0.severity == .serious && $0.flags.contains { [.judgementRisk, .inconsistency].contains($0.kind) } }
        // A theme only text under no theme speaks to is open too, but not without information.
        let missingThemes = result.gaps.count(where: { $0.unfiled.isEmpty })
        let unfiledThemes = result.gaps.count - missingThemes
        if referral {
            advice = .referFirst
            let labels = trackLabels
            let because = result.trialAndError.tracks.first?.why.first.map(reader.clean) ?? ""
            adviceSentence = say("Laat eerst beoordelen: ", "Have this assessed first: ") + Self.list(labels, say: say) + ". "
                + (because.isEmpty ? "" : because + " ")
                + say("Het advies wacht op die uitkomst.", "The advice waits for that outcome.")
        } else if !seriousOpen.isEmpty || missingThemes + unfiledThemes > 0 {
            advice = .gatherFirst
            var what: [String] = []
            if !seriousOpen.isEmpty {
                what.append(seriousOpen.count == 1 ? say("één ernstig open punt in het oordeel", "one serious open point in the judgement")
                                                   : say("\(seriousOpen.count) ernstige open punten in het oordeel", "\(seriousOpen.count) serious open points in the judgement"))
            }
            if missingThemes > 0 {
                what.append(missingThemes == 1 ? say("één gespreksthema zonder informatie", "one conversation theme without information")
                                               : say("\(missingThemes) gespreksthema's zonder informatie", "\(missingThemes) conversation themes without information"))
            }
            if unfiledThemes > 0 {
                what.append(unfiledThemes == 1 ? say("één gespreksthema alleen in tekst zonder thema", "one conversation theme only in text under no theme")
                                               : say("\(unfiledThemes) gespreksthema's alleen in tekst zonder thema", "\(unfiledThemes) conversation themes only in text under no theme"))
            }
            adviceSentence = say("Nog open: ", "Still open: ") + Self.list(what, say: say) + ". "
                + say("Het advies kan worden geschreven als die punten besproken zijn.", "The advice can be written once these points have been discussed.")
        } else {
            advice = .ready
            adviceSentence = open.isEmpty
                ? say("Het advies kan nu worden geschreven; de screening vond geen open punten.", "The advice can be written now; the screening found no open points.")
                : say("Het advies kan nu worden geschreven; neem de punten hieronder mee.", "The advice can be written now; take the points below into account.")
        }

        // Points: at least three when there are, more only while serious or warnings.
        let weighty = open.filter { $0.severity >= .warning }.count
        let count = min(open.count, max(Self.minimumPoints, min(Self.maximumPoints, weighty)))
        points = Array(open.prefix(count))
        morePoints = open.count - count

        // Not yet.
        var notYet: [String] = []
        if referral {
            notYet.append(say("Een re-integratietraject, tot de uitkomst er is van: ", "A reintegration track, until the outcome of: ") + Self.list(trackLabels, say: say) + ".")
        }
        if let assessment = result.dossier.assessment {
            let serious = open.filter { $0.severity == .serious }
            let parts: [(id: String, line: Int, direction: Bool)] =
                (assessment.direction.map { [($0.id, $0.location.line, true)] } ?? [])
                + (assessment.placement.map { [($0.id, $0.location.line, false)] } ?? [])
                + assessment.conclusions.map { ($0.id, $0.location.line, false) }
            for part in parts {
                let about = serious.filter { group in group.evidence.contains { $0.elementID == part.id } }
                guard !about.isEmpty else { continue }
                // Open points, as the advice above counts them: a group of related signals is one point.
                let count = about.count
                let points = count == 1 ? say("één ernstig open punt gaat erover", "one serious open point is about it") : say("\(count) ernstige open punten gaan erover", "\(count) serious open points are about it")
                notYet.append(part.direction
                    ? say("De gekozen richting (\(say.line(part.line))) uitvoeren: ", "Carrying out the chosen direction (\(say.line(part.line))): ") + points + "."
                    : say("Het oordeel in \(say.line(part.line)) overnemen: eerst onderbouwen; ", "Adopting the judgement in \(say.line(part.line)): support it first; ") + points + ".")
            }
        }
        self.notYet = notYet

        // Strengths: counted strengths by weight, then level-2 factors that lower the need.
        var strengths: [(label: String, weight: Double, order: Int)] = []
        var seen = Set<String>()
        for (order, domain) in result.domains.enumerated() {
            for contribution in domain.strengths where contribution.effectiveWeight > 0 && seen.insert(contribution.indicator.id).inserted {
                strengths.append((contribution.indicator.label[language] + " (" + domain.domain.label[language].lowercasedFirst + ")", contribution.effectiveWeight, order))
            }
        }
        for (order, domain) in result.domains.enumerated() {
            for modifier in domain.modifiers where modifier.factor < 1 && seen.insert(modifier.indicator.id).inserted {
                strengths.append((modifier.indicator.label[language], 1 - modifier.factor, result.domains.count + order))
            }
        }
        self.strengths = strengths.sorted { ($1.weight, $0.order) < ($0.weight, $1.order) }.prefix(Self.maximumStrengths).map(\.label)

        // Trial and error: the screener ends its reasons with the verdict.
        let t = result.trialAndError
        trialAndError = t.reasons.last.map(reader.clean)
            ?? say("Niet beoordeeld: de regelset bevat geen screening op trial-and-error.", "Not assessed: the ruleset has no trial-and-error screening.")
    }

    /// "a", "a en b", "a, b en c".
    static func list(_ items: [String], say: Vocabulary) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + say(" en ", " and ") + items.last!
    }

    /// The advice as a short label: "Eerst verwijzen", "Eerst aanvullen", "Klaar om te schrijven".
    public func adviceLabel() -> String {
        let say = Vocabulary(language: language)
        return switch advice {
        case .referFirst: say("Eerst verwijzen", "Refer first")
        case .gatherFirst: say("Eerst aanvullen", "Gather first")
        case .ready: say("Klaar om te schrijven", "Ready to write")
        }
    }
}

extension String {
    /// "Arbeidsverleden" → "arbeidsverleden", for a label inside a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
