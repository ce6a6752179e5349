import Foundation

/// The XDG base directories that hold hrbox's files, with the defaults the XDG Base Directory
/// Specification gives when their variable is unset.
package enum XDGBaseDirectory {
    /// `$XDG_DATA_HOME`, else `$HOME/.local/share`.
    case data
    /// `$XDG_CONFIG_HOME`, else `$HOME/.config`.
    case config

    /// Returns `relativePath` inside this directory, as `environment` sets it.
    ///
    /// Empty variables count as unset. Without `HOME` the home directory comes from `NSHomeDirectory()`.
    package func path(of relativePath: String, environment: [String: String]) -> String {
        if let directory = environment[variable], !directory.isEmpty {
            return directory + "/" + relativePath
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + homeDefault + "/" + relativePath
    }

    private var variable: String {
        switch self {
        case .data: "XDG_DATA_HOME"
        case .config: "XDG_CONFIG_HOME"
        }
    }

    private var homeDefault: String {
        switch self {
        case .data: ".local/share"
        case .config: ".config"
        }
    }
}
