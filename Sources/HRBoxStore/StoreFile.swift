import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Creates the store's directories and file readable by their owner only.
enum StoreFile {
    /// Creates each missing directory above `path` with mode 0700.
    static func createParentDirectories(of path: String) throws(StoreError) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else {
            return
        }

        var missing: [String] = []
        var directory = parent
        while !directory.isEmpty, directory != "/", !FileManager.default.fileExists(atPath: directory) {
            missing.append(directory)
            directory = (directory as NSString).deletingLastPathComponent
        }

        for directory in missing.reversed() {
            // Another process may create the same directory at the same time; that is fine.
            if mkdir(directory, 0o700) != 0, errno != EEXIST {
                throw .fileSystem(path: directory, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Creates the file with mode 0600 unless it exists, so that SQLite never creates it with the umask's mode.
    static func createOwnerOnlyFile(at path: String) throws(StoreError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST {
                return
            }
            throw .fileSystem(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }

        // The umask may have taken bits off; the file is meant to be exactly 0600.
        if fchmod(descriptor, 0o600) != 0 {
            throw .fileSystem(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
