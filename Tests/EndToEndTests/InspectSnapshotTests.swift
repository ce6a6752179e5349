import Foundation
import Testing

/// `hrbox inspect` on every message of `examples/`, compared with the JSON committed beside them in
/// `examples/inspect/`, so that any change to how a message is read shows up as a failing test.
///
/// To accept a changed reading, run the tests with `HRBOX_UPDATE_SNAPSHOTS=1`: each differing or
/// missing snapshot file is then written, and the test still fails once so that the change is seen.
/// With `CI=true` the files are never written.
@Suite("hrbox inspect")
struct InspectSnapshotTests {
    static let examples = Repository.root.appendingPathComponent("examples")
    static let snapshots = examples.appendingPathComponent("inspect")

    /// The example messages' names without `.eml`, sorted.
    static var messageNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    static var mayUpdate: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["HRBOX_UPDATE_SNAPSHOTS"] == "1" && environment["CI"] != "true"
    }

    @Test func examplesFound() {
        #expect(Self.messageNames.count >= 8, "examples/: \(Self.messageNames)")
    }

    @Test("reading equals its snapshot", arguments: messageNames)
    func snapshot(_ name: String) throws {
        let message = Self.examples.appendingPathComponent(name + ".eml").path
        let snapshot = Self.snapshots.appendingPathComponent(name + ".json")

        // The snapshots are readings for the demo's user, whose own addresses examples/config lists.
        // The output names the configuration by the path given, which the test writes as relative.
        let config = Self.examples.appendingPathComponent("config").path
        let output = try runHRBox(["inspect", message, "--config", config])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        #expect(output.standardError.isEmpty)

        let text = output.text.replacingOccurrences(of: "\"configuration\": \"\(config)\"", with: "\"configuration\": \"examples/config\"")
        let expected = try? String(contentsOf: snapshot, encoding: .utf8)
        guard text != expected else { return }

        if Self.mayUpdate {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: snapshot)
            Issue.record("examples/inspect/\(name).json was written; review and commit it.")
        } else if expected == nil {
            Issue.record("examples/inspect/\(name).json is missing. Run the tests with HRBOX_UPDATE_SNAPSHOTS=1 to write it.")
        } else {
            Issue.record(
                """
                The reading of examples/\(name).eml differs from examples/inspect/\(name).json. If the change \
                is intended, run the tests with HRBOX_UPDATE_SNAPSHOTS=1 and commit the file.
                \(firstDifference(text, expected ?? ""))
                """)
        }
    }

    @Test func noSnapshotWithoutMessage() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path)) ?? []
        let names = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        #expect(Set(names).subtracting(Self.messageNames).isEmpty, "snapshots without a message: \(names)")
    }

    @Test func standardInputEqualsFile() throws {
        let message = Self.examples.appendingPathComponent("02-application.eml")
        let fromFile = try runHRBox(["inspect", message.path])
        let fromInput = try runHRBox(["inspect"], input: try Data(contentsOf: message))
        #expect(fromInput.status == 0, "stderr: \(fromInput.standardError)")
        #expect(fromInput.text == fromFile.text)
        #expect(fromInput.text.contains("\"filename\": \"Lena_Novak_CV.pdf\""))
    }

    @Test func directionFollowsConfig() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "address = Lena.Novak@example.org\n")
        let message = Self.examples.appendingPathComponent("02-application.eml").path

        let output = try runHRBox(["inspect", message, "--config", config])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        #expect(output.text.contains("\"direction\": \"sent\""))
        #expect(output.text.contains("\"own\": true"))
    }

    @Test func missingFileFails() throws {
        let folder = try TemporaryFolder()
        let output = try runHRBox(["inspect", folder.path("missing.eml")])
        #expect(output.status == 1)
        #expect(output.standardError.contains("no file exists at"))
        #expect(output.text.isEmpty)
    }

    @Test func emptyInputFails() throws {
        let output = try runHRBox(["inspect"], input: Data())
        #expect(output.status == 1)
        #expect(output.standardError.contains("the input is empty"))
    }

    @Test func missingConfigFails() throws {
        let folder = try TemporaryFolder()
        let message = Self.examples.appendingPathComponent("01-sick-note.eml").path
        let output = try runHRBox(["inspect", message, "--config", folder.path("config")])
        #expect(output.status == 2)
        #expect(output.standardError.contains("does not exist"))
    }

    @Test func storeOptionRejected() throws {
        let output = try runHRBox(["inspect", "--store", "hrbox.sqlite"])
        #expect(output.status == 2)
        #expect(output.standardError.contains("--store does not apply"))
    }

    @Test func configurationNamed() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "address = hr@northwind.example\n")
        let message = Self.examples.appendingPathComponent("01-sick-note.eml").path

        let named = try runHRBox(["inspect", message, "--config", config])
        #expect(named.text.contains("\"configuration\": \"\(config)\""))

        let missing = folder.path("no-config")
        let unnamed = try runHRBox(["inspect", message], environment: ["HRBOX_CONFIG": "", "XDG_CONFIG_HOME": missing, "HOME": missing])
        #expect(unnamed.status == 0, "stderr: \(unnamed.standardError)")
        #expect(unnamed.text.contains("\"configuration\": null"))
    }

    @Test func configFolderFails() throws {
        let folder = try TemporaryFolder()
        let message = Self.examples.appendingPathComponent("01-sick-note.eml").path
        let output = try runHRBox(["inspect", message, "--config", folder.path("")])
        #expect(output.status == 2)
        #expect(output.standardError.contains("is a folder"))
        #expect(!output.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test func oversizedFileNamesNextStep() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("big.eml", "")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 72 * 1024 * 1024 + 1)
        try handle.close()

        let output = try runHRBox(["inspect", path])
        #expect(output.status == 1)
        #expect(output.standardError.contains("72 MiB"))
        #expect(output.standardError.contains("one message"))
    }

    @Test func pipeDecodeHintOnlyForStandardInput() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("body.txt", "Hello, this is just a note.\n")

        let fromFile = try runHRBox(["inspect", path])
        #expect(fromFile.status == 1)
        #expect(fromFile.standardError.contains("no header fields"))
        #expect(!fromFile.standardError.contains("pipe_decode"))

        let fromInput = try runHRBox(["inspect"], input: Data("Hello, this is just a note.\n".utf8))
        #expect(fromInput.standardError.contains("pipe_decode"))
    }

    @Test func helpGivesLimitInMiB() throws {
        let output = try runHRBox(["help", "inspect"])
        #expect(output.text.contains("72 MiB"))
        #expect(!output.text.contains("75497472"))
    }

    /// Describes the first line where two texts differ, for a failure message.
    private func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let actualLine = index < actualLines.count ? String(actualLines[index]) : "(end of output)"
            let expectedLine = index < expectedLines.count ? String(expectedLines[index]) : "(end of file)"
            if actualLine != expectedLine {
                return "Line \(index + 1): expected \(expectedLine), printed \(actualLine)"
            }
        }
        return "The texts differ only in their line endings."
    }
}
