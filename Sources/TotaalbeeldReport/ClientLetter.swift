import TotaalbeeldEngine
import TotaalbeeldModel

/// A letter to the client (`--audience client`), in Dutch at level B1 (or plain English): what was looked
/// at, what is going well, what is still unclear and will be discussed together, and what happens next.
/// No scores, no jargon, no reasoning about the client (seed 001: clients hear the decision, not the
/// weighing; seed 003: jargon loses them). It is a draft: the professional fills in the names and sends it.
///
/// Derived from the screening result alone: the domains with information, the counted strengths (and the
/// level-2 factors that lower the support need) in the plain words of ``PlainLanguage``, the conversation
/// themes without information, whether sources disagree, and the advice of ``ScreeningSummary``.
///
/// ```swift
/// let letter = ClientLetter(language: .nl, plain: plain).document(for: result)
/// print(PlainTextRenderer().render(letter))
/// ```
public struct ClientLetter: Sendable {
    public let language: Language
    public let plain: PlainLanguage

    public init(language: Language = .nl, plain: PlainLanguage) {
        self.language = language
        self.plain = plain
    }

    private var say: Vocabulary { Vocabulary(language: language) }

    /// At most this many strengths and unclear themes, so the letter stays short.
    public static let maximumItems = 5

    public func document(for result: ScreeningResult) -> ReportDocument {
        let summary = ScreeningSummary(result: result, language: language)
        var doc = ReportDocument()
        doc.heading(1, say("Wat we samen gaan bespreken", "What we will talk about together"))
        doc.paragraph(.plain(say("Beste [naam],", "Dear [name],")))
        doc.paragraph(.plain(say(
            "Ik heb de gegevens over u gelezen. Ik wil met u praten over werk. In deze brief leest u wat ik heb bekeken. U leest ook wat we samen gaan bespreken.",
            "I have read the information about you. I want to talk with you about work. In this letter you can read what I looked at. You can also read what we will talk about together."
        )))

        // What was looked at.
        doc.heading(2, say("Wat ik heb bekeken", "What I looked at"))
        let looked = result.domains.filter(\.hasInformation).map { plainName($0.domain) }
        if looked.isEmpty {
            doc.paragraph(.plain(say("Er stond nog weinig over u in de gegevens.", "There was little about you in the information yet.")))
        } else {
            doc.paragraph(.plain(say("Ik heb gekeken naar:", "I looked at:")))
            doc.list(looked.map { .init([.plain($0)]) })
        }

        // What is going well.
        doc.heading(2, say("Wat goed gaat", "What is going well"))
        let strengths = strengthSentences(result)
        if strengths.isEmpty {
            doc.paragraph(.plain(say("Ik hoor graag van u wat goed gaat.", "I would like to hear from you what is going well.")))
        } else {
            doc.list(strengths.map { .init([.plain($0)]) })
        }

        // What is still unclear.
        doc.heading(2, say("Wat nog niet duidelijk is", "What is not clear yet"))
        let unclear = result.gaps.map { gap in plain.themes[gap.theme.id]?[language] ?? plainName(result.ruleset.domain(id: gap.theme.domain)) }
        let disagree = result.flags.contains { $0.kind == .inconsistency }
        if unclear.isEmpty && !disagree {
            doc.paragraph(.plain(say("Ik heb een goed beeld. Ik wil wel graag horen of het klopt.", "I have a good picture. I would like to hear from you if it is right.")))
        }
        if !unclear.isEmpty {
            doc.paragraph(.plain(say("Over een paar dingen weet ik nog te weinig. Die bespreken we samen:", "I know too little about a few things. We will talk about them together:")))
            var seen = Set<String>()
            let items = unclear.filter { seen.insert($0).inserted }
            doc.list(items.prefix(Self.maximumItems).map { .init([.plain($0)]) })
            if items.count > Self.maximumItems {
                doc.paragraph(.plain(say("En nog een paar andere dingen.", "And a few other things.")))
            }
        }
        if disagree {
            doc.paragraph(.plain(say(
                "Niet alles wat ik lees, past goed bij elkaar. Ik hoor graag hoe u het zelf ziet.",
                "Not everything I read fits together well. I would like to hear how you see it yourself."
            )))
        }

        // What happens next.
        doc.heading(2, say("Wat er nu gebeurt", "What happens next"))
        switch summary.advice {
        case .referFirst:
            doc.paragraph(.plain(say(
                "Eerst kijkt een andere deskundige met u mee. In ons gesprek vertel ik wie dat is, en waarom. Daarna maken we samen een plan.",
                "First, another expert will look at your situation with you. In our talk I will tell you who that is, and why. After that we make a plan together."
            )))
        case .gatherFirst:
            doc.paragraph(.plain(say(
                "We maken een nieuwe afspraak. Dan praten we over de punten hierboven. Daarna maken we samen een plan.",
                "We will make a new appointment. Then we talk about the points above. After that we make a plan together."
            )))
        case .ready:
            doc.paragraph(.plain(say(
                "Ik schrijf nu mijn advies. Dat bespreek ik eerst met u. U mag zeggen wat u ervan vindt.",
                "I will now write my advice. I will talk it through with you first. You can tell me what you think of it."
            )))
        }
        if result.trialAndError.indicated {
            doc.paragraph(.plain(say(
                "We willen samen iets uitproberen. We doen dat in kleine stappen. We kijken vaak samen hoe het gaat.",
                "We want to try something out together. We do that in small steps. We often look together at how it is going."
            )))
        }
        doc.paragraph(.plain(say("Heeft u vragen? Bel of mail mij gerust.", "Do you have questions? Feel free to call or email me.")))
        doc.paragraph(.plain(say("Met vriendelijke groet,", "Kind regards,")))
        doc.paragraph(.plain(say("[naam]", "[name]")))
        return doc
    }

    /// The plain name of a domain; the ruleset's label in lower case when the plain words do not have one.
    private func plainName(_ domain: Domain?) -> String {
        guard let domain else { return "" }
        return plain.domains[domain.id]?[language] ?? domain.label[language].lowercasedFirst
    }

    /// One sentence per counted strength, strongest first, then per level-2 factor that lowers the need;
    /// only strengths the plain words can say.
    func strengthSentences(_ result: ScreeningResult) -> [String] {
        var weighted: [(String, Double)] = []
        var seen = Set<String>()
        for domain in result.domains {
            for contribution in domain.strengths where contribution.effectiveWeight > 0 && seen.insert(contribution.indicator.id).inserted {
                if let sentence = plain.strengths[contribution.indicator.id]?[language] { weighted.append((sentence, contribution.effectiveWeight)) }
            }
        }
        for domain in result.domains {
            for modifier in domain.modifiers where modifier.factor < 1 && seen.insert(modifier.indicator.id).inserted {
                if let sentence = plain.strengths[modifier.indicator.id]?[language] { weighted.append((sentence, 1 - modifier.factor)) }
            }
        }
        var unique = Set<String>()
        return weighted.enumerated().sorted { ($1.element.1, $0.offset) < ($0.element.1, $1.offset) }.map(\.element.0)
            .filter { unique.insert($0).inserted }.prefix(Self.maximumItems).map { $0 }
    }
}
