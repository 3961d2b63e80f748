// Who the synthetic clients are, as data: benefit regimes, medical causes, profiles, sources and
// inconsistency patterns. Weights are plausible orders of magnitude for an arbeidsdeskundige's caseload,
// not statistics; they exist so that a population is varied and every kind of case occurs.

/// A benefit regime of the dossier schema, with the ages, years and circumstances that fit it.
struct RegimeSpec {
    var id: String
    var weight: Double
    /// How the summary names it.
    var phrase: String
    var ages: ClosedRange<Int>
    var bands: [(String, Double)]
    var years: ClosedRange<Int>
    var causes: [(String, Double)]
    var percentages: [String]
    var fmlChance: Double
    /// How much likelier than in an average caseload an employer is still involved (WIA: still employed).
    var employerFactor: Double
    var physicianRoles: [String]
    var professionalRoles: [String]
    var backgrounds: [String]
    /// Multiplies the profile weights: a WW caseload is simpler than a Participatiewet caseload.
    var profileBias: [(String, Double)]
}

/// A medical cause: the disability text, the FML limitations it implies, and the illness indicators it makes likely.
struct CauseSpec {
    var id: String
    var causes: [String]
    var statuses: [String]
    var indicators: [String]
    var limitations: [String]
    /// A cause that can only apply to women (or men) is marked; nil is either.
    var gender: Gender? = nil
    var medical = true
}

enum AssessmentStyle: String, CaseIterable {
    /// Cited conclusions, Schema 2 support needs, placement and a shared, weighed direction.
    case argued
    /// The direction cites only what supports it; feelings and own experience as grounds (seed 004, case 1).
    case tunnel
    /// Unwillingness concluded without evidence (case 3).
    case unwilling
    /// A quick placement with a short horizon and light support (seed 000: the quick fix).
    case quickFix
    /// A few uncited conclusions, no direction.
    case thin
}

/// A kind of case. `favoured` indicators are drawn first; one `cores` set, when present, is always included.
struct ProfileSpec {
    var name: String
    var weight: Double
    var burdenDomains: ClosedRange<Int>
    var burdensPerDomain: ClosedRange<Int>
    var strengths: ClosedRange<Int>
    var raisingModifiers: ClosedRange<Int>
    var easingModifiers: ClosedRange<Int>
    var favoured: [String]
    var cores: [[String]] = []
    var gaps: ClosedRange<Int>
    var sources: [(String, Double)]
    var fmlFactor: Double
    var wishChance: Double
    var patternChance: Double
    var maxPatterns: Int
    var noise: ClosedRange<Int>
    var structuredShare: Double
    var corroboration: Double
    var oldSourceChance: Double
    var assessmentStyles: [(AssessmentStyle, Double)]
}

/// Two or more mentions from different sources that together form an apparent inconsistency.
struct PatternSpec {
    var name: String
    var mentions: [(indicator: String, sourceKind: String)]
}

enum Population {
    static let ageBands: [(label: String, range: ClosedRange<Int>)] = [
        ("18-26", 18...26), ("27-35", 27...35), ("36-45", 36...45), ("46-55", 46...55), ("56-67", 56...67),
    ]

    static let uwvPhysician = ["verzekeringsarts UWV", "verzekeringsarts UWV (FML)"]
    static let regimes: [RegimeSpec] = [
        .init(id: "wia", weight: 20, phrase: "een WIA-uitkering", ages: 30...64,
              bands: [("27-35", 15), ("36-45", 25), ("46-55", 33), ("56-67", 27)], years: 2009...2025,
              causes: [("psychisch", 3), ("burn-out", 2), ("rug", 2), ("hart", 1), ("oncologie", 1.5), ("nah", 0.5), ("ongeval", 0.5)],
              percentages: ["35-80", "35-80", "80-100"], fmlChance: 0.9, employerFactor: 1,
              physicianRoles: uwvPhysician + ["bedrijfsarts"], professionalRoles: ["arbeidsdeskundige UWV", "arbeidsdeskundige re-integratiebureau"],
              backgrounds: ["WGA-uitkering na twee jaar ziekte; nog in dienst bij de werkgever.", "WGA-uitkering; het dienstverband is beëindigd.", "WIA-beoordeling afgerond; re-integratie tweede spoor."],
              profileBias: [("simple", 1.3), ("contested", 1.1), ("crisis", 0.6)]),
        .init(id: "ziektewet", weight: 14, phrase: "een Ziektewetuitkering", ages: 20...64,
              bands: [("18-26", 12), ("27-35", 22), ("36-45", 24), ("46-55", 24), ("56-67", 18)], years: 2009...2025,
              causes: [("rug", 2), ("psychisch", 2), ("burn-out", 1), ("oncologie", 1), ("ongeval", 1), ("hart", 0.5)],
              percentages: [], fmlChance: 0.8, employerFactor: 0.8,
              physicianRoles: uwvPhysician, professionalRoles: ["arbeidsdeskundige UWV", "re-integratieconsulent UWV"],
              backgrounds: ["Vangnetter: ziek uit dienst na afloop van een tijdelijk contract.", "Ziek geworden tijdens de WW-periode.", "Uitzendkracht, ziek tijdens de uitzendperiode."],
              profileBias: [("simple", 1.3), ("moderate", 1.2), ("crisis", 0.6)]),
        .init(id: "ww", weight: 12, phrase: "een WW-uitkering", ages: 20...66,
              bands: [("18-26", 10), ("27-35", 22), ("36-45", 22), ("46-55", 26), ("56-67", 20)], years: 2009...2025,
              causes: [("geen-medisch", 5), ("rug", 1), ("psychisch", 1)],
              percentages: [], fmlChance: 0.2, employerFactor: 0.8,
              physicianRoles: ["bedrijfsarts", "huisarts (informatie op verzoek)"], professionalRoles: ["arbeidsdeskundige UWV", "werkcoach UWV"],
              backgrounds: ["WW na een reorganisatie bij de vorige werkgever.", "WW na afloop van een tijdelijk contract.", "WW na faillissement van de werkgever."],
              profileBias: [("simple", 1.6), ("moderate", 1.2), ("crisis", 0.4), ("sparse", 0.7), ("multi-problem", 0.6)]),
        .init(id: "wajong", weight: 14, phrase: "een Wajong-uitkering", ages: 18...45,
              bands: [("18-26", 70), ("27-35", 22), ("36-45", 8)], years: 2009...2025,
              causes: [("autisme", 3), ("lvb", 3), ("psychisch", 3), ("nah", 1), ("gehoor", 1)],
              percentages: ["80-100", "80-100", "35-80"], fmlChance: 0.75, employerFactor: 0.25,
              physicianRoles: uwvPhysician, professionalRoles: ["arbeidsdeskundige UWV", "arbeidsdeskundige particulier re-integratiebureau"],
              backgrounds: ["Wajong sinds het achttiende jaar; aangemeld vanuit het praktijkonderwijs.", "Wajong; aangemeld vanuit een woonbegeleidingsorganisatie.", "Wajong; eerder werkzaam op een beschutte werkplek."],
              profileBias: [("sparse", 1.6), ("contested", 1.8), ("simple", 0.7), ("crisis", 0.7)]),
        .init(id: "participatiewet", weight: 16, phrase: "een bijstandsuitkering (Participatiewet)", ages: 18...66,
              bands: [("18-26", 20), ("27-35", 25), ("36-45", 22), ("46-55", 20), ("56-67", 13)], years: 2015...2025,
              causes: [("psychisch", 2), ("geen-medisch", 2), ("verslaving", 1.5), ("lvb", 1.5), ("rug", 1)],
              percentages: [], fmlChance: 0.3, employerFactor: 0.15,
              physicianRoles: ["arts van de GGD (medisch advies voor de gemeente)", "huisarts (informatie op verzoek)"],
              professionalRoles: ["re-integratieconsulent gemeente", "arbeidsdeskundige in opdracht van de gemeente"],
              backgrounds: ["Bijstand sinds enkele jaren; aangemeld door de gemeente.", "Bijstand na afloop van de WW.", "Bijstand; eerder in de schuldhulpverlening."],
              profileBias: [("simple", 0.5), ("multi-problem", 1.9), ("crisis", 1.8), ("sparse", 1.2)]),
        .init(id: "wao", weight: 4, phrase: "een WAO-uitkering", ages: 40...66,
              bands: [("36-45", 10), ("46-55", 40), ("56-67", 50)], years: 2009...2020,
              causes: [("rug", 3), ("psychisch", 2), ("hart", 1), ("nah", 1)],
              percentages: ["45-55", "80-100", "35-45"], fmlChance: 0.85, employerFactor: 0.3,
              physicianRoles: uwvPhysician, professionalRoles: ["arbeidsdeskundige UWV"],
              backgrounds: ["WAO sinds lange tijd; herbeoordeling.", "WAO; al jaren niet meer in loondienst."],
              profileBias: [("simple", 1.1), ("sparse", 1.3)]),
        .init(id: "letselschade", weight: 5, phrase: "een letselschadeclaim", ages: 18...64,
              bands: [("18-26", 18), ("27-35", 25), ("36-45", 22), ("46-55", 20), ("56-67", 15)], years: 2009...2025,
              causes: [("ongeval", 4), ("nah", 3)],
              percentages: [], fmlChance: 0.5, employerFactor: 0.8,
              physicianRoles: ["medisch adviseur van de verzekeraar"], professionalRoles: ["arbeidsdeskundige letselschade"],
              backgrounds: ["Letselschadezaak na een verkeersongeval; de aansprakelijkheid is erkend.", "Letselschade na een bedrijfsongeval."],
              profileBias: [("contested", 1.5), ("multi-problem", 1.1)]),
        .init(id: "geen", weight: 9, phrase: "geen uitkering", ages: 18...66,
              bands: [("18-26", 25), ("27-35", 25), ("36-45", 20), ("46-55", 18), ("56-67", 12)], years: 2009...2025,
              causes: [("psychisch", 2), ("geen-medisch", 2), ("nah", 1), ("autisme", 1)],
              percentages: [], fmlChance: 0.2, employerFactor: 0.15,
              physicianRoles: ["huisarts (informatie op verzoek)"], professionalRoles: ["re-integratieconsulent gemeente", "arbeidsdeskundige re-integratiebureau"],
              backgrounds: ["Niet-uitkeringsgerechtigde; aangemeld via het wijkteam.", "Geen uitkering; wordt financieel onderhouden door de partner."],
              profileBias: [("sparse", 1.4), ("multi-problem", 1.2), ("crisis", 1.3)]),
        .init(id: "anders", weight: 6, phrase: "een andere regeling", ages: 18...66,
              bands: [("18-26", 15), ("27-35", 20), ("36-45", 22), ("46-55", 23), ("56-67", 20)], years: 2009...2025,
              causes: [("psychisch", 1), ("rug", 1), ("oncologie", 1), ("geen-medisch", 1), ("ongeval", 1)],
              percentages: [], fmlChance: 0.4, employerFactor: 0.5,
              physicianRoles: ["bedrijfsarts", "medisch adviseur"], professionalRoles: ["arbeidsdeskundige re-integratiebureau"],
              backgrounds: ["Arbeidsongeschiktheidsverzekering als zelfstandige.", "Uitkering via een private verzekeraar."],
              profileBias: []),
    ]

    static let causes: [CauseSpec] = [
        .init(id: "psychisch", causes: ["Psychische klachten: depressieve klachten en spanningsklachten.", "Angst- en stemmingsklachten."],
              statuses: ["In behandeling bij de ggz.", "Behandeling afgerond; restklachten."],
              indicators: ["psychische-klachten", "angst", "concentratieproblemen", "slaapproblemen"],
              limitations: ["Beperkt: werken onder tijdsdruk.", "Beperkt: conflicthantering.", "Geen werk met een hoog afbreukrisico.", "Beperkt: veelvuldig wisselende contacten."]),
        .init(id: "burn-out", causes: ["Burn-out na langdurige overbelasting."],
              statuses: ["Opbouw van uren loopt.", "Herstel verloopt langzaam."],
              indicators: ["psychische-klachten", "concentratieproblemen", "slaapproblemen"],
              limitations: ["Beperkt: werken onder tijdsdruk.", "Maximaal zes uur per dag.", "Beperkt: deadlines en productiepieken."]),
        .init(id: "rug", causes: ["Chronische lage-rugklachten na een hernia.", "Chronische rug- en nekklachten."],
              statuses: ["Uitbehandeld; fysiotherapie voor onderhoud.", "Stabiel."],
              indicators: ["lichamelijke-klachten"],
              limitations: ["Beperkt: tillen en dragen boven tien kilo.", "Beperkt: langdurig staan.", "Beperkt: gebogen werken.", "Afwisseling van houding nodig."]),
        .init(id: "hart", causes: ["Hartinfarct, behandeld met een stent; hartrevalidatie afgerond."],
              statuses: ["Cardiologisch stabiel."],
              indicators: ["lichamelijke-klachten", "herstel-in-gang"],
              limitations: ["Geen nachtdiensten.", "Beperkt: zwaar tillen.", "Maximaal acht uur per dag."]),
        .init(id: "oncologie", causes: ["Kanker; de behandeling is afgerond, met restklachten van vermoeidheid."],
              statuses: ["Na de behandeling in controle.", "Herstel loopt."],
              indicators: ["lichamelijke-klachten", "concentratieproblemen", "herstel-in-gang"],
              limitations: ["Beperkt: energie; rustpauzes nodig.", "Maximaal vier uur per dag, in opbouw."]),
        .init(id: "nah", causes: ["Niet-aangeboren hersenletsel.", "Niet-aangeboren hersenletsel met cognitieve restklachten."],
              statuses: ["Revalidatie afgerond.", "Stabiel; blijvende beperkingen."],
              indicators: ["concentratieproblemen", "prikkelgevoeligheid", "lichamelijke-klachten"],
              limitations: ["Prikkelarme werkomgeving.", "Beperkt: verdelen van de aandacht.", "Beperkt: werktempo."]),
        .init(id: "autisme", causes: ["Autismespectrumstoornis."],
              statuses: ["Begeleiding vanuit een zorgaanbieder."],
              indicators: ["prikkelgevoeligheid", "angst"],
              limitations: ["Voorspelbaar werk met vaste taken.", "Prikkelarme werkomgeving.", "Beperkt: samenwerken in groepen."]),
        .init(id: "lvb", causes: ["Licht verstandelijke beperking."],
              statuses: ["Woonbegeleiding aanwezig."],
              indicators: ["concentratieproblemen"],
              limitations: ["Eenvoudige, overzichtelijke taken.", "Instructie stap voor stap.", "Beperkt: zelfstandig plannen."]),
        .init(id: "verslaving", causes: ["Alcoholverslaving, in behandeling bij de verslavingszorg.", "Verslaving aan middelen; klinische behandeling afgerond."],
              statuses: ["Abstinent sinds enkele maanden.", "In ambulante nazorg."],
              indicators: ["verslaving", "terugvalrisico", "psychische-klachten"],
              limitations: ["Geen werk met toegang tot alcohol.", "Regelmatige werktijden.", "Beperkt: werken onder tijdsdruk."]),
        .init(id: "gehoor", causes: ["Ernstige gehoorbeperking."],
              statuses: ["Hoortoestellen; stabiel."],
              indicators: ["lichamelijke-klachten"],
              limitations: ["Geen werk waarin telefoneren nodig is.", "Rustige akoestische omgeving."]),
        .init(id: "ongeval", causes: ["Letsel aan schouder en nek na een verkeersongeval.", "Complexe breuk van het onderbeen na een bedrijfsongeval."],
              statuses: ["Revalidatie loopt.", "Eindtoestand nog niet bereikt."],
              indicators: ["lichamelijke-klachten", "angst", "herstel-in-gang"],
              limitations: ["Beperkt: reiken boven schouderhoogte.", "Beperkt: lopen en staan.", "Beperkt: autorijden als werk."]),
        .init(id: "geen-medisch", causes: [], statuses: [], indicators: [], limitations: [], medical: false),
    ]

    static let profiles: [ProfileSpec] = [
        .init(name: "simple", weight: 30, burdenDomains: 0...2, burdensPerDomain: 1...1, strengths: 4...7,
              raisingModifiers: 0...0, easingModifiers: 1...2,
              favoured: ["herstel-in-gang", "werkervaring", "werkhouding", "diploma-behaald", "stabiele-woonsituatie", "steunend-netwerk", "stabiele-jeugd", "interesse", "concrete-wens", "motivatie", "realistische-zelfinschatting", "inzicht-beperkingen", "actieve-coping"],
              gaps: 0...0,
              sources: [("client", 1), ("physician", 0.9), ("employer", 0.85), ("professional", 1), ("document", 0.3), ("network", 0.15)],
              fmlFactor: 1, wishChance: 0.95, patternChance: 0, maxPatterns: 0, noise: 1...3,
              structuredShare: 0.5, corroboration: 0.35, oldSourceChance: 0.03,
              assessmentStyles: [(.argued, 6), (.quickFix, 1), (.thin, 1)]),
        .init(name: "moderate", weight: 24, burdenDomains: 1...3, burdensPerDomain: 1...2, strengths: 2...5,
              raisingModifiers: 0...1, easingModifiers: 0...1,
              favoured: ["lichamelijke-klachten", "psychische-klachten", "korte-banen", "geen-diploma", "financiele-problemen", "werkervaring", "steunend-netwerk", "interesse", "concrete-wens"],
              gaps: 0...1,
              sources: [("client", 1), ("physician", 0.8), ("employer", 0.5), ("professional", 1), ("document", 0.4), ("network", 0.3), ("other-professional", 0.3), ("test", 0.1)],
              fmlFactor: 1, wishChance: 0.8, patternChance: 0.3, maxPatterns: 1, noise: 1...4,
              structuredShare: 0.45, corroboration: 0.25, oldSourceChance: 0.08,
              assessmentStyles: [(.argued, 4), (.quickFix, 2), (.thin, 2), (.tunnel, 1)]),
        .init(name: "multi-problem", weight: 18, burdenDomains: 3...6, burdensPerDomain: 1...3, strengths: 0...3,
              raisingModifiers: 1...3, easingModifiers: 0...1,
              favoured: ["schulden", "financiele-problemen", "mantelzorg", "verlies-dagritme", "faalervaring-werk", "langdurig-inactief", "sociaal-isolement", "thuissituatie-belastend", "negatief-zelfbeeld", "passieve-coping", "faalangst", "psychische-klachten", "geen-toekomstbeeld", "kinderopvang"],
              gaps: 1...3,
              sources: [("client", 1), ("professional", 1), ("network", 0.4), ("other-professional", 0.7), ("physician", 0.5), ("document", 0.6), ("employer", 0.15)],
              fmlFactor: 0.7, wishChance: 0.5, patternChance: 0.8, maxPatterns: 2, noise: 2...6,
              structuredShare: 0.4, corroboration: 0.2, oldSourceChance: 0.15,
              assessmentStyles: [(.argued, 3), (.quickFix, 2), (.thin, 2), (.unwilling, 1), (.tunnel, 1)]),
        .init(name: "crisis", weight: 8, burdenDomains: 2...5, burdensPerDomain: 1...2, strengths: 0...2,
              raisingModifiers: 1...2, easingModifiers: 0...0,
              favoured: ["verslaving", "terugvalrisico", "huisvesting", "schulden", "psychische-klachten", "justitie", "thuissituatie-belastend", "verlies-perspectief", "sociaal-isolement"],
              cores: [["verslaving", "terugvalrisico"], ["huisvesting", "schulden"], ["acute-crisis", "psychische-klachten"], ["verslaving", "huisvesting"], ["huisvesting", "thuissituatie-belastend"]],
              gaps: 1...3,
              sources: [("client", 0.9), ("other-professional", 0.9), ("professional", 1), ("physician", 0.5), ("network", 0.4), ("document", 0.5)],
              fmlFactor: 0.6, wishChance: 0.3, patternChance: 0.3, maxPatterns: 1, noise: 2...5,
              structuredShare: 0.4, corroboration: 0.2, oldSourceChance: 0.1,
              assessmentStyles: [(.argued, 3), (.unwilling, 1), (.thin, 2), (.quickFix, 1)]),
        .init(name: "sparse", weight: 12, burdenDomains: 1...3, burdensPerDomain: 1...1, strengths: 0...2,
              raisingModifiers: 0...1, easingModifiers: 0...0,
              favoured: ["taalbarriere", "communicatieproblemen", "beperkt-inzicht", "geen-toekomstbeeld", "weinig-werkervaring", "leerproblemen"],
              gaps: 3...6,
              sources: [("document", 1), ("professional", 1), ("client", 0.45), ("physician", 0.3)],
              fmlFactor: 0.4, wishChance: 0.2, patternChance: 0.1, maxPatterns: 1, noise: 0...2,
              structuredShare: 0.6, corroboration: 0.05, oldSourceChance: 0.35,
              assessmentStyles: [(.thin, 3), (.argued, 1), (.quickFix, 1), (.unwilling, 1)]),
        .init(name: "contested", weight: 8, burdenDomains: 2...4, burdensPerDomain: 1...2, strengths: 2...4,
              raisingModifiers: 1...2, easingModifiers: 0...1,
              favoured: ["angst", "moeite-groepen", "schoolverzuim", "geen-diploma", "faalangst", "verlies-perspectief", "overschatting-kunnen", "concrete-wens", "interesse", "praktische-kennis"],
              gaps: 0...2,
              sources: [("client", 1), ("professional", 1), ("physician", 0.7), ("other-professional", 0.6), ("network", 0.4), ("test", 0.4), ("observation", 0.3)],
              fmlFactor: 0.8, wishChance: 0.9, patternChance: 1, maxPatterns: 2, noise: 1...4,
              structuredShare: 0.45, corroboration: 0.3, oldSourceChance: 0.08,
              assessmentStyles: [(.tunnel, 4), (.unwilling, 3), (.argued, 1), (.quickFix, 1)]),
    ]

    /// Seed 004's apparent inconsistencies, as pairs of mentions from different kinds of source.
    static let patterns: [PatternSpec] = [
        .init(name: "ontkenning", mentions: [("ontkent-beperkingen", "client"), ("angst", "other-professional")]),
        .init(name: "arbeidsgeschikt", mentions: [("acht-zich-arbeidsongeschikt", "client"), ("arbeidsgeschikt-verklaard", "physician")]),
        .init(name: "observatie", mentions: [("beperking-geclaimd", "client"), ("observatie-tegenspraak", "observation")]),
        .init(name: "test-diploma", mentions: [("praktische-kennis", "test"), ("geen-diploma", "document")]),
        .init(name: "twijfel", mentions: [("concrete-wens", "client"), ("twijfel-haalbaarheid", "other-professional")]),
        .init(name: "onwil-of-angst", mentions: [("onwil-signaal", "client"), ("faalangst", "other-professional")]),
        .init(name: "overschatting", mentions: [("overschatting-kunnen", "client"), ("beperkt-inzicht", "professional")]),
    ]

    /// Which kinds of source speak about a domain, by weight.
    static let affinity: [String: [(String, Double)]] = [
        "ziekte": [("physician", 4), ("client", 3), ("other-professional", 2), ("document", 2), ("professional", 1)],
        "arbeidsverleden": [("employer", 4), ("client", 3), ("document", 2), ("professional", 2)],
        "opleiding": [("client", 3), ("document", 3), ("test", 2), ("professional", 1)],
        "prive": [("client", 4), ("network", 2), ("other-professional", 2), ("professional", 1)],
        "sociaal": [("client", 3), ("network", 3), ("professional", 2), ("other-professional", 1)],
        "jeugd": [("client", 4), ("network", 2), ("document", 1)],
        "hobbys": [("client", 4), ("network", 2), ("observation", 1), ("professional", 1)],
        "toekomst": [("client", 4), ("professional", 2), ("network", 1), ("other-professional", 1)],
    ]
    static let defaultAffinity: [(String, Double)] = [("client", 2), ("professional", 1)]

    /// How often a theme is the one left uncovered, when a profile leaves gaps.
    static let gapWeights: [String: Double] = [
        "jeugd": 3, "hobbys": 3, "sociaal": 2, "perspectief-beperking": 2, "toekomst": 1.5, "opleidingsverleden": 1.5, "prive": 1, "arbeidsverleden": 1,
    ]

    /// Source roles per kind (never a name). Physician and professional roles come from the regime.
    static let roles: [String: [String]] = [
        "client": ["cliënt (intakegesprek)", "cliënt (eerste gesprek met de arbeidsdeskundige)", "cliënt (gesprek bij cliënt thuis)"],
        "employer": ["leidinggevende", "personeelsadviseur van de werkgever", "voormalig leidinggevende", "teamleider"],
        "network": ["partner", "moeder", "zus", "vader", "broer"],
        "other-professional": ["maatschappelijk werker", "begeleider woonbegeleiding", "schuldhulpverlener", "behandelaar ggz", "jobcoach", "consulent verslavingszorg", "wijkteammedewerker"],
        "observation": ["observatie tijdens een huisbezoek", "observatie op de werkplek", "observatie tijdens een proefplaatsing"],
        "test": ["capaciteitentest bij een testbureau", "praktijktoets bij een opleidingsinstituut", "beroepskeuzetest"],
        "document": ["aanmelding en dossierstukken", "eerder re-integratieverslag", "cv en diploma-overzicht", "verslag van de bedrijfsarts"],
    ]

    /// Indicators that do not hold together for one client; only the first one drawn is kept (an apparent
    /// inconsistency is added on purpose, by a pattern, not by chance).
    static let exclusive: [[String]] = [
        ["steunend-netwerk", "sociaal-isolement"], ["stabiele-woonsituatie", "huisvesting"], ["stabiele-jeugd", "belaste-jeugd"],
        ["werkervaring", "weinig-werkervaring"], ["diploma-behaald", "geen-diploma"], ["concrete-wens", "geen-toekomstbeeld"],
        ["vrijwilligerswerk", "verlies-dagritme"], ["herstel-in-gang", "verlies-perspectief"], ["motivatie", "geen-toekomstbeeld"],
    ]

    /// Kinds of other professional that fit an indicator, so the debt counsellor reports the debts.
    static let professionalFor: [String: String] = [
        "schulden": "schuldhulpverlener", "financiele-problemen": "schuldhulpverlener", "verslaving": "consulent verslavingszorg",
        "terugvalrisico": "consulent verslavingszorg", "psychische-klachten": "behandelaar ggz", "justitie": "reclasseringswerker",
    ]
}
