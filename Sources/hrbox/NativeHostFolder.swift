import Foundation

/// A folder where Thunderbird looks for native messaging host manifests on Linux. It reads the user's
/// folder first, then the folder for every user of the machine.
enum NativeHostFolder {
    case user
    case system

    /// The environment variable that replaces the system folder, for packagers who stage files in a build
    /// root and for tests.
    static let systemFolderVariable = "HRBOX_NATIVE_HOST_SYSTEM_FOLDER"
    static let defaultSystemPath = "/usr/lib/mozilla/native-messaging-hosts"

    /// Returns the folder's path: `$HOME/.mozilla/native-messaging-hosts` for the user, and for the system
    /// `$HRBOX_NATIVE_HOST_SYSTEM_FOLDER` or else `/usr/lib/mozilla/native-messaging-hosts`.
    ///
    /// Thunderbird takes neither `~/.thunderbird` nor the XDG folders for this.
    func path(environment: [String: String]) throws(NativeHostManifestError) -> String {
        switch self {
        case .user:
            guard let home = environment["HOME"] else {
                throw .homeMissing
            }
            guard home.hasPrefix("/") else {
                throw .homeNotAbsolute(home)
            }
            return URL(fileURLWithPath: home).appendingPathComponent(".mozilla/native-messaging-hosts").path
        case .system:
            if let override = environment[Self.systemFolderVariable], !override.isEmpty {
                return override
            }
            return Self.defaultSystemPath
        }
    }

    static func usage() -> String {
        """
          --system       Use \(defaultSystemPath), read for every user, instead of
                         ~/.mozilla/native-messaging-hosts. Needs root. Packagers who stage files
                         elsewhere set \(systemFolderVariable) to the staging folder.
        """
    }
}
