import ArgumentParser
import TotaalbeeldLoader

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Checks rulesets and dossiers (by root element) against their schema and lint rules."
    )

    @Argument(help: "Ruleset or dossier files.")
    var files: [String]

    @Option(help: "Ruleset that dossiers are checked against (default: the shipped akc-2011).")
    var ruleset: String?

    @Flag(help: "Print nothing for valid files.")
    var quiet = false

    func run() throws {
        try exitOnFailure {
            let schemas = try Resources.schemas()
            var worst: Failure?
            var cachedRuleset: Ruleset?
            for file in files {
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
}

import TotaalbeeldModel
import Foundation

func printError(_ line: String) {
    FileHandle.standardError.write(Data(("totaalbeeld: " + line + "\n").utf8))
}
