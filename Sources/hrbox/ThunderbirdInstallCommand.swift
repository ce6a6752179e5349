import Foundation
import HRBoxClient

/// `hrbox thunderbird install`: writes the native messaging host manifest that lets the hrbox extension
/// in Thunderbird start this hrbox executable.
struct ThunderbirdInstallCommand: Command {
    static let words = ["thunderbird", "install"]
    static let summary = "Let the Thunderbird extension start this hrbox (writes the native host manifest)."
    static let usage = """
        Usage: hrbox thunderbird install [--system] [--extension-id ID] [--dry-run]

        Writes ~/.mozilla/native-messaging-hosts/\(NativeHostManifest.fileName), the native messaging
        host manifest through which Thunderbird starts hrbox for the hrbox extension. The manifest
        points at the absolute path of the hrbox executable that runs this command, so run it again
        after moving hrbox. Thunderbird passes its own environment on, so HRBOX_STORE and
        HRBOX_CONFIG set where Thunderbird starts reach hrbox too.

        Options:
        \(NativeHostFolder.usage())
          --extension-id ID
                         The extension allowed to start hrbox (default \(NativeHostManifest.defaultExtensionID),
                         the id of clients/thunderbird).
          --dry-run      Print the manifest and where it would go, and write nothing.
        """

    let folder: NativeHostFolder
    let extensionID: String
    let isDryRun: Bool

    init(parsing arguments: inout Arguments) throws(UsageError) {
        folder = arguments.flag("--system") ? .system : .user
        isDryRun = arguments.flag("--dry-run")
        extensionID = try arguments.option("--extension-id") ?? NativeHostManifest.defaultExtensionID
        guard NativeHostManifest.isValidExtensionID(extensionID) else {
            throw UsageError(
                "--extension-id expects an id such as \(NativeHostManifest.defaultExtensionID) or a GUID in braces, "
                    + "found \"\(extensionID)\"",
                command: Self.name)
        }
    }

    func run() throws -> Int32 {
        let file = NativeHostManifestFile(
            folder: try folder.path(environment: ProcessInfo.processInfo.environment),
            isSystem: folder == .system)
        let executable = HRBoxClient.currentExecutablePath()
        let manifest = NativeHostManifest(executablePath: executable, extensionID: extensionID)
        let contents = try manifest.encoded()

        if isDryRun {
            print("Would write \(file.path):")
            print(String(decoding: contents, as: UTF8.self), terminator: "")
            return ExitStatus.success
        }

        try file.write(contents)
        print("Wrote \(file.path).")
        print("Thunderbird now starts \(executable) for the extension \(extensionID).")
        return ExitStatus.success
    }
}
