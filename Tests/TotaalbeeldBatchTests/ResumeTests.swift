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

    private func runner(_ set: String, out: String, chunkSize: Int = 8, jobs: Int = 2, resume: Bool = false, stopAfter: Int? = nil) throws -> BatchRunner {
        let inputs = try InputSet(arguments: [set], suffix: ".dossier.xml")
        let screener = DossierScreener(ruleset: Fixtures.defaultRuleset, catalogue: nil, schemas: Fixtures.schemas, identifierGuard: nil, language: .nl)
        let identity = RunIdentity(ruleset: Fixtures.defaultRuleset, guardRules: nil, inputs: inputs.roots, suffix: ".dossier.xml", language: "nl")
        var options = BatchOptions(inputs: inputs, out: out, jobs: jobs, resume: resume, chunkSize: chunkSize)
        options.stopAfterChunks = stopAfter
        return BatchRunner(screener: screener, identity: identity, options: options)
    }

    private func chunkMarkers(_ out: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: out + "/.partial")) ?? []).filter { $0.hasPrefix("chunk-") && $0.hasSuffix(".json") }.count
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
}
