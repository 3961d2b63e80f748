import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

extension CLI {
    /// As ``run(_:stdin:environment:)``, with a deadline: a process still running after `timeout` seconds is
    /// killed and reported with status 137 and "timed out" on stderr, so a command that blocks (on a FIFO, say)
    /// fails its test instead of hanging the suite.
    ///
    /// `unprivileged`: when the tests run as root, the command runs as user `nobody` (through `setpriv`), so that
    /// permission bits apply to it as they do to any user; a test that needs this is skipped when `setpriv` is missing.
    /// ```swift
    /// let run = try CLI.run(["screen", fifo], timeout: 30)
    /// ```
    public static func run(_ arguments: [String], timeout: TimeInterval, unprivileged: Bool = false) throws -> CLIRun {
        let process = Process()
        if unprivileged, getuid() == 0 {
            let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
            guard let setpriv else { throw XCTSkip("running as root without setpriv: cannot drop privileges for this test") }
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain both pipes while waiting, so a large output cannot block the child.
        let collected = Collected()
        let readers = DispatchGroup()
        for (pipe, isError) in [(out, false), (err, true)] {
            readers.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                readers.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        readers.wait()
        let (stdout, stderr) = collected.values
        return CLIRun(
            status: timedOut ? 137 : process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self) + (timedOut ? "\ntimed out after \(Int(timeout)) s" : "")
        )
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()

    func set(_ data: Data, isError: Bool) {
        lock.lock()
        if isError { err = data } else { out = data }
        lock.unlock()
    }

    var values: (Data, Data) {
        lock.lock()
        defer { lock.unlock() }
        return (out, err)
    }
}

extension XCTestCase {
    /// A scratch directory removed when the test ends. XCTest never runs `deinit` of a test case's stored
    /// helpers, so a `TemporaryDirectory` kept in a property would stay behind; this one is removed by a
    /// teardown block (after any permission bits a test changed are restored).
    public func makeScratchDirectory() -> TemporaryDirectory {
        let scratch = TemporaryDirectory()
        let path = scratch.path
        addTeardownBlock {
            // A test may have closed a folder (chmod 000); open everything again so it can be removed.
            if let walker = FileManager.default.enumerator(atPath: path) {
                while let next = walker.nextObject() as? String {
                    var info = stat()
                    if lstat(path + "/" + next, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { chmod(path + "/" + next, 0o755) }
                }
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        return scratch
    }
}
