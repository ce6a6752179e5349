import Foundation

/// A native messaging host manifest that could not be written or removed, with what to do about it.
enum NativeHostManifestError: Error, CustomStringConvertible {
    case homeMissing
    /// HOME is empty or a relative path, which would put the manifest somewhere Thunderbird never looks.
    case homeNotAbsolute(String)
    /// `removing` is true for `uninstall`, so the advice speaks of removing rather than installing.
    case permissionDenied(path: String, system: Bool, removing: Bool)
    case fileSystem(path: String, action: String, reason: String)

    var description: String {
        switch self {
        case .homeMissing:
            return "HOME is not set, so the user's folder ~/.mozilla/native-messaging-hosts is unknown. "
                + "Set HOME, or use --system to install for every user."
        case .homeNotAbsolute(let home):
            let found = home.isEmpty ? "HOME is empty" : "HOME is the relative path \"\(home)\""
            return "\(found), so the user's folder ~/.mozilla/native-messaging-hosts is unknown. "
                + "Set HOME to your home folder's absolute path, or use --system for every user."
        case .permissionDenied(let path, let system, let removing):
            if system && removing {
                return "permission denied for \(path). Run the command with sudo to remove it for every user, "
                    + "or drop --system to remove your own manifest."
            }
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
    static func from(
        errno number: Int32, path: String, action: String, system: Bool, removing: Bool = false
    ) -> NativeHostManifestError {
        if number == EACCES || number == EPERM {
            return .permissionDenied(path: path, system: system, removing: removing)
        }
        return .fileSystem(path: path, action: action, reason: String(cString: strerror(number)))
    }
}
