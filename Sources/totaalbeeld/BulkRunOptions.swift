import ArgumentParser
import Foundation
import TotaalbeeldBatch
import TotaalbeeldLoader
import TotaalbeeldModel

/// The options `batch` and `impact` share: how the set is walked, how many workers, resuming, the anonymisation
/// guard and the journal's chunks. Declared once so the two commands cannot drift apart.
struct BulkRunOptions: ParsableArguments {
    @Option(help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue an interrupted run in --out (or start one when there is none).")
    var resume = false

    @Flag(help: "Refuse dossiers that contain a direct identifier (BSN, e-mail, phone, postcode with house number, date of birth, name).")
    var anonymised = false

    @Option(help: "Identifier list for --anonymised (default: Rulesets/identifiers-nl.xml).")
    var identifiers: String?

    @Flag(help: "Exit 0 even when dossiers failed (they are still reported in errors.jsonl).")
    var keepGoing = false

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @Option(help: "Only files whose name ends in this are taken from directories.")
    var suffix: String = ".dossier.xml"

    @Option(help: ArgumentHelp("Dossiers per journal chunk (the most work a kill can lose).", visibility: .hidden))
    var chunkSize: Int = 256

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be 1 or more") }
        if identifiers != nil, !anonymised { throw ValidationError("--identifiers needs --anonymised") }
    }

    /// The identifier list as a guard (with --anonymised), or else the shipped list for redacting messages only.
    func identifierRules(schemas: SchemaSet) throws -> (guardRules: IdentifierRules?, redactionRules: IdentifierRules?) {
        if anonymised {
            let path = try identifiers ?? Resources.rulesetsFile(IdentifierRulesLoader.defaultFileName)
            return (try report { () throws(LoadError) in try IdentifierRulesLoader.load(contentsOf: path, schemas: schemas) }, nil)
        }
        // Without the guard the shipped list still takes identifiers out of error messages.
        guard let path = try? Resources.rulesetsFile(IdentifierRulesLoader.defaultFileName) else { return (nil, nil) }
        return (nil, try? IdentifierRulesLoader.load(contentsOf: path, schemas: schemas))
    }

    /// The dossiers named by `inputs`; a missing or unreadable input exits 66.
    func inputSet(_ inputs: [String]) throws -> InputSet {
        do throws(InputProblem) {
            return try InputSet(arguments: inputs, suffix: suffix)
        } catch {
            throw Failure(status: ExitStatus.noInput, lines: [error.description])
        }
    }
}

extension BulkRunOptions {
    /// The closing line on stderr (unless --quiet), then exit 65 when dossiers failed and --keep-going is not given.
    func finish(out: String, counts: String, failed: Int, alreadyComplete: Bool, resumedChunks: Int, seconds: Double) throws {
        var line = "\(out): \(counts)"
        if alreadyComplete {
            line += " (the run was already complete)"
        } else {
            if resumedChunks > 0 { line += " (resumed after \(resumedChunks) chunks)" }
            line += String(format: " in %.1f s", seconds)
        }
        if !quiet { printError(line) }
        if failed > 0 && !keepGoing {
            if !quiet { printError("\(out)/errors.jsonl lists what failed; pass --keep-going to exit 0 anyway") }
            throw ExitStatus.dataError
        }
    }

    /// A progress line on a terminal, unless --quiet.
    var showsProgress: Bool { !quiet && ProgressLine.standardErrorIsTerminal }
}
