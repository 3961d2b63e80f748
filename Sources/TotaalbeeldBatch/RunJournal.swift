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
/// one rename, without copying), the summaries are added up and written, the manifest is kept as
/// ``manifestName``, every temporary name is gone, and only then is `.partial` removed — the step that
/// marks the run finished. A resumed run therefore writes exactly the bytes of an uninterrupted one, and a
/// finished directory never holds a temporary file.
///
/// The whole time, the process holds the directory's ``DirectoryLock``: a second process is refused
/// before it reads or removes anything. With the lock taken, leftovers of a killed or failed process
/// (temporary names, a half-removed journal) are removed first.
/// The outputs of a journalled run: line streams appended chunk by chunk, and files written once at the end from the
/// chunks' summaries (the first of them marks a finished run).
public struct JournalLayout: Sendable, Equatable {
    public var streams: [String]
    public var summaries: [String]
    public init(streams: [String], summaries: [String]) {
        self.streams = streams
        self.summaries = summaries
    }

    public var outputNames: [String] { streams + summaries }

    /// `totaalbeeld batch`.
    public static let batch = JournalLayout(streams: ["results.jsonl", "results.csv", "errors.jsonl"], summaries: ["summary.json", "summary.txt"])
}

public final class RunJournal {
    /// The outputs of a `batch` run.
    public static let outputNames = JournalLayout.batch.outputNames
    /// The manifest of a finished run, kept (hidden, not an output) so that `--resume` can refuse a finished
    /// run of other inputs or options as it refuses an interrupted one.
    public static let manifestName = ".totaalbeeld-manifest.json"
    public let directory: String
    /// Which outputs the run writes: the streams appended chunk by chunk, and the files written at the end.
    public let layout: JournalLayout
    var streams: [String] { layout.streams }
    var partial: String { directory + "/.partial" }
    private var descriptors: [Int32] = []
    private var lock: DirectoryLock?

    public enum State: Equatable {
        /// Nothing done yet.
        case fresh
        /// The first `chunks` chunks are done, holding the first `items` inputs (chunks vary in size: they
        /// are bounded by count and by bytes).
        case resuming(chunks: Int, items: Int)
        /// The final outputs are in place, of a run with the same inputs and options; `manifest` is nil when the
        /// run was finished by a version that did not keep it (then the caller compares what summary.json records).
        case complete(manifest: String?)
    }

    public init(directory: String, layout: JournalLayout = .batch) {
        self.directory = directory
        self.layout = layout
    }

    deinit { close() }

    /// Closes the streams and releases the directory's lock (also when the run failed).
    public func close() {
        for descriptor in descriptors { closeDescriptor(descriptor) }
        descriptors = []
        lock?.release()
        lock = nil
    }

    /// Creates `directory` when missing and checks it is a writable directory.
    static func createDirectory(_ directory: String) throws(BatchError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .output("\(directory): exists and is not a directory") }
        } else {
            do { try files.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw .output("\(directory): cannot create directory (\(Self.reason(of: error)))")
            }
        }
        guard access(directory, W_OK) == 0 else { throw .output("\(directory): not writable") }
    }

    private static func reason(of error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }

    /// Removes what a killed or failed process may have left in `directory`: temporary names of the outputs
    /// and the manifest, and a journal that was being removed. Only under the directory's lock.
    static func removeLeftovers(in directory: String, outputs: [String] = outputNames) {
        let files = FileManager.default
        let finals = outputs + [manifestName]
        for leftover in (try? files.contentsOfDirectory(atPath: directory)) ?? []
        where leftover.hasPrefix(".partial-done") || finals.contains(where: { leftover.hasPrefix($0 + ".tmp-") }) {
            try? files.removeItem(atPath: directory + "/" + leftover)
        }
    }

    /// Creates the output directory, or checks an existing one, and takes its lock; removes leftovers of an
    /// earlier process; with `resume`, reads how far a previous run got and cuts its streams back to the last
    /// whole chunk. A previous run with another manifest is refused (usage error), whether it was interrupted
    /// or finished; a finished run's chunk size does not count, as it does not change the outputs.
    /// `csvHeader` starts a new CSV stream (the batch layout).
    public func prepare(manifest: String, csvHeader: String, resume: Bool) throws(BatchError) -> State {
        try prepare(manifest: manifest, headers: streams.map { $0 == "results.csv" ? csvHeader + "\n" : "" }, resume: resume)
    }

    /// As ``prepare(manifest:csvHeader:resume:)``, for any layout: `headers` holds what each stream starts with.
    public func prepare(manifest: String, headers: [String], resume: Bool) throws(BatchError) -> State {
        let files = FileManager.default
        try Self.createDirectory(directory)
        lock = try DirectoryLock.acquire(directory)
        Self.removeLeftovers(in: directory, outputs: layout.outputNames)
        let hasPartial = files.fileExists(atPath: partial)
        let previous = layout.outputNames.filter { files.fileExists(atPath: directory + "/" + $0) }
        // The finished outputs of another kind of run (an impact where a batch would go, or the reverse).
        if !hasPartial, !previous.contains(layout.summaries[0]), files.fileExists(atPath: directory + "/" + Self.manifestName) {
            throw .output("\(directory): holds the outputs of another kind of run (its \(Self.manifestName) is not of this one); choose another directory")
        }
        if !resume {
            if hasPartial || !previous.isEmpty {
                throw .output("\(directory): holds \(hasPartial ? "an interrupted run" : "the outputs of a previous run"); pass --resume to \(hasPartial ? "continue" : "keep") it, or choose another directory")
            }
            return try start(manifest, headers: headers)
        }
        if hasPartial {
            let recorded = (try? String(contentsOfFile: partial + "/manifest.json", encoding: .utf8)) ?? ""
            if recorded.isEmpty {
                // Killed before the manifest was in place: nothing was done.
                try? files.removeItem(atPath: partial)
                return try start(manifest, headers: headers)
            }
            let differing = Self.differingEntries(recorded, manifest)
            guard differing.isEmpty else {
                throw .usage("cannot resume in \(directory): the interrupted run there was started with a different \(Self.describe(differing)); resume with the same arguments and options, or use another output directory")
            }
            let (chunks, items) = try cutBack(headers: headers)
            return .resuming(chunks: chunks, items: items)
        }
        if previous.contains(layout.summaries[0]) {
            guard let recorded = try? String(contentsOfFile: directory + "/" + Self.manifestName, encoding: .utf8) else { return .complete(manifest: nil) }
            try Self.refuseFinished(directory, Self.differingEntries(recorded, manifest, ignoring: ["chunkSize"]))
            return .complete(manifest: recorded)
        }
        return try start(manifest, headers: headers)
    }

    /// Refuses to resume the finished run in `directory` when `differing` names anything.
    static func refuseFinished(_ directory: String, _ differing: [String]) throws(BatchError) {
        guard !differing.isEmpty else { return }
        throw .usage("cannot resume in \(directory): the finished run there was made with a different \(describe(differing)); its outputs are kept; run with the same arguments and options, or use another output directory")
    }

    private func start(_ manifest: String, headers: [String]) throws(BatchError) -> State {
        do {
            try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
            for (stream, header) in zip(streams, headers) {
                try AtomicFile.write(header, to: partial + "/" + stream)
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
    private func cutBack(headers: [String]) throws(BatchError) -> (chunks: Int, items: Int) {
        let files = FileManager.default
        var done = 0, items = 0
        var lengths = headers.map(\.utf8.count)
        while let data = files.contents(atPath: markerPath(done)) {
            // A chunk's summary counts the inputs it took (found = screened + failed).
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let ends = object["ends"] as? [Int], ends.count == streams.count,
                  let found = ((object["summary"] as? [String: Any])?["dossiers"] as? [String: Any])?["found"] as? Int
            else { break }
            lengths = ends
            items += found
            done += 1
        }
        for name in (try? files.contentsOfDirectory(atPath: partial)) ?? [] {
            let index = name.hasPrefix("chunk-") ? Int(name.dropFirst(6).prefix(8)) : nil
            if name.contains(".tmp-") || (index.map { $0 >= done } ?? false) { try? files.removeItem(atPath: partial + "/" + name) }
        }
        for (stream, length) in zip(streams, lengths) {
            var info = stat()
            guard stat(partial + "/" + stream, &info) == 0, Int(info.st_size) >= length, truncate(partial + "/" + stream, off_t(length)) == 0 else {
                throw .output("\(partial)/\(stream): shorter than its journal records; remove \(directory) and run again")
            }
        }
        try openStreams()
        return (done, items)
    }

    private func openStreams() throws(BatchError) {
        for stream in streams {
            let descriptor = open(partial + "/" + stream, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard descriptor >= 0 else { throw .output("cannot open \(partial)/\(stream): \(String(cString: strerror(errno)))") }
            descriptors.append(descriptor)
        }
    }

    func markerPath(_ index: Int) -> String {
        let number = String(index)
        return partial + "/chunk-" + String(repeating: "0", count: max(0, 8 - number.count)) + number + ".json"
    }

    /// Appends one finished chunk to the streams, syncs them, then writes its marker.
    func commit(chunk index: Int, results: [UInt8], csvRows: String, errors: String, summary: BatchSummary) throws(BatchError) {
        try commit(chunk: index, streams: [results, Array(csvRows.utf8), Array(errors.utf8)], summary: summary.json)
    }

    /// Appends one finished chunk's bytes to each stream (in layout order), syncs them, then writes its marker with
    /// `summary`, which must count the chunk's inputs as `dossiers.found`.
    func commit(chunk index: Int, streams chunks: [[UInt8]], summary: JSONValue) throws(BatchError) {
        var ends: [Int] = []
        for (stream, (descriptor, bytes)) in zip(streams, zip(descriptors, chunks)) {
            guard Self.writeAll(descriptor, bytes), fsync(descriptor) == 0 else {
                throw .output("cannot write \(partial)/\(stream): \(String(cString: strerror(errno)))")
            }
            ends.append(Int(lseek(descriptor, 0, SEEK_END)))
        }
        let marker = JSONValue.object([("ends", .array(ends.map(JSONValue.integer))), ("summary", summary)])
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
    /// writes the summary files, keeps the manifest, and removes `.partial`. Returns the run's summary.
    ///
    /// The order is what makes a kill or a full disk at any step harmless: every final name appears whole
    /// (a hard link or a synced temporary file, renamed into place); a failure removes the temporary names
    /// before it is reported; and `.partial` — whose presence means "not finished" — goes last, after every
    /// temporary name is gone. A resume of a killed finish redoes it (a stream already in place is skipped).
    func finish(chunks: Int, base: BatchSummary) throws(BatchError) -> BatchSummary {
        var summary = base
        try finish(chunks: chunks) { parts throws(BatchError) in
            do {
                for part in parts { try summary.merge(BatchSummary(object: part)) }
            } catch {
                throw .output("\(partial): a chunk's journal entry cannot be read (\(error)); remove the directory and run again")
            }
            return [("summary.json", summary.json.serialized(pretty: true) + "\n"), ("summary.txt", SummaryText.render(summary))]
        }
        return summary
    }

    /// The layout-independent finish: `render` turns the chunk summaries (in chunk order) into the files written at
    /// the end, in ``JournalLayout/summaries`` order.
    func finish(chunks: Int, render: ([[String: Any]]) throws(BatchError) -> [(name: String, contents: String)]) throws(BatchError) {
        var parts: [[String: Any]] = []
        do {
            for index in 0..<chunks {
                let data = try Data(contentsOf: URL(fileURLWithPath: markerPath(index)))
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let part = object["summary"] as? [String: Any] else {
                    throw SummaryFormatError("no summary")
                }
                parts.append(part)
            }
        } catch {
            throw .output("\(partial): a chunk's journal entry cannot be read (\(error)); remove the directory and run again")
        }
        let files = try render(parts)
        for descriptor in descriptors { closeDescriptor(descriptor) }
        descriptors = []
        let outputs = layout.outputNames
        do throws(BatchError) {
            for stream in streams { try Self.place(partial + "/" + stream, at: directory + "/" + stream) }
            AtomicFile.syncDirectory(of: directory + "/" + streams[0])
            do {
                for file in files { try AtomicFile.write(file.contents, to: directory + "/" + file.name) }
            } catch {
                throw .output(error.description)
            }
            try Self.place(partial + "/manifest.json", at: directory + "/" + Self.manifestName)
        } catch {
            Self.removeLeftovers(in: directory, outputs: outputs)
            throw error
        }
        Self.removeLeftovers(in: directory, outputs: outputs)
        AtomicFile.syncDirectory(of: directory + "/" + layout.summaries[0])
        // The step that marks the run finished. Renamed first, so a kill during removal never leaves a
        // .partial that looks resumable but is not.
        let done = directory + "/.partial-done-\(getpid())"
        if rename(partial, done) == 0 {
            AtomicFile.syncDirectory(of: partial)
            try? FileManager.default.removeItem(atPath: done)
        }
    }

    /// Gives `source` the second name `target`: a hard link under a temporary name, renamed over `target`, so
    /// `target` appears whole, and the source keeps its name should this be interrupted. When `target` already
    /// is `source` (a killed finish got that far), nothing is done: rename(2) of two names of one file does
    /// nothing and would leave the temporary name behind.
    static func place(_ source: String, at target: String) throws(BatchError) {
        var from = stat(), to = stat()
        if stat(source, &from) == 0, stat(target, &to) == 0, from.st_dev == to.st_dev, from.st_ino == to.st_ino { return }
        let temporary = target + ".tmp-\(getpid())"
        unlink(temporary)
        guard link(source, temporary) == 0, rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .output("cannot write \(target): \(reason)")
        }
    }

    /// The manifest entries whose values differ (compared as JSON values, whatever their order or layout),
    /// less those in `ignoring`. The input census (`inputCount`, `inputFingerprint`) is named only when the
    /// input arguments, suffix and shard are the same — then the files themselves changed; otherwise it differs
    /// because of them. A changed fingerprint covers a changed count.
    static func differingEntries(_ recorded: String, _ current: String, ignoring: Set<String> = []) -> [String] {
        let old = (try? JSONSerialization.jsonObject(with: Data(recorded.utf8))) as? [String: Any] ?? [:]
        let new = (try? JSONSerialization.jsonObject(with: Data(current.utf8))) as? [String: Any] ?? [:]
        func canonical(_ value: Any?) -> Data {
            guard let value else { return Data("absent".utf8) }
            return (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])) ?? Data("\(value)".utf8)
        }
        var keys = Set(old.keys).union(new.keys).subtracting(ignoring).filter { canonical(old[$0]) != canonical(new[$0]) }
        if !keys.isDisjoint(with: ["inputs", "suffix", "shard"]) { keys.subtract(["inputCount", "inputFingerprint"]) }
        if keys.contains("inputFingerprint") { keys.remove("inputCount") }
        return keys.sorted()
    }

    /// What each manifest entry stands for, for the refusal message.
    static let entryMeanings: [String: String] = [
        "formatVersion": "journal format, of another version of totaalbeeld",
        "ruleset": "--ruleset",
        "anonymisationGuard": "--anonymised, --identifiers",
        "inputs": "the input arguments",
        "suffix": "--suffix",
        "language": "--lang",
        "shard": "--shard",
        "chunkSize": "--chunk-size",
        "inputCount": "the number of input files",
        "inputFingerprint": "input files added, removed or changed since",
        "catalogue": "--tracks, the track catalogue",
        "redaction": "the identifier list that redacts error messages",
        "run": "the kind of run (batch or impact)",
        "old": "--old, the ruleset before",
        "new": "--new, the ruleset after",
    ]

    static func describe(_ entries: [String]) -> String {
        entries.map { entry in entryMeanings[entry].map { "\(entry) (\($0))" } ?? entry }.joined(separator: ", ")
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
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
