import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("hrbox audit and hrbox search")
struct AuditSearchTests {
    /// A message from Tobias Brandt with a PDF attached; neither its subject nor its body names the attachment.
    static let overtimeClaim = Data(
        """
        Date: Tue, 01 Dec 2026 16:40:00 +0100
        From: Tobias Brandt <tobias.brandt@northwind.example>
        To: Northwind Tools HR <hr@northwind.example>
        Subject: Overtime in November
        Message-ID: <overtime-1@northwind.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="part-boundary"

        --part-boundary
        Content-Type: text/plain; charset=us-ascii

        Please find my hours attached. I ask for compensation of the extra shifts.
        --part-boundary
        Content-Type: application/pdf; name="timesheet-november.pdf"
        Content-Disposition: attachment; filename="timesheet-november.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --part-boundary--

        """.replacingOccurrences(of: "\n", with: "\r\n").utf8)

    static let clientName = "audit end-to-end test"

    /// What a session through `hrbox serve` filed: who, which message, and the events `hrbox/audit` returned.
    struct FiledSession {
        var store: String
        var config: String
        var tobias: Person
        var lena: Person
        var overtimeRef: Int64
        var invitationRef: Int64
        var events: [AuditEvent]
    }

    /// Files the overtime claim for Tobias Brandt and the invitation for Lena Novak through `hrbox serve`,
    /// and looks the sick note up without filing it.
    static func fileThroughServe(in folder: TemporaryFolder) throws -> FiledSession {
        let (store, config) = try SampleData.prepare(in: folder)
        let server = try ServeSession(
            arguments: ["--store", store, "--config", config], errorLog: folder.path("serve.log"))
        _ = try server.request("initialize", ["clientInfo": ["name": JSONValue.string(clientName)]])
        try server.notify("initialized", [:])

        let overtime = MessageSource.base64(overtimeClaim.base64EncodedString())
        let tobias = try #require(try server.call(Lookup.self, Lookup.Params(message: overtime)).defaultPerson)
        let overtimeRef = try server.call(
            StoreMessage.self, StoreMessage.Params(message: overtime, targets: [FilingTarget(personId: tobias.id)])
        ).messageRef

        let invitation = MessageSource.base64(SampleData.invitation.base64EncodedString())
        let lena = try #require(try server.call(Lookup.self, Lookup.Params(message: invitation)).defaultPerson)
        let invitationRef = try server.call(
            StoreMessage.self, StoreMessage.Params(message: invitation, targets: [FilingTarget(personId: lena.id)])
        ).messageRef

        let sickNote = MessageSource.base64(SampleData.sickNote.base64EncodedString())
        _ = try server.call(Lookup.self, Lookup.Params(message: sickNote))

        let events = try server.call(Audit.self, Audit.Params(limit: 10)).events
        _ = try server.request("shutdown")
        try server.notify("exit")
        let (status, _) = try server.finish()
        guard status == 0 else {
            throw SetupError("hrbox serve ended with status \(status); see \(folder.path("serve.log"))")
        }
        return FiledSession(
            store: store, config: config, tobias: tobias, lena: lena, overtimeRef: overtimeRef,
            invitationRef: invitationRef, events: events)
    }

    @Test("audit shows a filing with client and colleague")
    func auditShowsFiling() throws {
        let folder = try TemporaryFolder()
        let session = try Self.fileThroughServe(in: folder)

        let output = try runHRBox(["audit", "--store", session.store], environment: ["TZ": "UTC"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let lines = output.text.split(separator: "\n").map(String.init)
        let invitationLine = try #require(lines.first, "hrbox audit printed nothing")
        #expect(invitationLine.contains("  filed  "), "\(invitationLine)")
        #expect(invitationLine.contains("person #\(session.lena.id) Lena Novak"), "\(invitationLine)")
        #expect(invitationLine.contains("message \(session.invitationRef)"), "\(invitationLine)")
        #expect(invitationLine.hasSuffix("by mkeller via \(Self.clientName)"), "\(invitationLine)")

        let overtimeLine = try #require(lines.dropFirst().first)
        #expect(overtimeLine.contains("person #\(session.tobias.id) Tobias Brandt"), "\(overtimeLine)")
        #expect(overtimeLine.contains("message \(session.overtimeRef)"), "\(overtimeLine)")
        #expect(overtimeLine.hasSuffix("by mkeller via \(Self.clientName)"), "\(overtimeLine)")

        for text in ["compensation", "Overtime in November", "Dear Ms Novak", "timesheet"] {
            #expect(!output.text.contains(text), "the audit trail shows message text \"\(text)\"")
        }
    }

    @Test("audit prints local time with its offset")
    func auditLocalTime() throws {
        let folder = try TemporaryFolder()
        let session = try Self.fileThroughServe(in: folder)
        let newest = try #require(session.events.first)
        let instant = try #require(ISO8601DateFormatter().date(from: newest.recordedAt))

        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(secondsFromGMT: 2 * 3600 + 30 * 60)
        let expected = formatter.string(from: instant) + " +02:30  filed"

        // A POSIX TZ value counts hours west of UTC, so -02:30 is two and a half hours east.
        let output = try runHRBox(
            ["audit", "--limit", "1", "--store", session.store], environment: ["TZ": "HRT-02:30"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(expected) == true, "expected \(expected), got \(output.text)")
    }

    @Test("audit --person shows only that person")
    func auditPersonFilter() throws {
        let folder = try TemporaryFolder()
        let session = try Self.fileThroughServe(in: folder)

        let tobias = try runHRBox(["audit", "--person", "NW-1042", "--store", session.store])
        #expect(tobias.status == 0, "stderr: \(tobias.standardError)")
        let tobiasLines = tobias.text.split(separator: "\n").map(String.init)
        let filedLine = try #require(tobiasLines.first { $0.contains("message \(session.overtimeRef)") })
        #expect(filedLine.contains("  filed  "), "\(filedLine)")
        #expect(tobiasLines.allSatisfy { $0.contains("person #\(session.tobias.id) Tobias Brandt") }, "\(tobias.text)")
        #expect(!tobias.text.contains("Lena Novak"))

        for lenaArgument in ["novak", "LENA.NOVAK@example.org", "#\(session.lena.id)", "\(session.lena.id)"] {
            let lena = try runHRBox(["audit", "--person", lenaArgument, "--store", session.store])
            #expect(lena.status == 0, "\(lenaArgument): \(lena.standardError)")
            #expect(lena.text.contains("message \(session.invitationRef)"), "\(lenaArgument): \(lena.text)")
            #expect(!lena.text.contains("Tobias Brandt"), "\(lenaArgument): \(lena.text)")
        }
    }

    @Test("audit --person rejects no match and several")
    func auditPersonNotIdentified() throws {
        let folder = try TemporaryFolder()
        let (store, _) = try SampleData.prepare(in: folder)

        let nobody = try runHRBox(["audit", "--person", "nobody@example.org", "--store", store])
        #expect(nobody.status == 1)
        #expect(nobody.standardError.contains("no person matches \"nobody@example.org\""), "\(nobody.standardError)")
        #expect(nobody.text.isEmpty)

        // Tobias Brandt, Lena Novak and Jürgen Weißmüller all have an "n" in their names.
        let several = try runHRBox(["audit", "--person", "n", "--store", store])
        #expect(several.status == 1)
        #expect(several.standardError.contains("3 people match \"n\""), "\(several.standardError)")
        #expect(several.standardError.contains("Lena Novak"))
        #expect(several.text.isEmpty)
    }

    @Test("audit rejects a bad limit")
    func auditBadLimit() throws {
        let folder = try TemporaryFolder()
        let (store, _) = try SampleData.prepare(in: folder)

        for limit in ["0", "10001", "many"] {
            let output = try runHRBox(["audit", "--limit", limit, "--store", store])
            #expect(output.status == 2, "--limit \(limit)")
            #expect(output.standardError.contains("--limit expects a whole number from 1 to 10000"), "\(output.standardError)")
        }
    }

    @Test("people import records its colleague")
    func peopleImportAudited() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("hrbox.sqlite")
        let config = try folder.write("config", SampleData.configuration)
        let people = try folder.write("people.csv", SampleData.people)
        let imported = try runHRBox(["people", "import", people, "--store", store, "--config", config])
        #expect(imported.status == 0, "stderr: \(imported.standardError)")

        let moreAddresses = try folder.write(
            "more.csv",
            """
            first_name,last_name,addresses,employee_number,department,job_title,status
            Tobias,Brandt,tobias.brandt@northwind.example;t.brandt@example.net,NW-1042,Production,Machine operator,employee

            """)
        let updated = try runHRBox(["people", "import", moreAddresses, "--store", store])
        #expect(updated.status == 0, "stderr: \(updated.standardError)")

        let output = try runHRBox(["audit", "--store", store])
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(output.text)")
        let addressLine = try #require(lines.first)
        #expect(addressLine.contains("address added  person #"), "\(addressLine)")
        #expect(addressLine.contains("Tobias Brandt  (address: t.brandt@example.net)"), "\(addressLine)")
        #expect(addressLine.hasSuffix("via hrbox people import"), "\(addressLine)")
        let added = lines.dropFirst()
        #expect(added.allSatisfy { $0.contains("  person added  ") }, "\(output.text)")
        #expect(added.allSatisfy { $0.hasSuffix("by mkeller via hrbox people import") }, "\(output.text)")
        for name in ["Tobias Brandt", "Lena Novak", "Jürgen Weißmüller"] {
            #expect(added.contains { $0.contains(name) }, "no person added line for \(name)")
        }
    }

    @Test("search finds filed messages by body and attachment")
    func searchFiledMessages() throws {
        let folder = try TemporaryFolder()
        let session = try Self.fileThroughServe(in: folder)

        for word in ["compensation", "timesheet"] {
            let output = try runHRBox(["search", word, "--store", session.store])
            #expect(output.status == 0, "\(word): \(output.standardError)")
            let lines = output.text.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("message \(session.overtimeRef)  ") == true, "\(word): \(output.text)")
            #expect(lines.first?.contains("Overtime in November") == true, "\(word): \(output.text)")
            #expect(output.text.contains("filed for: Tobias Brandt (#\(session.tobias.id))"), "\(word): \(output.text)")
            #expect(!output.text.contains("message \(session.invitationRef) "), "\(word): \(output.text)")
        }
    }

    @Test("search skips a message never filed")
    func searchSkipsUnfiled() throws {
        let folder = try TemporaryFolder()
        let session = try Self.fileThroughServe(in: folder)

        // The sick note went through hrbox/lookup only; "Krankmeldung" is in its subject.
        let output = try runHRBox(["search", "Krankmeldung", "--store", session.store])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        #expect(output.text == "No filed message matches \"Krankmeldung\".\n")

        let filed = try runHRBox(["search", "interview", "--store", session.store])
        #expect(filed.text.hasPrefix("message \(session.invitationRef)  "), "\(filed.text)")
    }

    @Test("search takes several words, a person and a limit")
    func searchWordsAndPerson() throws {
        let folder = try TemporaryFolder()
        let session = try Self.fileThroughServe(in: folder)

        let both = try runHRBox(
            ["search", "extra", "shifts", "--person", "#\(session.tobias.id)", "--limit", "1", "--store", session.store])
        let other = try runHRBox(["search", "extra", "shifts", "--person", "#\(session.lena.id)", "--store", session.store])

        #expect(both.status == 0, "stderr: \(both.standardError)")
        #expect(both.text.hasPrefix("message \(session.overtimeRef)  "), "\(both.text)")
        #expect(both.text.contains("[extra] [shifts]"), "\(both.text)")
        #expect(other.status == 0, "stderr: \(other.standardError)")
        #expect(other.text == "No message filed for Lena Novak (#\(session.lena.id)) matches \"extra shifts\".\n")
    }
}
