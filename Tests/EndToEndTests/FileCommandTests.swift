import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@testable import hrbox

@Suite("hrbox file")
struct FileCommandTests {
    @Test("stores for the sender, byte for byte")
    func storesReceivedMessage() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)

        let filed = try runHRBox(["file", "--store", store, "--config", config], input: SampleData.sickNote)

        #expect(filed.status == 0, "stderr: \(filed.standardError)")
        #expect(filed.text == "hrbox: stored in the personnel file of Tobias Brandt (NW-1042)\n")
        let messages = try FiledMessages.of("NW-1042", store: store)
        let message = try #require(messages.first, "the personnel file lists no message")
        #expect(messages.count == 1)
        #expect(message.direction == .received)
        #expect(message.caseId == nil)
        #expect(try FiledMessages.bytes(of: message, store: store) == SampleData.sickNote)
    }

    @Test("second run reports filed already")
    func reportsAlreadyFiled() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let first = try runHRBox(["file", "--store", store, "--config", config], input: SampleData.sickNote)
        try #require(first.status == 0, "stderr: \(first.standardError)")

        let second = try runHRBox(["file", "--store", store, "--config", config], input: SampleData.sickNote)

        #expect(second.status == 0, "stderr: \(second.standardError)")
        #expect(second.text.hasPrefix("hrbox: already in the personnel file of Tobias Brandt (NW-1042) since 20"))
        #expect(try FiledMessages.of("NW-1042", store: store).count == 1)
    }

    @Test("sent message goes to the recipient")
    func storesSentMessage() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)

        let filed = try runHRBox(["file", "--store", store, "--config", config], input: SampleData.invitation)

        #expect(filed.status == 0, "stderr: \(filed.standardError)")
        #expect(filed.text == "hrbox: stored in the personnel file of Lena Novak\n")
        let message = try #require(try FiledMessages.of("lena.novak@example.org", store: store).first)
        #expect(message.direction == .sent)
        #expect(try FiledMessages.bytes(of: message, store: store) == SampleData.invitation)
        #expect(try FiledMessages.of("NW-1187", store: store).isEmpty, "the Cc recipient got the message too")
    }

    @Test("unknown sender stores nothing")
    func unknownSender() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let stranger = Data(
            String(decoding: SampleData.sickNote, as: UTF8.self)
                .replacingOccurrences(of: "Tobias.Brandt@Northwind.EXAMPLE", with: "someone@elsewhere.example")
                .utf8)

        let filed = try runHRBox(["file", "--store", store, "--config", config], input: stranger)

        #expect(filed.status == 1)
        #expect(filed.text.isEmpty)
        #expect(filed.standardError.hasPrefix("hrbox: no person has the address someone@elsewhere.example; open the HR box"))
        #expect(try FiledMessages.of("NW-1042", store: store).isEmpty)
    }

    @Test("missing store is an error, not created")
    func missingStore() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("typo/hrbox.sqlite")

        let filed = try runHRBox(["file", "--store", store], input: SampleData.sickNote)

        #expect(filed.status == 1)
        #expect(filed.standardError.contains("no store exists at \(store)"), "stderr: \(filed.standardError)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("empty stdin is a usage error")
    func emptyInput() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let statusPath = folder.path("status/mutt")

        let filed = try runHRBox(["file", "--store", store, "--config", config, "--status-file", statusPath])

        #expect(filed.status == 2)
        #expect(filed.standardError.contains("the message on stdin is empty"))
        let status = try String(contentsOfFile: statusPath, encoding: .utf8)
        #expect(status.hasPrefix("echo \"hrbox: the message on stdin is empty"))
    }

    @Test("status file holds the line as echo")
    func statusFile() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let statusPath = folder.path("cache/hrbox/mutt-status")

        let filed = try runHRBox(
            ["file", "--store", store, "--config", config, "--status-file", statusPath], input: SampleData.sickNote)

        #expect(filed.status == 0, "stderr: \(filed.standardError)")
        #expect(filed.text.isEmpty, "mutt shows the status file's line, so nothing else is printed")
        #expect(filed.standardError.isEmpty)
        let status = try String(contentsOfFile: statusPath, encoding: .utf8)
        #expect(status == "echo \"hrbox: stored in the personnel file of Tobias Brandt (NW-1042)\"\n")
        let fileMode = try FileManager.default.attributesOfItem(atPath: statusPath)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path("cache/hrbox"))[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path("cache/hrbox"))
        #expect(leftovers == ["mutt-status"])
    }

    @Test("failure with status file still prints")
    func statusFileFailure() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let statusPath = folder.path("mutt-status")

        let filed = try runHRBox(
            ["file", "--store", store, "--config", config, "--status-file", statusPath],
            input: Data("no header fields here, only text\n".utf8))

        let expected = "hrbox: not stored: the message cannot be read: no header fields were found."
        #expect(filed.status == 1)
        #expect(filed.text.isEmpty)
        #expect(filed.standardError.hasPrefix(expected), "\(filed.standardError)")
        let status = try String(contentsOfFile: statusPath, encoding: .utf8)
        #expect(status.hasPrefix("echo \"\(expected)"), "\(status)")
    }

    @Test("reason continues the sentence")
    func reasonJoining() {
        let cases = [
            ("The store is unavailable: locked", "hrbox: not stored: the store is unavailable: locked"),
            ("PostgreSQL refused the connection", "hrbox: not stored: PostgreSQL refused the connection"),
            ("hrbox serve stopped working: EOF", "hrbox: not stored: hrbox serve stopped working: EOF"),
            ("", "hrbox: not stored: "),
        ]
        for (reason, line) in cases {
            #expect(FilingReport.notStored(reason: reason).line == line)
        }
    }

    @Test("echo quotes mutt's special characters")
    func echoQuoting() {
        let line = #"hrbox: stored for O"Brien \n $HOME `id` #1; ok"#
        let command = MuttStatusFile.echoCommand(for: line)
        #expect(command == #"echo "hrbox: stored for O\"Brien \\n \$HOME \`id\` #1; ok""# + "\n")
    }

    @Test("echo turns control characters into spaces")
    func echoControlCharacters() {
        let command = MuttStatusFile.echoCommand(for: "hrbox: stored for Anna\nBerg\tX\u{1B}[1m")
        #expect(command == "echo \"hrbox: stored for Anna Berg X [1m\"\n")
    }
}

/// The messages of a personnel file, read with `hrbox person show --json` and `hrbox message export`.
enum FiledMessages {
    static func of(_ person: String, store: String) throws -> [FiledMessage] {
        let shown = try runHRBox(["person", "show", person, "--store", store, "--json"])
        try #require(shown.status == 0, "hrbox person show \(person) failed: \(shown.standardError)")
        let file = try JSONValueDecoder().decode(PersonnelFile.Result.self, from: try JSONValue(parsing: shown.standardOutput))
        return file.messages
    }

    static func bytes(of message: FiledMessage, store: String) throws -> Data {
        let exported = try runHRBox(["message", "export", String(message.messageRef), "--store", store])
        try #require(exported.status == 0, "hrbox message export failed: \(exported.standardError)")
        return exported.standardOutput
    }
}
