import Foundation
@testable import TotaalbeeldBatch
import TotaalbeeldDiff
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import GRDB
import XCTest

/// `totaalbeeld impact` (issue 17.4): a ruleset with one rule removed, on 2,000 generated dossiers, shows exactly that
/// rule's disappearance with the count `batch` gives for it and nothing else; a ruleset against itself shows nothing;
/// the run is journalled and resumable like `batch`, and its bytes do not depend on `--jobs`.
final class ImpactTests: XCTestCase {
    /// Writes `count` generated dossiers into `directory`/set (none broken unless asked).
    private static func population(in directory: String, count: Int, seed: UInt64, brokenShare: Double = 0) -> String {
        let target = directory + "/set"
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let generator = DossierGenerator(options: GeneratorOptions(seed: seed, brokenShare: brokenShare), indicatorCatalogue: IndicatorCatalogue(ruleset: Fixtures.defaultRuleset))
        for index in 0..<count {
            let dossier = generator.dossier(at: index)
            _ = FileManager.default.createFile(atPath: target + "/" + dossier.fileName, contents: Data(dossier.bytes))
        }
        return target
    }

    private func json(_ path: String) throws -> JSONValue { try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The rule that fires in most dossiers among those whose flags carry no trial-and-error uncertainty weight (so
    /// removing it cannot move a verdict): the shipped ruleset's data decides, not a name in this test.
    private func removableRule(_ summary: JSONValue) throws -> (rule: String, dossiers: Int, flags: Int) {
        let weights = Fixtures.defaultRuleset.trialAndError?.uncertainty ?? []
        let candidates = (summary["flags"]?.array ?? []).compactMap { entry -> (String, Int, Int)? in
            guard let rule = entry["rule"]?.string, let kind = entry["kind"]?.string, let dossiers = entry["dossiers"]?.int, let flags = entry["flags"]?.int,
                  !weights.contains(where: { $0.rule == rule || $0.kind == kind }) else { return nil }
            return (rule, dossiers, flags)
        }
        return try XCTUnwrap(candidates.max { ($0.1, $1.0) < ($1.1, $0.0) })
    }

    /// The shipped ruleset without `rule`, as a file in `directory`.
    private func rulesetWithout(_ rule: String, in directory: TemporaryDirectory) throws -> String {
        let text = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "    <rule id=\"\(rule)\""))
        let end = try XCTUnwrap(text.range(of: "</rule>\n", range: start.upperBound..<text.endIndex))
        var copy = text
        copy.removeSubrange(start.lowerBound..<end.upperBound)
        return directory.write("without-\(rule).xml", copy)
    }

    func testARemovedRuleDisappearsWithExactlyTheCountBatchGivesAndNothingElse() throws {
        let directory = temporaryDirectory()
        let set = Self.population(in: directory.path, count: 2000, seed: 2017)
        let batch = try CLI.run(["batch", set, "--out", directory.path + "/batch", "--quiet"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let summary = try json(directory.path + "/batch/summary.json")
        let removed = try removableRule(summary)
        XCTAssertGreaterThan(removed.dossiers, 50, "a rule that fires often enough to mean something")
        let without = try rulesetWithout(removed.rule, in: directory)

        let run = try CLI.run(["impact", "--old", "Rulesets/akc-2011.xml", "--new", without, set, "--out", directory.path + "/impact", "--quiet", "--db", directory.path + "/impact.sqlite"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let impact = try json(directory.path + "/impact/impact.json")
        XCTAssertEqual(impact["dossiers"]?["found"]?.int, 2000)
        XCTAssertEqual(impact["dossiers"]?["compared"]?.int, 2000)
        XCTAssertEqual(impact["dossiers"]?["changed"]?.int, removed.dossiers)
        let rules = try XCTUnwrap(impact["rules"]?.array)
        XCTAssertEqual(rules.compactMap { $0["rule"]?.string }, [removed.rule], "exactly that rule")
        XCTAssertEqual(rules[0]["before"]?.int, removed.flags)
        XCTAssertEqual(rules[0]["after"]?.int, 0)
        XCTAssertEqual(rules[0]["dossiersBefore"]?.int, removed.dossiers)
        XCTAssertEqual(rules[0]["dossiersAfter"]?.int, 0)
        XCTAssertEqual(rules[0]["disappeared"]?.int, removed.flags)
        XCTAssertEqual(rules[0]["appeared"]?.int, 0)
        XCTAssertEqual(rules[0]["examples"]?["disappeared"]?.array?.count, ImpactSummary.exampleLimit)
        XCTAssertEqual(rules[0]["examples"]?["appeared"]?.array?.count, 0)
        // Nothing else: no verdict, no level, no other rule.
        XCTAssertEqual(impact["verdicts"]?["changed"]?.int, 0)
        XCTAssertEqual(impact["verdicts"]?["before"], impact["verdicts"]?["after"])
        XCTAssertEqual(impact["levels"]?.array?.count, 0)
        for dossier in impact["mostChanged"]?.array ?? [] {
            XCTAssertEqual(dossier["appeared"]?.array?.count, 0)
            XCTAssertTrue(dossier["disappeared"]?.array?.allSatisfy { $0.string?.hasPrefix(removed.rule) ?? false } ?? false)
            XCTAssertTrue(dossier["verdict"]?.isNull ?? false)
        }
        // The store says the same: every flag of the rule was there before and not after.
        let flags = try sqlite(directory.path + "/impact.sqlite", "SELECT count(*), count(DISTINCT seq), sum(before), sum(after) FROM flags WHERE rule = '\(removed.rule)'")
        XCTAssertEqual(flags, "\(removed.flags)|\(removed.dossiers)|\(removed.flags)|0")
        XCTAssertEqual(try sqlite(directory.path + "/impact.sqlite", "SELECT count(*) FROM flags WHERE before <> after AND rule <> '\(removed.rule)'"), "0")
        XCTAssertEqual(try sqlite(directory.path + "/impact.sqlite", "SELECT count(*) FROM domains WHERE level_before IS NOT level_after"), "0")
        let text = try String(contentsOfFile: directory.path + "/impact/impact.txt", encoding: .utf8)
        XCTAssertTrue(text.contains("\(removed.rule) ("), text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path + "/impact/impact.html"))

        // Against itself: nothing.
        let same = try CLI.run(["impact", "--old", "Rulesets/akc-2011.xml", "--new", "Rulesets/akc-2011.xml", set, "--out", directory.path + "/same", "--quiet"])
        XCTAssertEqual(same.status, 0, same.stderr)
        let empty = try json(directory.path + "/same/impact.json")
        XCTAssertEqual(empty["empty"]?.bool, true)
        XCTAssertEqual(empty["dossiers"]?["changed"]?.int, 0)
        XCTAssertEqual(empty["rules"]?.array?.count, 0)
        XCTAssertEqual(empty["verdicts"]?["changed"]?.int, 0)
        XCTAssertEqual(empty["verdicts"]?["transitions"]?.array?.count, 0)
        XCTAssertEqual(empty["levels"]?.array?.count, 0)
        XCTAssertEqual(empty["mostChanged"]?.array?.count, 0)
        XCTAssertTrue(try String(contentsOfFile: directory.path + "/same/impact.txt", encoding: .utf8).contains("No impact"))
    }

    /// A killed run resumed, and runs with one or two workers, all end with the same bytes.
    func testImpactIsResumableAndIndependentOfJobs() throws {
        let directory = temporaryDirectory()
        let set = Self.population(in: directory.path, count: 120, seed: 5, brokenShare: 0.05)
        let schemas = Fixtures.schemas
        let old = Fixtures.defaultRuleset
        let new = try RulesetLoader.load(contentsOf: try rulesetWithout("verankering", in: directory), schemas: schemas)
        func runner(_ out: String, jobs: Int, resume: Bool, stopAfter: Int? = nil) throws -> ImpactRunner {
            let inputs = try InputSet(arguments: [set], suffix: ".dossier.xml")
            var options = BatchOptions(inputs: inputs, out: out, jobs: jobs, resume: resume, chunkSize: 16)
            options.stopAfterChunks = stopAfter
            let screener = ImpactScreener(old: old, new: new, oldCatalogue: nil, newCatalogue: nil, schemas: schemas, identifierGuard: nil, redactor: nil)
            return ImpactRunner(screener: screener, base: ImpactSummary(old: old, new: new, inputs: inputs.roots, suffix: ".dossier.xml", language: "nl"), options: options) { summary in
                [("impact.html", "<p>\(summary.changed)</p>\n")]
            }
        }
        let one = directory.path + "/one", two = directory.path + "/two", resumed = directory.path + "/resumed"
        let report = try runner(one, jobs: 1, resume: false).run()
        XCTAssertEqual(report.summary.found, 120)
        XCTAssertGreaterThan(report.summary.failed, 0, "broken dossiers go to errors.jsonl")
        _ = try runner(two, jobs: 2, resume: false).run()
        _ = try runner(resumed, jobs: 2, resume: false, stopAfter: 3).run()
        XCTAssertTrue(FileManager.default.fileExists(atPath: resumed + "/.partial"), "stopped like a kill")
        let again = try runner(resumed, jobs: 2, resume: true).run()
        XCTAssertEqual(again.resumedChunks, 3)
        for name in ImpactRunner.layout.outputNames {
            let reference = FileManager.default.contents(atPath: one + "/" + name)
            XCTAssertNotNil(reference, name)
            XCTAssertEqual(reference, FileManager.default.contents(atPath: two + "/" + name), "\(name): jobs 1 vs 2")
            XCTAssertEqual(reference, FileManager.default.contents(atPath: resumed + "/" + name), "\(name): resumed")
        }
        // A finished run resumed changes nothing; another ruleset is refused, naming it.
        XCTAssertTrue(try runner(one, jobs: 1, resume: true).run().alreadyComplete)
        let inputs = try InputSet(arguments: [set], suffix: ".dossier.xml")
        let other = ImpactRunner(
            screener: ImpactScreener(old: old, new: old, oldCatalogue: nil, newCatalogue: nil, schemas: schemas, identifierGuard: nil, redactor: nil),
            base: ImpactSummary(old: old, new: old, inputs: inputs.roots, suffix: ".dossier.xml", language: "nl"),
            options: BatchOptions(inputs: inputs, out: one, jobs: 1, resume: true, chunkSize: 16)
        )
        XCTAssertThrowsError(try other.run()) { error in
            XCTAssertTrue("\(error)".contains("new (--new, the ruleset after)"), "\(error)")
        }
        // A batch directory is not an impact directory.
        let batch = try CLI.run(["batch", set, "--out", directory.path + "/batch", "--quiet", "--keep-going"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let refused = try CLI.run(["impact", "--old", "Rulesets/akc-2011.xml", "--new", "Rulesets/akc-2011.xml", set, "--out", directory.path + "/batch", "--quiet"])
        XCTAssertEqual(refused.status, 73)
        XCTAssertTrue(refused.stderr.contains("holds the outputs of another kind of run"), refused.stderr)
        // Failures exit 65 unless --keep-going, as batch.
        let failing = try CLI.run(["impact", "--old", "Rulesets/akc-2011.xml", "--new", "Rulesets/akc-2011.xml", set, "--out", directory.path + "/failing", "--quiet"])
        XCTAssertEqual(failing.status, 65)
    }

    /// A dossier that names an indicator only the old ruleset defines is screenable before and not after: impact.
    func testADossierOnlyOneRulesetCanScreenIsPartOfTheImpact() throws {
        let directory = temporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        // A new ruleset that renamed an indicator (and every reference to it); the catalogue does not name it.
        let renamed = directory.write("renamed.xml", text.replacingOccurrences(of: "\"stabiele-woonsituatie\"", with: "\"woonsituatie-stabiel\""))
        let set = directory.path + "/set"
        try FileManager.default.createDirectory(atPath: set, withIntermediateDirectories: true)
        _ = directory.write("set/a.dossier.xml", dossierXML(id: "a", body: #"<findings><finding id="f-1" indicator="stabiele-woonsituatie" source="s-client">Woont stabiel.</finding></findings>"#))
        _ = directory.write("set/b.dossier.xml", dossierXML(id: "b", body: ""))
        let run = try CLI.run(["impact", "--old", "Rulesets/akc-2011.xml", "--new", renamed, set, "--out", directory.path + "/out", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let impact = try json(directory.path + "/out/impact.json")
        XCTAssertEqual(impact["dossiers"]?["unscreenableAfter"]?.int, 1)
        XCTAssertEqual(impact["dossiers"]?["compared"]?.int, 1)
        XCTAssertEqual(impact["dossiers"]?["changed"]?.int, 1)
        XCTAssertEqual(impact["mostChanged"]?[0]?["file"]?.string, set + "/a.dossier.xml")
        XCTAssertEqual(impact["mostChanged"]?[0]?["score"]?.int, 5)
        let reason = impact["mostChanged"]?[0]?["unscreenable"]?.string ?? ""
        XCTAssertTrue(reason.hasPrefix("after: 5:29: unknown indicator 'stabiele-woonsituatie'"), reason)
    }

    /// The first row of `query`, its values joined with "|".
    private func sqlite(_ database: String, _ query: String) throws -> String {
        try DatabaseQueue(path: database).read { db in
            guard let row = try Row.fetchOne(db, sql: query) else { return "" }
            return row.databaseValues.map { value -> String in
                switch value.storage {
                case .null: ""
                case .int64(let number): String(number)
                case .double(let number): String(number)
                case .string(let text): text
                case .blob(let data): "\(data.count) bytes"
                }
            }.joined(separator: "|")
        }
    }
}
