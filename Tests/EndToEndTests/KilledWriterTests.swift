import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

/// An `hrbox serve` killed with SIGKILL while it files large messages.
@Suite("killed hrbox serve")
struct KilledWriterTests {
    static let messageCount = 40
    /// About 2.5 MB each, so that writing one takes long enough to be caught in the middle.
    static let linesPerMessage = 28_000
    /// Replies to wait for before the kill, so that the store has confirmed filings to check.
    static let confirmedBeforeKill = 3

    @Test(
        "SIGKILL mid-filing leaves filings whole",
        .enabled(if: SQLiteShell.isAvailable, "needs sqlite3 to check the store's integrity (apt-get install sqlite3)"))
    func killMidFiling() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let storeArguments = ["--store", store, "--config", config]
        let (tobias, lena) = try Self.findPeople(storeArguments: storeArguments, folder: folder)

        var script = try RequestScript(clientName: "killed filer")
        var paths: [String] = []
        for index in 0..<Self.messageCount {
            let path = try folder.write("large/\(index).eml", Self.largeMessage(index))
            paths.append(path)
            let targets = index % 2 == 0 ? [FilingTarget(personId: tobias)] : [FilingTarget(personId: tobias), FilingTarget(personId: lena)]
            try script.add(
                StoreMessage.self, id: index, StoreMessage.Params(message: .path(path), targets: targets),
                progressToken: "filing-\(index)")
        }
        let server = try ScriptedServe(
            script: script, storeArguments: storeArguments, folder: folder, name: "killed")

        // A progress begin for a request with no reply yet shows that a filing is under way.
        try poll(timeout: 50, interval: 0.005, "a filing under way after \(Self.confirmedBeforeKill) replies") {
            let messages = try server.replies()
            let replied = Set(messages.compactMap { $0["id"]?.intValue })
            let begun = Set(
                messages.compactMap { message -> String? in
                    guard message["params"]?["value"]?["kind"]?.stringValue == "begin" else {
                        return nil
                    }
                    return message["params"]?["token"]?.stringValue
                })
            let underWay = begun.subtracting(replied.map { "filing-\($0)" })
            return replied.count >= Self.confirmedBeforeKill && !underWay.isEmpty
        }
        #expect(kill(server.processID, SIGKILL) == 0)
        #expect(try server.waitForExit() == 128 + SIGKILL, "hrbox serve ended before the kill")

        let confirmed = try server.repliesByID()
        #expect(confirmed.count < Self.messageCount, "every filing finished before the kill")
        var confirmedFilings: Set<[Int64]> = []
        for (index, reply) in confirmed {
            let result = try decodeReply(reply, as: StoreMessage.self).get()
            for outcome in result.filings {
                confirmedFilings.insert([result.messageRef, outcome.personId])
            }
            #expect(result.filings.count == (index % 2 == 0 ? 1 : 2), "message \(index)")
        }

        let found = try Self.filingsAfterReopening(
            people: [tobias, lena], storeArguments: storeArguments, folder: folder)
        let lost = confirmedFilings.subtracting(found)
        #expect(lost.isEmpty, "confirmed filings lost: \(lost)")

        try Self.checkStoreIsWhole(store: store, messagePaths: paths)
    }

    /// Builds a message of about 2.5 MB whose every line carries its number, so that no two are alike.
    static func largeMessage(_ index: Int) -> Data {
        var text =
            "Date: Thu, 03 Dec 2026 08:00:00 +0100\r\n"
            + "From: Tobias Brandt <tobias.brandt@northwind.example>\r\n"
            + "To: Northwind Tools HR <hr@northwind.example>\r\n"
            + "Subject: Scanned records \(index)\r\n"
            + "Message-ID: <scan-\(index)@northwind.example>\r\n\r\n"
        let line = "Scanned record line of message \(index), padded to fill a large attachment-sized body.\r\n"
        text.reserveCapacity(text.utf8.count + line.utf8.count * linesPerMessage)
        for _ in 0..<linesPerMessage {
            text += line
        }
        return Data(text.utf8)
    }

    static func findPeople(storeArguments: [String], folder: TemporaryFolder) throws -> (Int64, Int64) {
        let session = try ServeSession(arguments: storeArguments, errorLog: folder.path("setup.log"))
        _ = try session.request("initialize", ["clientInfo": ["name": "killed writer setup"]])
        try session.notify("initialized", [:])
        let tobias = try session.call(SearchPeople.self, SearchPeople.Params(query: "NW-1042")).people
        let lena = try session.call(SearchPeople.self, SearchPeople.Params(query: "lena.novak@example.org")).people
        _ = try session.request("shutdown")
        try session.notify("exit")
        _ = try session.finish()
        guard tobias.count == 1, lena.count == 1 else {
            throw SetupError("expected Tobias Brandt and Lena Novak once each, found \(tobias.count) and \(lena.count)")
        }
        return (tobias[0].id, lena[0].id)
    }

    /// Opens the store in a new `hrbox serve` and returns every filing of `people` as [message reference, person id].
    static func filingsAfterReopening(
        people: [Int64], storeArguments: [String], folder: TemporaryFolder
    ) throws -> Set<[Int64]> {
        let session = try ServeSession(arguments: storeArguments, errorLog: folder.path("reopened.log"))
        _ = try session.request("initialize", ["clientInfo": ["name": "killed writer check"]])
        try session.notify("initialized", [:])
        var filings: Set<[Int64]> = []
        for personId in people {
            let file = try session.call(PersonnelFile.self, PersonnelFile.Params(personId: personId))
            for message in file.messages {
                filings.insert([message.messageRef, personId])
            }
        }
        _ = try session.request("shutdown")
        try session.notify("exit")
        let (status, _) = try session.finish()
        #expect(status == 0, "the reopening hrbox serve ended with status \(status)")
        return filings
    }

    /// Checks SQLite's integrity and keys, that every stored message has exactly the bytes of its
    /// file and at least one filing, and that no filing points at a missing message.
    static func checkStoreIsWhole(store: String, messagePaths: [String]) throws {
        #expect(try SQLiteShell.rows("PRAGMA integrity_check", store: store) == [["ok"]])
        #expect(try SQLiteShell.rows("PRAGMA foreign_key_check", store: store).isEmpty)
        let orphans = try SQLiteShell.count(
            "SELECT COUNT(*) FROM filings f LEFT JOIN messages m ON m.id = f.message_id WHERE m.id IS NULL",
            store: store)
        #expect(orphans == 0, "\(orphans) filings point at a missing message")

        // readfile() is a function of the sqlite3 program, so the comparison needs no copy of the bytes here.
        let hashes = try sha256OfFiles(messagePaths)
        let files = messagePaths.map { "('\($0)', '\(hashes[$0] ?? "")')" }.joined(separator: ", ")
        let rows = try SQLiteShell.rows(
            """
            WITH files(path, sha256) AS (VALUES \(files))
            SELECT m.id,
                (SELECT COUNT(*) FROM files WHERE files.sha256 = m.sha256 AND readfile(files.path) = m.raw),
                m.size = length(m.raw),
                (SELECT COUNT(*) FROM filings f WHERE f.message_id = m.id)
            FROM messages m;
            """, store: store)
        #expect(!rows.isEmpty, "no message was stored before the kill")
        for row in rows {
            try #require(row.count == 4, "unexpected row \(row)")
            #expect(row[1] == "1", "message \(row.first ?? "?") differs from the file with its sha256")
            #expect(row[2] == "1", "message \(row.first ?? "?") has a size that differs from its bytes")
            #expect(row[3] != "0", "message \(row.first ?? "?") is stored but filed for no one")
        }
    }

    /// Returns the SHA-256 of each file in lower-case hex by its path, computed by the `sha256sum` program.
    static func sha256OfFiles(_ paths: [String]) throws -> [String: String] {
        guard let program = ExternalProgram.find("sha256sum") else {
            throw SetupError("sha256sum is not on PATH; install Debian's coreutils package")
        }
        let output = try runProgram(program, paths)
        guard output.status == 0 else {
            throw SetupError("sha256sum failed: \(output.standardError)")
        }
        var hashes: [String: String] = [:]
        for line in output.text.split(separator: "\n") {
            // Each line is the hash, two spaces and the path.
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 {
                hashes[String(parts[1].dropFirst())] = String(parts[0])
            }
        }
        return hashes
    }
}
