import ArgumentParser
import Foundation
import TotaalbeeldBatch
import TotaalbeeldLoader

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Checks rulesets and dossiers (by root element) against their schema and lint rules.",
        discussion: """
        A directory is walked depth first for *.xml files (entries sorted, hidden ones skipped); '-' reads
        one path per line from standard input. Thousands of file arguments are fine: they are taken off the
        command line before option parsing, which would otherwise take time quadratic in their number.
        """
    )

    @Argument(help: "Ruleset, dossier, catalogue or evaluation files, directories, or '-' for paths on standard input.")
    var files: [String] = []

    @Option(help: "Ruleset that dossiers are checked against (default: the shipped akc-2011).")
    var ruleset: String?

    @Flag(help: "Print nothing for valid files.")
    var quiet = false

    /// File arguments lifted off the command line by ``liftFileArguments(_:)``.
    nonisolated(unsafe) static var lifted: [String] = []

    /// Takes the positional arguments of `validate` off `arguments`, leaving the options for the parser.
    /// Only `--ruleset` takes a value; after `--` everything is a file.
    static func liftFileArguments(_ arguments: [String]) -> [String] {
        guard arguments.first == "validate" else { return arguments }
        var kept = ["validate"], files: [String] = []
        var index = 1, optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                files.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else {
                kept.append(argument)
                if argument == "--ruleset", index + 1 < arguments.count {
                    kept.append(arguments[index + 1])
                    index += 1
                }
            }
            index += 1
        }
        lifted = files
        return kept
    }

    func run() throws {
        try exitOnFailure {
            let paths = try expand(files + Self.lifted)
            guard !paths.isEmpty else { throw Failure(status: ExitStatus.usage, lines: ["validate: no files given (name files, directories, or '-' to read paths from standard input)"]) }
            let schemas = try Resources.schemas()
            var worst: Failure?
            var cachedRuleset: Ruleset?
            for file in paths {
                do {
                    let kind = try report { () throws(LoadError) in
                        try DocumentValidator.validate(file, schemas: schemas) { () throws(LoadError) in
                            if let cachedRuleset { return cachedRuleset }
                            let path: String
                            do { path = try Resources.rulesetPath(ruleset) } catch { throw LoadError.missingInput(path: "Rulesets/akc-2011.xml", reason: "default ruleset not found") }
                            let loaded = try RulesetLoader.load(contentsOf: path, schemas: schemas)
                            cachedRuleset = loaded
                            return loaded
                        }
                    }
                    if !quiet { print("\(file): valid \(kind.rawValue)") }
                } catch let failure as Failure {
                    for line in failure.lines { printError(line) }
                    // Missing input outranks bad data: the caller must fix the command line first.
                    if worst == nil || failure.status == ExitStatus.noInput { worst = Failure(status: failure.status, lines: []) }
                }
            }
            if let worst { throw worst }
        }
    }

    /// Files as given, directories walked for *.xml, '-' replaced by the paths on standard input.
    private func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            if argument == "-" {
                while let line = readLine(strippingNewline: true) {
                    if !line.isEmpty { paths.append(line) }
                }
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                do {
                    paths += try InputSet(arguments: [argument], suffix: ".xml").map(\.path)
                } catch {
                    throw Failure(status: ExitStatus.noInput, lines: [error.description])
                }
            } else {
                paths.append(argument)
            }
        }
        return paths
    }
}

import TotaalbeeldModel

func printError(_ line: String) {
    FileHandle.standardError.write(Data(("totaalbeeld: " + line + "\n").utf8))
}
