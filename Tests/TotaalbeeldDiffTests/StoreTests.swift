import Foundation
import GRDB
import TotaalbeeldReport
import TotaalbeeldStore
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// The SQLite results store (issue 17.6): `batch --db` holds what results.jsonl, errors.jsonl and summary.json say —
/// queried here with SQL — and the same run gives the same bytes whatever `--jobs` is.
final class StoreTests: XCTestCase {
    private func population(in directory: TemporaryDirectory) throws -> String {
        let target = directory.path + "/set"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let generator = DossierGenerator(options: GeneratorOptions(seed: 31, brokenShare: 0.05), indicatorCatalogue: IndicatorCatalogue(ruleset: Fixtures.defaultRuleset))
        for index in 0..<150 {
            let dossier = generator.dossier(at: index)
            _ = FileManager.default.createFile(atPath: target + "/" + dossier.fileName, contents: Data(dossier.bytes))
        }
        // A shipped case whose assessment weighed one of its flags.
        let screening = try JSONValue(parsing: Data(try CLI.run(["screen", "Cases/akc-focusgroep/case1-ict-wens.dossier.xml", "--format", "json"]).stdout.utf8))
        let flag = try XCTUnwrap(screening["flags"]?.array?.first { $0["id"]?.string == "tunnelvisie" })
        let weighed = #"<weighedFlag rule="tunnelvisie" by="ad-1" date="2010-07-01" evidence="\#(flag["evidenceFingerprint"]?.string ?? "")">Besproken in de intervisie.</weighedFlag>"#
        let text = try String(contentsOfFile: Fixtures.path("Cases/akc-focusgroep/case1-ict-wens.dossier.xml"), encoding: .utf8)
        _ = directory.write("set/zz-case1-gewogen.dossier.xml", text.replacingOccurrences(of: "  </assessment>", with: "    " + weighed + "\n  </assessment>"))
        return target
    }

    private func rows(_ database: String, _ query: String) throws -> [[String]] {
        try DatabaseQueue(path: database).read { db in
            try Row.fetchAll(db, sql: query).map { row in
                row.databaseValues.map { value -> String in
                    switch value.storage {
                    case .null: "NULL"
                    case .int64(let number): String(number)
                    case .double(let number): JSONValue.number(number).serialized()
                    case .string(let text): text
                    case .blob(let data): "\(data.count) bytes"
                    }
                }
            }
        }
    }

    func testTheBatchStoreHoldsWhatTheOutputsSayAndIsTheSameWhateverTheJobs() throws {
        let directory = temporaryDirectory()
        let set = try population(in: directory)
        let one = try CLI.run(["batch", set, "--out", directory.path + "/one", "--jobs", "1", "--quiet", "--keep-going", "--db", directory.path + "/one.sqlite"])
        XCTAssertEqual(one.status, 0, one.stderr)
        let two = try CLI.run(["batch", set, "--out", directory.path + "/two", "--jobs", "2", "--quiet", "--keep-going", "--db", directory.path + "/two.sqlite"])
        XCTAssertEqual(two.status, 0, two.stderr)
        let database = directory.path + "/one.sqlite"
        XCTAssertEqual(FileManager.default.contents(atPath: database), FileManager.default.contents(atPath: directory.path + "/two.sqlite"), "byte for byte")
        XCTAssertFalse(FileManager.default.fileExists(atPath: database + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"))

        let results = ((try? String(contentsOfFile: directory.path + "/one/results.jsonl", encoding: .utf8)) ?? "").split(separator: "\n")
        let errors = ((try? String(contentsOfFile: directory.path + "/one/errors.jsonl", encoding: .utf8)) ?? "").split(separator: "\n")
        XCTAssertGreaterThan(errors.count, 0)
        XCTAssertEqual(try rows(database, "SELECT count(*) FROM dossiers"), [[String(results.count)]])
        XCTAssertEqual(try rows(database, "SELECT count(*) FROM errors"), [[String(errors.count)]])
        XCTAssertEqual(try rows(database, "PRAGMA user_version"), [["1"]])
        XCTAssertEqual(try rows(database, "SELECT value FROM run WHERE key = 'kind'"), [["batch"]])
        // Each dossier in results.jsonl order, with its file.
        let first = try JSONValue(parsing: Data(results[0].utf8))
        XCTAssertEqual(try rows(database, "SELECT file, dossier FROM dossiers WHERE seq = 1"), [[first["file"]?.string ?? "", first["dossier"]?["id"]?.string ?? ""]])

        // Flags per rule and support-need levels per domain: as summary.json counts them.
        let summary = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: directory.path + "/one/summary.json")))
        let perRule = Dictionary(uniqueKeysWithValues: try rows(database, "SELECT rule, count(*), count(DISTINCT seq) FROM flags GROUP BY rule").map { ($0[0], [$0[1], $0[2]]) })
        for entry in summary["flags"]?.array ?? [] where (entry["flags"]?.int ?? 0) > 0 {
            let rule = entry["rule"]?.string ?? ""
            XCTAssertEqual(perRule[rule], [String(entry["flags"]?.int ?? 0), String(entry["dossiers"]?.int ?? 0)], rule)
        }
        for domain in summary["domains"]?.array ?? [] {
            let code = domain["code"]?.string ?? ""
            for level in domain["supportNeedLevels"]?.array ?? [] {
                let counted = try rows(database, "SELECT count(*) FROM domains WHERE domain = '\(code)' AND level = '\(level["level"]?.string ?? "")'")
                XCTAssertEqual(counted, [[String(level["dossiers"]?.int ?? 0)]], "\(code) \(level["level"]?.string ?? "")")
            }
        }
        XCTAssertEqual(try rows(database, "SELECT count(*) FROM dossiers WHERE verdict = 'indicated'"), [[String(summary["trialAndError"]?["indicated"]?.int ?? -1)]])
        // The weighed flag, its evidence, and the tracks recommended.
        XCTAssertEqual(try rows(database, "SELECT f.weighed, f.weighed_by, f.weighed_reason FROM flags f JOIN dossiers d USING (seq) WHERE d.dossier = 'akc-casus1-ict-wens' AND f.rule = 'tunnelvisie'"),
                       [["weighed", "ad-1", "Besproken in de intervisie."]])
        XCTAssertEqual(try rows(database, "SELECT weighed_flags FROM dossiers WHERE dossier = 'akc-casus1-ict-wens'"), [["1"]])
        // Batch summaries count weighed flags per rule and list the reasons.
        let tunnel = try XCTUnwrap(summary["flags"]?.array?.first { $0["rule"]?.string == "tunnelvisie" })
        XCTAssertEqual(tunnel["weighed"]?.int, 1)
        XCTAssertEqual(tunnel["reweigh"]?.int, 0)
        XCTAssertEqual(tunnel["reasons"]?[0]?["reason"]?.string, "Besproken in de intervisie.")
        XCTAssertEqual(tunnel["reasons"]?[0]?["flags"]?.int, 1)
        let text = try String(contentsOfFile: directory.path + "/one/summary.txt", encoding: .utf8)
        XCTAssertTrue(text.contains("Weighed flags per rule"), text)
        XCTAssertTrue(text.contains("  tunnelvisie, reasons given:\n    1× Besproken in de intervisie."), text)
        XCTAssertGreaterThan(Int(try rows(database, "SELECT count(*) FROM evidence WHERE owner = 'flag'")[0][0]) ?? 0, 0)
        XCTAssertGreaterThan(Int(try rows(database, "SELECT count(*) FROM evidence WHERE owner = 'domain'")[0][0]) ?? 0, 0)
        let tracks = results.reduce(0) { total, line in total + ((try? JSONValue(parsing: Data(line.utf8)))?["trialAndError"]?["tracks"]?.array?.count ?? 0) }
        XCTAssertEqual(try rows(database, "SELECT count(*) FROM tracks"), [[String(tracks)]])
        XCTAssertEqual(try rows(database, "SELECT DISTINCT role FROM tracks ORDER BY role"), [["referral"], ["trial"]])

        // A database that cannot be written: exit 73 with the path and the reason; the outputs stay.
        let blocked = try CLI.run(["batch", set, "--out", directory.path + "/three", "--quiet", "--keep-going", "--db", directory.path + "/no-such-folder/x.sqlite"])
        XCTAssertEqual(blocked.status, 73)
        XCTAssertTrue(blocked.stderr.contains("cannot write the results store \(directory.path)/no-such-folder/x.sqlite"), blocked.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path + "/three/summary.json"))
    }
}
