import CLibXML2
import Foundation
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldSynthetic
#if canImport(Glibc)
import Glibc
#endif

/// Bulk screening throughput against its floor: generates the dossiers (once, reused), measures the
/// time libxml2 alone needs to parse them (read + `xmlReadMemory` + free, one thread), then runs the
/// release `totaalbeeld batch` as a child process with 1 and 2 jobs, and reports dossiers per second,
/// the ratios the issue sets as targets, and each run's peak memory (the child's maximum resident set,
/// from wait4). A smaller set is screened too, to show that peak memory does not grow with the count.
///
/// `swift build -c release && .build/release/totaalbeeld-bench batch [--count 20000] [--small 5000] [--repeat 3] [--work DIR] [--repo PATH]`
enum BatchBenchmark {
    static func run(_ arguments: [String]) throws {
        var count = 20_000
        var small = 5_000
        var work = NSTemporaryDirectory() + "totaalbeeld-bench-batch"
        var repeats = 3
        var repository = FileManager.default.currentDirectoryPath
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch (argument, remaining.popFirst()) {
            case ("--count", let value?): count = Int(value) ?? count
            case ("--small", let value?): small = Int(value) ?? small
            case ("--work", let value?): work = value
            case ("--repo", let value?): repository = value
            case ("--repeat", let value?): repeats = max(1, Int(value) ?? repeats)
            default: throw BenchmarkError("unexpected argument '\(argument)'")
            }
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("totaalbeeld").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchmarkError("\(executable) not found; build it first: swift build -c release --product totaalbeeld")
        }
        let schemas = try SchemaSet(directory: repository + "/Rulesets/schema")
        let ruleset = try RulesetLoader.load(contentsOf: repository + "/Rulesets/akc-2011.xml", schemas: schemas)

        let large = try population(count, in: work, ruleset: ruleset)
        let smaller = try population(small, in: work, ruleset: ruleset)
        print("batch: \(count) dossiers in \(large) (seed 2026), \(megabytes(directoryBytes(large))) MB; machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")

        // The machine may be shared: each figure is the fastest of `repeats` runs, and CPU time is shown beside wall time.
        print("batch: load average before: \(loadAverage()); each figure the fastest of \(repeats) runs")
        let parse = (0..<repeats).map { _ in parseOnly(large) }.min { $0.seconds < $1.seconds }!
        print("batch: parse-only floor (libxml2 read + parse + free, 1 thread): \(format(parse.seconds)) s = \(format(Double(count) / parse.seconds)) dossiers/s (\(parse.failed) not well-formed)")

        var results: [String: Run] = [:]
        for (directory, size) in [(large, count), (smaller, small)] {
            for jobs in [1, 2] {
                let run = try (0..<repeats).map { _ in try screen(directory, jobs: jobs, executable: executable, work: work) }.min { $0.seconds < $1.seconds }!
                results["\(size)-\(jobs)"] = run
                print("batch: \(size) dossiers, --jobs \(jobs): \(format(run.seconds)) s = \(format(Double(size) / run.seconds)) dossiers/s, CPU \(format(run.cpu)) s, peak RSS \(megabytes(run.peak)) MB")
            }
        }
        print("batch: load average after: \(loadAverage())")
        let one = results["\(count)-1"]!, two = results["\(count)-2"]!
        print("batch: targets: 1 job / parse-only = \(format(one.seconds / parse.seconds))× (target ≤ 2×); 1 job / 2 jobs = \(format(one.seconds / two.seconds))× (target ≥ 1.8×)")
        print("batch: peak RSS \(small) → \(count) dossiers: --jobs 1 \(megabytes(results["\(small)-1"]!.peak)) → \(megabytes(one.peak)) MB, --jobs 2 \(megabytes(results["\(small)-2"]!.peak)) → \(megabytes(two.peak)) MB (target: no growth)")
    }

    struct Run {
        var seconds: Double
        var cpu: Double
        var peak: Int
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// Generates `count` dossiers into `work/set-<count>` unless a previous benchmark left them there.
    static func population(_ count: Int, in work: String, ruleset: Ruleset) throws -> String {
        let directory = work + "/set-\(count)"
        let marker = directory + "/.complete"
        if FileManager.default.fileExists(atPath: marker) { return directory }
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let generator = DossierGenerator(options: GeneratorOptions(seed: 2026), indicatorCatalogue: IndicatorCatalogue(ruleset: ruleset))
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { worker in
            for index in stride(from: worker, to: count, by: ProcessInfo.processInfo.activeProcessorCount) {
                let dossier = generator.dossier(at: index)
                _ = FileManager.default.createFile(atPath: directory + "/" + dossier.fileName, contents: Data(dossier.bytes))
            }
        }
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        return directory
    }

    /// The floor: libxml2 parsing every file once, nothing else (no validation, no tree copy, no screening).
    static func parseOnly(_ directory: String) -> (seconds: Double, failed: Int) {
        xmlInitParser()
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".dossier.xml") }.sorted()
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        var failed = 0
        let started = Date()
        for file in files {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { failed += 1; continue }
            let document = data.withUnsafeBytes { buffer in
                xmlReadMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count), path, nil, options)
            }
            if let document { xmlFreeDoc(document) } else { failed += 1 }
        }
        return (Date().timeIntervalSince(started), failed)
    }

    /// Runs `totaalbeeld batch` as a child and returns its wall time and maximum resident set.
    static func screen(_ directory: String, jobs: Int, executable: String, work: String) throws -> Run {
        let out = work + "/out-\(URL(fileURLWithPath: directory).lastPathComponent)-j\(jobs)"
        try? FileManager.default.removeItem(atPath: out)
        let arguments = [executable, "batch", directory, "--out", out, "--jobs", String(jobs), "--quiet", "--keep-going"]
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&attributes)
        defer { posix_spawn_file_actions_destroy(&attributes) }
        let started = Date()
        let status = posix_spawn(&pid, executable, &attributes, nil, argv, environ)
        guard status == 0 else { throw BenchmarkError("cannot start \(executable)") }
        var exit: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &exit, 0, &usage) == pid else { throw BenchmarkError("wait4 failed") }
        let seconds = Date().timeIntervalSince(started)
        guard exit == 0 else { throw BenchmarkError("batch exited with status \(exit)") }
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Run(seconds: seconds, cpu: cpu, peak: Int(usage.ru_maxrss) * 1024)
    }

    static func directoryBytes(_ directory: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).reduce(0) { total, name in
            total + (((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.size] as? Int) ?? 0)
        }
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
    static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.0f", value) }
}
