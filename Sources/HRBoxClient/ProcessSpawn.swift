import Foundation
import JSONRPC

/// Starts child processes with `posix_spawn` and decodes their `waitpid` status.
///
/// The client, the conformance runner and the end-to-end tests all start children this way.
package enum ProcessSpawn {
    /// Where a child's standard input, output and error come from.
    package enum Streams {
        /// Descriptors the parent already opened, such as the child's ends of pipes.
        case descriptors(input: Int32, output: Int32, error: Int32)
        /// Files opened by the child: input for reading, output and error created or truncated, mode 0600.
        case files(input: String, output: String, error: String)
    }

    /// Starts `arguments[0]` with `arguments` as its argument vector and `environment` as its whole environment.
    ///
    /// The callers ignore SIGPIPE, and an ignored signal stays ignored across exec, so the child gets the
    /// default action for SIGPIPE back.
    ///
    /// - Parameters:
    ///   - searchesPath: Whether an executable without a slash is looked up on PATH, as `posix_spawnp` does.
    /// - Throws: ``SystemCallError`` with the operation `start EXECUTABLE` when the child cannot be started.
    package static func start(
        arguments: [String],
        environment: [String: String],
        streams: Streams,
        searchesPath: Bool = false
    ) throws(SystemCallError) -> pid_t {
        guard let executable = arguments.first else {
            throw SystemCallError("start a process: the argument vector is empty", errorNumber: EINVAL)
        }

        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        addStreams(streams, to: &fileActions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        // A child inherits the calling thread's blocked signals; a test runner's thread blocks SIGTERM,
        // which left a spawned Thunderbird deaf to it. Every child starts with nothing blocked.
        var noBlockedSignals = sigset_t()
        sigemptyset(&noBlockedSignals)
        posix_spawnattr_setsigmask(&attributes, &noBlockedSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argumentList = arguments.map { strdup($0) } + [nil]
        let environmentList = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argumentList.forEach { free($0) }
            environmentList.forEach { free($0) }
        }

        var processID: pid_t = 0
        let result =
            searchesPath
            ? posix_spawnp(&processID, executable, &fileActions, &attributes, argumentList, environmentList)
            : posix_spawn(&processID, executable, &fileActions, &attributes, argumentList, environmentList)
        guard result == 0 else {
            throw SystemCallError("start \(executable)", errorNumber: result)
        }
        return processID
    }

    /// Decodes a `waitpid` status as shells report it: the exit code, or 128 plus the signal number when a
    /// signal ended the child.
    ///
    /// Swift cannot call the C macros WIFEXITED and WTERMSIG, so this reads the bits they read: the low 7
    /// are the signal and the next 8 the exit code.
    package static func exitStatus(fromWaitStatus status: Int32) -> Int32 {
        let signal = status & 0x7F
        if signal == 0 {
            return (status >> 8) & 0xFF
        }
        return 128 + signal
    }

    private static func addStreams(_ streams: Streams, to fileActions: inout posix_spawn_file_actions_t) {
        switch streams {
        case .descriptors(let input, let output, let error):
            posix_spawn_file_actions_adddup2(&fileActions, input, STDIN_FILENO)
            posix_spawn_file_actions_adddup2(&fileActions, output, STDOUT_FILENO)
            posix_spawn_file_actions_adddup2(&fileActions, error, STDERR_FILENO)
        case .files(let input, let output, let error):
            let writeFlags = O_WRONLY | O_CREAT | O_TRUNC
            posix_spawn_file_actions_addopen(&fileActions, STDIN_FILENO, input, O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&fileActions, STDOUT_FILENO, output, writeFlags, 0o600)
            posix_spawn_file_actions_addopen(&fileActions, STDERR_FILENO, error, writeFlags, 0o600)
        }
    }
}
