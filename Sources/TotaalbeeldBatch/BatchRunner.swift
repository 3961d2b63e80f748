import Dispatch
import Foundation
import TotaalbeeldReport

/// The settings of `totaalbeeld batch` that the library needs.
public struct BatchOptions: Sendable {
    public var inputs: InputSet
    public var out: String
    public var shard: ShardSpec?
    public var jobs: Int
    public var resume: Bool
    /// Dossiers per journal chunk at most: the most work a kill can lose.
    public var chunkSize: Int
    /// Input bytes per chunk at most (a chunk takes at least one dossier): two chunks' results are in
    /// memory at once, so this bounds memory by bytes as well as by count — 256 dossiers of 15 MB each
    /// would otherwise be held together.
    public var chunkBytes: Int = 32 << 20
    /// Fingerprint of the track catalogue file (its contents decide the recommended tracks).
    public var catalogueFingerprint: String
    /// Stops after this many chunks of this session, before the final outputs, as a kill would: for tests of resume.
    var stopAfterChunks: Int?

    public init(inputs: InputSet, out: String, shard: ShardSpec? = nil, jobs: Int, resume: Bool, chunkSize: Int = 256, catalogueFingerprint: String = "") {
        self.inputs = inputs
        self.out = out
        self.shard = shard
        self.jobs = jobs
        self.resume = resume
        self.chunkSize = chunkSize
        self.catalogueFingerprint = catalogueFingerprint
    }
}

/// What a finished run reports back.
public struct BatchReport: Sendable {
    public var summary: BatchSummary
    /// Chunks found done when resuming.
    public var resumedChunks: Int
    /// `--resume` found the run already complete and changed nothing.
    public var alreadyComplete: Bool
    public var seconds: Double
}

/// Runs a batch: dossiers stream through in input order, in chunks; within a chunk, `jobs` workers
/// screen them in parallel into slots by position, so the output order and bytes do not depend on the
/// number of workers. While workers screen a chunk, the previous one is written by a writer thread;
/// at most two chunks are in memory, whatever the number of dossiers.
///
/// ```swift
/// let report = try BatchRunner(screener: screener, identity: identity, options: options).run(progress: nil)
/// report.summary.found == report.summary.screened + report.summary.failed
/// ```
public struct BatchRunner: Sendable {
    public let screener: DossierScreener
    public let identity: RunIdentity
    public let options: BatchOptions

    public init(screener: DossierScreener, identity: RunIdentity, options: BatchOptions) {
        self.screener = screener
        self.identity = identity
        self.options = options
    }

    /// The manifest a resume must match.
    func manifest(_ census: InputCensus) -> String {
        var members = [("formatVersion", JSONValue.integer(1))] + identity.json
        members += [
            ("shard", options.shard.map { .string($0.description) } ?? .null),
            ("chunkSize", .integer(options.chunkSize)),
            ("inputCount", .integer(census.count)),
            ("inputFingerprint", .string(census.fingerprint)),
            ("catalogue", .string(options.catalogueFingerprint)),
            // The list that redacts error messages shapes errors.jsonl even without --anonymised.
            ("redaction", screener.redactor.map { .string("sha256:" + $0.rules.checksum) } ?? .null),
        ]
        return JSONValue.object(members).serialized(pretty: true) + "\n"
    }

    /// `progress` is called with (total, already done) once the inputs are counted and returns the line to advance, or nil.
    public func run(progress makeProgress: (Int, Int) -> ProgressLine? = { _, _ in nil }) throws(BatchError) -> BatchReport {
        let started = Date()
        let shard = options.shard ?? .whole
        let census = InputCensus(options.inputs, shard: shard)
        let journal = RunJournal(directory: options.out)
        // The directory's lock is held until the run ends, however it ends.
        defer { journal.close() }
        let state = try journal.prepare(manifest: manifest(census), csvHeader: screener.csv.header, resume: options.resume)
        if case .complete(let recorded) = state {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: options.out + "/summary.json"))) ?? Data()
            let summary: BatchSummary
            do {
                summary = try BatchSummary(json: data)
            } catch {
                throw .output("\(options.out)/summary.json: cannot be read (\(error))")
            }
            if recorded == nil {
                // Finished by a version that kept no manifest: compare what summary.json records.
                func described(_ identity: RunIdentity, _ shard: ShardSpec?) -> String {
                    JSONValue.object(identity.json + [("shard", shard.map { .string($0.description) } ?? .null)]).serialized()
                }
                try RunJournal.refuseFinished(options.out, RunJournal.differingEntries(described(summary.identity, summary.shard), described(identity, options.shard)))
            }
            return BatchReport(summary: summary, resumedChunks: 0, alreadyComplete: true, seconds: 0)
        }
        let (done, doneItems) = if case .resuming(let chunks, let items) = state { (chunks, items) } else { (0, 0) }
        let progress = makeProgress(census.count, min(census.count, doneItems))

        let identity = self.identity, screener = self.screener
        let chunks = try ChunkedRun(options: options, shard: shard).run(
            journal: journal, done: done, doneItems: doneItems, progress: progress, work: { screener.screen($0.item) },
            encode: { outcomes in
                var results: [UInt8] = [], rows = "", errors = ""
                var summary = BatchSummary(identity: identity, ruleset: screener.ruleset)
                for outcome in outcomes {
                    switch outcome {
                    case .screened(let screened):
                        results += screened.jsonLine
                        results.append(0x0A)
                        rows += screened.csvRow + "\n"
                        summary.add(screened.tally)
                    case .failed(let failed):
                        for error in failed.errors { errors += error.json.serialized() + "\n" }
                        summary.add(failed)
                    }
                }
                return ([results, Array(rows.utf8), Array(errors.utf8)], summary.json)
            }
        )
        guard let chunkIndex = chunks else {
            return BatchReport(summary: BatchSummary(identity: identity, ruleset: screener.ruleset), resumedChunks: done, alreadyComplete: false, seconds: 0)
        }
        progress?.finish()
        let base = BatchSummary(identity: identity, ruleset: screener.ruleset, shard: options.shard)
        let summary = try journal.finish(chunks: chunkIndex, base: base)
        guard summary.found == census.count else {
            throw .data("\(summary.found) dossiers accounted for, but \(census.count) were found; the inputs changed during the run")
        }
        return BatchReport(summary: summary, resumedChunks: done, alreadyComplete: false, seconds: Date().timeIntervalSince(started))
    }

}

/// One input with its position in the run (0-based, in input order over the whole set, for the shard's items).
public struct PositionedItem: Sendable {
    public var item: InputItem
    public var position: Int
}

/// The chunk loop `batch` and `impact` share: inputs stream in input order, in chunks bounded by count and bytes;
/// within a chunk `jobs` workers work on them in parallel into slots by position, so output order and bytes do not
/// depend on the number of workers; a writer thread journals the previous chunk (its streams and summary) while the
/// next is worked on. At most two chunks are in memory.
struct ChunkedRun {
    let options: BatchOptions
    let shard: ShardSpec

    /// Works through the inputs after the first `doneItems` (chunks `done…`), journalling each chunk as `encode` renders
    /// it. Returns the number of chunks in the journal, or nil when stopped early for a test (``BatchOptions/stopAfterChunks``).
    func run<Outcome: Sendable>(
        journal: RunJournal, done: Int, doneItems: Int, progress: ProgressLine?,
        work: @escaping @Sendable (PositionedItem) -> Outcome,
        encode: @escaping @Sendable ([Outcome]) -> (streams: [[UInt8]], summary: JSONValue)
    ) throws(BatchError) -> Int? {
        var items = options.inputs.lazy.filter { shard.contains($0) }.dropFirst(doneItems).makeIterator()
        let writer = ChunkWriter(journal: journal, encode: encode)
        var chunkIndex = done
        var position = doneItems
        while true {
            var chunk: [PositionedItem] = []
            chunk.reserveCapacity(options.chunkSize)
            var bytes = 0
            while chunk.count < options.chunkSize, bytes < options.chunkBytes, let item = items.next() {
                chunk.append(PositionedItem(item: item, position: position))
                position += 1
                var info = stat()
                if stat(item.path, &info) == 0 { bytes += Int(info.st_size) }
            }
            if chunk.isEmpty { break }
            let outcomes = Self.work(chunk, jobs: options.jobs, work: work, progress: progress)
            try writer.submit(chunk: chunkIndex, outcomes: outcomes)
            chunkIndex += 1
            if let stop = options.stopAfterChunks, chunkIndex - done >= stop {
                try writer.drain()
                return nil
            }
        }
        try writer.drain()
        return options.stopAfterChunks != nil ? nil : chunkIndex
    }

    /// Works on `items` with `jobs` workers pulling the next position from a shared counter; results land in their
    /// item's slot.
    static func work<Outcome: Sendable>(_ items: [PositionedItem], jobs: Int, work: @escaping @Sendable (PositionedItem) -> Outcome, progress: ProgressLine?) -> [Outcome] {
        if jobs <= 1 || items.count == 1 {
            return items.map { item in
                defer { progress?.advance() }
                return work(item)
            }
        }
        let slots = Slots<Outcome>(count: items.count)
        let finished = DispatchGroup()
        for _ in 0..<min(jobs, items.count) {
            finished.enter()
            let worker = Thread {
                while let index = slots.claim() {
                    slots.store(work(items[index]), at: index)
                    progress?.advance()
                }
                finished.leave()
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        finished.wait()
        return slots.outcomes
    }
}

/// Result slots shared by the workers of one chunk: each position is written by exactly one worker.
private final class Slots<Outcome: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var storage: [Outcome?]

    init(count: Int) {
        self.count = count
        storage = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ outcome: Outcome, at index: Int) {
        lock.lock()
        storage[index] = outcome
        lock.unlock()
    }

    var outcomes: [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }
}

/// Writes finished chunks on its own thread, one at a time, so working on the next chunk overlaps the I/O.
private final class ChunkWriter<Outcome: Sendable>: @unchecked Sendable {
    private let journal: RunJournal
    private let encode: @Sendable ([Outcome]) -> (streams: [[UInt8]], summary: JSONValue)
    private let queue = DispatchQueue(label: "totaalbeeld.batch.writer")
    private let pending = DispatchGroup()
    private let lock = NSLock()
    private var failure: BatchError?

    init(journal: RunJournal, encode: @escaping @Sendable ([Outcome]) -> (streams: [[UInt8]], summary: JSONValue)) {
        self.journal = journal
        self.encode = encode
    }

    /// Waits for the previous chunk's write (at most one in flight), then queues this one.
    func submit(chunk index: Int, outcomes: [Outcome]) throws(BatchError) {
        try drain()
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            do throws(BatchError) {
                let (streams, summary) = encode(outcomes)
                try journal.commit(chunk: index, streams: streams, summary: summary)
            } catch {
                lock.lock()
                failure = failure ?? error
                lock.unlock()
            }
        }
    }

    func drain() throws(BatchError) {
        pending.wait()
        lock.lock()
        let failure = self.failure
        lock.unlock()
        if let failure { throw failure }
    }
}
