import Foundation

extension HRBoxClient {
    /// Returns the absolute path of the running program, for `hrbox box`, which starts `hrbox serve` from
    /// its own binary.
    ///
    /// Resolves `/proc/self/exe`; where that fails, resolves `CommandLine.arguments[0]`, looking a bare
    /// name up in `PATH`. Returns `arguments[0]` unchanged when nothing resolves it.
    public static func currentExecutablePath() -> String {
        if let path = resolvedPath("/proc/self/exe") {
            return path
        }

        let invokedName = CommandLine.arguments.first ?? ""
        if invokedName.contains("/") {
            return resolvedPath(invokedName) ?? invokedName
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(invokedName)"
            if access(candidate, X_OK) == 0, let path = resolvedPath(candidate) {
                return path
            }
        }
        return invokedName
    }

    /// Returns the canonical absolute path of `path` with every symbolic link resolved, or nil when it does not exist.
    private static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else {
            return nil
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
