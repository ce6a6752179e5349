/// What one run of a server command wrote and how it ended.
public struct ServerRun: Sendable {
    public var standardOutput: [UInt8]
    /// The end of what the server wrote to standard error, for reports.
    public var standardErrorTail: String
    /// The exit code, or 128 plus the signal number when a signal ended the process, as shells
    /// report it. The runner's own SIGKILL at the deadline counts too.
    public var exitStatus: Int32
    /// True when the deadline passed before the server closed its output and exited.
    public var timedOut: Bool
    /// True when standard output grew past ``ServerProcess/maxOutputBytes`` and the runner ended the server.
    public var wroteTooMuch: Bool
    /// How many input bytes the server did not take because it closed its input or exited first.
    public var unwrittenInputBytes: Int
}
