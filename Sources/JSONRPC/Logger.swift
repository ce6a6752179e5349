import Foundation

/// Writes log lines to a file descriptor, normally standard error: one line per entry, with a UTC
/// time stamp and the level, such as `2025-03-01T09:30:00.125Z info: Started.`
///
/// Mail content, addresses and names go only through ``logPersonalData(_:_:)``, which writes nothing
/// unless ``includePersonalData`` is on. A failed write to the log is ignored, because there is no
/// other place to report it.
public final class Logger: Sendable {
    public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        case error
        case warning
        case info
        case debug

        public static func < (lhs: Level, rhs: Level) -> Bool {
            lhs.rawValue < rhs.rawValue
        }

        public var description: String {
            switch self {
            case .error: "error"
            case .warning: "warning"
            case .info: "info"
            case .debug: "debug"
            }
        }
    }

    /// The most detailed level written; lines of a more detailed level are dropped.
    public let level: Level
    public let includePersonalData: Bool
    private let fileDescriptor: Int32
    private let writeLock = Locked(())

    public init(level: Level = .info, includePersonalData: Bool = false, fileDescriptor: Int32 = STDERR_FILENO) {
        self.level = level
        self.includePersonalData = includePersonalData
        self.fileDescriptor = fileDescriptor
    }

    /// A logger that writes nothing, for tests and embedding.
    public static var silent: Logger {
        Logger(level: .error, fileDescriptor: -1)
    }

    /// Writes `message` at `level`; it must not contain personal data.
    public func log(_ level: Level, _ message: @autoclosure () -> String) {
        guard level <= self.level, fileDescriptor >= 0 else {
            return
        }
        write(level, message())
    }

    /// Writes a line that contains personal data, such as an address, only when ``includePersonalData`` is on.
    public func logPersonalData(_ level: Level, _ message: @autoclosure () -> String) {
        guard includePersonalData else {
            return
        }
        log(level, message())
    }

    public func error(_ message: @autoclosure () -> String) {
        log(.error, message())
    }

    public func warning(_ message: @autoclosure () -> String) {
        log(.warning, message())
    }

    public func info(_ message: @autoclosure () -> String) {
        log(.info, message())
    }

    public func debug(_ message: @autoclosure () -> String) {
        log(.debug, message())
    }

    private func write(_ level: Level, _ message: String) {
        let oneLine = message.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let line = "\(Self.timestamp()) \(level): \(oneLine)\n"
        writeLock.withLock { _ in
            do {
                try FileDescriptorIO.writeAll(fileDescriptor, Array(line.utf8))
            } catch {
                // Ignored on purpose: the log is where failures would be reported.
            }
        }
    }

    /// Formats the current time as RFC 3339 in UTC with milliseconds.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)

        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let milliseconds = Int32(now.tv_nsec / 1_000_000)
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
            + "T\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2)).\(padded(milliseconds, 3))Z"
    }
}
