import Foundation

/// A native messaging host manifest that could not be written or removed, with what to do about it.
enum NativeHostManifestError: Error, CustomStringConvertible {
    case homeMissing
    case permissionDenied(path: String, system: Bool)
    case fileSystem(path: String, action: String, reason: String)

    var description: String {
        switch self {
        case .homeMissing:
            return "HOME is not set, so the user's folder ~/.mozilla/native-messaging-hosts is unknown. "
                + "Set HOME, or use --system to install for every user."
        case .permissionDenied(let path, let system):
            if system {
                return "permission denied for \(path). Run the command with sudo to install for every user, "
                    + "or drop --system to install for yourself only."
            }
            return "permission denied for \(path). Check that you own the folder and may write to it."
        case .fileSystem(let path, let action, let reason):
            return "cannot \(action) \(path): \(reason)."
        }
    }

    /// Turns the `errno` of a failed call on `path` into an error, telling a denied permission apart.
    static func from(errno number: Int32, path: String, action: String, system: Bool) -> NativeHostManifestError {
        if number == EACCES || number == EPERM {
            return .permissionDenied(path: path, system: system)
        }
        return .fileSystem(path: path, action: action, reason: String(cString: strerror(number)))
    }
}
