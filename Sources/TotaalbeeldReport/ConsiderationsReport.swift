import TotaalbeeldEngine
import TotaalbeeldModel

/// The text a labour expert pastes into the arbeidsdeskundig rapport or plan van aanpak: the Kernpunten,
/// the weighing as prose ("Overwegingen", per phase, with the questions and the readings not yet weighed)
/// and the open questions as a numbered list. Written as `--format docx` or `odt`; text and Markdown work too.
///
/// ```swift
/// let document = ConsiderationsReport(language: .nl).document(for: result)
/// let docx = try WordprocessingWriter(language: .nl, title: "Overwegingen").document(document)
/// ```
public struct ConsiderationsReport: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var say: Vocabulary { Vocabulary(language: language) }

    public func title(for result: ScreeningResult) -> String {
        say("Overwegingen bij dossier ", "Considerations on dossier ") + result.dossier.id
    }

    public func document(for result: ScreeningResult) -> ReportDocument {
        let digest = SignalDigest(result: result)
        let summary = ScreeningSummary(result: result, language: language, digest: digest)
        let reader = summary.reader
        var doc = ReportDocument()
        doc.heading(1, title(for: result))
        doc.paragraph(.emphasis(say(
            "Uit de screening met Totaalbeeld (regelset \(result.ruleset.id) \(result.ruleset.version), dossierdatum \(result.dossier.date)). Een hulpmiddel voor reflectie: de afweging blijft die van de arbeidsdeskundige.",
            "From the Totaalbeeld screening (ruleset \(result.ruleset.id) \(result.ruleset.version), dossier date \(result.dossier.date)). An aid for reflection: the weighing remains the labour expert's."
        )))

        // Kernpunten.
        doc.heading(2, say("Kernpunten", "Key points"))
        doc.paragraph([.strong(summary.adviceLabel() + ". ")] + ReaderText.runs(quoting: summary.adviceSentence))
        doc.paragraph([.strong(say("Trial-and-error: ", "Trial and error: "))] + ReaderText.runs(quoting: summary.trialAndError))
        if !summary.points.isEmpty {
            doc.paragraph(.strong(say("Open punten voor het volgende gesprek", "Open points for the next conversation")))
            doc.list(summary.points.map { group in
                .init([.plain(reader.message(group.lead) + " "), .emphasis(say("Vraag: ", "Question: ")), .plain(reader.question(group.lead))])
            })
        }
        if !summary.notYet.isEmpty {
            doc.paragraph(.strong(say("Nog niet doen", "Not yet")))
            doc.list(summary.notYet.map { .init([.plain($0)]) })
        }
        if !summary.strengths.isEmpty {
            doc.paragraph(.strong(say("Sterke punten om op te bouwen", "Strengths to build on")))
            doc.list(summary.strengths.map { .init([.plain($0)]) })
        }

        // Overwegingen: per phase, one paragraph per signal.
        doc.heading(2, say("Overwegingen", "Considerations"))
        if digest.groups.isEmpty {
            doc.paragraph(.plain(say("De screening vond geen signalen die om een nadere afweging vragen.", "The screening found no signals that call for further weighing.")))
        }
        for phase in FlagRule.Phase.allCases {
            let groups = digest.groups.filter { $0.phase == phase }
            guard !groups.isEmpty else { continue }
            doc.heading(3, say.phase(phase))
            for group in groups {
                doc.paragraph(consideration(group, reader: reader))
            }
        }
        let t = result.trialAndError
        if !t.reasons.isEmpty {
            doc.heading(3, say("Trial-and-error", "Trial and error"))
            doc.paragraph(ReaderText.runs(quoting: t.reasons.map(reader.clean).map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")))
            let tracks = TrackDigest(t, reader: reader)
            if !tracks.entries.isEmpty {
                let names = tracks.entries.map { entry in entry.label + (entry.fitLevel.map { " (\($0))" } ?? "") }
                doc.paragraph(ReaderText.runs(quoting: (tracks.referral ? say("Verwijzing: ", "Referral: ") : say("Passende trajecten, van meest naar minder passend: ", "Fitting tracks, best fit first: "))
                    + ScreeningSummary.list(names, say: say) + "."
                    + (tracks.commonSafeguards.isEmpty ? "" : say(" Voor elk geldt: ", " For each: ") + tracks.commonSafeguards.joined(separator: " "))))
            }
        }

        // Open questions: every distinct question, signals first, then missing themes no signal asks about.
        doc.heading(2, say("Open vragen", "Open questions"))
        var questions: [String] = []
        for group in digest.groups {
            // A flag weighed on unchanged evidence has been answered; one to weigh again asks its question anew.
            for flag in group.flags where !flag.isWeighed && !questions.contains(reader.question(flag)) { questions.append(reader.question(flag)) }
        }
        for gap in result.gaps where !questions.contains(where: { $0.contains(gap.theme.question[language]) }) { questions.append(gap.theme.question[language]) }
        if questions.isEmpty {
            doc.paragraph(.plain(say("Geen open vragen uit de screening.", "No open questions from the screening.")))
        }
        doc.blocks += questions.enumerated().map { .paragraph([.plain("\($0.offset + 1). " + $0.element)]) }
        return doc
    }

    /// One signal as prose: what was found, what goes with it, the question, how the professional weighed it,
    /// the readings not yet weighed, and the lines it rests on.
    func consideration(_ group: SignalGroup, reader: ReaderText) -> [ReportDocument.Run] {
        var text = reader.message(group.lead)
        if !group.also.isEmpty {
            text += " " + say("Daarbij: ", "Along with this: ") + group.also.map(reader.message).joined(separator: " ")
        }
        var runs: [ReportDocument.Run] = [.plain(text + " "), .emphasis(say("De vraag is: ", "The question is: ")), .plain(reader.question(group.lead))]
        let report = ScreeningReport(language: language)
        for flag in group.flags {
            guard let weighing = flag.weighing else { continue }
            runs += [.plain(" ")] + ReaderText.runs(quoting: report.weighingNote(weighing))
        }
        if !group.alternatives.isEmpty {
            runs += ReaderText.runs(quoting: " " + say("Lezingen die nog niet zijn gewogen: ", "Readings not yet weighed: ")
                + group.alternatives.map(reader.clean).map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: "; ") + ".")
        }
        let lines = Array(Set(group.evidence.map(\.location.line))).sorted()
        if !lines.isEmpty {
            let shown = lines.prefix(8).map(String.init).joined(separator: ", ") + (lines.count > 8 ? say(" en \(lines.count - 8) meer", " and \(lines.count - 8) more") : "")
            runs.append(.plain(" " + say("Dit steunt op het dossier, r. ", "This rests on the dossier, l. ") + shown + "."))
        }
        return runs
    }
}
