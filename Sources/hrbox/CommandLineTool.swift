import Foundation
import HRBoxServer

/// The root command: finds the subcommand the words name, runs it and turns its errors into messages.
enum CommandLineTool {
    static let commands: [any Command.Type] = [
        ServeCommand.self,
        BoxCommand.self,
        FileCommand.self,
        QueryCommand.self,
        PersonShowCommand.self,
        SearchCommand.self,
        AuditCommand.self,
        PeopleImportCommand.self,
        ColleaguesImportCommand.self,
        CaseTypesImportCommand.self,
        MessageExportCommand.self,
        InspectCommand.self,
        StoreInitCommand.self,
        StoreCopyCommand.self,
        DemoCommand.self,
        ConformanceCommand.self,
        ThunderbirdInstallCommand.self,
        ThunderbirdUninstallCommand.self,
    ]

    static func run(_ arguments: [String]) -> Int32 {
        if let extensionID = nativeHostExtension(arguments) {
            return runNativeHost(for: extensionID)
        }
        guard let first = arguments.first else {
            printToStandardError(overview)
            return ExitStatus.usage
        }
        switch first {
        case "help", "--help", "-h":
            return help(Array(arguments.dropFirst()))
        case "--version", "version":
            print("\(HRBoxServer.name) \(HRBoxServer.version)")
            return ExitStatus.success
        default:
            break
        }

        guard let (command, rest) = match(arguments) else {
            if let reason = nativeHostMismatch(arguments) {
                printToStandardError("hrbox: \(reason)")
            } else if let usage = groupUsage(first) {
                let unknown = arguments.count > 1 ? "hrbox: unknown \(first) command \"\(arguments[1])\".\n\n" : ""
                printToStandardError(unknown + usage)
            } else {
                printToStandardError("hrbox: unknown command \"\(arguments.prefix(2).joined(separator: " "))\".\n\n\(overview)")
            }
            return ExitStatus.usage
        }
        if rest.contains("--help") || rest.contains("-h") {
            print(command.usage)
            return ExitStatus.success
        }

        do {
            var parsed = Arguments(rest, commandName: command.name)
            let instance = try command.init(parsing: &parsed)
            try parsed.finish()
            return try instance.run()
        } catch let error as UsageError {
            printToStandardError("hrbox \(command.name): \(error)")
            return ExitStatus.usage
        } catch {
            printToStandardError("hrbox \(command.name): \(error)")
            return ExitStatus.failure
        }
    }

    /// Returns the extension's id when the arguments are those a browser passes to a native
    /// messaging host, or nil otherwise.
    ///
    /// Thunderbird and Firefox pass the path of the host's manifest and the extension's id. The
    /// manifest must exist and end in `.json`, so that a mistyped command is not taken for one.
    /// Chrome passes the extension's origin, `chrome-extension://ID/`, and on Windows a
    /// `--parent-window` option after it.
    static func nativeHostExtension(_ arguments: [String]) -> String? {
        guard let first = arguments.first else {
            return nil
        }
        let chromePrefix = "chrome-extension://"
        if first.hasPrefix(chromePrefix) {
            let id = first.dropFirst(chromePrefix.count).split(separator: "/").first.map(String.init)
            return id ?? first
        }

        var isFolder: ObjCBool = false
        guard arguments.count == 2, first.hasSuffix(".json"), !arguments[1].isEmpty,
            FileManager.default.fileExists(atPath: first, isDirectory: &isFolder), !isFolder.boolValue
        else {
            return nil
        }
        return arguments[1]
    }

    /// Says why arguments that start with a `.json` path were not taken for a native host's start,
    /// or returns nil when the first argument does not end in `.json`.
    static func nativeHostMismatch(_ arguments: [String]) -> String? {
        guard let manifest = arguments.first, manifest.hasSuffix(".json") else {
            return nil
        }
        let usage = "A browser starts hrbox as a native messaging host with two arguments: the manifest's path and the extension's id."
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: manifest, isDirectory: &isFolder) {
            return "the native messaging host manifest \"\(manifest)\" does not exist. \(usage) Check the path in the browser's manifest folder."
        }
        if isFolder.boolValue {
            return "\"\(manifest)\" is a folder, not a native messaging host manifest. \(usage)"
        }
        if arguments.count != 2 || arguments[1].isEmpty {
            return "expected the manifest \"\(manifest)\" and one non-empty extension id, found \(arguments.count - 1) other argument(s). \(usage)"
        }
        return nil
    }

    private static func runNativeHost(for extensionID: String) -> Int32 {
        do {
            return try ServeCommand(nativeHostFor: extensionID).run()
        } catch {
            printToStandardError("hrbox (native messaging host of \(extensionID)): \(error)")
            return ExitStatus.failure
        }
    }

    /// Finds the command whose words begin `arguments`, and returns it with the arguments after them.
    private static func match(_ arguments: [String]) -> (any Command.Type, [String])? {
        for command in commands where arguments.starts(with: command.words) {
            return (command, Array(arguments.dropFirst(command.words.count)))
        }
        return nil
    }

    private static func help(_ words: [String]) -> Int32 {
        if words.isEmpty {
            print(overview)
            return ExitStatus.success
        }
        if words.count == 1, let usage = groupUsage(words[0]) {
            print(usage)
            return ExitStatus.success
        }
        guard let (command, _) = match(words) else {
            printToStandardError("hrbox: no command \"\(words.joined(separator: " "))\".\n\n\(overview)")
            return ExitStatus.usage
        }
        print(command.usage)
        return ExitStatus.success
    }

    /// Returns the usage of the commands whose first word is `word`, such as `thunderbird install` and
    /// `thunderbird uninstall` for "thunderbird", or nil when no command of two or more words starts so.
    static func groupUsage(_ word: String) -> String? {
        let group = commands.filter { $0.words.count > 1 && $0.words.first == word }
        guard !group.isEmpty else {
            return nil
        }
        let names = group.map { $0.words.dropFirst().joined(separator: " ") }
        let width = names.map(\.count).max() ?? 0
        let lines = zip(names, group).map { name, command in
            "  " + name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary
        }
        return """
            Usage: hrbox \(word) COMMAND [OPTIONS]

            Commands:
            \(lines.joined(separator: "\n"))

            Run `hrbox help \(word) COMMAND` for a command's options.
            """
    }

    static var overview: String {
        let width = commands.map { $0.name.count }.max() ?? 0
        let lines = commands.map { command in
            "  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary
        }
        return """
            hrbox files email into HR records: personnel files, cases and to-dos.

            Usage: hrbox COMMAND [OPTIONS]

            Commands:
            \(lines.joined(separator: "\n"))

            Run `hrbox help COMMAND` for a command's options, `hrbox --version` for the version.
            """
    }
}

/// Writes a line to stderr, where every message for the user goes except a command's output.
func printToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
