import Foundation
import TotaalbeeldBatch
import TotaalbeeldTestSupport
import XCTest

/// `totaalbeeld batch` and `merge` end to end: the same bytes whatever --jobs, shards merged equal one run,
/// every input accounted for, the exit codes batch users script against.
final class BatchCommandTests: XCTestCase {
    /// Removed by a teardown block: XCTest never runs the deinit of a stored helper.
    private var scratch: TemporaryDirectory!

    override func setUp() {
        super.setUp()
        scratch = makeScratchDirectory()
    }

    private func batch(_ arguments: [String]) throws -> CLIRun {
        try CLI.run(["batch"] + arguments + ["--quiet"])
    }

    func testOutputsAreIdenticalWhateverTheNumberOfJobs() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 100)
        for jobs in [1, 2, 4] {
            let run = try batch([set, "Cases", "--out", scratch.path + "/j\(jobs)", "--jobs", String(jobs), "--chunk-size", "16", "--keep-going"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        BatchFixtures.assertSameOutputs(scratch.path + "/j1", scratch.path + "/j2")
        BatchFixtures.assertSameOutputs(scratch.path + "/j1", scratch.path + "/j4")
        // Chunking is not visible either.
        XCTAssertEqual(try batch([set, "Cases", "--out", scratch.path + "/c", "--chunk-size", "1000", "--keep-going"]).status, 0)
        BatchFixtures.assertSameOutputs(scratch.path + "/j1", scratch.path + "/c")

        // One JSON line per screened dossier, in input order: Cases after the generated set, each directory sorted.
        let results = BatchFixtures.lines(scratch.path + "/j1/results.jsonl")
        let files = results.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            XCTAssertNotNil(object["domains"]); XCTAssertNotNil(object["flags"]); XCTAssertNotNil(object["trialAndError"])
            return object["file"] as? String
        }
        XCTAssertEqual(files.count, results.count, "every line is a JSON object with a file")
        XCTAssertEqual(files.first, set + "/a/synth-000000.dossier.xml")
        XCTAssertEqual(files.last, "Cases/intakes/ww-psycholoog-brief.dossier.xml")
        let csv = BatchFixtures.lines(scratch.path + "/j1/results.csv")
        XCTAssertEqual(csv.count, results.count + 1, "a header and one row per screened dossier")
        XCTAssertTrue(csv[0].hasPrefix("file,dossier,benefitRegime,ageBand,ziekte.burden"))
    }

    func testEveryInputIsAccountedForAndFailuresDecideTheExitCode() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 120, brokenShare: 0.2)
        let unreadable = scratch.write("set/b/zz-leeg.dossier.xml", "")
        _ = unreadable
        let run = try batch([set, "--out", scratch.path + "/o", "--jobs", "2"])
        XCTAssertEqual(run.status, 65, "broken dossiers without --keep-going: " + run.stderr)
        let summary = try BatchFixtures.summary(scratch.path + "/o")
        let dossiers = try XCTUnwrap(summary["dossiers"] as? [String: Int])
        XCTAssertEqual(dossiers["found"], 121)
        XCTAssertEqual(dossiers["found"], (dossiers["screened"] ?? -1) + (dossiers["failed"] ?? -1))
        XCTAssertGreaterThan(dossiers["failed"] ?? 0, 10)
        // Every failed file appears in errors.jsonl with a location and a kind; no screened file does.
        let errors = BatchFixtures.lines(scratch.path + "/o/errors.jsonl").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let failedFiles = Set(errors.compactMap { $0["file"] as? String })
        XCTAssertEqual(failedFiles.count, dossiers["failed"])
        for error in errors {
            XCTAssertEqual(Set(error.keys), ["file", "line", "column", "kind", "message"], "\(error)")
            XCTAssertEqual(error["kind"] as? String, "invalid")
            XCTAssertGreaterThan(error["line"] as? Int ?? 0, 0)
        }
        let screened = Set(BatchFixtures.lines(scratch.path + "/o/results.jsonl").compactMap(ShardMergeProbe.file))
        XCTAssertTrue(screened.isDisjoint(with: failedFiles))
        XCTAssertEqual(screened.count + failedFiles.count, 121)

        let kept = try batch([set, "--out", scratch.path + "/k", "--keep-going"])
        XCTAssertEqual(kept.status, 0, kept.stderr)
        BatchFixtures.assertSameOutputs(scratch.path + "/o", scratch.path + "/k")
    }

    func testUsageInputAndOutputErrors() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 5, brokenShare: 0)
        XCTAssertEqual(try batch([set, "--out", scratch.path + "/o", "--shard", "3/3"]).status, 64)
        XCTAssertEqual(try batch([set, "--out", scratch.path + "/o", "--jobs", "0"]).status, 64)
        XCTAssertEqual(try batch([scratch.path + "/nothing-here", "--out", scratch.path + "/o"]).status, 66)
        XCTAssertEqual(try batch([set, "--out", scratch.path + "/o"]).status, 0)
        // A directory holding a run is refused without --resume, not mixed.
        let again = try batch([set, "--out", scratch.path + "/o"])
        XCTAssertEqual(again.status, 73)
        XCTAssertTrue(again.stderr.contains("--resume"), again.stderr)
        // --resume of a finished run changes nothing.
        let before = BatchFixtures.outputs(scratch.path + "/o")
        XCTAssertEqual(try batch([set, "--out", scratch.path + "/o", "--resume"]).status, 0)
        XCTAssertEqual(BatchFixtures.outputs(scratch.path + "/o"), before)
        _ = scratch.write("file", "x")
        XCTAssertEqual(try batch([set, "--out", scratch.path + "/file"]).status, 73)
    }

    func testShardsMergedEqualOneRun() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 90, brokenShare: 0.1)
        XCTAssertEqual(try batch([set, "Cases", "--out", scratch.path + "/single", "--keep-going"]).status, 0)
        var shardDirectories: [String] = []
        var total = 0
        for index in 0..<3 {
            let directory = scratch.path + "/shard\(index)"
            XCTAssertEqual(try batch([set, "Cases", "--out", directory, "--shard", "\(index)/3", "--keep-going", "--jobs", "1"]).status, 0)
            let summary = try BatchFixtures.summary(directory)
            XCTAssertEqual(summary["shard"] as? String, "\(index)/3")
            let found = (summary["dossiers"] as? [String: Int])?["found"] ?? 0
            XCTAssertGreaterThan(found, 10, "each shard gets a share")
            total += found
            shardDirectories.append(directory)
        }
        let single = (try BatchFixtures.summary(scratch.path + "/single")["dossiers"] as? [String: Int])?["found"]
        XCTAssertGreaterThan(single ?? 0, 90, "the generated set and the shipped cases")
        XCTAssertEqual(total, single, "the shards split the set without overlap or loss")
        // Merged in any argument order.
        let merged = try CLI.run(["merge"] + shardDirectories.reversed() + ["--out", scratch.path + "/merged", "--keep-going"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        BatchFixtures.assertSameOutputs(scratch.path + "/single", scratch.path + "/merged")

        // An incomplete set, a shard twice, and shards of different runs are refused.
        XCTAssertEqual(try CLI.run(["merge", shardDirectories[0], shardDirectories[1], "--out", scratch.path + "/m2"]).status, 65)
        XCTAssertEqual(try CLI.run(["merge", shardDirectories[0], shardDirectories[0], shardDirectories[1], "--out", scratch.path + "/m3"]).status, 65)
        XCTAssertEqual(try batch([set, "--out", scratch.path + "/other", "--shard", "2/3", "--keep-going"]).status, 0)
        XCTAssertEqual(try CLI.run(["merge", shardDirectories[0], shardDirectories[1], scratch.path + "/other", "--out", scratch.path + "/m4"]).status, 65)
        XCTAssertEqual(try CLI.run(["merge", shardDirectories[0], shardDirectories[1], shardDirectories[2], "--out", scratch.path + "/merged"]).status, 73)
    }

    func testErrorMessagesNeverEchoValuesFromTheDossier() throws {
        // Invalid values that are identifiers: libxml2 and the loader would quote them in their messages.
        let bad = dossierXML(
            id: "d-123456782", client: #"<client ageBand="123456782" benefitRegime="wajong"/>"#,
            body: #"  <findings><finding id="f-1" indicator="jan.jansen@voorbeeld.nl" source="s-ad"/></findings>"#
        )
        try FileManager.default.createDirectory(atPath: scratch.path + "/in", withIntermediateDirectories: true)
        _ = scratch.write("in/bad.dossier.xml", bad)
        let run = try batch([scratch.path + "/in", "--out", scratch.path + "/o"])
        XCTAssertEqual(run.status, 65)
        let errors = try String(contentsOfFile: scratch.path + "/o/errors.jsonl", encoding: .utf8)
        XCTAssertFalse(errors.isEmpty)
        for value in ["123456782", "jansen@voorbeeld", "d-123456782"] {
            XCTAssertFalse(errors.contains(value), "\(value) echoed in \(errors)")
            XCTAssertFalse(run.stderr.contains(value), run.stderr)
        }
        XCTAssertTrue(errors.contains(#""kind":"invalid""#))
    }

    func testAnonymisedRunRefusesDossiersWithIdentifiersAndNamesOnlyTheKind() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 12, brokenShare: 0)
        let source = try String(contentsOfFile: set + "/a/synth-000000.dossier.xml", encoding: .utf8)
        let planted = source.replacingOccurrences(of: "</summary>", with: " Bereikbaar via 06-12345678, BSN 123456782.</summary>")
        XCTAssertNotEqual(planted, source)
        _ = scratch.write("set/a/synth-000000.dossier.xml", planted)
        let run = try batch([set, "--out", scratch.path + "/anon", "--anonymised"])
        XCTAssertEqual(run.status, 65, run.stderr)
        let errors = try String(contentsOfFile: scratch.path + "/anon/errors.jsonl", encoding: .utf8)
        XCTAssertFalse(errors.contains("12345678"), "never the value: \(errors)")
        let kinds = errors.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }.compactMap { $0["identifier"] as? String }
        XCTAssertEqual(Set(kinds), ["phone", "bsn"])
        let summary = try BatchFixtures.summary(scratch.path + "/anon")
        XCTAssertEqual((summary["dossiers"] as? [String: Int])?["screened"], 11)
        XCTAssertEqual((summary["identifiers"] as? [String: Int])?["phone"], 1)
        XCTAssertNotNil(summary["anonymisationGuard"] as? [String: Any])
        // Without the guard the same dossier is screened.
        XCTAssertEqual(try batch([set, "--out", scratch.path + "/plain"]).status, 0)
        XCTAssertEqual(try batch(["Cases", "--out", scratch.path + "/cases", "--anonymised"]).status, 0, "the shipped cases pass the guard")
    }
}

enum ShardMergeProbe {
    static func file(_ line: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
    }
}
