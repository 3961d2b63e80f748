import ArgumentParser
import Foundation
import TotaalbeeldImport
import TotaalbeeldXML

/// `totaalbeeld import`: an intake in Word, OpenDocument, Markdown or text → a dossier, with a report of what went where.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports an intake (.docx, .odt, .md, .txt) as a dossier: headings to themes, paragraphs to narratives, the assessment section to the assessment.",
        discussion: """
        Headings are matched to the gespreksmodel themes and intake sections by the ruleset's heading lists \
        (conversationModel in the ruleset). A heading that matches nothing is reported with its line or paragraph \
        number and its text kept as an <unassigned> narrative, which screen reads but counts towards no theme. The report goes to standard error (or --report FILE); \
        it names headings, ids and positions, never the intake's text.
        --source takes "who; role as written; date", e.g. "bedrijfsarts; bedrijfsarts arbodienst; 2026-10-12".
        """
    )

    @Argument(help: "The intake: .docx, .odt, .md (.markdown) or .txt.")
    var intake: String

    @Option(name: .shortAndLong, help: "Write the dossier here (atomically); default: standard output.")
    var output: String?

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Option(help: "Read the intake as this format instead of by its extension: docx, odt, markdown, text.")
    var format: String?

    @Option(help: "Dossier id (default: from the front matter, else the file name).")
    var id: String?

    @Option(help: "Dossier date, yyyy-mm-dd (default: from the front matter, else the latest source date).")
    var date: String?

    @Option(help: "Benefit regime: wajong, wia, wao, ziektewet, ww, letselschade, participatiewet, geen, anders.")
    var regime: String?

    @Option(name: .customLong("age-band"), help: "Age band, NN-NN or NN+ (default: from the age, else 18-65).")
    var ageBand: String?

    @Option(parsing: .singleValue, help: "A source: \"who; role; date\" (repeatable).")
    var source: [String] = []

    @Option(help: "Write the import report to this file instead of standard error.")
    var report: String?

    @Flag(help: "No report on standard error.")
    var quiet = false

    func run() throws {
        try exitOnFailure {
            let chosen: IntakeImporter.Format?
            if let format {
                guard let f = IntakeImporter.Format(rawValue: format) else {
                    throw Failure(status: ExitStatus.usage, lines: ["--format \(format): use docx, odt, markdown or text"])
                }
                chosen = f
            } else {
                chosen = IntakeImporter.format(forFileName: intake)
                if chosen == nil {
                    throw Failure(status: ExitStatus.usage, lines: ["\(intake): unknown intake format; name it .docx, .odt, .md or .txt, or pass --format"])
                }
            }
            let schemas = try Resources.schemas()
            let rules = try Resources.loadRuleset(ruleset, schemas: schemas)
            let limit = max(IntakeImporter.maxTextBytes, ArchiveLimits().maxArchiveBytes)
            let bytes = [UInt8](try readInputFile(intake, limit: limit))
            let options = ImportOptions(dossierID: id, date: date, regime: regime, ageBand: ageBand, sources: source)
            let result: ImportResult
            do throws(ImportError) {
                result = try IntakeImporter(ruleset: rules, schemas: schemas).importIntake(bytes: bytes, fileName: intake, format: chosen, options: options)
            } catch {
                switch error {
                case .unreadable: throw Failure(status: ExitStatus.noInput, lines: [error.description])
                case .unsupported: throw Failure(status: ExitStatus.usage, lines: [error.description])
                case .invalid: throw Failure(status: ExitStatus.dataError, lines: [error.description])
                }
            }
            let lines = IntakeImporter.reportLines(result, fileName: intake)
            if let report {
                try emit(lines.joined(separator: "\n") + "\n", to: report)
            } else if !quiet {
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
            try emit(result.xml, to: output)
        }
    }
}
