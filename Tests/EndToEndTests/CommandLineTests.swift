import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("hrbox commands")
struct CommandLineTests {
    @Test("people import with a bad line stores nobody")
    func importWithBadLineStoresNothing() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("hrbox.sqlite")
        let people = try folder.write(
            "people.csv",
            """
            first_name,last_name,addresses,employee_number,department,job_title,status
            Tobias,Brandt,tobias.brandt@northwind.example,NW-1042,Production,Machine operator,employee
            Lena,Novak,lena.novak.example.org,,Engineering,Process engineer,applicant
            Amélie,Laurent,amelie.laurent@northwind.example,NW-1123,Marketing,Designer,employee

            """)

        let imported = try runHRBox(["people", "import", people, "--store", store])
        #expect(imported.status == 1)
        #expect(imported.standardError.contains("people.csv:3: addresses:"), "stderr: \(imported.standardError)")
        #expect(imported.standardError.contains("lena.novak.example.org"))

        for someone in ["NW-1042", "Laurent", "tobias.brandt@northwind.example"] {
            let shown = try runHRBox(["person", "show", someone, "--store", store])
            #expect(shown.status == 1, "\(someone) was stored although the import failed")
            #expect(shown.standardError.contains("no person matches"))
        }
    }

    @Test("person show prints the personnel file")
    func personShow() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let server = try ServeSession(
            arguments: ["--store", store, "--config", config], errorLog: folder.path("serve.log"))
        _ = try server.request("initialize", [:])
        let message = MessageSource.base64(SampleData.invitation.base64EncodedString())
        let lookup = try server.call(Lookup.self, Lookup.Params(message: message))
        let lena = try #require(lookup.defaultPerson)
        _ = try server.call(
            StoreMessage.self, StoreMessage.Params(message: message, targets: [FilingTarget(personId: lena.id)]))
        _ = try server.request("shutdown")
        try server.notify("exit")
        _ = try server.finish()

        let byAddress = try runHRBox(["person", "show", "LENA.NOVAK@example.org", "--store", store])
        #expect(byAddress.status == 0)
        let lines = byAddress.text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Lena Novak") == true)
        let filedLine = try #require(lines.first { $0.contains("Your interview on 8 December") })
        #expect(filedLine.contains("2026-11-30 10:02"))
        #expect(filedLine.contains("sent"))
        #expect(filedLine.contains("personnel file"))

        let byName = try runHRBox(["person", "show", "novak", "--store", store])
        #expect(byName.text == byAddress.text)
    }

    @Test("person show lists the people a name matches")
    func personShowAmbiguous() throws {
        let folder = try TemporaryFolder()
        let (store, _) = try SampleData.prepare(in: folder)
        // Tobias Brandt and Lena Novak both have an "n" in their names; Jürgen Weißmüller too.
        let shown = try runHRBox(["person", "show", "n", "--store", store])
        #expect(shown.status == 1)
        #expect(shown.standardError.contains("3 people match"))
        #expect(shown.standardError.contains("Lena Novak"))
        #expect(shown.text.isEmpty)
    }

    @Test("reading commands never create a store")
    func readingMissingStore() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("mistyped.sqlite")

        for arguments in [["person", "show", "Brandt"], ["message", "export", "1"]] {
            let output = try runHRBox(arguments + ["--store", store])
            #expect(output.status == 1)
            #expect(output.standardError.contains("no store exists at \(store)"), "\(output.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("message export of an unknown ref fails")
    func exportUnknownReference() throws {
        let folder = try TemporaryFolder()
        let (store, _) = try SampleData.prepare(in: folder)
        let exported = try runHRBox(["message", "export", "99", "--store", store])
        #expect(exported.status == 1)
        #expect(exported.standardError.contains("no message has the ref 99"))
        #expect(exported.standardOutput.isEmpty)
    }

    @Test("usage errors exit with status 2 and say what to run")
    func usageErrors() throws {
        let cases: [([String], String)] = [
            ([], "Usage: hrbox COMMAND"),
            (["frobnicate"], "unknown command"),
            (["person", "show"], "missing PERSON"),
            (["people", "import", "a.csv", "--colour"], "unknown option --colour"),
            (["serve", "--log-level", "loud"], "--log-level expects"),
            (["message", "export", "twelve"], "REF must be a message number"),
        ]
        for (arguments, expected) in cases {
            let output = try runHRBox(arguments)
            #expect(output.status == 2, "hrbox \(arguments.joined(separator: " "))")
            #expect(output.standardError.contains(expected), "hrbox \(arguments): \(output.standardError)")
        }
    }

    @Test("help lists every command")
    func help() throws {
        let output = try runHRBox(["help"])
        #expect(output.status == 0)
        for command in ["serve", "box", "person show", "people import", "colleagues import", "case-types import",
            "message export", "demo"]
        {
            #expect(output.text.contains("  \(command) "), "help lacks \(command)")
        }
        let serveHelp = try runHRBox(["help", "serve"])
        #expect(serveHelp.text.contains("--max-message-bytes"))
    }

    @Test("box without a message on stdin explains itself")
    func boxWithoutMessage() throws {
        let output = try runHRBox(["box", "--store", "/nonexistent/never-created.sqlite"])
        #expect(output.status == 2)
        #expect(output.standardError.contains("empty"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/never-created.sqlite"))
    }

    @Test("demo files the sample messages and prints the personnel files")
    func demo() throws {
        let folder = try TemporaryFolder()
        let output = try runHRBox(
            ["demo", "--examples", Repository.root.appendingPathComponent("examples").path],
            environment: ["TMPDIR": folder.url.path])
        #expect(output.status == 0, "stderr: \(output.standardError)")

        let sampleCount = try FileManager.default
            .contentsOfDirectory(atPath: Repository.root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".eml") }.count
        let storedLines = output.text.split(separator: "\n").filter { $0.contains("  Stored in ") }
        let unfiledLines = output.text.split(separator: "\n").filter { $0.contains("left unfiled") }
        #expect(storedLines.count + unfiledLines.count == sampleCount)
        #expect(output.text.contains("Personnel files"))
        #expect(output.text.contains("nothing new was stored"))
        #expect(output.text.contains("Filed messages (2), newest first"))
        #expect(output.text.contains(" search --store "))
        #expect(output.text.contains(" audit --store "))

        let storeLine = try #require(output.text.split(separator: "\n").first { $0.hasPrefix("hrbox demo: a new store at ") })
        let storePath = String(storeLine.dropFirst("hrbox demo: a new store at ".count))
        let audit = try runHRBox(["audit", "--store", storePath, "--limit", "10000"])
        let importLines = audit.text.split(separator: "\n").filter { $0.contains("  person added  ") }
        #expect(!importLines.isEmpty)
        #expect(importLines.allSatisfy { $0.hasSuffix(" via hrbox demo") })
    }
}
