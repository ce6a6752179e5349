import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

/// Runs initialize, a lookup of the sample sick note, shutdown and exit, and checks the replies.
private func lookUpSickNote(_ server: ServeSession) throws {
    let initialized = try server.request("initialize", ["clientInfo": ["name": "native messaging test"]])
    #expect(initialized["result"]?["serverInfo"]?["name"] == "hrbox")
    try server.notify("initialized", [:])

    let message = MessageSource.base64(SampleData.sickNote.base64EncodedString())
    let lookup = try server.call(Lookup.self, Lookup.Params(message: message))
    #expect(lookup.defaultPerson?.employeeNumber == "NW-1042")
    #expect(lookup.summary.direction == .received)

    #expect(try server.request("shutdown")["result"] == .null)
    try server.notify("exit")
}

@Suite("hrbox as a native messaging host")
struct NativeMessagingProcessTests {
    @Test("serve --native-messaging looks up a message and exits with 0")
    func serveWithNativeFraming() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let server = try ServeSession(
            arguments: ["--store", store, "--config", config], errorLog: folder.path("serve.log"),
            framing: .nativeMessaging)

        try lookUpSickNote(server)

        let (status, trailing) = try server.finish()
        #expect(status == 0)
        #expect(trailing.isEmpty, "stdout held bytes after the last frame")
        #expect(server.isAtFrameBoundary)
    }

    @Test("Thunderbird's arguments, a manifest and an extension id, start a native host")
    func thunderbirdStart() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let manifest = try folder.write("hosts/hrbox.json", #"{"name":"hrbox","type":"stdio"}"#)
        let log = folder.path("host.log")
        let server = try ServeSession(
            commandLine: [manifest, "hrbox@northwind.example"], framing: .nativeMessaging,
            environment: ["HRBOX_STORE": store, "HRBOX_CONFIG": config], errorLog: log)

        try lookUpSickNote(server)

        #expect(try server.finish().status == 0)
        let logText = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logText.contains("Started as the native messaging host of the extension hrbox@northwind.example."))
        #expect(logText.contains("native messaging framing"))
        #expect(!logText.contains("Tobias"), "the log holds personal data")
    }

    @Test("Chrome's argument, the extension's origin, starts a native host")
    func chromeStart() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let log = folder.path("host.log")
        let server = try ServeSession(
            commandLine: ["chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/"], framing: .nativeMessaging,
            environment: ["HRBOX_STORE": store, "HRBOX_CONFIG": config], errorLog: log)

        try lookUpSickNote(server)

        #expect(try server.finish().status == 0)
        let logText = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logText.contains("native messaging host of the extension knldjmfmopnpolahpmmgbagdohdnhkik."))
    }

    @Test("a missing manifest is named, and no native host starts")
    func missingManifestNamed() throws {
        let folder = try TemporaryFolder()
        let output = try runHRBox([folder.path("missing.json"), "hrbox@northwind.example"])
        #expect(output.status == 2)
        #expect(output.standardError.contains("missing.json\" does not exist"))
        #expect(output.standardOutput.isEmpty)
    }

    @Test("a manifest with an empty or extra argument is rejected")
    func manifestArgumentsCounted() throws {
        let folder = try TemporaryFolder()
        let manifest = folder.path("hrbox.json")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: manifest))

        for extra in [[""], ["a@b", "c"]] {
            let output = try runHRBox([manifest] + extra)
            #expect(output.status == 2)
            #expect(output.standardError.contains("one non-empty extension id"))
            #expect(output.standardOutput.isEmpty)
        }
    }
}

@Suite("$/progress through hrbox serve")
struct ServeProgressTests {
    @Test("a lookup with a workDoneToken reports begin, steps and end before its reply")
    func lookupProgress() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let server = try ServeSession(
            arguments: ["--store", store, "--config", config], errorLog: folder.path("serve.log"))
        _ = try server.request("initialize", [:])

        let message = try JSONValueEncoder().encode(MessageSource.base64(SampleData.sickNote.base64EncodedString()))
        try server.send([
            "jsonrpc": "2.0", "id": "lookup-1", "method": "hrbox/lookup",
            "params": ["message": message, "workDoneToken": "lookup-progress"],
        ])
        var progress: [JSONValue] = []
        var reply = try server.receive()
        while reply["method"] == "$/progress" {
            #expect(reply["params"]?["token"] == "lookup-progress")
            progress.append(reply["params"]?["value"] ?? .null)
            reply = try server.receive()
        }

        #expect(reply["id"] == "lookup-1")
        #expect(reply["result"]?["defaultPerson"]?["employeeNumber"] == "NW-1042")
        #expect(progress.map { $0["kind"] } == ["begin", "report", "report", "end"])
        #expect(progress.first?["title"] == "Looking up a message")
        #expect(progress.first?["cancellable"] == true)
        #expect(progress.map { $0["percentage"] } == [0, 20, 80, nil])

        _ = try server.request("shutdown")
        try server.notify("exit")
        #expect(try server.finish().status == 0)
    }
}
