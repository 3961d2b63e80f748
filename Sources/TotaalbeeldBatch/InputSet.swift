import Foundation
import TotaalbeeldXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One dossier file among the inputs: where to open it, and the key that orders and shards it.
///
/// The order of a batch run is argument order, then within a directory its entries sorted byte-wise,
/// depth first. ``root`` and ``relative`` reproduce that order on any machine, so shard outputs can be
/// merged back into it.
public struct InputItem: Sendable, Hashable {
    /// The path as opened: the root argument joined with ``relative``.
    public var path: String
    /// Index of the input argument the file was found under.
    public var root: Int
    /// Path below the root ("" when the root argument is the file itself).
    public var relative: String
    /// Why the walk cannot take this path as a dossier file — named like one but not a regular file (a FIFO,
    /// a device, a dangling link, a link to a folder), or a folder it cannot read. Such an item is found and
    /// reported as unreadable, and never opened.
    public var problem: String? = nil

    /// The key that decides the shard: the path relative to the input root (the file name for a file given directly).
    public var shardKey: String { relative.isEmpty ? (path.split(separator: "/").last.map(String.init) ?? path) : relative }

    /// Whether `self` comes before `other` in a run's output.
    public func precedes(_ other: InputItem) -> Bool {
        if root != other.root { return root < other.root }
        return InputOrder.precedes(relative, other.relative)
    }
}

/// Byte-wise, component-wise path order: the order of a depth-first walk that visits each directory's
/// entries sorted by their bytes.
public enum InputOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).makeIterator()
        var right = b.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x.elementsEqual(y) { continue }
                return x.lexicographicallyPrecedes(y)
            }
        }
    }

    /// The item a file written by a run over `roots` came from, recovered from its path, for merging
    /// shard outputs: the first root the path lies under, as enumeration assigns it.
    public static func item(forFile path: String, roots: [String]) -> InputItem {
        for (index, root) in roots.enumerated() {
            if path == root { return InputItem(path: path, root: index, relative: "") }
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(prefix) { return InputItem(path: path, root: index, relative: String(path.dropFirst(prefix.count))) }
        }
        return InputItem(path: path, root: roots.count, relative: path)
    }
}

/// `--shard I/N`: this process screens the inputs whose shard key hashes to I modulo N.
///
/// The hash (FNV-1a, 64 bit) depends only on the file's path below its input root, so N machines
/// split a set without coordination and without agreeing on a listing.
/// ```swift
/// let shard = try ShardSpec(parsing: "2/8")
/// shard.contains(item)
/// ```
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public static let whole = ShardSpec(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    public func contains(_ item: InputItem) -> Bool {
        count == 1 || Int(FNV1a.hash(item.shardKey) % UInt64(count)) == index
    }
}

/// FNV-1a, 64 bit: a stable, platform-independent hash (Swift's `Hasher` is seeded per process).
public enum FNV1a {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    public static func hash(_ text: String, into seed: UInt64 = offset) -> UInt64 {
        hash(bytes: text.utf8, into: seed)
    }

    public static func hash<S: Sequence>(bytes: S, into seed: UInt64 = offset) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }
}

/// Why an input argument cannot be used.
public struct InputProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The inputs of a run: files taken as given, directories walked recursively.
///
/// Enumeration is lazy (a depth-first walk holding one sorted listing per open directory), so memory
/// follows the largest directory, not the number of dossiers. In directories, entries whose name ends in
/// ``suffix`` are taken; hidden entries (starting with ".") are skipped, and symbolic links to directories
/// are not followed (no cycles). Nothing is skipped in silence: an entry named like a dossier that is not
/// a regular file (a FIFO, a device, a dangling link, a link to a folder), and a folder that cannot be
/// read, are yielded with their ``InputItem/problem``, judged with `lstat`/`stat` without opening them.
/// A file found twice is taken once, the first time.
public struct InputSet: Sendable, Sequence {
    public let roots: [String]
    public let suffix: String

    /// Checks that every argument exists; normalises trailing slashes.
    public init(arguments: [String], suffix: String) throws(InputProblem) {
        var roots: [String] = []
        for argument in arguments {
            var path = argument
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
            var info = stat()
            guard stat(path, &info) == 0 else { throw InputProblem(path: argument, reason: "no such file or directory") }
            let type = info.st_mode & S_IFMT
            guard type == S_IFDIR || type == S_IFREG else { throw InputProblem(path: argument, reason: "neither a file nor a directory") }
            if type == S_IFDIR, access(path, R_OK | X_OK) != 0 { throw InputProblem(path: argument, reason: "directory cannot be read") }
            roots.append(path)
        }
        self.roots = roots
        self.suffix = suffix
    }

    public func makeIterator() -> Iterator { Iterator(roots: roots, suffix: suffix) }

    public struct Iterator: IteratorProtocol {
        private let roots: [String]
        private let suffix: String
        private var nextRoot = 0
        /// Open directories: remaining entries (sorted, reversed so popLast is next) with their relative prefix.
        private var stack: [(directory: String, relative: String, entries: [String])] = []
        private var seen = Set<String>()
        /// Whether one root lies inside another; only then can a file be found twice.
        private let overlapping: Bool

        init(roots: [String], suffix: String) {
            self.roots = roots
            self.suffix = suffix
            overlapping = roots.indices.contains { i in
                roots.indices.contains { j in i != j && (roots[i] == roots[j] || roots[i].hasPrefix(roots[j] == "/" ? "/" : roots[j] + "/")) }
            }
        }

        public mutating func next() -> InputItem? {
            while true {
                if var top = stack.popLast() {
                    guard let name = top.entries.popLast() else { continue }
                    let directory = top.directory, relativeBase = top.relative
                    stack.append(top)
                    let path = directory + "/" + name
                    let relative = relativeBase.isEmpty ? name : relativeBase + "/" + name
                    switch Self.kind(of: path) {
                    case .directory:
                        switch Self.sortedEntries(of: path) {
                        case .success(let entries): stack.append((path, relative, entries))
                        case .failure(let unreadable):
                            if let item = take(InputItem(path: path, root: nextRoot - 1, relative: relative, problem: unreadable.reason)) { return item }
                        }
                    case .file where name.hasSuffix(suffix):
                        if let item = take(InputItem(path: path, root: nextRoot - 1, relative: relative)) { return item }
                    case .other where name.hasSuffix(suffix):
                        let problem = InputFile.problem(at: path).map(Self.reason) ?? "vanished while the inputs were listed"
                        if let item = take(InputItem(path: path, root: nextRoot - 1, relative: relative, problem: problem)) { return item }
                    default:
                        continue
                    }
                    continue
                }
                guard nextRoot < roots.count else { return nil }
                let root = roots[nextRoot]
                nextRoot += 1
                if Self.kind(of: root) == .directory {
                    switch Self.sortedEntries(of: root) {
                    case .success(let entries): stack.append((root, "", entries))
                    case .failure(let unreadable):
                        if let item = take(InputItem(path: root, root: nextRoot - 1, relative: "", problem: unreadable.reason)) { return item }
                    }
                } else if let item = take(InputItem(path: root, root: nextRoot - 1, relative: "")) {
                    return item
                }
            }
        }

        /// Only overlapping roots can yield a file twice; remember paths only then.
        private mutating func take(_ item: InputItem) -> InputItem? {
            guard overlapping else { return item }
            return seen.insert(item.path).inserted ? item : nil
        }

        enum Kind { case file, directory, other }

        static func kind(of path: String) -> Kind {
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            var type = info.st_mode & S_IFMT
            if type == S_IFLNK {
                // A link to a file is followed; a link to a directory is not (no cycles).
                guard stat(path, &info) == 0 else { return .other }
                type = info.st_mode & S_IFMT
                return type == S_IFREG ? .file : .other
            }
            return type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other
        }

        /// The reason an input cannot be read, without its path (the error record names the file).
        static func reason(_ problem: XMLLoadError) -> String {
            switch problem {
            case .fileNotFound: "vanished while the inputs were listed"
            case .unreadable(_, let reason): reason
            case .tooLarge, .invalid: "\(problem)"
            }
        }

        struct UnreadableDirectory: Error { var reason: String }

        /// Entries without hidden names, sorted byte-wise, reversed for popLast; or why the directory cannot be read.
        static func sortedEntries(of directory: String) -> Result<[String], UnreadableDirectory> {
            guard let handle = opendir(directory) else {
                return .failure(UnreadableDirectory(reason: "directory cannot be read: " + String(cString: strerror(errno))))
            }
            defer { closedir(handle) }
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            return .success(names.sorted { $1.utf8.lexicographicallyPrecedes($0.utf8) })
        }
    }
}

/// One pass over the shard's inputs without opening any: how many there are and a fingerprint of
/// their paths, sizes and modification times, so `--resume` can tell that the input set is unchanged.
public struct InputCensus: Sendable, Equatable {
    public var count: Int
    public var fingerprint: String

    public init(_ inputs: InputSet, shard: ShardSpec) {
        var count = 0
        var hash = FNV1a.offset
        for item in inputs where shard.contains(item) {
            count += 1
            var info = stat()
            let size = stat(item.path, &info) == 0 ? Int64(info.st_size) : -1
            #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            #endif
            hash = FNV1a.hash("\(item.root)\u{0}\(item.relative)\u{0}\(size)\u{0}\(modified)\u{0}", into: hash)
        }
        self.count = count
        self.fingerprint = String(hash, radix: 16)
    }
}
