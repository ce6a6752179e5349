import Foundation
import JSONRPC
import Testing

@Suite("hrbox thunderbird install")
struct ThunderbirdInstallTests {
    @Test("install writes the user's manifest")
    func installForUser() throws {
        let folder = try TemporaryFolder()
        let home = folder.path("home")

        let installed = try runHRBox(["thunderbird", "install"], environment: ["HOME": home])

        #expect(installed.status == 0, "stderr: \(installed.standardError)")
        let path = "\(home)/.mozilla/native-messaging-hosts/hrbox.json"
        let manifest = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: path)))
        let executable = try #require(realpath(HRBoxBinary.path, nil))
        defer { free(executable) }
        #expect(manifest["name"] == "hrbox")
        #expect(manifest["type"] == "stdio")
        #expect(manifest["path"]?.stringValue == String(cString: executable))
        #expect(manifest["allowed_extensions"] == ["thunderbird@hrbox"])
        #expect(manifest["description"]?.stringValue?.isEmpty == false)
        #expect(installed.text.contains("Wrote \(path)."))
        #expect(installed.text.contains(String(cString: executable)))

        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test("install with another extension id")
    func installForAnotherExtension() throws {
        let folder = try TemporaryFolder()
        let home = folder.path("home")
        let id = "{9a0c6e2b-7c1d-4a53-8f1e-2b4d5c6e7f80}"

        let installed = try runHRBox(["thunderbird", "install", "--extension-id", id], environment: ["HOME": home])

        #expect(installed.status == 0, "stderr: \(installed.standardError)")
        let manifest = try JSONValue(
            parsing: Data(contentsOf: URL(fileURLWithPath: "\(home)/.mozilla/native-messaging-hosts/hrbox.json")))
        #expect(manifest["allowed_extensions"] == [JSONValue.string(id)])
    }

    @Test("dry run writes nothing")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        let home = folder.path("home")

        let planned = try runHRBox(["thunderbird", "install", "--dry-run"], environment: ["HOME": home])

        #expect(planned.status == 0, "stderr: \(planned.standardError)")
        #expect(planned.text.hasPrefix("Would write \(home)/.mozilla/native-messaging-hosts/hrbox.json:\n"))
        #expect(planned.text.contains("\"allowed_extensions\""))
        #expect(!FileManager.default.fileExists(atPath: "\(home)/.mozilla"))
    }

    @Test("system install and uninstall")
    func systemFolder() throws {
        let folder = try TemporaryFolder()
        let home = folder.path("home")
        let system = folder.path("usr/lib/mozilla/native-messaging-hosts")
        let environment = ["HOME": home, "HRBOX_NATIVE_HOST_SYSTEM_FOLDER": system]

        let installed = try runHRBox(["thunderbird", "install", "--system"], environment: environment)

        #expect(installed.status == 0, "stderr: \(installed.standardError)")
        #expect(FileManager.default.fileExists(atPath: "\(system)/hrbox.json"))
        #expect(!FileManager.default.fileExists(atPath: "\(home)/.mozilla"))

        let removed = try runHRBox(["thunderbird", "uninstall", "--system"], environment: environment)

        #expect(removed.status == 0, "stderr: \(removed.standardError)")
        #expect(removed.text == "Removed \(system)/hrbox.json.\n")
        #expect(!FileManager.default.fileExists(atPath: "\(system)/hrbox.json"))
    }

    @Test("uninstall removes the user's manifest once")
    func uninstallForUser() throws {
        let folder = try TemporaryFolder()
        let home = folder.path("home")
        let path = "\(home)/.mozilla/native-messaging-hosts/hrbox.json"
        let installed = try runHRBox(["thunderbird", "install"], environment: ["HOME": home])
        try #require(installed.status == 0, "stderr: \(installed.standardError)")

        let removed = try runHRBox(["thunderbird", "uninstall"], environment: ["HOME": home])
        #expect(removed.status == 0)
        #expect(removed.text == "Removed \(path).\n")
        #expect(!FileManager.default.fileExists(atPath: path))

        let again = try runHRBox(["thunderbird", "uninstall"], environment: ["HOME": home])
        #expect(again.status == 0)
        #expect(again.text == "No manifest at \(path), so there was nothing to remove.\n")
    }

    @Test("install rejects an invalid extension id")
    func invalidExtensionID() throws {
        let folder = try TemporaryFolder()
        let home = folder.path("home")

        let installed = try runHRBox(
            ["thunderbird", "install", "--extension-id", "hr box"], environment: ["HOME": home])

        #expect(installed.status == 2)
        #expect(installed.standardError.contains("--extension-id expects an id such as thunderbird@hrbox"))
        #expect(installed.standardError.contains("found \"hr box\""))
        #expect(!FileManager.default.fileExists(atPath: "\(home)/.mozilla"))
    }

    @Test("install with an empty HOME")
    func installWithEmptyHome() throws {
        let installed = try runHRBox(["thunderbird", "install"], environment: ["HOME": ""])

        #expect(installed.status == 1)
        #expect(installed.standardError.contains("HOME is empty"), "stderr: \(installed.standardError)")
        #expect(installed.standardError.contains("--system"))
    }

    @Test("install with a relative HOME")
    func installWithRelativeHome() throws {
        let folder = try TemporaryFolder()

        let installed = try runProgram(
            "/bin/sh", ["-c", "cd \"$1\" && exec \"$2\" thunderbird install", "sh", folder.url.path, HRBoxBinary.path],
            environment: ["HOME": "home"])

        #expect(installed.status == 1)
        #expect(installed.standardError.contains("HOME is the relative path \"home\""), "stderr: \(installed.standardError)")
        #expect(installed.standardError.contains("absolute path"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")))
    }

    @Test("thunderbird alone prints its commands")
    func thunderbirdAlone() throws {
        let output = try runHRBox(["thunderbird"])

        #expect(output.status == 2)
        #expect(!output.standardError.contains("unknown command"), "stderr: \(output.standardError)")
        #expect(output.standardError.hasPrefix("Usage: hrbox thunderbird COMMAND [OPTIONS]\n"))
        #expect(output.standardError.contains("\n  install    Let the Thunderbird extension start this hrbox"))
        #expect(output.standardError.contains("\n  uninstall  Remove the native host manifest"))
    }

    @Test("thunderbird with an unknown command")
    func thunderbirdUnknownCommand() throws {
        let output = try runHRBox(["thunderbird", "instal"])

        #expect(output.status == 2)
        #expect(output.standardError.hasPrefix("hrbox: unknown thunderbird command \"instal\".\n\nUsage: hrbox thunderbird COMMAND"))
    }

    @Test("help thunderbird prints its commands")
    func helpThunderbird() throws {
        let output = try runHRBox(["help", "thunderbird"])

        #expect(output.status == 0)
        #expect(output.text.hasPrefix("Usage: hrbox thunderbird COMMAND [OPTIONS]\n"))
    }

    @Test(
        "system install without permission",
        .enabled(if: getuid() != 0 || ExternalProgram.available("setpriv"), "needs setpriv (apt-get install util-linux) when run as root")
    )
    func systemInstallWithoutPermission() throws {
        let folder = try TemporaryFolder()
        let system = folder.path("system/native-messaging-hosts")
        let locked = folder.path("system")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        let environment = ["HOME": folder.path("home"), "HRBOX_NATIVE_HOST_SYSTEM_FOLDER": system]

        let installed = try runWithoutPermission(
            ["thunderbird", "install", "--system"], folder: folder, locked: locked, environment: environment)

        #expect(installed.status == 1)
        #expect(installed.standardError.contains("permission denied for \(system)"), "stderr: \(installed.standardError)")
        #expect(installed.standardError.contains("sudo to install for every user"))
        #expect(installed.standardError.contains("drop --system"))
        #expect(!FileManager.default.fileExists(atPath: "\(system)/hrbox.json"))
    }

    @Test(
        "system uninstall without permission",
        .enabled(if: getuid() != 0 || ExternalProgram.available("setpriv"), "needs setpriv (apt-get install util-linux) when run as root")
    )
    func systemUninstallWithoutPermission() throws {
        let folder = try TemporaryFolder()
        let system = folder.path("system/native-messaging-hosts")
        let environment = ["HOME": folder.path("home"), "HRBOX_NATIVE_HOST_SYSTEM_FOLDER": system]
        let installed = try runHRBox(["thunderbird", "install", "--system"], environment: environment)
        try #require(installed.status == 0, "stderr: \(installed.standardError)")

        let removed = try runWithoutPermission(
            ["thunderbird", "uninstall", "--system"], folder: folder, locked: system, environment: environment)

        #expect(removed.status == 1)
        #expect(removed.standardError.contains("permission denied for \(system)/hrbox.json"), "stderr: \(removed.standardError)")
        #expect(removed.standardError.contains("sudo to remove it for every user"))
        #expect(!removed.standardError.contains("to install"))
        #expect(FileManager.default.fileExists(atPath: "\(system)/hrbox.json"))
    }

    /// Runs hrbox where it may not write to `locked`: as the user nobody when the tests run as root,
    /// who may write anywhere, and else with `locked` made read-only for the run.
    private func runWithoutPermission(
        _ arguments: [String], folder: TemporaryFolder, locked: String, environment: [String: String]
    ) throws -> ProcessOutput {
        if getuid() == 0 {
            let setpriv = try #require(ExternalProgram.find("setpriv"), "setpriv is not installed; CI must install util-linux")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
            return try runProgram(
                setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", HRBoxBinary.path] + arguments,
                environment: environment)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        return try runHRBox(arguments, environment: environment)
    }
}
