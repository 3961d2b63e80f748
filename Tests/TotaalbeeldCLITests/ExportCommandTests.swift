import Foundation
import TotaalbeeldTestSupport
import XCTest

/// `totaalbeeld export`: a dossier as a Markdown intake, written atomically, that `import` reads back into a valid dossier.
final class ExportCommandTests: XCTestCase {
    func testExportWritesAnIntakeThatImportReadsBack() throws {
        let directory = temporaryDirectory()
        let markdown = directory.path + "/wia.md"
        let exported = try CLI.run(["export", "Cases/eenvoudig/wia-chauffeur-planner.dossier.xml", "-o", markdown])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        XCTAssertEqual(exported.stdout, "")
        let text = try String(contentsOfFile: markdown, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\ndossier: eenvoudig-wia-chauffeur-planner\n"), text)
        XCTAssertTrue(text.contains("\n## Reden van arbeidsongeschiktheid\n"))
        XCTAssertTrue(text.contains("Gedeeld met cliënt: ja"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["wia.md"], "no temporary file left behind")

        let dossier = directory.path + "/wia.dossier.xml"
        let imported = try CLI.run(["import", markdown, "-o", dossier, "--quiet"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let validated = try CLI.run(["validate", dossier])
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)

        // Without -o the intake goes to standard output.
        let stdout = try CLI.run(["export", "Cases/eenvoudig/wia-chauffeur-planner.dossier.xml"])
        XCTAssertEqual(stdout.stdout, text)
    }

    func testExportOfAMissingDossierFailsWithoutOutput() throws {
        let directory = temporaryDirectory()
        let run = try CLI.run(["export", directory.path + "/missing.dossier.xml", "-o", directory.path + "/x.md"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path + "/x.md"))
    }
}
