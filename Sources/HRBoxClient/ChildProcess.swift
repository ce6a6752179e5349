import Foundation
import JSONRPC

/// A process started with `posix_spawn`, its standard streams on pipes.
///
/// The parent's ends of the pipes are close-on-exec, so that no other child inherits them and keeps
/// a pipe open after this child exits. A thread waits for the child to exit and reaps it, so the
/// child never lingers as a zombie.
final class ChildProcess: Sendable {
    let processID: pid_t
    /// The parent's end of the child's standard input.
    let standardInput: Int32
    /// The parent's end of the child's standard output.
    let standardOutput: Int32
    /// The parent's end of the child's standard error.
    let standardError: Int32

    private let exitStatus = Locked<Int32?>(nil)
    private let exited = DispatchSemaphore(value: 0)
    private let isStandardInputOpen = Locked(true)

    /// Starts `executable` with `arguments` and `environment`, or the parent's environment when nil.
    ///
    /// - Throws: ``SystemCallError`` when the pipes cannot be made or the program cannot be started.
    init(executable: String, arguments: [String], environment: [String: String]?) throws(SystemCallError) {
        let pipes = try Self.makePipes(count: 3)
        let (input, output, error) = (pipes[0], pipes[1], pipes[2])

        let spawned = Result { () throws(SystemCallError) in
            try ProcessSpawn.start(
                arguments: [executable] + arguments,
                environment: environment ?? ProcessInfo.processInfo.environment,
                streams: .descriptors(input: input.read, output: output.write, error: error.write)
            )
        }
        Self.close(input.read, output.write, error.write)

        switch spawned {
        case .success(let processID):
            self.processID = processID
        case .failure(let spawnError):
            Self.close(input.write, output.read, error.read)
            throw spawnError
        }
        standardInput = input.write
        standardOutput = output.read
        standardError = error.read
        startReaping()
    }

    deinit {
        closeStandardInput()
        Self.close(standardOutput, standardError)
    }

    /// Closes the child's standard input, so that it reads end of input; later calls do nothing.
    func closeStandardInput() {
        let wasOpen = isStandardInputOpen.withLock { isOpen in
            defer { isOpen = false }
            return isOpen
        }
        if wasOpen {
            Self.close(standardInput)
        }
    }

    /// Waits for the child to exit and returns its status: the exit code, or 128 plus the signal
    /// number when a signal ended it, as shells report it.
    ///
    /// - Returns: nil when `seconds` passed first.
    func waitForExit(within seconds: Double? = nil) -> Int32? {
        if let seconds {
            guard exited.wait(timeout: .now() + seconds) == .success else {
                return nil
            }
        } else {
            exited.wait()
        }
        exited.signal()
        return exitStatus.withLock { $0 }
    }

    /// Ends the child with SIGKILL when it is still running.
    func kill() {
        if exitStatus.withLock({ $0 }) == nil {
            Glibc.kill(processID, SIGKILL)
        }
    }

    private func startReaping() {
        let processID = processID
        let exitStatus = exitStatus
        let exited = exited
        Thread.detachNewThread {
            var status: Int32 = 0
            var result: pid_t
            repeat {
                result = waitpid(processID, &status, 0)
            } while result < 0 && errno == EINTR
            exitStatus.withLock { $0 = result < 0 ? 1 : ProcessSpawn.exitStatus(fromWaitStatus: status) }
            exited.signal()
        }
    }

    /// Makes `count` pipes, or none when one fails.
    private static func makePipes(count: Int) throws(SystemCallError) -> [(read: Int32, write: Int32)] {
        var pipes: [(read: Int32, write: Int32)] = []
        for _ in 0..<count {
            do throws(SystemCallError) {
                pipes.append(try FileDescriptorIO.makePipe())
            } catch {
                for pipe in pipes {
                    close(pipe.read, pipe.write)
                }
                throw error
            }
        }
        return pipes
    }

    private static func close(_ fileDescriptors: Int32...) {
        for fileDescriptor in fileDescriptors {
            Glibc.close(fileDescriptor)
        }
    }
}
