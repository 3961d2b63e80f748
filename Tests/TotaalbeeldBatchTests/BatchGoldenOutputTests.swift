import Foundation
import TotaalbeeldTestSupport
import XCTest

/// `batch` outputs of a seeded generated set and the shipped cases, byte for byte: the guard for work on
/// throughput (issue 18), where every output must stay exactly what it was. A change in scoring, rules or wording
/// shows up here as a diff to review; regenerate deliberately with
/// `TOTAALBEELD_UPDATE_GOLDEN=1 swift test --filter BatchGoldenOutputTests`.
final class BatchGoldenOutputTests: XCTestCase {
    private static let goldenDirectory = Fixtures.path("Tests/TotaalbeeldBatchTests/Golden")
    /// What stands in the goldens for the scratch folder of the generated set (it differs on every run).
    private static let setPlaceholder = "GENERATED"

    func testOutputsOfASeededSetAndTheShippedCasesMatchTheirGoldenFiles() throws {
        let scratch = makeScratchDirectory()
        let set = scratch.path + "/set"
        // As `totaalbeeld generate` writes them, with a tenth broken so that errors.jsonl has lines too.
        let generated = try CLI.run(["generate", "--count", "40", "--seed", "2026", "--broken-share", "0.1", "--out", set])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let out = scratch.path + "/out"
        let run = try CLI.run(["batch", set, "Cases", "--out", out, "--jobs", "1", "--keep-going", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // No output records a time or duration; only the generated set's path varies between runs (it names the files
        // in every output and the inputs in the summaries).
        XCTAssertTrue(FileManager.default.contents(atPath: out + "/results.jsonl").map { String(decoding: $0, as: UTF8.self).contains(set) } ?? false)
        for name in ["results.jsonl", "results.csv", "errors.jsonl", "summary.json", "summary.txt"] {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: out + "/" + name), name)
            let text = try XCTUnwrap(String(data: bytes, encoding: .utf8), "\(name) is not UTF-8")
            try Golden.assertMatches(text.replacingOccurrences(of: set, with: Self.setPlaceholder), file: Self.goldenDirectory + "/" + name)
        }
    }
}
