import Foundation
import TotaalbeeldTestSupport
import XCTest

/// The binary as installed: copied somewhere on PATH, run from a folder that has no Rulesets, it still
/// finds its ruleset, schemas, identifier list and templates (embedded at build time).
final class InstalledBinaryTests: XCTestCase {
    func testACopiedBinaryScreensBatchesAndRendersHTMLFromAnyFolder() throws {
        let scratch = temporaryDirectory()
        let bin = scratch.path + "/bin", work = scratch.path + "/work"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.executable, toPath: bin + "/totaalbeeld")
        try FileManager.default.copyItem(atPath: Fixtures.path("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"), toPath: work + "/in/case3.dossier.xml")
        // No TOTAALBEELD_HOME; HOME points into the scratch folder, so the embedded files land there.
        let environment = ["TOTAALBEELD_HOME": "", "HOME": scratch.path, "XDG_CACHE_HOME": "", "PATH": bin + ":/usr/bin:/bin"]
        let installed = bin + "/totaalbeeld"

        let screened = try CLI.run(["screen", "in/case3.dossier.xml", "--format", "json"], environment: environment, executable: installed, directory: work)
        XCTAssertEqual(screened.status, 0, screened.stderr)
        let reference = try CLI.run(["screen", "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml", "--format", "json"])
        XCTAssertEqual(screened.stdout, reference.stdout, "the embedded ruleset is the shipped one: same screening as in the repository")

        let html = try CLI.run(["screen", "in/case3.dossier.xml", "--format", "html", "-o", "case3.html"], environment: environment, executable: installed, directory: work)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(try String(contentsOfFile: work + "/case3.html", encoding: .utf8).contains("<html"))

        let batch = try CLI.run(["batch", "in", "--out", "out", "--anonymised", "--quiet"], environment: environment, executable: installed, directory: work)
        XCTAssertEqual(batch.status, 0, batch.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work + "/out/summary.json"))

        let cached = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/.cache/totaalbeeld")
        XCTAssertEqual(cached.filter { $0.hasPrefix("resources-") }.count, 1, "written once, reused by the later runs: \(cached)")
    }

    func testAnExplicitHomeStillWins() throws {
        let scratch = temporaryDirectory()
        let run = try CLI.run(["screen", Fixtures.path("Cases/eenvoudig/ww-heftruckchauffeur.dossier.xml")], environment: ["TOTAALBEELD_HOME": scratch.path, "HOME": scratch.path], directory: scratch.path)
        // An explicit TOTAALBEELD_HOME without Rulesets is passed over, and the build tree above the executable is found.
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}

/// `validate` takes thousands of files, directories and '-' (paths on standard input).
final class ValidateInputsTests: XCTestCase {
    func testDirectoriesAndStandardInput() throws {
        let fromDirectory = try CLI.run(["validate", "--quiet", "Cases"])
        XCTAssertEqual(fromDirectory.status, 0, fromDirectory.stderr)
        let listed = try CLI.run(["validate", "Cases/akc-focusgroep"])
        XCTAssertEqual(listed.stdout.split(separator: "\n").count, 7, listed.stdout)
        let fromStdin = try CLI.run(["validate", "-"], stdin: "Rulesets/akc-2011.xml\nCases/eenvoudig/ww-heftruckchauffeur.dossier.xml\n")
        XCTAssertEqual(fromStdin.stdout, "Rulesets/akc-2011.xml: valid ruleset\nCases/eenvoudig/ww-heftruckchauffeur.dossier.xml: valid dossier\n", fromStdin.stderr)
        XCTAssertEqual(try CLI.run(["validate"]).status, 64, "no files is a usage error")
    }

    /// Many arguments, options anywhere among them: every file is checked once, in order.
    func testThousandsOfArgumentsWithOptionsBetweenThem() throws {
        let files = (0..<3000).map { "Cases/missing-\($0).dossier.xml" }
        let run = try CLI.run(["validate"] + files.prefix(1500) + ["--ruleset", "Rulesets/akc-2011.xml"] + files.dropFirst(1500) + ["--", "--odd-name.xml"])
        XCTAssertEqual(run.status, 66)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 3001, "one line per missing file")
        XCTAssertTrue(lines[0].contains("missing-0.dossier.xml"))
        XCTAssertTrue(lines[2999].contains("missing-2999.dossier.xml"))
        XCTAssertTrue(lines[3000].contains("--odd-name.xml"), "after -- a name is a file, not an option")
    }
}
