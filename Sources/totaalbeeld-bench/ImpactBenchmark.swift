import Foundation
import TotaalbeeldLoader
import TotaalbeeldModel
#if canImport(Glibc)
import Glibc
#endif

/// `impact` throughput against one `batch` run over the same set (issue 17.4: within 2.2×). Generates the dossiers once
/// (seed 2026, reused), writes the shipped ruleset without one rule, then runs the release `totaalbeeld batch` and
/// `totaalbeeld impact --old shipped --new without-rule` as child processes, alternating, so that a shared machine's
/// load falls on both alike; reports each one's fastest and median wall time, CPU time and peak memory, and the ratios.
///
/// `swift build -c release && .build/release/totaalbeeld-bench impact [--count 2000] [--repeat 5] [--jobs 2] [--work DIR] [--repo PATH]`
enum ImpactBenchmark {
    static func run(_ arguments: [String]) throws {
        var count = 2_000, repeats = 5, jobs = 2
        var work = NSTemporaryDirectory() + "totaalbeeld-bench-impact"
        var repository = FileManager.default.currentDirectoryPath
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch (argument, remaining.popFirst()) {
            case ("--count", let value?): count = Int(value) ?? count
            case ("--repeat", let value?): repeats = max(1, Int(value) ?? repeats)
            case ("--jobs", let value?): jobs = max(1, Int(value) ?? jobs)
            case ("--work", let value?): work = value
            case ("--repo", let value?): repository = value
            default: throw BenchmarkError("unexpected argument '\(argument)'")
            }
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("totaalbeeld").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchmarkError("\(executable) not found; build it first: swift build -c release --product totaalbeeld")
        }
        let shipped = repository + "/Rulesets/akc-2011.xml"
        let schemas = try SchemaSet(directory: repository + "/Rulesets/schema")
        let ruleset = try RulesetLoader.load(contentsOf: shipped, schemas: schemas)
        let set = try BatchBenchmark.population(count, in: work, ruleset: ruleset)
        // The new ruleset: the shipped one without its first rule that carries no trial-and-error weight.
        let text = try String(contentsOfFile: shipped, encoding: .utf8)
        let weights = ruleset.trialAndError?.uncertainty ?? []
        guard let rule = ruleset.rules.first(where: { rule in !weights.contains { $0.rule == rule.id || $0.kind == rule.kind.rawValue } }),
              let start = text.range(of: "    <rule id=\"\(rule.id)\""), let end = text.range(of: "</rule>\n", range: start.upperBound..<text.endIndex)
        else { throw BenchmarkError("no rule to remove") }
        var copy = text
        copy.removeSubrange(start.lowerBound..<end.upperBound)
        let without = work + "/without-\(rule.id).xml"
        try copy.write(toFile: without, atomically: true, encoding: .utf8)

        print("impact: \(count) dossiers in \(set) (seed 2026), \(BatchBenchmark.megabytes(BatchBenchmark.directoryBytes(set))) MB; new ruleset: the shipped one without rule \(rule.id); --jobs \(jobs)")
        print("impact: machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; load average before: \(BatchBenchmark.loadAverage()); \(repeats) alternating runs each")
        var batches: [BatchBenchmark.Run] = [], impacts: [BatchBenchmark.Run] = []
        for round in 0..<repeats {
            batches.append(try child([executable, "batch", set, "--out", work + "/out-batch-\(round)", "--jobs", String(jobs), "--quiet", "--keep-going"], work: work + "/out-batch-\(round)"))
            impacts.append(try child([executable, "impact", "--old", shipped, "--new", without, set, "--out", work + "/out-impact-\(round)", "--jobs", String(jobs), "--quiet", "--keep-going"], work: work + "/out-impact-\(round)"))
            print("impact: round \(round + 1): batch \(BatchBenchmark.format(batches.last!.seconds)) s, impact \(BatchBenchmark.format(impacts.last!.seconds)) s (ratio \(BatchBenchmark.format(impacts.last!.seconds / batches.last!.seconds))×)")
        }
        print("impact: load average after: \(BatchBenchmark.loadAverage())")
        func line(_ name: String, _ runs: [BatchBenchmark.Run]) -> String {
            let sorted = runs.sorted { $0.seconds < $1.seconds }
            let best = sorted[0], median = sorted[sorted.count / 2]
            return "\(name): fastest \(BatchBenchmark.format(best.seconds)) s = \(BatchBenchmark.format(Double(count) / best.seconds)) dossiers/s (CPU \(BatchBenchmark.format(best.cpu)) s, peak RSS \(BatchBenchmark.megabytes(best.peak)) MB); median \(BatchBenchmark.format(median.seconds)) s"
        }
        print("impact: " + line("batch", batches))
        print("impact: " + line("impact", impacts))
        let bestRatio = impacts.map(\.seconds).min()! / batches.map(\.seconds).min()!
        let ratios = zip(impacts, batches).map { $0.seconds / $1.seconds }.sorted()
        let cpuRatio = impacts.map(\.cpu).min()! / batches.map(\.cpu).min()!
        print("impact: impact / batch wall time: fastest vs fastest \(BatchBenchmark.format(bestRatio))×, median of the paired runs \(BatchBenchmark.format(ratios[ratios.count / 2]))×; CPU time \(BatchBenchmark.format(cpuRatio))× (target ≤ 2.2×)")
    }

    /// Runs one child to completion (removing `work` first) and returns its wall time, CPU time and peak memory.
    static func child(_ arguments: [String], work: String) throws -> BatchBenchmark.Run {
        try? FileManager.default.removeItem(atPath: work)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let started = Date()
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { throw BenchmarkError("cannot start \(arguments[0])") }
        var exit: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &exit, 0, &usage) == pid else { throw BenchmarkError("wait4 failed") }
        let seconds = Date().timeIntervalSince(started)
        guard exit == 0 else { throw BenchmarkError("\(arguments[1]) exited with status \(exit)") }
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return BatchBenchmark.Run(seconds: seconds, cpu: cpu, peak: Int(usage.ru_maxrss) * 1024)
    }
}
