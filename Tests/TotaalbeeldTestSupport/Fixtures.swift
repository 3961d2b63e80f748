import Foundation
import XCTest
import TotaalbeeldLoader
import TotaalbeeldModel

/// Paths and shared fixtures for tests, so test bodies state behaviour rather than set-up.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("repository root not found above \(#filePath)")
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    public static let schemas: SchemaSet = {
        do { return try SchemaSet(directory: path("Rulesets/schema")) } catch { fatalError("schemas: \(error)") }
    }()

    public static let defaultRuleset: Ruleset = {
        do { return try RulesetLoader.load(contentsOf: path("Rulesets/akc-2011.xml"), schemas: schemas) } catch { fatalError("default ruleset: \(error)") }
    }()

    public static func dossier(_ relative: String, ruleset: Ruleset = defaultRuleset) throws -> Dossier {
        try DossierLoader.load(contentsOf: path(relative), ruleset: ruleset, schemas: schemas)
    }

    /// A shipped intervision set: focus-group case `number`, its citable elements, and every
    /// `Cases/intervisie/caseN-*.evaluation.xml` in sorted order, loaded and checked as `compare` does.
    public static func intervisionSet(_ number: Int) throws -> (dossier: Dossier, citable: [String: CitableElement], evaluations: [Evaluation]) {
        guard let dossierPath = caseFiles.first(where: { $0.hasPrefix("Cases/akc-focusgroep/case\(number)-") }) else {
            throw LoadError.missingInput(path: "Cases/akc-focusgroep/case\(number)-*", reason: "no such case")
        }
        let (dossier, citable) = try DossierLoader.loadWithCitableElements(contentsOf: path(dossierPath), ruleset: defaultRuleset, schemas: schemas)
        let files = try FileManager.default.contentsOfDirectory(atPath: path("Cases/intervisie"))
            .filter { $0.hasPrefix("case\(number)-") && $0.hasSuffix(".evaluation.xml") }.sorted()
            .map { path("Cases/intervisie/" + $0) }
        let evaluations = try EvaluationLoader.loadAll(files, ruleset: defaultRuleset, dossier: (dossier.id, Set(citable.keys)), schemas: schemas)
        return (dossier, citable, evaluations)
    }

    /// Every shipped case, sorted, relative to the repository root.
    public static var caseFiles: [String] {
        let enumerator = FileManager.default.enumerator(atPath: path("Cases"))
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            if next.hasSuffix(".dossier.xml") { files.append("Cases/" + next) }
        }
        return files.sorted()
    }
}

/// A scratch directory, removed when the test run ends.
///
/// XCTest keeps every test-case instance alive until the whole run is over and never runs their
/// `deinit`, so a directory held by a test cannot clean up after itself: each one is registered with
/// ``TemporaryDirectoryJanitor``, which removes them all when the test bundle finishes. Inside a test
/// method, ``XCTestCase/temporaryDirectory()`` removes its directory as soon as that test ends. A run that is
/// killed or crashes never finishes: its directories carry its process id, and the next run removes them.
public final class TemporaryDirectory: Sendable {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + TemporaryDirectoryJanitor.prefix + "\(getpid())-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        TemporaryDirectoryJanitor.shared.register(path)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    deinit { remove() }

    /// Writes `contents` to `name` inside the directory and returns the full path.
    @discardableResult
    public func write(_ name: String, _ contents: String) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(contents.utf8))
        return file
    }
}

extension XCTestCase {
    /// A scratch directory removed when the current test ends.
    public func temporaryDirectory() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        addTeardownBlock { directory.remove() }
        return directory
    }
}

/// Removes every ``TemporaryDirectory`` of the run when the test bundle finishes, and on its first use the
/// directories left by earlier runs that were killed or crashed (their process is gone).
public final class TemporaryDirectoryJanitor: NSObject, XCTestObservation, @unchecked Sendable {
    /// The name of a run's directory: the prefix, the process id, a dash, a UUID.
    static let prefix = "totaalbeeld-test-pid"

    public static let shared: TemporaryDirectoryJanitor = {
        let janitor = TemporaryDirectoryJanitor()
        XCTestObservationCenter.shared.addTestObserver(janitor)
        removeAbandoned()
        return janitor
    }()

    /// Directories named `totaalbeeld-test-pidPID-…` whose process no longer runs; a run still going (another
    /// checkout's tests) keeps its own.
    public static func removeAbandoned() {
        let folder = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: folder + name) }
        }
    }

    private let lock = NSLock()
    private var paths: [String] = []

    func register(_ path: String) {
        lock.lock()
        paths.append(path)
        lock.unlock()
    }

    public func testBundleDidFinish(_ testBundle: Bundle) {
        lock.lock()
        let all = paths
        paths = []
        lock.unlock()
        for path in all { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Minimal valid dossier text with the given inner elements, for tests that vary one thing.
public func dossierXML(id: String = "test", date: String = "2010-06-15", client: String = #"<client ageBand="18-26" benefitRegime="wajong"/>"#, sources: String = #"<source id="s-client" kind="client" role="cliënt"/><source id="s-ad" kind="professional" role="arbeidsdeskundige"/>"#, body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <dossier xmlns="urn:totaalbeeld:dossier:1" id="\(id)" date="\(date)">
      \(client)
      <sources>\(sources)</sources>
    \(body)
    </dossier>
    """
}
