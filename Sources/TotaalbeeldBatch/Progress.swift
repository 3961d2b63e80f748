import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress line on stderr — count, rate and ETA — rewritten in place with `\r` at most four times a second.
///
/// Only on a terminal: ``standardErrorIsTerminal`` decides, and the CLI's `--quiet` switches it off.
public final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let alreadyDone: Int
    private var done = 0
    private let started = Date()
    /// The first line comes after a quarter second, with a meaningful rate.
    private var lastPrinted = Date()
    private var width = 0

    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// `total` dossiers in this run, of which `alreadyDone` were screened before a resume.
    public init(total: Int, alreadyDone: Int) {
        self.total = total
        self.alreadyDone = alreadyDone
    }

    public func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        if now.timeIntervalSince(lastPrinted) >= 0.25 {
            lastPrinted = now
            print(now)
        }
    }

    /// The final state, then a newline so the shell prompt starts clean.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        print(Date())
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func print(_ now: Date) {
        let elapsed = max(0.001, now.timeIntervalSince(started))
        let rate = Double(done) / elapsed
        let current = alreadyDone + done
        let remaining = max(0, total - current)
        let eta = rate > 0 ? Self.duration(Double(remaining) / rate) : "–"
        let share = total > 0 ? String(format: "%.1f", 100 * Double(current) / Double(total)) : "100"
        var line = "screened \(current)/\(total) (\(share) %)  \(String(format: "%.0f", rate)) dossiers/s  ETA \(eta)"
        let pad = max(0, width - line.count)
        width = line.count
        line += String(repeating: " ", count: pad)
        FileHandle.standardError.write(Data(("\r" + line).utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600) h \(s % 3600 / 60) min" : s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}
