import Foundation
@testable import TotaalbeeldBatch
import TotaalbeeldTestSupport
import XCTest

/// Nothing the walk meets is skipped in silence: every path that looks like a dossier, and every folder it
/// cannot read, is found and either screened or reported, and nothing that is not a regular file is opened.
final class InputWalkTests: XCTestCase {
    /// A dangling link, a FIFO, a link to a folder named like a dossier and a socket-free set of regular dossiers.
    private func setWithOddEntries(in scratch: TemporaryDirectory) throws -> String {
        let set = BatchFixtures.population(in: scratch.path, count: 6, brokenShare: 0)
        XCTAssertEqual(symlink(scratch.path + "/nowhere.dossier.xml", set + "/a/dangling.dossier.xml"), 0)
        XCTAssertEqual(mkfifo(set + "/a/pipe.dossier.xml", 0o644), 0)
        try FileManager.default.createDirectory(atPath: scratch.path + "/elsewhere", withIntermediateDirectories: true)
        XCTAssertEqual(symlink(scratch.path + "/elsewhere", set + "/b/linked-folder.dossier.xml"), 0)
        // Not named like a dossier: still not taken, and not reported.
        XCTAssertEqual(mkfifo(set + "/b/notes.fifo", 0o644), 0)
        return set
    }

    func testTheWalkYieldsOddEntriesWithTheirReason() throws {
        let scratch = makeScratchDirectory()
        let set = try setWithOddEntries(in: scratch)
        let items = Array(try InputSet(arguments: [set], suffix: ".dossier.xml"))
        XCTAssertEqual(items.count, 9, items.map(\.relative).joined(separator: " "))
        let odd = Dictionary(uniqueKeysWithValues: items.compactMap { item in item.problem.map { (item.relative, $0) } })
        XCTAssertEqual(Set(odd.keys), ["a/dangling.dossier.xml", "a/pipe.dossier.xml", "b/linked-folder.dossier.xml"])
        XCTAssertTrue(odd["a/pipe.dossier.xml"]?.contains("not a regular file") ?? false, "\(odd)")
        XCTAssertTrue(odd["a/dangling.dossier.xml"]?.contains("symbolic link") ?? false, "\(odd)")
        XCTAssertTrue(odd["b/linked-folder.dossier.xml"]?.contains("not a regular file") ?? false, "\(odd)")
        // Counted by the census, so a resume sees the same set.
        XCTAssertEqual(InputCensus(try InputSet(arguments: [set], suffix: ".dossier.xml"), shard: .whole).count, 9)
    }

    func testOddEntriesAndUnreadableFoldersAreFoundAndFailedNeverSkipped() throws {
        let scratch = makeScratchDirectory()
        let set = try setWithOddEntries(in: scratch)
        let closed = set + "/b/closed"
        try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: set + "/a/synth-000000.dossier.xml", toPath: closed + "/inside.dossier.xml")
        XCTAssertEqual(chmod(closed, 0), 0)
        addTeardownBlock { chmod(closed, 0o755) }
        // The run goes as an ordinary user, for whom the closed folder really is unreadable (root reads anything).
        if getuid() == 0 {
            var folder = URL(fileURLWithPath: scratch.path)
            while folder.path != "/" {
                var info = stat()
                if stat(folder.path, &info) == 0, info.st_mode & 0o001 == 0 {
                    throw XCTSkip("\(folder.path) is closed to other users (TMPDIR?), so the run cannot go as an ordinary user")
                }
                folder.deleteLastPathComponent()
            }
        }
        let parent = scratch.path + "/runs"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        let run = try CLI.run(["batch", set, "--out", parent + "/o", "--jobs", "2", "--quiet"], timeout: 120, unprivileged: true)
        XCTAssertEqual(run.status, 65, "failures without --keep-going: " + run.stderr)

        let summary = try BatchFixtures.summary(parent + "/o")
        let dossiers = try XCTUnwrap(summary["dossiers"] as? [String: Int])
        XCTAssertEqual(dossiers["found"], 10, "6 dossiers, a dangling link, a FIFO, a link to a folder, an unreadable folder")
        XCTAssertEqual(dossiers["screened"], 6)
        XCTAssertEqual(dossiers["failed"], 4)
        XCTAssertEqual((summary["failed"] as? [String: Int])?["unreadable"], 4)
        let errors = BatchFixtures.lines(parent + "/o/errors.jsonl").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        XCTAssertEqual(errors.compactMap { $0["file"] as? String }, [
            set + "/a/dangling.dossier.xml", set + "/a/pipe.dossier.xml", closed, set + "/b/linked-folder.dossier.xml",
        ], "in input order")
        for error in errors {
            XCTAssertEqual(error["kind"] as? String, "unreadable", "\(error)")
            XCTAssertFalse((error["message"] as? String ?? "").isEmpty, "\(error)")
        }
        XCTAssertTrue((errors[2]["message"] as? String ?? "").contains("cannot be read"), "\(errors[2])")
    }
}
