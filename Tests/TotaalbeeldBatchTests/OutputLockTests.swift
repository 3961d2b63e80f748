import Foundation
@testable import TotaalbeeldBatch
import TotaalbeeldTestSupport
import XCTest

/// One process at a time writes an output directory: a second `batch` (with or without `--resume`) or
/// `merge --out` on a directory in use is refused with exit 73 and the pid of the holder, and the live
/// run ends exactly as if it had been alone. A lock left by a dead process is taken over.
final class OutputLockTests: XCTestCase {
    private var scratch: TemporaryDirectory!

    override func setUp() {
        super.setUp()
        scratch = makeScratchDirectory()
    }

    private func markers(_ out: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: out + "/.partial")) ?? []).filter { $0.hasPrefix("chunk-") && $0.hasSuffix(".json") }.count
    }

    private func entries(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    func testASecondProcessOnALiveRunIsRefusedAndTheLiveRunEndsIdentical() throws {
        // Enough dossiers that the live run outlasts two start-ups of a second process on a loaded machine (160 did not).
        let set = BatchFixtures.population(in: scratch.path, count: 600, brokenShare: 0.05)
        let arguments = ["batch", set, "--chunk-size", "4", "--jobs", "1", "--keep-going", "--quiet"]
        let reference = try CLI.run(arguments + ["--out", scratch.path + "/reference"], timeout: 300)
        XCTAssertEqual(reference.status, 0, reference.stderr)

        let out = scratch.path + "/live"
        let live = Process()
        live.executableURL = URL(fileURLWithPath: CLI.executable)
        live.arguments = arguments + ["--out", out]
        live.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        live.standardError = FileHandle.nullDevice
        try live.run()
        let deadline = Date().addingTimeInterval(120)
        while markers(out) < 2, live.isRunning, Date() < deadline { usleep(5_000) }
        XCTAssertTrue(live.isRunning, "the run finished before a second process could try; raise the count")

        for extra in [["--resume"], []] {
            let second = try CLI.run(arguments + ["--out", out] + extra, timeout: 120)
            XCTAssertEqual(second.status, 73, "\(extra): \(second.stderr)")
            XCTAssertTrue(second.stderr.contains("in use by pid \(live.processIdentifier)"), second.stderr)
        }

        live.waitUntilExit()
        XCTAssertEqual(live.terminationStatus, 0)
        BatchFixtures.assertSameOutputs(scratch.path + "/reference", out)
        let outputs = Set(RunJournal.outputNames)
        XCTAssertEqual(entries(out).filter { !outputs.contains($0) && $0 != RunJournal.manifestName }, [], "only the outputs and the run's manifest stay")
    }

    func testALockLeftByADeadProcessIsTakenOver() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 10, brokenShare: 0)
        let out = scratch.path + "/o"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // What a killed run leaves: the lock file with its pid, but no lock (the kernel drops flock locks of a dead process).
        try "999999\n".write(toFile: out + "/" + DirectoryLock.fileName, atomically: false, encoding: .utf8)
        let run = try CLI.run(["batch", set, "--out", out, "--quiet"], timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/" + DirectoryLock.fileName), "released at the end")
        XCTAssertEqual(BatchFixtures.lines(out + "/results.jsonl").count, 10)
    }

    func testMergeAndFreshRunsTakeTheLockToo() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 10, brokenShare: 0)
        for index in 0..<2 {
            XCTAssertEqual(try CLI.run(["batch", set, "--out", scratch.path + "/s\(index)", "--shard", "\(index)/2", "--quiet"], timeout: 120).status, 0)
        }
        let out = scratch.path + "/held"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let held = try DirectoryLock.acquire(out)
        for arguments in [["merge", scratch.path + "/s0", scratch.path + "/s1", "--out", out], ["batch", set, "--out", out, "--quiet"], ["batch", set, "--out", out, "--resume", "--quiet"]] {
            let run = try CLI.run(arguments, timeout: 120)
            XCTAssertEqual(run.status, 73, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("in use by pid \(getpid())"), run.stderr)
            XCTAssertEqual(entries(out), [DirectoryLock.fileName], "nothing written beside the holder")
        }
        held.release()
        let merged = try CLI.run(["merge", scratch.path + "/s0", scratch.path + "/s1", "--out", out], timeout: 120)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(entries(out), RunJournal.outputNames.sorted(), "the lock is gone once the merge is done")
    }
}
