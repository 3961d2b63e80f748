import ArgumentParser
import Dispatch
import Foundation
import TotaalbeeldWorkbench

/// `totaalbeeld serve`: the local web workbench over one folder of dossiers.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Starts the local web workbench (Dutch) over a folder of dossiers: import, edit per theme, screening, weighing, intervision.",
        discussion: """
        Listens on 127.0.0.1 only, unless --host names another address (then anyone who can reach it can read and \
        change the dossiers: a warning is printed). No scripts, fonts or assets from elsewhere; nothing is sent anywhere. \
        The log names requests by route and status only, never dossier content.
        """
    )

    @Option(help: "The folder of dossiers (NAME.dossier.xml) and evaluations (NAME.evaluation.xml); default: the current folder.")
    var dir: String = "."

    @Option(help: "Port (0: any free port, printed at start).")
    var port: Int = 8016

    @Option(help: "Address to listen on (default 127.0.0.1, this computer only).")
    var host: String = "127.0.0.1"

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    func run() throws {
        try exitOnFailure {
            preloadDictionary()
            defer { awaitDictionary() }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Failure(status: ExitStatus.noInput, lines: ["\(dir): no such folder"])
            }
            guard (0...65535).contains(port) else { throw Failure(status: ExitStatus.usage, lines: ["--port \(port): use 0–65535"]) }
            let folder = URL(fileURLWithPath: dir).standardizedFileURL.resolvingSymlinksInPath().path
            let schemas = try Resources.schemas()
            let rules = try Resources.loadRuleset(ruleset, schemas: schemas)
            let catalogue = try Resources.loadCatalogue(nil, ruleset: rules, schemas: schemas)
            let templates = try Resources.htmlTemplates()
            if !Workbench.isLoopback(host) {
                FileHandle.standardError.write(Data("totaalbeeld: warning: listening on \(host), not only on this computer: anyone who can reach this address can read and change the dossiers in \(folder). There is no login.\n".utf8))
            }
            var configuration = Workbench.Configuration(folder: folder, host: host, port: port, ruleset: rules, schemas: schemas, templates: templates, catalogue: catalogue)
            configuration.today = ProcessInfo.processInfo.environment["TOTAALBEELD_TODAY"]
            let workbench = Workbench(configuration: configuration)
            let done = DispatchSemaphore(value: 0)
            let outcome = Outcome()
            let shownHost = host.contains(":") ? "[\(host)]" : host
            Task {
                do {
                    try await workbench.run { bound in
                        FileHandle.standardOutput.write(Data("Totaalbeeld werkbank: http://\(shownHost):\(bound)/ (map \(folder)); stop met Ctrl-C\n".utf8))
                    }
                } catch {
                    outcome.set("cannot serve on \(host):\(port): \(error)")
                }
                done.signal()
            }
            done.wait()
            if let problem = outcome.get() { throw Failure(status: ExitStatus.cannotCreate, lines: [problem]) }
        }
    }
}

/// The server task's failure, handed to the blocked main thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var problem: String?
    func set(_ text: String) { lock.lock(); problem = text; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return problem }
}
