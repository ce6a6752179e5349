import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file holding one mutt `echo` command, which a mutt or neomutt macro `source`s to show a line
/// in the status line.
struct MuttStatusFile {
    let path: String

    /// Returns the `echo` command that shows `line` literally.
    ///
    /// Inside double quotes mutt and neomutt read a backslash as an escape, and expand `$` and
    /// backticks, so each of `\ " $` and the backtick gets a backslash. Control characters, such as
    /// a line break in a name, would end or corrupt the command and become spaces.
    static func echoCommand(for line: String) -> String {
        var quoted = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\\", "\"", "$", "`":
                quoted.unicodeScalars.append("\\")
                quoted.unicodeScalars.append(scalar)
            case _ where scalar.properties.generalCategory == .control:
                quoted.unicodeScalars.append(" ")
            default:
                quoted.unicodeScalars.append(scalar)
            }
        }
        return "echo \"\(quoted)\"\n"
    }

    /// Replaces the file with the `echo` command for `line`.
    ///
    /// Creates the missing folders with mode 0700. The command goes to a temporary file in the same
    /// folder with mode 0600, which is then renamed over the file, so that a macro never reads half
    /// a command.
    /// - Throws: ``StatusFileError`` naming the path and the system's reason.
    func write(_ line: String) throws(StatusFileError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StatusFileError(path: path, reason: "cannot create its folder: \(error.localizedDescription)")
            }
        }

        // A leftover of a killed run with the same process id may have another mode, so it goes first.
        let temporaryPath = "\(path).\(getpid()).tmp"
        unlink(temporaryPath)
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StatusFileError(path: path, reason: String(cString: strerror(errno)))
        }
        let bytes = Array(Self.echoCommand(for: line).utf8)
        let written = bytes.withUnsafeBytes { buffer in
            Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        }
        let writeError = errno
        close(descriptor)
        guard written == bytes.count else {
            unlink(temporaryPath)
            throw StatusFileError(path: path, reason: written < 0 ? String(cString: strerror(writeError)) : "short write")
        }

        guard rename(temporaryPath, path) == 0 else {
            let renameError = errno
            unlink(temporaryPath)
            throw StatusFileError(path: path, reason: String(cString: strerror(renameError)))
        }
    }
}

/// A status file that could not be written.
struct StatusFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String {
        "cannot write the status file \(path): \(reason). Check that the folder is writable, or pass another --status-file."
    }
}
