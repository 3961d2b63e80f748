import TotaalbeeldModel

/// The fixed words of the HTML pages in Dutch and English, handed to the templates as `t.*`.
/// Domain words (domains, indicators, questions) come from the ruleset, never from here.
enum PageLabels {
    private static func pick(_ language: Language, _ pairs: KeyValuePairs<String, (String, String)>) -> [String: String] {
        Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, language == .nl ? $0.value.0 : $0.value.1) })
    }

    private static let shared: KeyValuePairs<String, (String, String)> = [
        "aid": ("Dit is een hulpmiddel voor kritische reflectie, geen besluit. Elk getal en elk signaal toont waar het vandaan komt, wat onzeker is en wat ontbreekt; weeg het zelf.",
                "This is an aid for critical reflection, not a decision. Every number and signal shows where it comes from, what is uncertain and what is missing; weigh it yourself."),
        "contents": ("Inhoud", "Contents"),
        "line": ("r.", "l."),
        "generatedBy": ("Gemaakt met Totaalbeeld; alles is op deze computer berekend, niets is verstuurd.", "Made with Totaalbeeld; everything was computed on this computer, nothing was sent."),
    ]

    static func screen(_ language: Language) -> [String: String] {
        pick(language, shared).merging(pick(language, [
            "title": ("Totaalbeeld — screening van dossier", "Totaalbeeld — screening of dossier"),
            "dossier": ("Dossier", "Dossier"),
            "dossierDate": ("Dossierdatum", "Dossier date"),
            "regime": ("Uitkeringsregime", "Benefit regime"),
            "ageBand": ("Leeftijd", "Age band"),
            "ruleset": ("Regelset", "Ruleset"),
            "version": ("versie", "version"),
            "checksum": ("controlegetal", "checksum"),
            "schema1": ("Schema 1 — belasting en kracht per levensdomein", "Schema 1 — burden and strength per life domain"),
            "domain": ("Domein", "Domain"),
            "burden": ("Belastend", "Burden"),
            "strength": ("Kracht", "Strength"),
            "level2": ("Niveau 2", "Level 2"),
            "need": ("Ondersteuningsbehoefte", "Support need"),
            "noInformation": ("geen informatie", "no information"),
            "evidence": ("Onderbouwing per domein", "Evidence per domain"),
            "sources": ("bronnen", "sources"),
            "notCounted": ("Niet meegeteld", "Not counted"),
            "noIndicators": ("Wel informatie, geen indicatoren gevonden.", "Information present, no indicators found."),
            "gaps": ("Ontbrekende informatie — vragen om te stellen", "Missing information — questions to ask"),
            "noGaps": ("Alle thema's van het gespreksmodel zijn in het dossier terug te vinden.", "Every theme of the conversation model is covered by the dossier."),
            "ask": ("Vraag", "Ask"),
            "schema2": ("Schema 2 — ondersteuningsbehoefte en eisen aan werk", "Schema 2 — support need and work requirements"),
            "schema2Intro": ("Twee vragen apart: wat het einddoel kan zijn, en welke ondersteuning nodig is om er te komen.", "Two questions kept apart: what the end goal can be, and what support is needed to get there."),
            "activity": ("Activiteit", "Activity"),
            "score": ("Score", "Score"),
            "needLevel": ("Behoefte", "Need"),
            "professional": ("Oordeel professional", "Professional's judgement"),
            "support": ("Ondersteuning", "Support"),
            "workRequirement": ("Eisen aan werk", "Work requirements"),
            "derived": ("Afgeleid uit", "Derived from"),
            "flags": ("Signalen voor reflectie", "Signals for reflection"),
            "noFlags": ("Geen signalen.", "No signals."),
            "question": ("Vraag", "Question"),
            "alsoConsider": ("Overweeg ook", "Also consider"),
            "why": ("Waarom", "Why"),
            "evidenceLabel": ("Bewijs", "Evidence"),
            "trialAndError": ("Trial-and-error-traject", "Trial-and-error track"),
            "notAssessed": ("Niet beoordeeld.", "Not assessed."),
            "fit": ("passend", "fit"),
            "safeguards": ("Waarborgen", "Safeguards"),
            "checkpoints": ("IJkpunten", "Checkpoints"),
            "narrative": ("Geannoteerde tekst", "Annotated narrative"),
            "legend": ("Legenda", "Legend"),
            "legendIntro": ("Gevonden termen zijn gemarkeerd; het label erachter noemt de indicator en de context. De vorm van de markering zegt hetzelfde als het label.",
                            "Terms found are marked; the label after each names the indicator and its context. The shape of the mark says the same as the label."),
            "example": ("Voorbeeld", "Example"),
            "meaning": ("Betekenis", "Meaning"),
        ]), uniquingKeysWith: { first, _ in first })
    }

    static func compare(_ language: Language) -> [String: String] {
        pick(language, shared).merging(pick(language, [
            "title": ("Totaalbeeld — intervisie over dossier", "Totaalbeeld — intervision on dossier"),
            "raters": ("Beoordelaars", "Raters"),
            "rater": ("Beoordelaar", "Rater"),
            "profession": ("Beroep", "Profession"),
            "equal": ("Geen beroep weegt zwaarder dan een ander. De screening van Totaalbeeld staat erbij als één perspectief, niet als het antwoord, en telt niet mee in alfa.",
                      "No profession is weighted above another. Totaalbeeld's screening is shown as one more perspective, not the answer, and is not counted in alpha."),
            "heatmap": ("Overeenstemming per domein en oordeel", "Agreement per domain and judgement"),
            "heatmapIntro": ("Elke cel toont de overeenstemming (1 − gemiddelde paarsgewijze afstand): 1 is iedereen eens, 0 is maximaal verschil. Donkerder is meer verschil; het getal staat in de cel.",
                             "Each cell shows agreement (1 − mean pairwise distance): 1 means all agree, 0 maximal difference. Darker means more difference; the number is in the cell."),
            "placement": ("Plaatsing op willen en kunnen (seed 004, figuur 1)", "Placement on willing and able (seed 004, figure 1)"),
            "placementIntro": ("Waar ieder de cliënt plaatst, en welke aanpak daarbij hoort: uitleggen, confronteren, concrete voorstellen, of helpen over angst heen.",
                               "Where each rater places the client, and the approach that placement calls for: explain, confront, concrete proposals, or help over fear."),
            "approachChosen": ("Gekozen aanpak", "Approach chosen"),
            "figureSuggests": ("Figuur 1 suggereert", "Figure 1 suggests"),
            "willing": ("wil", "willing"),
            "able": ("kan", "able"),
            "norms": ("Normvraag", "Norms question"),
            "divergences": ("Grootste verschillen", "Largest divergences"),
            "noDivergences": ("Alle beoordelaars gaven in elke cel hetzelfde antwoord.", "All raters gave the same answer in every cell."),
            "cell": ("Cel", "Cell"),
            "divergence": ("Verschil", "Divergence"),
            "answer": ("Antwoord", "Answer"),
            "cites": ("Noemt als bewijs", "Cites as evidence"),
            "nothingCited": ("niets genoemd", "nothing cited"),
            "engine": ("Totaalbeeld (één perspectief)", "Totaalbeeld (one perspective)"),
            "agreement": ("Overeenstemming (Krippendorffs alfa)", "Agreement (Krippendorff's alpha)"),
            "family": ("Familie", "Family"),
            "level": ("Meetniveau", "Level"),
            "alpha": ("Alfa", "Alpha"),
            "units": ("Eenheden", "Units"),
            "warning": ("Waarschuwing", "Warning"),
            "evidence": ("Bewijs dat de één noemt en de ander niet", "Evidence cited by some and not by others"),
            "noEvidence": ("Elk genoemd gegeven is door alle beoordelaars genoemd.", "Every cited element was cited by all raters."),
            "element": ("Gegeven", "Element"),
            "citedBy": ("Genoemd door", "Cited by"),
            "ignoredBy": ("Niet door", "Not by"),
            "questions": ("Vragen voor de groep", "Questions for the group"),
            "agreementScale": ("Schaal", "Scale"),
        ]), uniquingKeysWith: { first, _ in first })
    }
}
