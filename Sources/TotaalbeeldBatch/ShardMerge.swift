import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `totaalbeeld merge`: combines the output directories of `--shard 0/N … N-1/N` into the outputs one
/// run over the whole set writes — the same `summary.json` and `summary.txt` byte for byte, and
/// `results.jsonl`, `results.csv` and `errors.jsonl` in the same global order (a k-way merge on each
/// line's file, ordered as enumeration orders inputs).
///
/// Refuses shards of different runs (ruleset, guard list, inputs, suffix or language differ), an
/// incomplete shard (still holding `.partial`), a shard given twice and a missing shard.
public enum ShardMerge {
    public static func merge(_ directories: [String], into out: String) throws(BatchError) -> BatchSummary {
        guard !directories.isEmpty else { throw .usage("give the shard output directories to merge") }
        var summaries: [BatchSummary] = []
        for directory in directories {
            let path = directory + "/summary.json"
            if FileManager.default.fileExists(atPath: directory + "/.partial") {
                throw .data("\(directory): the shard's run is not finished (resume it with --resume first)")
            }
            guard let data = FileManager.default.contents(atPath: path) else { throw .input("\(path): missing; is \(directory) a batch output directory?") }
            do { summaries.append(try BatchSummary(json: data)) } catch { throw .data("\(path): \(error)") }
        }
        let first = summaries[0]
        for (directory, summary) in zip(directories, summaries) {
            guard summary.identity == first.identity else {
                throw .data("\(directory): a different run (ruleset, identifier list, inputs, suffix or language differ from \(directories[0]))")
            }
            guard summary.shard != nil else { throw .data("\(directory): not a shard (run with --shard I/N)") }
        }
        let count = first.shard!.count
        var indices = Set<Int>()
        for (directory, summary) in zip(directories, summaries) {
            guard summary.shard!.count == count else { throw .data("\(directory): shard \(summary.shard!) is not one of \(count)") }
            guard indices.insert(summary.shard!.index).inserted else { throw .data("\(directory): shard \(summary.shard!) given twice") }
        }
        let missing = (0..<count).filter { !indices.contains($0) }
        guard missing.isEmpty else { throw .data("shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing") }

        var merged = first
        merged.shard = nil
        for summary in summaries.dropFirst() {
            do { try merged.merge(summary) } catch { throw .data(error.description) }
        }
        let lock = try prepare(out, inputs: directories)
        defer { lock.release() }
        let roots = first.identity.inputs
        do {
            try mergeLines(directories.map { $0 + "/results.jsonl" }, companions: directories.map { $0 + "/results.csv" }, into: out + "/results.jsonl", companionOut: out + "/results.csv", roots: roots)
            try mergeLines(directories.map { $0 + "/errors.jsonl" }, companions: nil, into: out + "/errors.jsonl", companionOut: nil, roots: roots)
            try AtomicFile.write(merged.json.serialized(pretty: true) + "\n", to: out + "/summary.json")
            try AtomicFile.write(SummaryText.render(merged), to: out + "/summary.txt")
        } catch let error as BatchError {
            throw error
        } catch {
            throw .output("\(error)")
        }
        return merged
    }

    /// Creates `out`, takes its lock (held for the whole merge, as `batch` holds it), removes temporary names
    /// an interrupted merge left, and refuses a directory that holds outputs.
    private static func prepare(_ out: String, inputs: [String]) throws(BatchError) -> DirectoryLock {
        let files = FileManager.default
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw .usage("\(out): the output directory must not be one of the shard directories")
        }
        try RunJournal.createDirectory(out)
        let lock = try DirectoryLock.acquire(out)
        RunJournal.removeLeftovers(in: out)
        let previous = RunJournal.outputNames.filter { files.fileExists(atPath: out + "/" + $0) }
        if !previous.isEmpty || files.fileExists(atPath: out + "/.partial") {
            lock.release()
            throw .output("\(out): already holds batch outputs (\(previous.joined(separator: ", "))); choose an empty directory")
        }
        return lock
    }

    /// K-way merge of line files whose lines start with `{"file":…`; `companions` (CSV files with a header)
    /// advance in step with their JSON lines.
    private static func mergeLines(_ paths: [String], companions: [String]?, into target: String, companionOut: String?, roots: [String]) throws {
        let readers = try paths.map { path -> LineReader in
            guard let reader = LineReader(path: path) else { throw BatchError.input("\(path): missing") }
            return reader
        }
        let companionReaders = try companions?.map { path -> LineReader in
            guard let reader = LineReader(path: path) else { throw BatchError.input("\(path): missing") }
            return reader
        }
        let output = try AtomicFile(path: target)
        let companionOutput = try companionOut.map { try AtomicFile(path: $0) }
        if let companionReaders, let companionOutput {
            let headers = companionReaders.map { $0.next() ?? "" }
            guard Set(headers).count == 1 else { throw BatchError.data("results.csv headers differ between shards") }
            try companionOutput.write(headers[0] + "\n")
        }
        var heads: [(line: String, item: InputItem)?] = try readers.map { try head($0, roots: roots) }
        while true {
            var best: Int?
            for (index, head) in heads.enumerated() {
                guard let head else { continue }
                if let current = best, let chosen = heads[current], !head.item.precedes(chosen.item) { continue }
                best = index
            }
            guard let index = best, let head = heads[index] else { break }
            try output.write(head.line + "\n")
            if let companionReaders, let companionOutput {
                guard let row = companionReaders[index].next() else { throw BatchError.data("\(companions![index]): fewer rows than results.jsonl has lines") }
                try companionOutput.write(row + "\n")
            }
            heads[index] = try Self.head(readers[index], roots: roots)
        }
        try output.commit()
        try companionOutput?.commit()
    }

    private static func head(_ reader: LineReader, roots: [String]) throws -> (line: String, item: InputItem)? {
        guard let line = reader.next() else { return nil }
        guard let file = leadingFile(line) else { throw BatchError.data("\(reader.path): a line without a leading \"file\"") }
        return (line, InputOrder.item(forFile: file, roots: roots))
    }

    /// The value of `"file"` at the start of a line written by a batch run: `{"file":"…",…`.
    static func leadingFile(_ line: String) -> String? {
        let prefix = "{\"file\":\""
        guard line.hasPrefix(prefix) else { return nil }
        var out = ""
        var scalars = line.unicodeScalars.dropFirst(prefix.unicodeScalars.count).makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\"": return out
            case "\\":
                guard let escaped = scalars.next() else { return nil }
                switch escaped {
                case "n": out += "\n"
                case "r": out += "\r"
                case "t": out += "\t"
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                    guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                    out.unicodeScalars.append(decoded)
                default: out.unicodeScalars.append(escaped)
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return nil
    }
}

/// Reads a file line by line without holding it (getline).
final class LineReader {
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    init?(path: String) {
        guard let file = fopen(path, "r") else { return nil }
        self.path = path
        self.file = file
    }

    func next() -> String? {
        let length = getline(&buffer, &capacity, file)
        guard length > 0, let buffer else { return nil }
        var count = length
        if buffer[count - 1] == 0x0A { count -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) }
    }

    deinit {
        free(buffer)
        fclose(file)
    }
}
