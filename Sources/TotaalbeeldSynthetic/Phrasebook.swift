// The Dutch the generator writes, as data. Code elsewhere only picks and fills.
//
// Notation in phrases:
// - `[term]` is an indicator term exactly as the ruleset writes it (case-insensitive); `[term*=surface]`
//   gives the surface form of a wildcard term ("[psychische klacht*=psychische klachten]"). The catalogue
//   drops every phrase whose bracketed term is not a term of that indicator in the loaded ruleset, so a
//   ruleset edit can make a phrase disappear but never make the generator write an unfindable term.
// - `{hij}`, `{zijn}`, `{hem}` follow the client's gender (`{ze}` is "hij" or the informal "ze"); `{ouder}` is "vader"/"moeder" for the client
//   as a parent. They are filled before the bracket check, so "[kent {zijn} grenzen]" survives for a man,
//   and for a woman only if the ruleset also has "kent haar grenzen".
// - `{beroep}`, `{wens}`, `{hobby}`, `{org}`, `{vak}` and `{rel}` are filled per dossier.
// - A clause is a present-tense predicate without its subject ("heeft [schulden] bij twee instanties").
//   Its first word is the finite verb, so frames may invert it ("Daarnaast heeft hij …"); a leading `^`
//   forbids that, for clauses whose term starts at the verb or whose verb is separable.
// - Phrases must not contain context triggers of the ruleset (geen, niet, als, vroeger, moeder, …) outside
//   the term itself, or the analyser would read the mention differently from what the generator planned.
//   The synthetic tests check that the analyser reads planned mentions as planned.

/// How one indicator can be said.
struct IndicatorPhrases {
    var id: String
    /// Noun phrases, usable after "er is sprake van".
    var nouns: [String] = []
    /// Present-tense predicates, subject omitted.
    var clauses: [String] = []
    /// Whole sentences for one reading (subject included), where a frame would sound wrong.
    var sentences: [(MentionContext, String)] = []
}

/// A sentence pattern for one reading of a mention. `{np}` takes a noun phrase, `{vp}` a clause,
/// `{v}` and `{rest}` the verb and the remainder of an invertible clause.
struct SentenceFrame {
    enum Slot { case noun, clause, inverted }
    var context: MentionContext
    var slot: Slot
    var text: String
    /// Only for burdens ("last van …" makes no sense of a strength).
    var burdenOnly = false
}

enum Phrasebook {
    // MARK: Indicators

    static let indicators: [IndicatorPhrases] = [
        // Arbeidsongeschiktheid/ziekte
        .init(id: "psychische-klachten",
              nouns: ["[psychische klacht*=psychische klachten]", "[psychische problematiek]", "[depressie*=depressieve klachten]", "een [burn-out]"],
              clauses: ["heeft [psychische klacht*=psychische klachten]", "is [depressief]", "is bekend met [psychische problematiek]", "is [overspannen*=overspannen] geraakt"],
              sentences: [(.negated, "{hij} heeft geen [psychische klacht*=psychische klachten]."), (.historical, "Vroeger was {hij} een tijd [depressief].")]),
        .init(id: "angst",
              nouns: ["[angsten]", "[paniekaanval*=paniekaanvallen]", "[angstig*=angstige] gevoelens"],
              clauses: ["heeft last van [angsten]", "heeft regelmatig [paniekaanval*=paniekaanvallen]", "wordt snel [angstig*=angstig]"]),
        .init(id: "prikkelgevoeligheid",
              nouns: ["[gevoelig* voor prikkels=gevoeligheid voor prikkels]", "[prikkelgevoelig*=prikkelgevoeligheid]"],
              clauses: ["is [prikkelgevoelig*=prikkelgevoelig]", "raakt in drukke ruimtes snel [overprikkel*=overprikkeld]"]),
        .init(id: "concentratieproblemen",
              nouns: ["[concentratieproblem*=concentratieproblemen]", "[geheugenproblem*=geheugenproblemen]"],
              clauses: ["heeft [moeite met concentreren]", "heeft [concentratieproblem*=concentratieproblemen]", "heeft [geheugenproblem*=geheugenproblemen]"]),
        .init(id: "lichamelijke-klachten",
              nouns: ["[rugklacht*=rugklachten]", "[chronische pijn]", "[lichamelijke klacht*=lichamelijke klachten]", "[schouderklacht*=schouderklachten]"],
              clauses: ["heeft [chronische pijn] in de onderrug", "heeft [rugklacht*=rugklachten]", "houdt [lichamelijke klacht*=lichamelijke klachten]", "heeft [fysieke beperking*=fysieke beperkingen] bij tillen en bukken"]),
        .init(id: "verslaving",
              nouns: ["[alcoholprobl*=alcoholproblemen]", "[drugsgebruik]", "[verslavingsproblematiek]", "[alcoholmisbruik]"],
              clauses: ["^[drinkt te veel]", "^[blowt] dagelijks", "heeft een [alcoholprobl*=alcoholprobleem]", "is [verslaafd*=verslaafd] aan cannabis"],
              sentences: [(.historical, "In het verleden was {hij} [verslaafd*=verslaafd] aan alcohol.")]),
        .init(id: "terugvalrisico",
              nouns: ["een verhoogd [terugval*=terugvalrisico]"],
              clauses: ["loopt een reëel risico op [terugval*=terugval]"],
              sentences: [(.affirmed, "De behandelaar schat het [terugval*=terugvalrisico] hoog in."),
                          (.hypothetical, "{hij} is bang dat {hij} bij tegenslag [weer naar de fles] grijpt."),
                          (.hypothetical, "{hij} is bang dat {hij} dan [weer naar de middelen] grijpt.")]),
        .init(id: "slaapproblemen",
              nouns: ["[slaapproblem*=slaapproblemen]"],
              clauses: ["^[slaapt slecht]", "komt [moeilijk uit bed]", "gaat vaak [te laat naar bed]", "heeft [slaapproblem*=slaapproblemen]"]),
        .init(id: "herstel-in-gang",
              clauses: ["is [in behandeling] bij een fysiotherapeut", "is [in behandeling] bij de ggz", "^[revalideert] in een revalidatiecentrum", "merkt dat de [klachten zijn verminderd]"]),

        // Arbeidsverleden
        .init(id: "faalervaring-werk",
              nouns: ["[faalervaring*=faalervaringen] in werk"],
              clauses: ["is twee keer [ontslagen]", "is in de laatste baan [uitgevallen]", "is {zijn} [baan kwijt]"],
              sentences: [(.affirmed, "{zijn} [contract is niet verlengd]."), (.historical, "Vroeger is {hij} al eens [ontslagen].")]),
        .init(id: "weinig-werkervaring",
              nouns: ["[weinig werkervaring]", "[nauwelijks werkervaring]"],
              clauses: ["heeft [weinig werkervaring]", "heeft [nauwelijks werkervaring]", "heeft [nooit gewerkt]"]),
        .init(id: "korte-banen",
              nouns: ["[veel verschillende banen]", "[kortdurende banen]", "[uitzendwerk]"],
              clauses: ["heeft [veel verschillende banen] gehad", "heeft in [uitzendbaan*=uitzendbanen] gewerkt", "had steeds een [tijdelijk contract]"]),
        .init(id: "langdurig-inactief",
              clauses: ["heeft [lang niet gewerkt]", "is [langdurig werkloos]", "zit al [jaren thuis]", "heeft sinds een aantal jaren [niet meer gewerkt]"]),
        .init(id: "conflicten-werk",
              nouns: ["[ruzie op het werk]", "[conflict* met de werkgever=conflicten met de werkgever]", "[conflict* met {zijn} leidinggevende=conflicten met {zijn} leidinggevende]"],
              clauses: ["had [conflict* met de werkgever=conflicten met de werkgever]", "^[ergerde zich] aan de werksfeer"]),
        .init(id: "werkervaring",
              nouns: ["[ruime werkervaring] in de functie van {beroep}"],
              clauses: ["^[werkte als] {beroep}", "heeft jaren [gewerkt als] {beroep}", "heeft [ruime werkervaring] in de functie van {beroep}"]),
        .init(id: "werkhouding",
              nouns: ["een [goede werkhouding]"],
              clauses: ["heeft altijd [hard gewerkt]", "is een [betrouwbare werknemer]", "is [aanpassingsbereid]", "heeft een [goede werkhouding]"]),

        // Opleidingsverleden
        .init(id: "geen-diploma",
              nouns: ["[geen startkwalificatie]"],
              clauses: ["heeft [geen diploma's] gehaald", "heeft de opleiding [niet afgerond]", "heeft {zijn} [opleiding afgebroken]", "heeft [geen startkwalificatie]"]),
        .init(id: "schoolverzuim",
              nouns: ["[schoolverzuim]"],
              clauses: ["^[spijbel*=spijbelde] regelmatig"],
              sentences: [(.historical, "Vroeger [spijbel*=spijbelde] {hij} veel.")]),
        .init(id: "leerproblemen",
              nouns: ["[dyslexie]", "[leerproblem*=leerproblemen]"],
              clauses: ["heeft [moeite met leren]", "heeft [speciaal onderwijs] gevolgd", "heeft [dyslexie]"]),
        .init(id: "taalbarriere",
              nouns: ["een [taalbarrière]", "[taalproblem*=taalproblemen]"],
              clauses: ["^[spreekt matig nederlands=spreekt matig Nederlands]", "^[spreekt weinig nederlands=spreekt weinig Nederlands]", "heeft [taalproblem*=taalproblemen]"]),
        .init(id: "diploma-behaald",
              clauses: ["heeft {zijn} [diploma behaald] in {vak}", "heeft [certificaten behaald] voor {vak}", "heeft de opleiding [met goede resultaten afgerond]"]),
        .init(id: "praktische-kennis",
              nouns: ["[vakkennis] op het gebied van {vak}"],
              clauses: ["heeft veel [vakkennis]", "heeft een [goede basiskennis] van {vak}", "scoort [bovengemiddeld*=bovengemiddeld] op de praktijktoets"]),
        .init(id: "leerbaar",
              clauses: ["^[leert snel]", "^[pikt snel dingen op]", "heeft een [goede leerhouding]", "is goed [leerbaar]"]),

        // Privésituatie
        .init(id: "schulden",
              nouns: ["[schulden]", "[betalingsachterstand*=betalingsachterstanden]"],
              clauses: ["heeft [schulden] bij meerdere instanties", "zit in de [schuldsanering*=schuldsanering]", "heeft een [betalingsachterstand*=betalingsachterstand] bij de woningcorporatie", "staat onder [bewindvoering]"],
              sentences: [(.negated, "{hij} heeft geen [schulden]."), (.hypothetical, "{hij} is bang dat {hij} [schulden] krijgt zodra de uitkering stopt.")]),
        .init(id: "financiele-problemen",
              nouns: ["[financiële zorgen]", "[geldzorgen]", "[financiële problem*=financiële problemen]"],
              clauses: ["heeft [geldzorgen]", "heeft [financiële zorgen]"]),
        .init(id: "mantelzorg",
              nouns: ["[mantelzorg*=mantelzorgtaken]"],
              clauses: ["^[zorgt voor {zijn} zieke] moeder", "^[verzorgt {zijn}] vader", "geeft [mantelzorg*=mantelzorg] aan een ouder"],
              sentences: [(.other, "{zijn} moeder is [ernstig ziek]; {hij} gaat elke dag bij haar langs."), (.other, "{zijn} vader is [ernstig ziek].")]),
        .init(id: "thuissituatie-belastend",
              nouns: ["[spanningen thuis]", "[relatieproblem*=relatieproblemen]", "[gezinsproblem*=gezinsproblemen]", "een [echtscheiding]"],
              clauses: ["heeft [relatieproblem*=relatieproblemen]", "zit midden in een [echtscheiding]", "ervaart veel [spanningen thuis]"]),
        .init(id: "huisvesting",
              nouns: ["een dreigende [huisuitzetting]"],
              clauses: ["heeft [geen vaste woonplek]", "is [dakloos]", "^[woont in bij] een zus", "^[woont … in bij=woont tijdelijk in bij] een zus", "^[zoekt woonruimte]"]),
        .init(id: "kinderopvang",
              clauses: ["is [alleenstaande {ouder}]", "heeft [geen kinderopvang]", "zorgt voor twee [jonge kinderen]"]),
        .init(id: "justitie",
              nouns: ["contact met de [reclassering]", "een [taakstraf]"],
              clauses: ["heeft een [strafblad]", "staat onder toezicht van de [reclassering]", "voert een [taakstraf] uit"]),
        .init(id: "stabiele-woonsituatie",
              clauses: ["^[woont zelfstandig]", "^[woont samen met {zijn} partner]", "heeft een [eigen woning]", "heeft een [stabiele woonsituatie]"]),

        // Sociale situatie
        .init(id: "sociaal-isolement",
              nouns: ["[sociaal isolement]", "[weinig sociale contacten]"],
              clauses: ["heeft [weinig sociale contacten]", "is erg [eenzaam*=eenzaam]", "leeft [teruggetrokken]", "heeft [geen vrienden]"]),
        .init(id: "moeite-groepen",
              nouns: ["[moeite met groepen]"],
              clauses: ["^[kan niet tegen groepen]", "heeft [moeite met groepen]", "is [sociaal onhandig]"],
              sentences: [(.affirmed, "{hij} zegt: 'Ik [kan niet tegen groepen] mensen.'")]),
        .init(id: "communicatieproblemen",
              nouns: ["[communicatieproblem*=communicatieproblemen]"],
              clauses: ["heeft [moeite met communiceren]", "^[kan zich moeilijk uiten]", "^[kan het niet verwoorden]"]),
        .init(id: "overbeschermende-omgeving",
              nouns: ["een [overbeschermend*=overbeschermende] omgeving"],
              clauses: ["heeft [beschermende ouders]"],
              sentences: [(.affirmed, "De familie [neemt alles uit handen]."), (.affirmed, "De omgeving is erg [overbeschermend*=overbeschermend].")]),
        .init(id: "negatieve-werknorm",
              sentences: [(.affirmed, "In {zijn} omgeving is de gedachte: [werken loont niet]."), (.affirmed, "In {zijn} familie geldt: een [uitkering is normaal].")]),
        .init(id: "steunend-netwerk",
              nouns: ["[betrokken familie]", "[goede vrienden]", "een [hecht netwerk]"],
              clauses: ["heeft een [goede relatie met] een zus", "heeft een [hecht netwerk]", "heeft [veel steun aan] een vriendin", "heeft [goede vrienden]"]),

        // Jeugd/opvoedingssituatie
        .init(id: "gepest",
              nouns: ["[pesterij*=pesterijen] op school"],
              clauses: ["is op school [gepest]"],
              sentences: [(.historical, "In {zijn} jeugd is {hij} [gepest].")]),
        .init(id: "belaste-jeugd",
              nouns: ["een [moeilijke jeugd]", "een [zware jeugd]"],
              clauses: ["heeft een [moeilijke jeugd] gehad", "is op jonge leeftijd [uit huis geplaatst]", "heeft te maken gehad met [jeugdzorg]"]),
        .init(id: "hoge-verwachtingen",
              nouns: ["[hoge verwachtingen] vanuit de familie"],
              clauses: ["komt uit een [goed nest]"],
              sentences: [(.other, "{zijn} vader is een [succesvol* zakenman=succesvolle zakenman].")]),
        .init(id: "stabiele-jeugd",
              nouns: ["een [goede jeugd]", "een [fijne jeugd]"],
              clauses: ["heeft een [fijne jeugd] gehad", "groeide op in een [warm gezin]"]),

        // Hobby's en interesses
        .init(id: "verlies-dagritme",
              clauses: ["heeft [geen dagritme]", "^[zit de hele dag thuis]", "ligt vaak [op de bank]", "^[verveelt zich]", "is {zijn} [dagritme kwijt]"]),
        .init(id: "interesse",
              nouns: ["[interesse in] {hobby}"],
              clauses: ["heeft [interesse in] {hobby}", "zit graag [achter de computer]", "is [geïnteresseerd in] {hobby}"]),
        .init(id: "vrijwilligerswerk",
              nouns: ["[vrijwilligerswerk] bij {org}"],
              clauses: ["doet [vrijwilligerswerk] bij {org}", "gaat twee dagen per week naar de [dagbesteding]", "is [vrijwilliger] bij {org}"]),

        // Toekomstvisie
        .init(id: "geen-toekomstbeeld",
              nouns: ["[geen toekomstbeeld]"],
              clauses: ["^[weet niet wat {ze} wil]", "heeft daar [geen gedachte over]", "heeft [geen toekomstbeeld]"]),
        .init(id: "verlies-perspectief",
              clauses: ["is [uit het veld geslagen]", "zit [bij de pakken neer]", "is [diep ongelukkig]"],
              sentences: [(.affirmed, "{zijn} toekomstplannen liggen [in duigen].")]),
        .init(id: "concrete-wens",
              clauses: ["^[wil graag werken als] {wens}", "^[wil snel aan het werk]", "^[wil aan het werk] in de functie van {wens}"]),
        .init(id: "motivatie",
              nouns: ["veel [motivatie]"],
              clauses: ["is [gemotiveerd] om aan de slag te gaan", "toont veel [motivatie]", "is [enthousias*=enthousiast] over werk in de functie van {wens}"]),

        // Niveau 2
        .init(id: "vermijdende-coping",
              clauses: ["^[vermijdt] moeilijke situaties", "^[trekt zich terug] bij tegenslag", "kiest de weg van de [minste weerstand]"]),
        .init(id: "passieve-coping",
              clauses: ["^[pakt niet door]", "neemt [geen initiatief]", "^[onderneemt geen actie]"]),
        .init(id: "actieve-coping",
              clauses: ["^[pakt het zelf op]", "^[neemt zelf initiatief]", "^[heeft zelf hulp gezocht]", "^[gaat er goed mee om]"]),
        .init(id: "overschatting-kunnen",
              clauses: ["heeft een [onrealistisch beeld] van {zijn} mogelijkheden", "^[overschat*=overschat] {zijn} mogelijkheden"],
              sentences: [(.affirmed, "{hij} zegt: 'Ik ben er [hartstikke goed in].'")]),
        .init(id: "onderschatting-kunnen",
              clauses: ["^denkt dat {hij} het [werken niet aankan]"],
              sentences: [(.affirmed, "{hij} zegt: 'Ik ben een [mislukkeling].'"), (.affirmed, "{hij} zegt: '[Het lukt me gewoon niet].'")]),
        .init(id: "realistische-zelfinschatting",
              clauses: ["heeft een [realistisch beeld van] {zijn} mogelijkheden", "heeft [goed zicht op {zijn} mogelijkheden]", "^[schat zichzelf realistisch in]"]),
        .init(id: "ontkent-beperkingen",
              sentences: [(.affirmed, "{hij} zegt: 'Ik [mankeer niks].'"), (.affirmed, "Volgens {hem} is er [niets aan de hand].")]),
        .init(id: "beperkt-inzicht",
              clauses: ["heeft [weinig inzicht] in {zijn} beperkingen", "heeft [beperkt inzicht] in de eigen situatie", "heeft [geen ziekte-inzicht]"]),
        .init(id: "inzicht-beperkingen",
              clauses: ["heeft [goed inzicht in {zijn} beperkingen]", "^[kent {zijn} grenzen]"]),
        .init(id: "faalangst",
              nouns: ["[faalangst*=faalangst]"],
              clauses: ["heeft last van [faalangst*=faalangst]", "is [bang om te falen]"]),
        .init(id: "negatief-zelfbeeld",
              nouns: ["een [negatief zelfbeeld]"],
              clauses: ["heeft een [negatief zelfbeeld]", "heeft [weinig zelfvertrouwen]", "is [onzeker over zichzelf]"]),
        .init(id: "veerkracht",
              nouns: ["[doorzettingsvermogen]", "[veerkracht]"],
              clauses: ["is [veerkrachtig]", "is een [doorzetter]", "is [optimistisch]"]),

        // Signalen (for the inconsistency patterns and the assessment styles)
        .init(id: "acht-zich-arbeidsongeschikt", clauses: ["^[acht zich volledig arbeidsongeschikt]", "^[vindt zichzelf arbeidsongeschikt]"]),
        .init(id: "arbeidsgeschikt-verklaard",
              sentences: [(.affirmed, "De arts [acht hem arbeidsgeschikt] voor ander werk."), (.affirmed, "{hij} is [geschikt voor eigen werk] met aanpassingen.")]),
        .init(id: "beperking-geclaimd",
              clauses: ["^[kan niet lang zitten]", "^[kan niet tillen]"],
              sentences: [(.affirmed, "{hij} zegt dat [lopen en traplopen] moeilijk gaat.")]),
        .init(id: "observatie-tegenspraak",
              sentences: [(.affirmed, "{hij} [rende de trap op] om de deur open te doen."), (.affirmed, "{hij} [liep zonder moeite] met de arbeidsdeskundige mee naar de auto."),
                          (.affirmed, "{hij} [zat de hele middag] aan tafel te praten.")]),
        .init(id: "twijfel-haalbaarheid",
              sentences: [(.affirmed, "De begeleider [twijfelt of] {hij} het traject aankan."), (.affirmed, "De begeleider is [sceptisch] over de haalbaarheid.")]),
        .init(id: "onwil-signaal",
              sentences: [(.affirmed, "{hij} zegt: 'Ik [wil niks meer].'"), (.affirmed, "{hij} [staat niet open] voor ander werk."), (.affirmed, "{hij} zegt: 'Ik [wil rust].'")]),
        .init(id: "acute-crisis",
              sentences: [(.affirmed, "{hij} is onlangs [dakloos geworden]."), (.affirmed, "Er volgde een [crisisopname]."), (.affirmed, "{hij} is kort geleden [uit huis gezet].")]),
    ]

    // MARK: Frames

    /// Generic sentence patterns per reading. Each avoids context triggers outside its own cue.
    static let frames: [SentenceFrame] = [
        .init(context: .affirmed, slot: .clause, text: "{hij} {vp}."),
        .init(context: .affirmed, slot: .clause, text: "Cliënt {vp}."),
        .init(context: .affirmed, slot: .inverted, text: "Daarnaast {v} {hij} {rest}."),
        .init(context: .affirmed, slot: .inverted, text: "Verder {v} {hij} {rest}."),
        .init(context: .affirmed, slot: .noun, text: "Er is sprake van {np}."),
        .init(context: .affirmed, slot: .noun, text: "Aandachtspunt: {np}.", burdenOnly: true),
        .init(context: .affirmed, slot: .noun, text: "In het gesprek komt naar voren: {np}."),

        .init(context: .negated, slot: .noun, text: "Er is geen sprake van {np}."),
        .init(context: .negated, slot: .noun, text: "Er zijn geen aanwijzingen voor {np}."),
        .init(context: .negated, slot: .noun, text: "{np}: niet aan de orde."),

        .init(context: .historical, slot: .noun, text: "Vroeger was er sprake van {np}."),
        .init(context: .historical, slot: .noun, text: "In het verleden was er sprake van {np}."),
        .init(context: .historical, slot: .noun, text: "Vroeger had {hij} last van {np}.", burdenOnly: true),
        .init(context: .historical, slot: .noun, text: "Destijds was er sprake van {np}; dat speelt nu minder."),

        .init(context: .hypothetical, slot: .noun, text: "Mogelijk is er sprake van {np}."),
        .init(context: .hypothetical, slot: .noun, text: "Misschien is er sprake van {np}."),
        .init(context: .hypothetical, slot: .noun, text: "Indien er sprake is van {np}, moet dat eerst worden aangepakt.", burdenOnly: true),

        .init(context: .other, slot: .noun, text: "{zijn} {rel} kampt met {np}.", burdenOnly: true),
        .init(context: .other, slot: .clause, text: "{zijn} {rel} {vp}."),
    ]

    /// Structured-finding notes per reading; `{note}` is the capitalised clause or noun phrase.
    static let findingNotes: [MentionContext: [String]] = [
        .affirmed: ["{note}."],
        .negated: ["Geen aanwijzingen voor {np}.", "Niet aan de orde: {np}."],
        .historical: ["Vroeger: {np}.", "In het verleden: {np}."],
        .other: ["Bij {zijn} {rel}: {np}."],
    ]

    // MARK: Neutral sentences

    /// Opening sentences per domain and source kind that contain no indicator term, so a narrative
    /// covers its theme even when nothing in it counts. Looked up by "domain/kind", then "domain".
    static let fillers: [String: [String]] = [
        "ziekte/physician": ["Cliënt is op het spreekuur gezien.", "De belastbaarheid is met cliënt doorgenomen.", "Er is informatie van de behandelend sector opgevraagd."],
        "ziekte/client": ["Cliënt vertelt over de periode sinds de uitval.", "Cliënt beschrijft hoe de klachten zijn begonnen.", "Cliënt vertelt hoe {hij} de beoordeling heeft ervaren."],
        "ziekte": ["De medische situatie is besproken.", "De reden van de uitval is doorgenomen."],
        "arbeidsverleden/employer": ["De werkgever is telefonisch gesproken.", "Het functioneren is met de werkgever doorgenomen."],
        "arbeidsverleden": ["Het arbeidsverleden is doorgenomen aan de hand van het cv.", "{hij} werkte laatst gemiddeld vierentwintig uur per week.", "De laatste werkplek was in de regio."],
        "opleiding/test": ["De test is afgenomen in een rustige ruimte.", "De opdrachten duurden een ochtend."],
        "opleiding": ["{hij} heeft de basisschool en daarna het vmbo doorlopen.", "Het opleidingsverleden is besproken.", "Na de basisschool volgde {hij} een beroepsopleiding."],
        "prive/network": ["Het gesprek vond plaats bij cliënt thuis.", "Er is telefonisch contact geweest met iemand uit de naaste omgeving."],
        "prive": ["De woonsituatie is besproken.", "Er is gesproken over de situatie thuis.", "De woon- en leefsituatie is doorgenomen."],
        "sociaal": ["Het sociale leven is besproken.", "Er is gesproken over familie en kennissen."],
        "jeugd": ["{hij} groeide op in een gezin met drie kinderen.", "{hij} is opgegroeid in een kleine plaats.", "Over de opvoeding is kort gesproken."],
        "hobbys": ["De dagindeling is doorgenomen.", "{hij} vertelt over de invulling van de week."],
        "toekomst": ["Over de toekomst is uitgebreid gesproken.", "De mogelijkheden voor werk zijn verkend."],
    ]

    // MARK: Per-dossier fillings

    static let formerJobs = [
        "magazijnmedewerker", "productiemedewerker", "schoonmaker", "vrachtwagenchauffeur", "administratief medewerker",
        "verkoopmedewerker", "verzorgende", "kok", "timmerman", "beveiliger", "callcentermedewerker", "heftruckchauffeur",
        "postbezorger", "kapper", "bouwvakker", "receptionist", "stratenmaker", "groenvoorziener", "pedagogisch medewerker",
        "caissière", "monteur", "orderpicker", "buschauffeur", "boekhouder",
    ]
    static let wishedJobs = [
        "netwerkbeheerder", "hovenier", "dierenverzorger", "planner", "magazijnmedewerker", "medewerker groenvoorziening",
        "administratief medewerker", "kok", "klantenservicemedewerker", "fietsenmaker", "conciërge", "chauffeur",
        "medewerker facilitaire dienst", "tuinman", "verkoopmedewerker",
    ]
    static let hobbies = ["fietsen", "tuinieren", "koken", "vissen", "fotografie", "muziek", "schilderen", "wandelen", "klussen", "modelbouw", "computers", "gamen"]
    static let organisations = ["een kringloopwinkel", "de voedselbank", "een zorgboerderij", "het buurthuis", "een dierenasiel", "de bibliotheek"]
    static let subjects = ["de logistiek", "de zorg", "de metaal", "de horeca", "de administratie", "de techniek", "de detailhandel"]
    /// Relatives for other-person sentences; kept only where the ruleset has them as experiencer triggers.
    static let relatives = ["vader", "moeder", "broer", "zus", "partner", "zoon", "dochter", "oom", "tante", "neef", "nicht"]

    // MARK: Summary, wish and assessment

    static let summaryOpenings = ["Aangemeld voor een re-integratieadvies.", "Verzoek om een arbeidsdeskundig advies over de mogelijkheden voor werk.", "Aanmelding voor een onderzoek naar passend werk en de benodigde ondersteuning."]
    static let wishes = ["Werken als {wens}, ongeveer {uren} uur per week.", "Een opleiding volgen om aan de slag te kunnen als {wens}.", "Werk in de functie van {wens}, in aangepaste vorm.", "Werk als {wens} in de buurt van huis."]
    static let hours = ["16", "20", "24", "28", "32"]

    /// Conclusions of an argued assessment; `{label}` is the domain's Dutch label.
    static let burdenConclusions = [
        "{label}: de belasting is door meerdere bronnen beschreven en weegt mee in het advies.",
        "{label}: de bevindingen zijn met cliënt besproken en door {hem} herkend.",
        "{label}: dit vraagt aandacht in het traject; de bronnen geven een samenhangend beeld.",
    ]
    static let strengthConclusions = [
        "{label}: hier liggen aanknopingspunten voor het traject.",
        "{label}: dit ondersteunt de terugkeer naar werk.",
    ]
    static let argumentedPlacements = [
        "Cliënt wil werken en kan dat met de beschreven ondersteuning; de onderbouwing staat bij de bevindingen per domein.",
        "Bereid en in staat om stappen te zetten, mits de belasting geleidelijk wordt opgebouwd.",
    ]
    static let argumentedDirections = [
        "Traject richting {doel}, met {intensiteit}. De belastende factoren zijn meegewogen en worden bij elke evaluatie besproken.",
        "Stapsgewijze terugkeer naar werk als {doel}, met {intensiteit}; evaluatie na zes weken met cliënt.",
    ]
    static let intensities = ["light": "korte begeleiding op afroep", "moderate": "begeleiding en een geleidelijke opbouw in uren", "intensive": "intensieve begeleiding, eerst gericht op stabiliteit"]
    static let tunnelConclusions = [
        "Ik heb het gevoel dat {hij} het wel kan, al kan ik niet precies zeggen waarop dat berust.",
        "Dat is mijn referentiekader: ik heb vaker gezien dat dit lukt.",
        "Mijn indruk is dat {hij} vooral een kans moet krijgen.",
        "Uit mijn eigen ervaring weet ik dat een duidelijke wens het halve werk is.",
    ]
    static let tunnelDirections = [
        "Opleiding en werk richting {wens}; dat sluit aan bij wat {hij} zelf wil.",
        "Direct starten met een traject richting {wens}, omdat {hij} daar zelf voor kiest.",
    ]
    static let unwillingConclusions = [
        "Cliënt wil gewoon niet; het is {zijn} eigen verantwoordelijkheid om werk te zoeken.",
        "Er lijkt vooral sprake van onwil.",
        "Cliënt schuift de verantwoordelijkheid af op de omgeving.",
    ]
    static let unwillingPlacements = ["Kan wel, wil niet.", "De mogelijkheden zijn er; de inzet ontbreekt."]
    static let unwillingDirections = [
        "Direct bemiddelen naar beschikbaar werk; cliënt moet een lagere functie accepteren.",
        "Sollicitatieplicht handhaven en bemiddelen naar werk op korte termijn.",
    ]
    static let quickConclusions = ["Er zijn mogelijkheden voor werk op korte termijn.", "De belastbaarheid laat eenvoudig werk toe."]
    static let quickDirections = [
        "Plaatsing via een uitzendbureau in de functie van {doel}, binnen vier weken.",
        "Zo snel mogelijk aan de slag in de functie van {doel}; verdere begeleiding is niet nodig.",
    ]
    static let thinConclusions = [
        "Het beeld is nog onvolledig; aanvullende informatie is opgevraagd.",
        "Cliënt lijkt belastbaar voor eenvoudig werk.",
        "De situatie is complex en vraagt nader onderzoek.",
    ]
}
