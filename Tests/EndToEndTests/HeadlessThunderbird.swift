import Foundation
import JSONRPC

/// Thunderbird started headless, without network, on a fresh profile that contains the extension of
/// `clients/thunderbird` with the test driver and its messages added.
///
/// Thunderbird never exits by itself, so the test waits for the driver's result line on its standard
/// output and then ends it by its process id.
final class HeadlessThunderbird {
    /// The driver's result: `done` or `failed`, and the JSON object it reported.
    struct DriverResult {
        let outcome: String
        let details: JSONValue
    }

    static let extensionID = "thunderbird@hrbox"

    private let processID: pid_t
    private let standardOutput: String
    private let standardError: String
    private var hasExited = false

    /// What the driver gets: its mode, the messages it imports by name, and the size of a large
    /// message it builds itself, or nil for none.
    struct DriverSettings {
        var mode: ThunderbirdDriver.Mode
        var messages: [String: Data] = ["leave-request": ThunderbirdDriver.leaveRequest]
        var largeMessageBytes: Int?
        /// True to show pages in the dark theme.
        var isDark = false
    }

    /// Builds the profile in `home` and starts Thunderbird with `environment` added to the test's own.
    init(
        thunderbird: String, unshare: String, home: String, folder: TemporaryFolder, settings: DriverSettings,
        environment: [String: String]
    ) throws {
        let profile = "\(home)/profile"
        try Self.packExtension(
            settings: settings, folder: folder, output: "\(profile)/extensions/\(Self.extensionID).xpi")
        try folder.write(
            "home/profile/user.js", Self.preferences + (settings.isDark ? Self.darkThemePreferences : ""))

        standardOutput = folder.path("thunderbird.out")
        standardError = folder.path("thunderbird.err")
        // Without root, a network namespace needs a user namespace too.
        let namespaces = getuid() == 0 ? ["-n"] : ["-r", "-n"]
        processID = try spawnProgram(
            unshare, namespaces + [thunderbird, "--headless", "--profile", profile],
            standardInput: "/dev/null", standardOutput: standardOutput, standardError: standardError,
            environment: environment.merging(
                [
                    "HOME": home,
                    "LANG": "C.UTF-8",
                    "XDG_CONFIG_HOME": "\(home)/.config",
                    "XDG_DATA_HOME": "\(home)/.local/share",
                    "XDG_CACHE_HOME": "\(home)/.cache",
                ], uniquingKeysWith: { _, fixed in fixed }))
    }

    deinit {
        stop()
    }

    /// Waits for the driver's result line and decodes it.
    func waitForDriver(timeout: TimeInterval = 90) throws -> DriverResult {
        var line: Substring?
        do {
            try poll(timeout: timeout, "the test driver's result in Thunderbird's output") {
                let output = String(decoding: try Data(contentsOf: URL(fileURLWithPath: standardOutput)), as: UTF8.self)
                line = output.split(separator: "\n").first { $0.contains("\(ThunderbirdDriver.marker) ") }
                return line != nil
            }
        } catch let timeout as PollTimeout {
            let errors = (try? String(contentsOfFile: standardError, encoding: .utf8)) ?? ""
            throw SetupError("\(timeout). Thunderbird's standard error ends with:\n\(errors.suffix(2000))")
        }

        // The line reads `console.log: "HRBOX-TEST done BASE64"`.
        let words = (line ?? "").split(whereSeparator: { $0 == " " || $0 == "\"" })
        guard let markerIndex = words.firstIndex(of: Substring(ThunderbirdDriver.marker)),
            markerIndex + 2 < words.count,
            let json = Data(base64Encoded: String(words[markerIndex + 2]))
        else {
            throw SetupError("cannot read the driver's result line: \(line ?? "")")
        }
        return DriverResult(outcome: String(words[markerIndex + 1]), details: try JSONValue(parsing: json))
    }

    /// Ends Thunderbird by its process id and reaps it: SIGTERM, which lets it close its profile, and
    /// SIGKILL when it is still running after ten seconds. Its content processes end when their parent
    /// is gone, and hrbox reads the end of its standard input and exits.
    func stop() {
        guard !hasExited else { return }
        hasExited = true
        kill(processID, SIGTERM)
        var status: Int32 = 0
        do {
            try poll(timeout: 10, "Thunderbird to exit after SIGTERM") {
                let result = waitpid(processID, &status, WNOHANG)
                return result == processID || (result < 0 && errno != EINTR)
            }
        } catch {
            print("\(error); ending it with SIGKILL")
            kill(processID, SIGKILL)
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
    }

    /// Copies `clients/thunderbird`, adds the driver, its messages and its permissions, and packs the copy
    /// with its own `pack.sh` into `output`.
    private static func packExtension(settings: DriverSettings, folder: TemporaryFolder, output: String) throws {
        let copy = folder.url.appendingPathComponent("extension")
        try FileManager.default.copyItem(
            at: Repository.root.appendingPathComponent("clients/thunderbird"), to: copy)
        let developerPack = copy.appendingPathComponent("hrbox.xpi")
        if FileManager.default.fileExists(atPath: developerPack.path) {
            try FileManager.default.removeItem(at: developerPack)
        }

        try folder.write("extension/driver/driver.html", ThunderbirdDriver.page)
        for (name, script) in ThunderbirdDriver.scripts {
            try folder.write("extension/driver/\(name)", script)
        }
        for (name, message) in settings.messages {
            try folder.write("extension/driver/messages/\(name).eml", message)
        }
        var driverSettings: [String: Any] = ["mode": settings.mode.rawValue, "messages": settings.messages.keys.sorted()]
        driverSettings["largeMessageBytes"] = settings.largeMessageBytes
        try JSONSerialization.data(withJSONObject: driverSettings).write(
            to: folder.url.appendingPathComponent("extension/driver/settings.json"))

        let manifestURL = copy.appendingPathComponent("manifest.json")
        let manifestObject = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL))
        guard var manifest = manifestObject as? [String: Any], let permissions = manifest["permissions"] as? [String]
        else {
            throw SetupError("clients/thunderbird/manifest.json has no permissions list")
        }
        manifest["permissions"] = permissions + ThunderbirdDriver.permissions
        manifest["background"] = ["page": "driver/driver.html"]
        try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted]).write(to: manifestURL)

        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path, withIntermediateDirectories: true)
        let packed = try runProgram("/bin/sh", [copy.appendingPathComponent("pack.sh").path, output])
        guard packed.status == 0 else {
            throw SetupError("pack.sh failed: \(packed.standardError)")
        }
    }

    /// Preferences for an unsigned extension installed from the profile, console output on stdout, and a
    /// Local Folders account to import into.
    private static let preferences = """
        user_pref("xpinstall.signatures.required", false);
        user_pref("extensions.autoDisableScopes", 0);
        user_pref("devtools.console.stdout.content", true);
        user_pref("mail.accountmanager.accounts", "account1");
        user_pref("mail.accountmanager.localfoldersserver", "server1");
        user_pref("mail.account.account1.server", "server1");
        user_pref("mail.server.server1.type", "none");
        user_pref("mail.server.server1.hostname", "Local Folders");
        user_pref("mail.server.server1.name", "Local Folders");
        user_pref("mail.server.server1.userName", "nobody");
        user_pref("mail.server.server1.directory-rel", "[ProfD]Mail/Local Folders");

        """

    /// Preferences that make pages match `prefers-color-scheme: dark`, as with a dark desktop theme.
    private static let darkThemePreferences = """
        user_pref("ui.systemUsesDarkTheme", 1);
        user_pref("layout.css.prefers-color-scheme.content-override", 0);

        """
}
