import Foundation
import TotaalbeeldReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk state of a run in progress, which makes `--resume` exact.
///
/// Inputs are screened in fixed-size chunks, in order. `OUT/.partial/` holds the three line outputs as
/// append-only streams (`results.jsonl`, `results.csv` with its header, `errors.jsonl`). A finished chunk
/// is appended to them and synced; then its marker `chunk-NNNNNNNN.json` — the chunk's summary and the
/// length of each stream after it — is written atomically (temporary file, fsync, rename). A chunk
/// counts only once its marker is in place, so a kill at any instant leaves every chunk whole or absent:
/// on resume the streams are cut back to the lengths the last marker records. `manifest.json` records
/// what decides the outputs (inputs and their fingerprint, shard, chunk size, ruleset, catalogue, guard
/// list, language); a resume with anything different is refused.
///
/// At the end the streams are hard-linked into place under their final names (each appears whole, in
/// one rename, without copying), the summaries are added up and written, and `.partial` is removed.
/// A resumed run therefore writes exactly the bytes of an uninterrupted one.
public final class RunJournal {
    public static let outputNames = ["results.jsonl", "results.csv", "errors.jsonl", "summary.json", "summary.txt"]
    static let streams = ["results.jsonl", "results.csv", "errors.jsonl"]
    public let directory: String
    var partial: String { directory + "/.partial" }
    private var descriptors: [Int32] = []

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

    deinit {
        for descriptor in descriptors { close(descriptor) }
    }

    /// Creates the output directory, or checks an existing one; with `resume`, reads how far a previous
    /// run got and cuts its streams back to the last whole chunk. `csvHeader` starts a new CSV stream.
    public func prepare(manifest: String, csvHeader: String, resume: Bool) throws(BatchError) -> State {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .output("\(directory): exists and is not a directory") }
        } else {
            do { try files.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch { throw .output("\(directory): cannot create directory") }
        }
        guard access(directory, W_OK) == 0 else { throw .output("\(directory): not writable") }
        // What an earlier run killed while finishing may have left: a journal being removed, temporary names.
        for leftover in (try? files.contentsOfDirectory(atPath: directory)) ?? []
        where leftover.hasPrefix(".partial-done") || Self.outputNames.contains(where: { leftover.hasPrefix($0 + ".tmp-") }) {
            try? files.removeItem(atPath: directory + "/" + leftover)
        }
        let hasPartial = files.fileExists(atPath: partial)
        let previous = Self.outputNames.filter { files.fileExists(atPath: directory + "/" + $0) }
        if !resume {
            if hasPartial || !previous.isEmpty {
                throw .output("\(directory): holds \(hasPartial ? "an interrupted run" : "the outputs of a previous run"); pass --resume to \(hasPartial ? "continue" : "keep") it, or choose another directory")
            }
            return try start(manifest, csvHeader: csvHeader)
        }
        if hasPartial {
            let recorded = (try? String(contentsOfFile: partial + "/manifest.json", encoding: .utf8)) ?? ""
            if recorded.isEmpty {
                // Killed before the manifest was in place: nothing was done.
                try? files.removeItem(atPath: partial)
                return try start(manifest, csvHeader: csvHeader)
            }
            guard recorded == manifest else { throw .usage("cannot resume in \(directory): \(Self.difference(recorded, manifest))") }
            return .resuming(chunks: try cutBack(csvHeader: csvHeader))
        }
        if previous.contains("summary.json") { return .complete }
        return try start(manifest, csvHeader: csvHeader)
    }

    private func start(_ manifest: String, csvHeader: String) throws(BatchError) -> State {
        do {
            try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
            for stream in Self.streams {
                try AtomicFile.write(stream == "results.csv" ? csvHeader + "\n" : "", to: partial + "/" + stream)
            }
            // The manifest last: without it, a resume starts afresh.
            try AtomicFile.write(manifest, to: partial + "/manifest.json")
        } catch {
            throw .output("\(partial): cannot create (\(error))")
        }
        try openStreams()
        return .fresh
    }

    /// The number of whole chunks from the first on. Streams are cut back to the lengths the last of
    /// them records; later markers and temporary files are removed.
    private func cutBack(csvHeader: String) throws(BatchError) -> Int {
        let files = FileManager.default
        var done = 0
        var lengths = [0, csvHeader.utf8.count + 1, 0]
        while let data = files.contents(atPath: markerPath(done)) {
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let ends = object["ends"] as? [Int], ends.count == 3 else { break }
            lengths = ends
            done += 1
        }
        for name in (try? files.contentsOfDirectory(atPath: partial)) ?? [] {
            let index = name.hasPrefix("chunk-") ? Int(name.dropFirst(6).prefix(8)) : nil
            if name.contains(".tmp-") || (index.map { $0 >= done } ?? false) { try? files.removeItem(atPath: partial + "/" + name) }
        }
        for (stream, length) in zip(Self.streams, lengths) {
            var info = stat()
            guard stat(partial + "/" + stream, &info) == 0, Int(info.st_size) >= length, truncate(partial + "/" + stream, off_t(length)) == 0 else {
                throw .output("\(partial)/\(stream): shorter than its journal records; remove \(directory) and run again")
            }
        }
        try openStreams()
        return done
    }

    private func openStreams() throws(BatchError) {
        for stream in Self.streams {
            let descriptor = open(partial + "/" + stream, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard descriptor >= 0 else { throw .output("\(partial)/\(stream): cannot open") }
            descriptors.append(descriptor)
        }
    }

    func markerPath(_ index: Int) -> String {
        let number = String(index)
        return partial + "/chunk-" + String(repeating: "0", count: max(0, 8 - number.count)) + number + ".json"
    }

    /// Appends one finished chunk to the streams, syncs them, then writes its marker.
    func commit(chunk index: Int, results: [UInt8], csvRows: String, errors: String, summary: BatchSummary) throws(BatchError) {
        var ends: [Int] = []
        for (stream, (descriptor, bytes)) in zip(Self.streams, zip(descriptors, [results, Array(csvRows.utf8), Array(errors.utf8)])) {
            guard Self.writeAll(descriptor, bytes), fsync(descriptor) == 0 else { throw .output("\(partial)/\(stream): cannot write") }
            ends.append(Int(lseek(descriptor, 0, SEEK_END)))
        }
        let marker = JSONValue.object([("ends", .array(ends.map(JSONValue.integer))), ("summary", summary.json)])
        do {
            try AtomicFile.write(marker.serialized() + "\n", to: markerPath(index))
        } catch {
            throw .output(error.description)
        }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }

    /// Puts the streams in place under their final names, adds the `chunks` chunk summaries to `base`,
    /// writes the summary files and removes `.partial`. Returns the run's summary.
    func finish(chunks: Int, base: BatchSummary) throws(BatchError) -> BatchSummary {
        var summary = base
        do {
            for index in 0..<chunks {
                let data = try Data(contentsOf: URL(fileURLWithPath: markerPath(index)))
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let part = object["summary"] as? [String: Any] else {
                    throw SummaryFormatError("no summary")
                }
                try summary.merge(BatchSummary(object: part))
            }
        } catch {
            throw .output("\(partial): a chunk's journal entry cannot be read (\(error)); remove the directory and run again")
        }
        for descriptor in descriptors { close(descriptor) }
        descriptors = []
        for stream in Self.streams {
            // A second name for the stream, renamed over the final one: it appears whole, and the
            // journal keeps its own name until the end, should this be interrupted.
            let temporary = directory + "/" + stream + ".tmp-\(getpid())"
            unlink(temporary)
            guard link(partial + "/" + stream, temporary) == 0, rename(temporary, directory + "/" + stream) == 0 else {
                unlink(temporary)
                throw .output("\(directory)/\(stream): cannot put in place")
            }
        }
        AtomicFile.syncDirectory(of: directory + "/results.jsonl")
        do {
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
