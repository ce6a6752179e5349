import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension FileMailbox {
    /// Reads a message file into one buffer, with no copy through `Data`.
    /// - Parameter maxBytes: A file larger than this is not read.
    /// - Throws: ``FileMailboxError`` when the file cannot be opened or read, or is too large.
    static func readMessageFile(_ path: String, maxBytes: Int) throws(FileMailboxError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileMailboxError(path: path, reason: "the file cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw FileMailboxError(path: path, reason: "the path names no regular file, so it is not a message")
        }
        let size = Int(status.st_size)
        guard size <= maxBytes else {
            throw FileMailboxError(path: path, reason: "the file has \(size) bytes, more than the limit of \(maxBytes)")
        }

        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initializedCount in
            initializedCount = 0
            guard let start = buffer.baseAddress else {
                return
            }
            while initializedCount < size {
                let count = read(descriptor, start + initializedCount, size - initializedCount)
                if count < 0, errno == EINTR {
                    continue
                }
                guard count > 0 else {
                    readError = count < 0 ? errno : 0
                    return
                }
                initializedCount += count
            }
        }
        guard readError == 0 else {
            throw FileMailboxError(path: path, reason: "reading the file failed (\(String(cString: strerror(readError))))")
        }
        // A file that shrank while it was read is taken as it was at the end; a grown one is cut at its first size.
        return bytes
    }
}
