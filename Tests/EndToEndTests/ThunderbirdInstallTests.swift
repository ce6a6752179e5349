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

    @Test("install without HOME")
    func installWithoutHome() throws {
        let installed = try runHRBox(["thunderbird", "install"], environment: ["HOME": ""])

        #expect(installed.status == 1)
        #expect(installed.standardError.contains("HOME is not set"))
        #expect(installed.standardError.contains("--system"))
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

        let installed: ProcessOutput
        if getuid() == 0 {
            // Root may write anywhere, so the command runs as the unprivileged user nobody.
            let setpriv = try #require(ExternalProgram.find("setpriv"), "setpriv is not installed; CI must install util-linux")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
            installed = try runProgram(
                setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", HRBoxBinary.path, "thunderbird", "install", "--system"],
                environment: environment)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
            installed = try runHRBox(["thunderbird", "install", "--system"], environment: environment)
        }

        #expect(installed.status == 1)
        #expect(installed.standardError.contains("permission denied for \(system)"), "stderr: \(installed.standardError)")
        #expect(installed.standardError.contains("sudo"))
        #expect(installed.standardError.contains("drop --system"))
        #expect(!FileManager.default.fileExists(atPath: "\(system)/hrbox.json"))
    }
}
