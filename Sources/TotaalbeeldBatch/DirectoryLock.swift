import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive lock one `batch` or `merge` process holds on its output directory for the whole run, so
/// that a second process (a retried job, a `--resume` typed while the first still runs) is refused instead
/// of writing the same journal and duplicating lines.
///
/// The lock is `flock(2)` on the file ``fileName`` inside the directory. The kernel drops it when its holder
/// dies, however it dies (`kill -9` included), so a stale lock needs no clean-up: the next process simply
/// takes it. The holder's pid is written in the file as information for the refusal message only; it is
/// never used to decide. The file is removed on release (while still locked; a process that opened the old
/// file in the meantime notices that the name no longer leads to it and tries again), so a finished
/// directory holds only its outputs; after a kill it stays behind, stale, until the next run takes it over.
///
/// ```swift
/// let lock = try DirectoryLock.acquire("/data/run")   // BatchError.output("…: in use by pid 4711 …") when held
/// defer { lock.release() }
/// ```
public final class DirectoryLock: @unchecked Sendable {
    public static let fileName = ".totaalbeeld-lock"
    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock of `directory` (which must exist) without waiting.
    public static func acquire(_ directory: String) throws(BatchError) -> DirectoryLock {
        let path = directory + "/" + fileName
        // Bounded: each retry means another process released the lock between our open and our flock.
        for _ in 0..<20 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else {
                throw .output("\(directory): cannot create the lock file \(fileName): \(String(cString: strerror(errno)))")
            }
            var locked = flock(descriptor, LOCK_EX | LOCK_NB)
            while locked != 0, errno == EINTR { locked = flock(descriptor, LOCK_EX | LOCK_NB) }
            if locked != 0 {
                let code = errno
                if code == EWOULDBLOCK {
                    let holder = holderPID(descriptor)
                    close(descriptor)
                    let who = holder.map { "pid \($0)" } ?? "another process"
                    throw .output("\(directory): in use by \(who) (a batch or merge writing it); wait until it ends, or use another output directory")
                }
                close(descriptor)
                throw .output("\(directory): cannot lock \(fileName): \(String(cString: strerror(code)))")
            }
            // Locked; but if the holder before us removed the file in between, the lock is on a name nobody sees.
            var held = stat(), named = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino else {
                close(descriptor)
                continue
            }
            // Information only, and best effort: on a full disk the lock still holds without it.
            let pid = Array("\(getpid())\n".utf8)
            if ftruncate(descriptor, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } }
            return DirectoryLock(path: path, descriptor: descriptor)
        }
        throw .output("\(directory): the lock file \(fileName) keeps changing hands; try again")
    }

    private static func holderPID(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Removes the lock file and releases the lock; idempotent.
    public func release() {
        guard descriptor >= 0 else { return }
        // Only our own file: should someone have replaced it by hand, theirs stays.
        var held = stat(), named = stat()
        if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino { unlink(path) }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
