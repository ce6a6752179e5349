import Foundation

/// Blocking reads and writes on raw file descriptors, retried on `EINTR`.
package enum FileDescriptorIO {
    /// Writes every byte, looping over partial writes.
    package static func writeAll(_ fileDescriptor: Int32, _ bytes: some Collection<UInt8>) throws(SystemCallError) {
        let result: Result<Void, SystemCallError>? = bytes.withContiguousStorageIfAvailable { buffer in
            writeAll(fileDescriptor, UnsafeRawBufferPointer(buffer))
        }
        if let result {
            try result.get()
        } else {
            try Array(bytes).withUnsafeBytes { writeAll(fileDescriptor, $0) }.get()
        }
    }

    private static func writeAll(_ fileDescriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Void, SystemCallError> {
        var offset = 0
        while offset < buffer.count {
            let written = write(fileDescriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
            if written < 0 {
                if errno == EINTR {
                    continue
                }
                return .failure(SystemCallError("write to file descriptor \(fileDescriptor)"))
            }
            offset += written
        }
        return .success(())
    }

    /// Creates a pipe whose ends are closed in child processes, so that no child keeps one open by accident.
    ///
    /// Uses `pipe2(O_CLOEXEC)`, which sets the flag atomically, so that a process spawned by another
    /// thread at the same moment cannot inherit the ends. Swift's Glibc module hides `pipe2`, a GNU
    /// extension, so it is looked up at run time. glibc has had it since version 2.9.
    package static func makePipe() throws(SystemCallError) -> (read: Int32, write: Int32) {
        guard let pipe2 = pipeWithFlags else {
            throw SystemCallError("look up pipe2 in the C library", errorNumber: ENOSYS)
        }
        var ends: [Int32] = [-1, -1]
        guard pipe2(&ends, O_CLOEXEC) == 0 else {
            throw SystemCallError("pipe2")
        }
        return (ends[0], ends[1])
    }

    private typealias PipeWithFlags = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

    private static let pipeWithFlags: PipeWithFlags? = {
        // A null handle is RTLD_DEFAULT on glibc: search every loaded library.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") else {
            return nil
        }
        return unsafeBitCast(symbol, to: PipeWithFlags.self)
    }()

    /// Ignores SIGPIPE for the whole process, so that writing to a peer that went away fails with
    /// `EPIPE` instead of killing the process.
    package static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}
