import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk state of a run in progress, which makes `--resume` exact.
///
/// Inputs are screened in fixed-size chunks, in order. Each finished chunk is written into
/// `OUT/.partial/` as four files — results, CSV rows, errors, and its summary partial last, each
/// atomically (temporary file, fsync, rename) — so a kill at any instant leaves a chunk whole (its
/// summary partial exists) or absent. `manifest.json` records what decides the outputs (inputs and
/// their fingerprint, shard, chunk size, ruleset, catalogue, guard list, language); a resume with
/// anything different is refused. At the end the chunks are concatenated in order into the final
/// files, each atomically, and `.partial` is removed. A resumed run therefore writes exactly the bytes
/// of an uninterrupted one.
public final class RunJournal {
    public static let outputNames = ["results.jsonl", "results.csv", "errors.jsonl", "summary.json", "summary.txt"]
    public let directory: String
    var partial: String { directory + "/.partial" }

    public enum State: Equatable {
        /// Nothing done yet.
        case fresh
        /// The first `chunks` chunks are done.
        case resuming(chunks: Int)
        /// The final outputs are in place.
        case complete
    }

    public init(directory: String) {
        self.directory = directory
    }

    /// Creates the output directory, or checks an existing one; with `resume`, reads how far a previous run got.
    public func prepare(manifest: String, resume: Bool) throws(BatchError) -> State {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .output("\(directory): exists and is not a directory") }
        } else {
            do { try files.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch { throw .output("\(directory): cannot create directory") }
        }
        guard access(directory, W_OK) == 0 else { throw .output("\(directory): not writable") }
        for leftover in ((try? files.contentsOfDirectory(atPath: directory)) ?? []) where leftover.hasPrefix(".partial-done") {
            try? files.removeItem(atPath: directory + "/" + leftover)
        }
        let hasPartial = files.fileExists(atPath: partial)
        let previous = Self.outputNames.filter { files.fileExists(atPath: directory + "/" + $0) }
        if !resume {
            if hasPartial || !previous.isEmpty {
                throw .output("\(directory): holds \(hasPartial ? "an interrupted run" : "the outputs of a previous run"); pass --resume to \(hasPartial ? "continue" : "keep") it, or choose another directory")
            }
            return try start(manifest)
        }
        if hasPartial {
            let recorded = (try? String(contentsOfFile: partial + "/manifest.json", encoding: .utf8)) ?? ""
            if recorded.isEmpty {
                // Killed before the manifest was in place: nothing was done.
                try? files.removeItem(atPath: partial)
                return try start(manifest)
            }
            guard recorded == manifest else { throw .usage("cannot resume in \(directory): \(Self.difference(recorded, manifest))") }
            return .resuming(chunks: cleanUp())
        }
        if previous.contains("summary.json") { return .complete }
        return try start(manifest)
    }

    private func start(_ manifest: String) throws(BatchError) -> State {
        do {
            try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
            try AtomicFile.write(manifest, to: partial + "/manifest.json")
        } catch {
            throw .output("\(partial): cannot create (\(error))")
        }
        return .fresh
    }

    /// The number of whole chunks from the first on; anything after them (a half-written chunk,
    /// temporary files) is removed.
    private func cleanUp() -> Int {
        let files = FileManager.default
        var done = 0
        while files.fileExists(atPath: chunkPath(done, "summary.json")) { done += 1 }
        for name in (try? files.contentsOfDirectory(atPath: partial)) ?? [] where name != "manifest.json" {
            let index = name.hasPrefix("chunk-") ? Int(name.dropFirst(6).prefix(8)) : nil
            if name.contains(".tmp-") || index == nil || index! >= done { try? files.removeItem(atPath: partial + "/" + name) }
        }
        return done
    }

    func chunkPath(_ index: Int, _ part: String) -> String {
        let number = String(index)
        return partial + "/chunk-" + String(repeating: "0", count: max(0, 8 - number.count)) + number + "." + part
    }

    /// Writes one finished chunk; its summary partial goes last and marks it done.
    func commit(chunk index: Int, results: [UInt8], csvRows: String, errors: String, summary: BatchSummary) throws(BatchError) {
        do {
            let file = try AtomicFile(path: chunkPath(index, "results.jsonl"))
            try file.write(bytes: results)
            try file.commit()
            try AtomicFile.write(csvRows, to: chunkPath(index, "results.csv"))
            try AtomicFile.write(errors, to: chunkPath(index, "errors.jsonl"))
            try AtomicFile.write(summary.json.serialized() + "\n", to: chunkPath(index, "summary.json"))
        } catch {
            throw .output(error.description)
        }
    }

    /// Concatenates `chunks` chunks into the final outputs, adds their summaries to `base`, writes the
    /// summary files, and removes `.partial`. Returns the run's summary.
    func finish(chunks: Int, csvHeader: String, base: BatchSummary) throws(BatchError) -> BatchSummary {
        var summary = base
        do {
            for index in 0..<chunks {
                let data = try Data(contentsOf: URL(fileURLWithPath: chunkPath(index, "summary.json")))
                try summary.merge(BatchSummary(json: data))
            }
        } catch {
            throw .output("\(partial): a chunk summary cannot be read (\(error)); remove the directory and run again")
        }
        do {
            for (name, part, header) in [("results.jsonl", "results.jsonl", ""), ("results.csv", "results.csv", csvHeader + "\n"), ("errors.jsonl", "errors.jsonl", "")] {
                let file = try AtomicFile(path: directory + "/" + name)
                try file.write(header)
                for index in 0..<chunks { try file.append(contentsOf: chunkPath(index, part)) }
                try file.commit()
            }
            try AtomicFile.write(summary.json.serialized(pretty: true) + "\n", to: directory + "/summary.json")
            try AtomicFile.write(SummaryText.render(summary), to: directory + "/summary.txt")
        } catch {
            throw .output(error.description)
        }
        // Rename first, so a kill during removal never leaves a .partial that looks resumable but is not.
        let done = directory + "/.partial-done-\(getpid())"
        if rename(partial, done) == 0 {
            AtomicFile.syncDirectory(of: partial)
            try? FileManager.default.removeItem(atPath: done)
        }
        return summary
    }

    /// Which manifest entries differ, for the refusal message.
    static func difference(_ recorded: String, _ current: String) -> String {
        let old = (try? JSONSerialization.jsonObject(with: Data(recorded.utf8))) as? [String: Any] ?? [:]
        let new = (try? JSONSerialization.jsonObject(with: Data(current.utf8))) as? [String: Any] ?? [:]
        let keys = Set(old.keys).union(new.keys).sorted().filter { key in
            "\(old[key].map { "\($0)" } ?? "")" != "\(new[key].map { "\($0)" } ?? "")"
        }
        let what = keys.isEmpty ? "the run's settings" : keys.joined(separator: ", ")
        return "the interrupted run was started with different \(what); resume with the same inputs and options, or use another output directory"
    }
}

/// A batch failure phrased for the user, with the exit status it maps to.
public enum BatchError: Error, Sendable, CustomStringConvertible {
    /// EX_USAGE, 64.
    case usage(String)
    /// EX_NOINPUT, 66.
    case input(String)
    /// EX_DATAERR, 65.
    case data(String)
    /// EX_CANTCREAT, 73.
    case output(String)

    public var description: String {
        switch self {
        case .usage(let message), .input(let message), .data(let message), .output(let message): message
        }
    }
}
