import ArgumentParser
import Foundation
import TotaalbeeldBatch

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combines the output directories of 'batch --shard I/N' into the outputs of one run over the whole set.",
        discussion: """
        summary.json and summary.txt come out byte-identical to a single run's; results.jsonl, results.csv and errors.jsonl
        in the same order. Refuses shards of different runs, unfinished shards and incomplete shard sets (exit 65).
        Exit 65 when the merged run has failed dossiers, unless --keep-going, as 'batch' does. --out is locked for the
        whole merge, as 'batch' locks it: a directory another process is writing is refused with its pid (exit 73).
        """
    )

    @Argument(help: "The shard output directories.")
    var directories: [String]

    @Option(help: "Directory for the merged outputs (created when missing; must not hold outputs already).")
    var out: String

    @Flag(help: "Exit 0 even when dossiers failed.")
    var keepGoing = false

    func run() throws {
        try exitOnFailure {
            let summary: BatchSummary
            do throws(BatchError) {
                summary = try ShardMerge.merge(directories, into: out)
            } catch {
                throw Failure(status: error.exitStatus, lines: [error.description])
            }
            printError("\(out): merged \(directories.count) shards: \(summary.found) dossiers found, \(summary.screened) screened, \(summary.failed) failed")
            if summary.failed > 0 && !keepGoing { throw ExitStatus.dataError }
        }
    }
}
