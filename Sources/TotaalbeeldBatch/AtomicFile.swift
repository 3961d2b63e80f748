import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written, with the operating system's reason: "cannot write out/summary.json: No space left on device".
public struct OutputProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// What failed: "create", "write", "read", "rename into place".
    public var action: String
    /// strerror(3) of the failure.
    public var reason: String
    public var description: String { "cannot \(action) \(path): \(reason)" }

    init(path: String, action: String, errno code: Int32) {
        self.path = path
        self.action = action
        reason = String(cString: strerror(code))
    }
}

/// A file that appears complete or not at all: written to a temporary name in the same directory,
/// flushed to disk (fsync), then renamed over the final name, and the directory synced.
///
/// A kill at any instant leaves the old state or the new one, never half a file.
/// ```swift
/// let file = try AtomicFile(path: dir + "/summary.json")
/// try file.write("{…}\n")
/// try file.commit()
/// ```
public final class AtomicFile {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var committed = false

    public init(path: String) throws(OutputProblem) {
        self.path = path
        temporary = path + ".tmp-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputProblem(path: path, action: "create", errno: errno) }
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) throws(OutputProblem) {
        buffer += text.utf8
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(bytes: some Collection<UInt8>) throws(OutputProblem) {
        buffer += bytes
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends another file's contents, streamed (constant memory).
    public func append(contentsOf source: String) throws(OutputProblem) {
        try flush()
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw OutputProblem(path: source, action: "open", errno: errno) }
        defer { close(input) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputProblem(path: source, action: "read", errno: errno)
            }
            try writeAll(chunk[..<n])
        }
    }

    private func flush() throws(OutputProblem) {
        guard !buffer.isEmpty else { return }
        try writeAll(buffer[...])
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: ArraySlice<UInt8>) throws(OutputProblem) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw OutputProblem(path: path, action: "write", errno: n == 0 ? EIO : errno) }
            written += n
        }
    }

    /// Flushes, syncs and renames into place; then syncs the directory so the rename survives a crash.
    public func commit() throws(OutputProblem) {
        try flush()
        committed = true
        // A full disk may only show at fsync or close (NFS, delayed allocation): "write" too.
        guard fsync(descriptor) == 0 else {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw OutputProblem(path: path, action: "write", errno: code)
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputProblem(path: path, action: "write", errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputProblem(path: path, action: "rename into place", errno: code)
        }
        AtomicFile.syncDirectory(of: path)
    }

    deinit {
        if !committed {
            close(descriptor)
            unlink(temporary)
        }
    }

    public static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(OutputProblem) {
        let file = try AtomicFile(path: path)
        try file.write(text)
        try file.commit()
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
