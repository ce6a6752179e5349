import Foundation

/// Keeps standard output for protocol frames only.
///
/// A stray `print`, or a library that writes to standard output, would corrupt the frames a client
/// reads. At start-up the server takes a duplicate of fd 1 for its replies and points fd 1 at
/// standard error, so that such output lands in the log instead.
public enum StandardOutputGuard {
    /// Duplicates `standardOutput` for the protocol, then points `standardOutput` at `standardError`.
    ///
    /// The duplicate is marked close-on-exec, so child processes do not inherit the protocol channel.
    /// Call it once, before any thread writes to standard output. The parameters exist for tests;
    /// the defaults are fd 1 and fd 2.
    ///
    /// - Returns: The file descriptor to write protocol frames to.
    /// - Throws: ``SystemCallError`` when a descriptor cannot be duplicated.
    public static func install(
        standardOutput: Int32 = STDOUT_FILENO,
        standardError: Int32 = STDERR_FILENO
    ) throws(SystemCallError) -> Int32 {
        // Write out what `print` has buffered so far while it still goes to the old standard output.
        fflush(nil)

        let protocolOutput = fcntl(standardOutput, F_DUPFD_CLOEXEC, 3)
        guard protocolOutput >= 0 else {
            throw SystemCallError("duplicate file descriptor \(standardOutput)")
        }
        guard dup2(standardError, standardOutput) >= 0 else {
            let error = SystemCallError("point file descriptor \(standardOutput) at \(standardError)")
            close(protocolOutput)
            throw error
        }
        return protocolOutput
    }
}
