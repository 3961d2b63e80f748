import Foundation

// Throughput benchmarks; not tests. Usage: swift run -c release totaalbeeld-bench <benchmark> [seconds]
// Each benchmark lives in its own file and registers here.

let benchmarks: [(name: String, summary: String, run: ([String]) throws -> Void)] = [
    ("narrative", "sentences per second through the narrative analyzer (default ruleset, text corpus)", NarrativeBenchmark.run),
    ("batch", "bulk screening: dossiers per second with 1 and 2 jobs against the libxml2 parse-only floor, peak memory", BatchBenchmark.run),
    ("impact", "impact of a ruleset change against one batch run over the same 2,000 generated dossiers: wall and CPU time ratio", ImpactBenchmark.run),
    ("long-sentence", "one run-on sentence with 1k–8k hits: time per analysis, cut and uncut (scaling of the context scopes)", LongSentenceBenchmark.run),
    ("morphology", "words per second: Snowball stemming, compound splitting uncached and cached, on 1 and 2 threads", MorphologyBenchmark.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    print("usage: totaalbeeld-bench <benchmark> [options]")
    for benchmark in benchmarks { print("  \(benchmark.name)\t\(benchmark.summary)") }
    exit(arguments.isEmpty ? 0 : 64)
}
do {
    try benchmark.run(Array(arguments.dropFirst()))
} catch {
    print("\(name): \(error)")
    exit(1)
}
