import Foundation
@testable import TotaalbeeldBatch
import TotaalbeeldTestSupport
import XCTest

/// A run killed at any moment and resumed ends with exactly the outputs of an uninterrupted run.
final class ResumeTests: XCTestCase {
    /// Removed by a teardown block: XCTest never runs the deinit of a stored helper.
    private var scratch: TemporaryDirectory!

    override func setUp() {
        super.setUp()
        scratch = makeScratchDirectory()
    }

    private func runner(_ set: String, out: String, chunkSize: Int = 8, chunkBytes: Int? = nil, jobs: Int = 2, resume: Bool = false, stopAfter: Int? = nil) throws -> BatchRunner {
        let inputs = try InputSet(arguments: [set], suffix: ".dossier.xml")
        let screener = DossierScreener(ruleset: Fixtures.defaultRuleset, catalogue: nil, schemas: Fixtures.schemas, identifierGuard: nil, language: .nl)
        let identity = RunIdentity(ruleset: Fixtures.defaultRuleset, guardRules: nil, inputs: inputs.roots, suffix: ".dossier.xml", language: "nl")
        var options = BatchOptions(inputs: inputs, out: out, jobs: jobs, resume: resume, chunkSize: chunkSize)
        options.stopAfterChunks = stopAfter
        if let chunkBytes { options.chunkBytes = chunkBytes }
        return BatchRunner(screener: screener, identity: identity, options: options)
    }

    private func chunkMarkers(_ out: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: out + "/.partial")) ?? []).filter { $0.hasPrefix("chunk-") && $0.hasSuffix(".json") }.count
    }

    /// Chunks are bounded by bytes as well as by count, so large dossiers are never held 256 at a time;
    /// a resume skips as many inputs as the finished chunks took, whatever their sizes.
    func testChunksBoundedByBytesResumeAtTheRightInput() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 40, brokenShare: 0.1)
        let reference = scratch.path + "/reference"
        _ = try runner(set, out: reference, chunkSize: 256).run()
        let sizes = try FileManager.default.contentsOfDirectory(atPath: set).compactMap { try FileManager.default.attributesOfItem(atPath: set + "/" + $0)[.size] as? Int }
        // About three dossiers per chunk: chunks of uneven counts.
        let budget = 3 * (sizes.reduce(0, +) / sizes.count)
        let out = scratch.path + "/bytes"
        _ = try runner(set, out: out, chunkSize: 256, chunkBytes: budget, stopAfter: 4).run()
        XCTAssertEqual(chunkMarkers(out), 4)
        let resumed = try runner(set, out: out, chunkSize: 256, chunkBytes: budget, resume: true).run()
        XCTAssertEqual(resumed.resumedChunks, 4)
        XCTAssertEqual(resumed.summary.found, 40)
        for file in ["results.jsonl", "results.csv", "errors.jsonl", "summary.json", "summary.txt"] {
            XCTAssertEqual(FileManager.default.contents(atPath: out + "/" + file), FileManager.default.contents(atPath: reference + "/" + file), file)
        }
    }

    func testJournalResumesFromEveryKindOfInterruption() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 60, brokenShare: 0.1)
        let reference = scratch.path + "/reference"
        let full = try runner(set, out: reference).run()
        XCTAssertEqual(full.summary.found, 60)

        // Stopped at a chunk boundary: three whole chunks, no final outputs.
        let out = scratch.path + "/interrupted"
        _ = try runner(set, out: out, stopAfter: 3).run()
        XCTAssertEqual(chunkMarkers(out), 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/summary.json"))
        // A kill inside chunk 3: part of it appended to the streams, its marker not written; a stray temporary file.
        for stream in ["results.jsonl", "errors.jsonl", "results.csv"] {
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: out + "/.partial/" + stream))
            handle.seekToEndOfFile()
            handle.write(Data("{\"file\":\"half".utf8))
            try handle.close()
        }
        try "junk".write(toFile: out + "/.partial/chunk-00000003.json.tmp-999", atomically: false, encoding: .utf8)

        // Resuming with other settings is refused with the reason.
        XCTAssertThrowsError(try runner(set, out: out, chunkSize: 9, resume: true).run()) { error in
            guard case BatchError.usage(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("chunkSize"), message)
            // Only what really differs: not the ruleset, the inputs or anything else that is the same.
            for unchanged in ["ruleset", "inputs", "inputFingerprint", "inputCount", "anonymisationGuard", "shard", "language", "redaction", "catalogue"] {
                XCTAssertFalse(message.contains(unchanged), "\(unchanged) is the same, yet named: \(message)")
            }
        }
        // Without --resume the directory is not touched.
        XCTAssertThrowsError(try runner(set, out: out).run())

        // Resumed, then stopped again after every chunk but before the final outputs.
        let second = try runner(set, out: out, resume: true, stopAfter: 100).run()
        XCTAssertEqual(second.resumedChunks, 3)
        XCTAssertEqual(chunkMarkers(out), 8)
        // As if killed during the final assembly: one final file already renamed into place.
        try FileManager.default.copyItem(atPath: reference + "/results.csv", toPath: out + "/results.csv")

        let last = try runner(set, out: out, jobs: 1, resume: true).run()
        XCTAssertEqual(last.resumedChunks, 8)
        BatchFixtures.assertSameOutputs(reference, out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/.partial"), "the journal is removed at the end")
    }

    func testKilledProcessResumesToIdenticalOutputs() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 200, brokenShare: 0.05)
        let arguments = ["batch", set, "Cases", "--chunk-size", "8", "--jobs", "2", "--keep-going", "--quiet"]
        let reference = try CLI.run(arguments + ["--out", scratch.path + "/reference"])
        XCTAssertEqual(reference.status, 0, reference.stderr)

        let out = scratch.path + "/killed"
        for (attempt, markers) in [3, 10].enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.executable)
            process.arguments = arguments + ["--out", out] + (attempt > 0 ? ["--resume"] : [])
            process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while chunkMarkers(out) < markers, process.isRunning, Date() < deadline { usleep(5_000) }
            XCTAssertTrue(process.isRunning, "the run finished before it could be killed; raise the count")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/summary.json"))
        }
        let resumed = try CLI.run(arguments + ["--out", out, "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        BatchFixtures.assertSameOutputs(scratch.path + "/reference", out)
    }

    func testTheRefusalNamesOnlyTheManifestEntriesThatDiffer() {
        let recorded = """
        {"formatVersion": 1, "ruleset": {"id": "akc-2011", "version": "1.0.0", "checksum": "sha256:c536"}, "anonymisationGuard": null,
         "inputs": ["/data/set", "Cases"], "suffix": ".dossier.xml", "language": "nl", "shard": null, "chunkSize": 256, "inputCount": 1000,
         "inputFingerprint": "9f3a", "catalogue": "77ab", "redaction": "sha256:11aa"}
        """
        // The same values written in another order and layout are the same manifest.
        let reordered = """
        {"ruleset": {"checksum": "sha256:c536", "version": "1.0.0", "id": "akc-2011"}, "formatVersion": 1, "anonymisationGuard": null,
         "inputs": ["/data/set", "Cases"], "language": "nl", "suffix": ".dossier.xml", "shard": null, "chunkSize": 256, "inputCount": 1000,
         "inputFingerprint": "9f3a", "catalogue": "77ab", "redaction": "sha256:11aa"}
        """
        XCTAssertEqual(RunJournal.differingEntries(recorded, reordered), [])
        let guarded = reordered.replacingOccurrences(of: #""anonymisationGuard": null"#, with: #""anonymisationGuard": {"id": "nl", "version": "1.0.0", "checksum": "sha256:99"}"#)
        XCTAssertEqual(RunJournal.differingEntries(recorded, guarded), ["anonymisationGuard"])
        // Another shard changes the census too; that follows from the shard and is not named separately.
        let shard = reordered.replacingOccurrences(of: #""shard": null"#, with: #""shard": "1/2""#)
            .replacingOccurrences(of: #""inputCount": 1000"#, with: #""inputCount": 498"#).replacingOccurrences(of: "9f3a", with: "0c1d")
        XCTAssertEqual(RunJournal.differingEntries(recorded, shard), ["shard"])
        // Changed files alone: named as such.
        XCTAssertEqual(RunJournal.differingEntries(recorded, reordered.replacingOccurrences(of: "9f3a", with: "0c1d")), ["inputFingerprint"])
        // A finished run ignores the chunk size, which does not change the outputs.
        let chunks = reordered.replacingOccurrences(of: #""chunkSize": 256"#, with: #""chunkSize": 8"#)
        XCTAssertEqual(RunJournal.differingEntries(recorded, chunks), ["chunkSize"])
        XCTAssertEqual(RunJournal.differingEntries(recorded, chunks, ignoring: ["chunkSize"]), [])
    }

    // MARK: Resuming a finished run

    private func batch(_ arguments: [String]) throws -> CLIRun {
        try CLI.run(["batch"] + arguments + ["--quiet"], timeout: 300)
    }

    func testResumeOfAFinishedRunWithOtherInputsOrOptionsIsRefusedNamingWhatDiffers() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 20, brokenShare: 0)
        let out = scratch.path + "/finished"
        XCTAssertEqual(try batch([set, "--out", out, "--chunk-size", "8"]).status, 0)
        let before = BatchFixtures.outputs(out)
        // The same run again: nothing to do, also with another chunk size (it does not change the outputs).
        XCTAssertEqual(try batch([set, "--out", out, "--resume"]).status, 0)
        XCTAssertEqual(try batch([set, "--out", out, "--resume", "--chunk-size", "3"]).status, 0)

        var otherRuleset = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        otherRuleset += "<!-- a changed copy -->\n"
        let rulesetCopy = scratch.write("akc-copy.xml", otherRuleset)
        let shardOut = scratch.path + "/half"
        XCTAssertEqual(try batch([set, "--out", shardOut, "--shard", "0/2"]).status, 0)
        let shardBefore = BatchFixtures.outputs(shardOut)

        let cases: [(arguments: [String], directory: String, differs: String)] = [
            ([set, "--out", out, "--resume", "--ruleset", rulesetCopy], out, "ruleset"),
            ([set, "--out", out, "--resume", "--anonymised"], out, "anonymisationGuard"),
            ([set, "--out", out, "--resume", "--lang", "en"], out, "language"),
            ([set, "--out", shardOut, "--resume", "--shard", "1/2"], shardOut, "shard"),
            ([set, "--out", out, "--resume", "--shard", "1/2"], out, "shard"),
        ]
        let names = ["ruleset", "anonymisationGuard", "language", "shard", "inputs", "inputFingerprint", "inputCount", "suffix", "chunkSize", "catalogue", "redaction"]
        for (arguments, directory, differs) in cases {
            let run = try batch(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(differs), "\(arguments): \(run.stderr)")
            for name in names where name != differs {
                XCTAssertFalse(run.stderr.contains(name), "\(name) is the same, yet named for \(arguments): \(run.stderr)")
            }
        }
        XCTAssertEqual(BatchFixtures.outputs(out), before, "a refused resume keeps the outputs")
        XCTAssertEqual(BatchFixtures.outputs(shardOut), shardBefore)

        // Finished by the previous version, which kept no manifest: what summary.json records is compared.
        try FileManager.default.removeItem(atPath: out + "/" + RunJournal.manifestName)
        XCTAssertEqual(try batch([set, "--out", out, "--resume"]).status, 0)
        let older = try batch([set, "--out", out, "--resume", "--anonymised"])
        XCTAssertEqual(older.status, 64, older.stderr)
        XCTAssertTrue(older.stderr.contains("anonymisationGuard"), older.stderr)
        XCTAssertFalse(older.stderr.contains("ruleset"), older.stderr)
        XCTAssertEqual(BatchFixtures.outputs(out), before)

        // A changed input file (its size or modification time) is a different input set.
        let touched = out + "-again"
        XCTAssertEqual(try batch([set, "--out", touched, "--chunk-size", "8"]).status, 0)
        let file = set + "/a/synth-000000.dossier.xml"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: file)
        let changed = try batch([set, "--out", touched, "--resume"])
        XCTAssertEqual(changed.status, 64, changed.stderr)
        XCTAssertTrue(changed.stderr.contains("inputFingerprint"), changed.stderr)
        XCTAssertFalse(changed.stderr.contains("ruleset"), changed.stderr)
    }

    // MARK: Temporary files

    private func leftovers(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".tmp-") }.sorted()
    }

    func testAResumeAfterAKilledFinishLeavesNoTemporaryFiles() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 30, brokenShare: 0.1)
        let reference = scratch.path + "/reference"
        _ = try runner(set, out: reference).run()

        // Every chunk journalled, then killed in the final write: two streams already linked into place under
        // their final names (the same files as the journal's), a temporary link of the third, a summary's temporary file.
        let out = scratch.path + "/killed-in-finish"
        _ = try runner(set, out: out, stopAfter: 100).run()
        XCTAssertEqual(link(out + "/.partial/results.jsonl", out + "/results.jsonl"), 0)
        XCTAssertEqual(link(out + "/.partial/results.csv", out + "/results.csv"), 0)
        XCTAssertEqual(link(out + "/.partial/errors.jsonl", out + "/errors.jsonl.tmp-424242"), 0)
        try "{".write(toFile: out + "/summary.json.tmp-424242", atomically: false, encoding: .utf8)

        _ = try runner(set, out: out, resume: true).run()
        XCTAssertEqual(leftovers(out), [], "a finished directory holds no temporary files")
        BatchFixtures.assertSameOutputs(reference, out)

        // A finished directory with leftovers (of an older version, or a copy): a resume removes them at once.
        XCTAssertEqual(link(out + "/results.jsonl", out + "/results.jsonl.tmp-424242"), 0)
        let again = try runner(set, out: out, resume: true).run()
        XCTAssertTrue(again.alreadyComplete)
        XCTAssertEqual(leftovers(out), [])
        BatchFixtures.assertSameOutputs(reference, out)
    }

    /// Disk full, on a small tmpfs (needs root and mount; skipped otherwise): the run fails with the OS's reason,
    /// leaves no temporary file, and a resume once there is space again ends with the outputs of an uninterrupted run.
    func testDiskFullFailsWithTheReasonLeavesNoTemporaryFilesAndResumes() throws {
        let set = BatchFixtures.population(in: scratch.path, count: 40, brokenShare: 0.1)
        let reference = scratch.path + "/reference"
        _ = try runner(set, out: reference).run()
        let disk = try SmallDisk(in: scratch, test: self, megabytes: 8)
        let out = disk.path + "/out"

        // Full while the journal is written.
        let filler = disk.fill(leaving: 6 * 1024)
        XCTAssertThrowsError(try runner(set, out: out).run()) { error in
            guard case BatchError.output(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("No space left on device"), message)
        }
        XCTAssertEqual(leftovers(out), [])
        XCTAssertEqual(leftovers(out + "/.partial"), [])
        unlink(filler)

        // Full at the summary step: every chunk journalled, then the disk fills up.
        _ = try runner(set, out: out, resume: true, stopAfter: 100).run()
        let second = disk.fill(leaving: 0)
        XCTAssertThrowsError(try runner(set, out: out, resume: true).run()) { error in
            guard case BatchError.output(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("No space left on device"), message)
            XCTAssertTrue(message.contains("cannot write"), message)
        }
        XCTAssertEqual(leftovers(out), [], "no temporary file after a failed finish")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/summary.json"))
        unlink(second)

        let resumed = try runner(set, out: out, resume: true).run()
        XCTAssertFalse(resumed.alreadyComplete)
        XCTAssertEqual(leftovers(out), [])
        BatchFixtures.assertSameOutputs(reference, out)
    }

    /// `screen -o` on a full disk: exit 73 with the operating system's reason, and no temporary file beside the target.
    func testReportOutputOnAFullDiskNamesTheReason() throws {
        let disk = try SmallDisk(in: scratch, test: self, megabytes: 1)
        let filler = disk.fill(leaving: 0)
        defer { unlink(filler) }
        let run = try CLI.run(["screen", "Cases/akc-focusgroep/case1-ict-wens.dossier.xml", "--format", "html", "-o", disk.path + "/report.html"], timeout: 120)
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot write \(disk.path)/report.html: No space left on device"), run.stderr)
        XCTAssertEqual(leftovers(disk.path), [])
    }
}

/// A tmpfs of a few megabytes mounted inside a scratch directory for one test and unmounted after it.
struct SmallDisk {
    let path: String

    init(in scratch: TemporaryDirectory, test: XCTestCase, megabytes: Int) throws {
        path = scratch.path + "/disk"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") || FileManager.default.isExecutableFile(atPath: "/usr/bin/mount") else {
            throw XCTSkip("a small file system needs root and mount")
        }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/sh")
        mount.arguments = ["-c", "mount -t tmpfs -o size=\(megabytes)m tmpfs \"$0\" 2>/dev/null", path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("mount -t tmpfs is not permitted here") }
        let path = self.path
        test.addTeardownBlock {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/sh")
            umount.arguments = ["-c", "umount \"$0\"", path]
            try? umount.run()
            umount.waitUntilExit()
        }
    }

    /// Fills the disk with one file until at most `leaving` bytes are free; returns the file.
    func fill(leaving: Int) -> String {
        let file = path + "/filler-\(UUID().uuidString)"
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        var info = statvfs()
        let block = [UInt8](repeating: 0x20, count: 4096)
        while statvfs(path, &info) == 0, Int(info.f_bavail) * Int(info.f_frsize) > leaving {
            let n = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
        }
        return file
    }
}
