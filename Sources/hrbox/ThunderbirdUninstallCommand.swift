import Foundation

/// `hrbox thunderbird uninstall`: removes the native messaging host manifest that
/// `hrbox thunderbird install` wrote.
struct ThunderbirdUninstallCommand: Command {
    static let words = ["thunderbird", "uninstall"]
    static let summary = "Remove the native host manifest, so that Thunderbird no longer starts hrbox."
    static let usage = """
        Usage: hrbox thunderbird uninstall [--system]

        Removes ~/.mozilla/native-messaging-hosts/\(NativeHostManifest.fileName). The extension then
        reports that hrbox is not installed. Removing a manifest that is not there is not an error.

        Options:
        \(NativeHostFolder.usage())
        """

    let folder: NativeHostFolder

    init(parsing arguments: inout Arguments) throws(UsageError) {
        folder = arguments.flag("--system") ? .system : .user
    }

    func run() throws -> Int32 {
        let file = NativeHostManifestFile(
            folder: try folder.path(environment: ProcessInfo.processInfo.environment),
            isSystem: folder == .system)
        if try file.remove() {
            print("Removed \(file.path).")
        } else {
            print("No manifest at \(file.path), so there was nothing to remove.")
        }
        return ExitStatus.success
    }
}
