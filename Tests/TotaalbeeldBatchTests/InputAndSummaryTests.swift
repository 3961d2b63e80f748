import Foundation
@testable import TotaalbeeldBatch
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// Input order, sharding, summaries that add up, and the line format merge relies on.
final class InputAndSummaryTests: XCTestCase {
    /// Removed by a teardown block: XCTest never runs the deinit of a stored helper.
    private var scratch: TemporaryDirectory!

    override func setUp() {
        super.setUp()
        scratch = makeScratchDirectory()
    }

    func testInputsAreWalkedDepthFirstInByteOrder() throws {
        for name in ["b/2.dossier.xml", "b/10.dossier.xml", "a-b/x.dossier.xml", "a/z.dossier.xml", "a/sub/y.dossier.xml", "B.dossier.xml", "a/notes.txt", ".hidden/h.dossier.xml"] {
            let path = scratch.path + "/in/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        }
        let extra = scratch.write("extra.dossier.xml", "")
        let inputs = try InputSet(arguments: [extra, scratch.path + "/in/", scratch.path + "/in/a"], suffix: ".dossier.xml")
        let items = Array(inputs)
        XCTAssertEqual(items.map(\.relative), ["", "B.dossier.xml", "a/sub/y.dossier.xml", "a/z.dossier.xml", "a-b/x.dossier.xml", "b/10.dossier.xml", "b/2.dossier.xml"])
        XCTAssertEqual(items.first?.path, extra)
        XCTAssertEqual(items.map(\.root), [0, 1, 1, 1, 1, 1, 1], "files under an overlapping root are taken once")
        // The recovered order of written paths agrees with enumeration.
        for (earlier, later) in zip(items, items.dropFirst()) {
            let a = InputOrder.item(forFile: earlier.path, roots: inputs.roots), b = InputOrder.item(forFile: later.path, roots: inputs.roots)
            XCTAssertTrue(a.precedes(b), "\(earlier.path) before \(later.path)")
            XCTAssertFalse(b.precedes(a))
        }
        XCTAssertThrowsError(try InputSet(arguments: [scratch.path + "/missing"], suffix: ".xml"))
    }

    func testShardsPartitionTheInputsByAStableHash() throws {
        BatchFixtures.population(in: scratch.path, count: 200, brokenShare: 0)
        let inputs = try InputSet(arguments: [scratch.path + "/set"], suffix: ".dossier.xml")
        let all = Array(inputs)
        let shards = (0..<4).map { index in all.filter { ShardSpec(index: index, count: 4).contains($0) } }
        XCTAssertEqual(shards.map(\.count).reduce(0, +), all.count)
        XCTAssertEqual(Set(shards.flatMap { $0.map(\.path) }).count, all.count)
        for shard in shards { XCTAssertGreaterThan(shard.count, 30, "roughly even") }
        // The key is the path below the root: the same file under another root lands in the same shard.
        let item = InputItem(path: "/elsewhere/b/synth-000001.dossier.xml", root: 0, relative: "b/synth-000001.dossier.xml")
        let same = all.first { $0.relative == item.relative }!
        XCTAssertEqual((0..<4).map { ShardSpec(index: $0, count: 4).contains(item) }, (0..<4).map { ShardSpec(index: $0, count: 4).contains(same) })
        XCTAssertEqual(FNV1a.hash("a"), 0xaf63_dc4c_8601_ec8c, "FNV-1a 64 reference value")
        XCTAssertNil(ShardSpec(parsing: "4/4"))
        XCTAssertNil(ShardSpec(parsing: "-1/4"))
        XCTAssertEqual(ShardSpec(parsing: "3/4"), ShardSpec(index: 3, count: 4))
    }

    func testSummaryRoundTripsAndAddsUp() throws {
        BatchFixtures.population(in: scratch.path, count: 40, brokenShare: 0.1)
        let inputs = try InputSet(arguments: [scratch.path + "/set"], suffix: ".dossier.xml")
        let screener = DossierScreener(ruleset: Fixtures.defaultRuleset, catalogue: nil, schemas: Fixtures.schemas, identifierGuard: nil, language: .nl)
        let identity = RunIdentity(ruleset: Fixtures.defaultRuleset, guardRules: nil, inputs: inputs.roots, suffix: ".dossier.xml", language: "nl")
        var whole = BatchSummary(identity: identity, ruleset: Fixtures.defaultRuleset)
        var halves = [whole, whole]
        for (index, item) in inputs.enumerated() {
            switch screener.screen(item) {
            case .screened(let screened):
                whole.add(screened.tally)
                halves[index % 2].add(screened.tally)
            case .failed(let failed):
                whole.add(failed)
                halves[index % 2].add(failed)
            }
        }
        XCTAssertEqual(whole.found, 40)
        var merged = halves[1]
        try merged.merge(halves[0])
        XCTAssertEqual(merged.json.serialized(), whole.json.serialized(), "merging in any order gives the same summary")
        let text = whole.json.serialized(pretty: true)
        let reread = try BatchSummary(json: Data(text.utf8))
        XCTAssertEqual(reread.json.serialized(pretty: true), text)
        XCTAssertEqual(SummaryText.render(reread), SummaryText.render(whole))
        // Distributions are exact: the mean of the support need equals the mean of the dossiers' values.
        let ziekte = whole.domains.first { $0.code == "ziekte" }!
        XCTAssertEqual(ziekte.supportNeed.count, whole.screened)
    }

    func testJSONLinesEscapeExactlyWhatJSONRequires() {
        let value = JSONValue.object([("file", .string("a\"b\\c\nd\r\te\u{1}é€")), ("n", .number(1.23456))])
        XCTAssertEqual(value.serialized(), #"{"file":"a\"b\\c\nd\r\te\u0001é€","n":1.2346}"#)
        XCTAssertEqual(value.serializedUTF8(), Array(value.serialized().utf8))
        let decoded = try? JSONSerialization.jsonObject(with: Data(value.serializedUTF8())) as? [String: Any]
        XCTAssertEqual(decoded?["file"] as? String, "a\"b\\c\nd\r\te\u{1}é€")
    }

    func testLeadingFileIsDecodedFromResultLines() {
        XCTAssertEqual(ShardMerge.leadingFile(#"{"file":"a/b \"c\" \u00e9.xml","x":1}"#), "a/b \"c\" é.xml")
        XCTAssertNil(ShardMerge.leadingFile(#"{"x":1}"#))
    }
}
