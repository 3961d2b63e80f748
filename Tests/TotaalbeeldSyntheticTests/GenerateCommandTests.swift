import Foundation
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// `totaalbeeld generate` as a user meets it: files identical to the library's, exit 73 rather than
/// writing into a directory that holds files, --force to replace them, a one-line summary on stderr.
final class GenerateCommandTests: XCTestCase {
    private let scratch = TemporaryDirectory()

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.executable) else {
            throw XCTSkip("the totaalbeeld executable is not built next to the tests")
        }
    }

    func testWritesTheLibrarysFilesAndSummarises() throws {
        let out = scratch.path + "/population"
        let run = try CLI.run(["generate", "--count", "30", "--seed", "8", "--out", out, "--broken-share", "0.1"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("totaalbeeld: generated 30 dossiers"), run.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(files.count, 30, "no temporary files left behind")
        let generator = DossierGenerator(options: GeneratorOptions(seed: 8, brokenShare: 0.1), indicatorCatalogue: SyntheticPopulation.catalogue)
        for index in [0, 7, 29] {
            let expected = generator.dossier(at: index)
            let written = try Data(contentsOf: URL(fileURLWithPath: out + "/" + expected.fileName))
            XCTAssertEqual([UInt8](written), expected.bytes, expected.fileName)
        }
    }

    func testRefusesANonEmptyDirectoryUnlessForced() throws {
        let out = scratch.path + "/busy"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let other = out + "/synth-000000.dossier.xml"
        _ = FileManager.default.createFile(atPath: other, contents: Data("someone else's file".utf8))
        let refused = try CLI.run(["generate", "--count", "3", "--seed", "1", "--out", out])
        XCTAssertEqual(refused.status, 73)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: other, encoding: .utf8), "someone else's file", "left untouched")
        let forced = try CLI.run(["generate", "--count", "3", "--seed", "1", "--out", out, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOfFile: other, encoding: .utf8).contains("<dossier"))
    }

    /// A smaller population over a larger one leaves exactly the smaller one (and other people's files).
    func testForceReplacesTheEarlierPopulationWhole() throws {
        let out = scratch.path + "/again"
        XCTAssertEqual(try CLI.run(["generate", "--count", "12", "--seed", "1", "--out", out]).status, 0)
        _ = FileManager.default.createFile(atPath: out + "/notes.txt", contents: Data("mine".utf8))
        let smaller = try CLI.run(["generate", "--count", "4", "--seed", "2", "--out", out, "--force"])
        XCTAssertEqual(smaller.status, 0, smaller.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(names.filter { $0.hasSuffix(".dossier.xml") }.count, 4, "\(names)")
        XCTAssertTrue(names.contains("notes.txt"), "files that are not synthetic dossiers stay")
    }

    func testBadArgumentsAreUsageErrors() throws {
        XCTAssertEqual(try CLI.run(["generate", "--count", "3", "--seed", "1", "--out", scratch.path + "/a", "--broken-share", "1.5"]).status, 64)
        XCTAssertEqual(try CLI.run(["generate", "--count", "-1", "--seed", "1", "--out", scratch.path + "/b"]).status, 64)
        XCTAssertEqual(try CLI.run(["generate", "--seed", "1", "--out", scratch.path + "/c"]).status, 64)
    }
}
