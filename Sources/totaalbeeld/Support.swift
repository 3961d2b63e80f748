import ArgumentParser
import Foundation
import TotaalbeeldResources
import TotaalbeeldBatch
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldXML
import TotaalbeeldText

/// sysexits(3) codes, the convention batch users script against.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let software = ExitCode(70)
    static let cannotCreate = ExitCode(73)
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html, docx, odt

    /// Word and OpenDocument files are zip containers, not text.
    var isBinary: Bool { self == .docx || self == .odt }
}

/// Who a screening is written for: the professional (the screening; with docx/odt the text to paste into
/// the own report) or the client (a letter in plain language).
enum Audience: String, ExpressibleByArgument, CaseIterable {
    case professional, client
}

extension Language: ExpressibleByArgument {}

/// How a single report is presented and where it goes: shared by `screen` and `compare`.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text, markdown, json, html (one self-contained file), docx or odt (screen only: the Kernpunten, Overwegingen and open questions for the professional's own report, or the client letter).")
    var format: OutputFormat = .text

    @Option(help: "Report language: nl or en.")
    var lang: Language = .nl

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    /// Only `screen` writes DOCX and ODT; `command` (compare, diff) refuses them.
    func refuseDocuments(_ command: String) throws {
        if format.isBinary {
            throw ValidationError("docx and odt are written by 'screen'; \(command) writes text, markdown, json or html")
        }
    }
}

/// Finds the shipped `Rulesets/` and `Templates/` folders: $TOTAALBEELD_HOME, the working directory, the
/// folders above the executable (a build tree), and otherwise the copy embedded in the binary, written
/// once to the user's cache — so an installed `totaalbeeld` works from any folder.
enum Resources {
    static let defaultRulesetName = "akc-2011.xml"

    static func home() -> String? { located.home }

    /// Why no folder was found, for the error message.
    static var unavailable: String { located.problem ?? "" }

    private static let located: (home: String?, problem: String?) = {
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["TOTAALBEELD_HOME"] { candidates.append(home) }
        candidates.append(FileManager.default.currentDirectoryPath)
        // /proc/self/exe, not argv[0]: a binary called from PATH has no folder in argv[0].
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.path)
            directory.deleteLastPathComponent()
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/Rulesets/schema/dossier-1.xsd") }) {
            return (found, nil)
        }
        do {
            return (try ShippedFiles.materialize(), nil)
        } catch {
            return (nil, String(describing: error))
        }
    }()

    static func schemas() throws -> SchemaSet {
        guard let home = home() else {
            throw Failure(status: ExitStatus.noInput, lines: ["cannot find Rulesets/schema: \(unavailable)"])
        }
        return try report { () throws(LoadError) in try SchemaSet(directory: home + "/Rulesets/schema") }
    }

    static func rulesetPath(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        guard let home = home() else {
            throw Failure(status: ExitStatus.noInput, lines: ["cannot find the default ruleset (pass --ruleset or set TOTAALBEELD_HOME): \(unavailable)"])
        }
        return home + "/Rulesets/" + defaultRulesetName
    }

    static let defaultCatalogueName = "tracks-2026.xml"

    /// The track catalogue: an explicit path must exist; the shipped default is used when present.
    static func loadCatalogue(_ explicit: String?, ruleset: Ruleset, schemas: SchemaSet) throws -> TrackCatalogue? {
        let path: String
        if let explicit {
            path = explicit
        } else if let home = home(), FileManager.default.fileExists(atPath: home + "/Rulesets/" + defaultCatalogueName) {
            path = home + "/Rulesets/" + defaultCatalogueName
        } else {
            return nil
        }
        return try report { () throws(LoadError) in try TrackCatalogueLoader.load(contentsOf: path, ruleset: ruleset, schemas: schemas) }
    }

    /// The plain words of the client letter: an explicit path must exist; otherwise the shipped default.
    static func loadPlainLanguage(_ explicit: String?, ruleset: Ruleset, schemas: SchemaSet) throws -> PlainLanguage {
        let path: String
        if let explicit {
            path = explicit
        } else if let home = home() {
            path = home + "/Rulesets/" + PlainLanguageLoader.defaultFileName
        } else {
            throw Failure(status: ExitStatus.noInput, lines: ["cannot find Rulesets/\(PlainLanguageLoader.defaultFileName): \(unavailable)"])
        }
        return try report { () throws(LoadError) in try PlainLanguageLoader.load(contentsOf: path, ruleset: ruleset, schemas: schemas) }
    }

    /// The HTML report templates shipped in `Templates/html`.
    static func htmlTemplates() throws -> HTMLTemplates {
        guard let home = home() else {
            throw Failure(status: ExitStatus.noInput, lines: ["cannot find Templates/html: \(unavailable)"])
        }
        return try report { () throws(LoadError) in try HTMLTemplates(directory: home + "/Templates/html") }
    }

    static func loadRuleset(_ explicit: String?, schemas: SchemaSet) throws -> Ruleset {
        let path = try rulesetPath(explicit)
        return try report { () throws(LoadError) in try RulesetLoader.load(contentsOf: path, schemas: schemas) }
    }
}

/// A failure already phrased for the user: printed line by line to stderr, then the process exits with `status`.
struct Failure: Error {
    var status: ExitCode
    var lines: [String]
}

/// Reads a plain input file given on the command line (text to annotate, a CSV) through the same check as
/// every document: a FIFO, device or dangling link is refused before it is opened (exit 66), a file over
/// `limit` bytes too (exit 65).
func readInputFile(_ path: String, limit: Int) throws -> Data {
    do {
        return Data(try InputFile.contents(of: path, limit: limit))
    } catch {
        switch error {
        case .fileNotFound: throw Failure(status: ExitStatus.noInput, lines: ["\(path): no such file"])
        case .unreadable(_, let reason): throw Failure(status: ExitStatus.noInput, lines: ["\(path): cannot be read: \(reason)"])
        case .tooLarge(_, let bytes, let limit): throw Failure(status: ExitStatus.dataError, lines: ["\(path): file is \(bytes) bytes, more than the limit of \(limit)"])
        case .invalid(let problems): throw Failure(status: ExitStatus.dataError, lines: problems.map(\.description))
        }
    }
}

/// Runs a loader and turns its error into a `Failure` with the right exit code.
func report<T>(_ body: () throws(LoadError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        switch error {
        case .missingInput: throw Failure(status: ExitStatus.noInput, lines: [error.description])
        case .invalid(let problems): throw Failure(status: ExitStatus.dataError, lines: problems.map(\.description))
        }
    }
}

/// Prints the failure and exits; anything unexpected becomes EX_SOFTWARE, never a stack trace.
func exitOnFailure(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        for line in failure.lines { FileHandle.standardError.write(Data(("totaalbeeld: " + line + "\n").utf8)) }
        throw failure.status
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("totaalbeeld: internal error: \(type(of: error))\n".utf8))
        throw ExitStatus.software
    }
}

/// Writes output to stdout, or to a file atomically (temporary file + rename), so a reader never sees half a report.
func emit(_ text: String, to path: String?) throws {
    try emit(Data(text.utf8), to: path)
}

func emit(_ data: Data, to path: String?, binary: Bool = false) throws {
    guard let path else {
        if binary, isatty(FileHandle.standardOutput.fileDescriptor) != 0 {
            throw Failure(status: ExitStatus.usage, lines: ["a .docx or .odt file is not for a terminal: pass -o FILE"])
        }
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        let file = try AtomicFile(path: path)
        try file.write(bytes: data)
        try file.commit()
    } catch {
        // With the operating system's reason: "cannot write report.html: No space left on device".
        throw Failure(status: ExitStatus.cannotCreate, lines: [error.description])
    }
}

/// Starts loading the Dutch dictionary on a thread of its own, for commands that screen (nearly every
/// dossier has a compound to split): the load then overlaps reading the rulesets.
func preloadDictionary() { WordForms.shared.preloadDictionary() }

/// Waits until a preloaded dictionary has loaded: the process must never exit (on a refused input,
/// say) while that thread is still inside Hunspell.
func awaitDictionary() { _ = WordForms.shared.warning }

/// Prints, once per process, why Dutch inflections or compounds are not fully matched (no Hunspell
/// dictionary): the reading then differs from a full installation, and the user must know that.
func warnAboutMorphology(_ analyzer: NarrativeAnalyzer? = nil) {
    MorphologyNotice.once(analyzer?.morphologyWarning ?? WordForms.shared.warning)
}

private enum MorphologyNotice {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var printed = false

    static func once(_ warning: String?) {
        guard let warning else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !printed else { return }
        printed = true
        FileHandle.standardError.write(Data("totaalbeeld: warning: \(warning) (install hunspell-nl)\n".utf8))
    }
}
