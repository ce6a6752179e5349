import Foundation

/// The file `hrbox.json` in one native messaging host folder, written and removed with POSIX calls so that
/// a failure keeps its `errno`.
struct NativeHostManifestFile {
    let folder: String
    /// True for the folder of every user, so that a denied permission suggests sudo.
    let isSystem: Bool

    var path: String {
        URL(fileURLWithPath: folder).appendingPathComponent(NativeHostManifest.fileName).path
    }

    /// Writes `contents` readable by everyone (mode 0644), creating missing folders with mode 0755.
    ///
    /// The bytes go to a temporary file in the same folder that is then renamed over the manifest, so
    /// Thunderbird never reads a half-written one.
    func write(_ contents: Data) throws(NativeHostManifestError) {
        try createFolder(folder)

        let temporaryPath = path + ".tmp-\(getpid())"
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .from(errno: errno, path: folder, action: "write to", system: isSystem)
        }
        let written = contents.withUnsafeBytes { buffer in
            Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        }
        let writeError = written == contents.count ? 0 : errno
        close(descriptor)
        guard writeError == 0, fchmodat(AT_FDCWD, temporaryPath, 0o644, 0) == 0 else {
            let number = writeError == 0 ? errno : writeError
            unlink(temporaryPath)
            throw .from(errno: number, path: temporaryPath, action: "write", system: isSystem)
        }
        guard rename(temporaryPath, path) == 0 else {
            let number = errno
            unlink(temporaryPath)
            throw .from(errno: number, path: path, action: "replace", system: isSystem)
        }
    }

    /// Removes the manifest and returns whether there was one.
    func remove() throws(NativeHostManifestError) -> Bool {
        if unlink(path) == 0 {
            return true
        }
        if errno == ENOENT {
            return false
        }
        throw .from(errno: errno, path: path, action: "remove", system: isSystem, removing: true)
    }

    /// Creates `folder` and any missing parents, as `mkdir -p` does.
    private func createFolder(_ folder: String) throws(NativeHostManifestError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
            return
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        if parent != folder {
            try createFolder(parent)
        }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            throw .from(errno: errno, path: folder, action: "create the folder", system: isSystem)
        }
    }
}
