import Foundation
import Testing

@testable import hrbox

@Suite("hrbox file --maildir and --mbox")
struct FileMailboxTests {
    /// A received message whose sender is no person of the sample data.
    private static let stranger = Data(
        String(decoding: SampleData.sickNote, as: UTF8.self)
            .replacingOccurrences(of: "Tobias.Brandt@Northwind.EXAMPLE", with: "someone@elsewhere.example")
            .replacingOccurrences(of: "sick-note-1", with: "stranger-1")
            .utf8)

    @Test("Maildir files, skips and counts")
    func maildirCounts() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        try folder.write("Maildir/new/1.sick", SampleData.sickNote)
        try folder.write("Maildir/cur/2.invite:2,S", SampleData.invitation)
        try folder.write("Maildir/cur/3.stranger:2,S", Self.stranger)
        try folder.write("Maildir/cur/4.empty:2,S", Data())
        try folder.write("Maildir/cur/.hidden", SampleData.sickNote)

        let filed = try runHRBox(["file", "--maildir", folder.path("Maildir"), "--store", store, "--config", config])

        #expect(filed.status == 1, "an unreadable message makes the exit status 1")
        #expect(filed.text.hasSuffix(": 4 messages, 2 stored, 0 filed already, 1 with no person found, 1 unreadable\n"))
        #expect(filed.standardError.contains("4.empty:2,S: the file is empty"))
        #expect(filed.standardError.contains("hrbox: 4 of 4 messages done"))
        let sickNotes = try FiledMessages.of("NW-1042", store: store)
        #expect(sickNotes.count == 1)
        let sickNote = try #require(sickNotes.first)
        #expect(try FiledMessages.bytes(of: sickNote, store: store) == SampleData.sickNote)
        let invitation = try #require(try FiledMessages.of("lena.novak@example.org", store: store).first)
        #expect(invitation.direction == .sent)
        #expect(try FiledMessages.bytes(of: invitation, store: store) == SampleData.invitation)
    }

    @Test("second run counts filed already")
    func maildirSecondRun() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        try folder.write("Maildir/new/1.sick", SampleData.sickNote)
        try folder.write("Maildir/new/2.stranger", Self.stranger)
        let arguments = ["file", "--maildir", folder.path("Maildir"), "--store", store, "--config", config]
        let first = try runHRBox(arguments)
        try #require(first.status == 0, "stderr: \(first.standardError)")

        let second = try runHRBox(arguments)

        #expect(second.status == 0, "stderr: \(second.standardError)")
        #expect(second.text.hasSuffix(": 2 messages, 0 stored, 1 filed already, 1 with no person found, 0 unreadable\n"))
        #expect(try FiledMessages.of("NW-1042", store: store).count == 1)
    }

    @Test("new filings are audited")
    func maildirAudited() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        try folder.write("Maildir/new/1.sick", SampleData.sickNote)

        let filed = try runHRBox(["file", "--maildir", folder.path("Maildir"), "--store", store, "--config", config])
        try #require(filed.status == 0, "stderr: \(filed.standardError)")
        let audit = try runHRBox(["audit", "--store", store], environment: ["TZ": "UTC"])

        #expect(audit.status == 0, "stderr: \(audit.standardError)")
        #expect(audit.text.contains("hrbox file"))
        #expect(audit.text.contains("mkeller"))
    }

    @Test("mbox messages stored without separators")
    func mboxStored() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        var mbox = Data("From tobias@example.org Thu Nov 26 07:14:12 2026\n".utf8)
        mbox += SampleData.sickNote + Data("\n".utf8)
        mbox += Data("From hr@northwind.example Mon Nov 30 10:02:00 2026\n".utf8)
        mbox += SampleData.invitation + Data("\n".utf8)
        let file = try folder.write("sent-and-received.mbox", mbox)

        let filed = try runHRBox(["file", "--mbox", file, "--store", store, "--config", config])

        #expect(filed.status == 0, "stderr: \(filed.standardError)")
        #expect(filed.text.hasSuffix(": 2 messages, 2 stored, 0 filed already, 0 with no person found, 0 unreadable\n"))
        let sickNote = try #require(try FiledMessages.of("NW-1042", store: store).first)
        #expect(try FiledMessages.bytes(of: sickNote, store: store) == SampleData.sickNote)
        let invitation = try #require(try FiledMessages.of("lena.novak@example.org", store: store).first)
        #expect(try FiledMessages.bytes(of: invitation, store: store) == SampleData.invitation)
    }

    @Test("folder without cur or new rejected")
    func notAMaildir() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        try folder.write("notes/readme.txt", "not mail")

        let filed = try runHRBox(["file", "--maildir", folder.path("notes"), "--store", store, "--config", config])

        #expect(filed.status == 2)
        #expect(filed.standardError.contains("neither a new nor a cur folder"))
    }

    @Test("status file rejected with a mailbox")
    func statusFileRejected() throws {
        let filed = try runHRBox(["file", "--maildir", "Maildir", "--status-file", "status"])

        #expect(filed.status == 2)
        #expect(filed.standardError.contains("--status-file is for one message on stdin"))
    }

    @Test("mbox split at From lines after empty lines")
    func mboxRanges() {
        let text = "From a\nX: 1\n\nbody\nFrom here on\n\nFrom b\r\nY: 2\r\n\r\nFrom c\nZ: 3\n\n"
        let bytes = Array(text.utf8)
        let ranges = bytes.withUnsafeBytes { FileMailbox.mboxMessageRanges(in: $0) }
        let messages = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }

        #expect(messages == ["From a\nX: 1\n\nbody\nFrom here on\n", "From b\r\nY: 2\r\n", "From c\nZ: 3\n"])
    }

    @Test("file without From line has no messages")
    func mboxWithoutSeparator() {
        let bytes = Array("Subject: hi\n\nbody\n".utf8)

        #expect(bytes.withUnsafeBytes { FileMailbox.mboxMessageRanges(in: $0) }.isEmpty)
    }
}
