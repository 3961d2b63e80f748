import ArgumentParser
import Dispatch
import Foundation
import TotaalbeeldModel
import TotaalbeeldSynthetic
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes a seeded population of synthetic, anonymous dossiers for tests, benchmarks and selectivity checks.",
        discussion: """
        The same --seed and --count always give byte-identical files, on any number of cores.
        Refuses (exit 73) to write into a directory that already holds files, unless --force, which first
        removes the synthetic dossiers (synth-*.dossier.xml) of an earlier run, so the folder holds exactly
        this population; other files are left alone.
        """
    )

    @Option(help: "Number of dossiers to write.")
    var count: Int

    @Option(help: "Seed of the population.")
    var seed: UInt64

    @Option(help: "Directory to write into (created when missing).")
    var out: String

    @Option(help: "Share (0…1) of deliberately broken files, for loader tests.")
    var brokenShare: Double = 0

    @Option(help: "Share (0…1) of dossiers with the professional's own assessment.")
    var assessmentShare: Double = 0.3

    @Option(help: "Ruleset whose indicators, domains and themes the dossiers use (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Flag(help: "Write into a directory that already holds files, replacing files of the same name.")
    var force = false

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more") }
        guard (0...1).contains(brokenShare), (0...1).contains(assessmentShare) else { throw ValidationError("shares must lie between 0 and 1") }
    }

    func run() throws {
        try exitOnFailure {
            let started = DispatchTime.now()
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            try prepareDirectory()
            let generator = DossierGenerator(
                options: GeneratorOptions(seed: seed, brokenShare: brokenShare, assessmentShare: assessmentShare),
                indicatorCatalogue: IndicatorCatalogue(ruleset: ruleset)
            )
            let tally = Tally()
            // Output is index-addressable, so shards need no coordination; small shards balance the cores.
            let shardSize = max(1, min(256, count / (ProcessInfo.processInfo.activeProcessorCount * 8)))
            let shards = (count + shardSize - 1) / shardSize
            let directory = out
            DispatchQueue.concurrentPerform(iterations: shards) { shard in
                var broken = 0, assessed = 0
                for index in (shard * shardSize)..<min(count, (shard + 1) * shardSize) {
                    let dossier = generator.dossier(at: index)
                    if dossier.isBroken { broken += 1 }
                    if dossier.hasAssessment { assessed += 1 }
                    if let problem = Self.writeAtomically(dossier.bytes, to: directory + "/" + dossier.fileName) {
                        tally.fail(problem)
                        return
                    }
                }
                tally.add(broken: broken, assessed: assessed)
            }
            if let problem = tally.failure { throw Failure(status: ExitStatus.cannotCreate, lines: [problem]) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            printError("generated \(count) dossiers in \(directory) (seed \(seed), ruleset \(ruleset.id) \(ruleset.version); \(tally.broken) deliberately broken, \(tally.assessed) with an assessment) in \(String(format: "%.1f", seconds)) s")
        }
    }

    /// Creates the output directory, or checks that an existing one may be written into.
    private func prepareDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(status: ExitStatus.cannotCreate, lines: ["\(out): exists and is not a directory"]) }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty, !force {
                throw Failure(status: ExitStatus.cannotCreate, lines: ["\(out): directory is not empty (\(entries.count) entries); pass --force to replace an earlier population"])
            }
            // A smaller population must not leave the earlier one's extra files behind.
            for entry in entries where entry.hasPrefix("synth-") && (entry.hasSuffix(".dossier.xml") || entry.contains(".dossier.xml.tmp-")) {
                guard unlink(out + "/" + entry) == 0 || errno == ENOENT else {
                    throw Failure(status: ExitStatus.cannotCreate, lines: ["\(out)/\(entry): cannot remove (\(String(cString: strerror(errno))))"])
                }
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw Failure(status: ExitStatus.cannotCreate, lines: ["\(out): cannot create directory"])
            }
        }
    }

    /// Writes to a temporary name in the same directory, then renames: a reader never sees a half-written
    /// dossier, and rename(2) replaces an existing file in one step. No fsync: these are reproducible test
    /// data, and syncing 20,000 files would cost more than generating them. Returns a problem, or nil.
    private static func writeAtomically(_ bytes: [UInt8], to path: String) -> String? {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return "\(temporary): cannot create" }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            written += n
        }
        guard close(descriptor) == 0, written == bytes.count else {
            unlink(temporary)
            return "\(temporary): cannot write"
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return "\(path): cannot rename the temporary file into place"
        }
        return nil
    }
}

/// Counts from the worker threads; the lock makes the shared counters safe under strict concurrency.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var brokenCount = 0
    private var assessedCount = 0
    private var firstFailure: String?

    func add(broken: Int, assessed: Int) {
        lock.lock()
        brokenCount += broken
        assessedCount += assessed
        lock.unlock()
    }

    func fail(_ problem: String) {
        lock.lock()
        if firstFailure == nil { firstFailure = problem }
        lock.unlock()
    }

    var broken: Int { lock.lock(); defer { lock.unlock() }; return brokenCount }
    var assessed: Int { lock.lock(); defer { lock.unlock() }; return assessedCount }
    var failure: String? { lock.lock(); defer { lock.unlock() }; return firstFailure }
}
