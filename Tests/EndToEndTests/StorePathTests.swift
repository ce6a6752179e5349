import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

/// A store named with --store or HRBOX_STORE must exist, because serve creates one only at the default location.
@Suite("store path")
struct StorePathTests {
    /// Starts serve, sends `initialize` and `hrbox/caseTypes`, and returns the two responses and the log.
    private func serveCaseTypes(arguments: [String], environment: [String: String], folder: TemporaryFolder) throws
        -> (initialize: JSONValue, caseTypes: JSONValue, log: String)
    {
        let log = folder.path("serve.log")
        let session = try ServeSession(
            commandLine: ["serve"] + arguments, framing: .contentLength, environment: environment, errorLog: log)
        let initialize = try session.request("initialize", [:])
        try session.notify("initialized", .object([:]))
        let caseTypes = try session.request("hrbox/caseTypes", .object([:]))
        _ = try session.request("shutdown")
        try session.notify("exit")
        _ = try session.finish()
        return (initialize, caseTypes, try String(contentsOfFile: log, encoding: .utf8))
    }

    @Test("serve rejects missing --store path")
    func serveRejectsMissingOption() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "")
        let store = folder.path("x-missing/hr.sqlite")

        let replies = try serveCaseTypes(
            arguments: ["--store", store, "--config", config], environment: [:], folder: folder)

        #expect(replies.initialize["error"] == nil, "initialize: \(replies.initialize)")
        #expect(replies.caseTypes["error"]?["code"] == JSONValue(HRBoxErrorCode.storeUnavailable))
        let message = try #require(replies.caseTypes["error"]?["message"]?.stringValue)
        #expect(message.contains("No store exists at \(store)."), "\(message)")
        #expect(message.contains("hrbox store init --store \(store)"), "\(message)")
        #expect(replies.log.contains("does not exist"), "log: \(replies.log)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x-missing")))
    }

    @Test("serve rejects missing HRBOX_STORE path")
    func serveRejectsMissingVariable() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "")
        let store = folder.path("x-missing/hr.sqlite")

        let replies = try serveCaseTypes(
            arguments: ["--config", config], environment: ["HRBOX_STORE": store], folder: folder)

        #expect(replies.caseTypes["error"]?["code"] == JSONValue(HRBoxErrorCode.storeUnavailable))
        let message = try #require(replies.caseTypes["error"]?["message"]?.stringValue)
        #expect(message.contains("No store exists at \(store)."), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x-missing")))
    }

    @Test("serve rejects existing folder without file")
    func serveRejectsFolderWithoutFile() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "")
        try FileManager.default.createDirectory(atPath: folder.path("data"), withIntermediateDirectories: true)
        let store = folder.path("data/hr.sqlite")

        let replies = try serveCaseTypes(
            arguments: ["--store", store, "--config", config], environment: [:], folder: folder)

        #expect(replies.caseTypes["error"]?["code"] == JSONValue(HRBoxErrorCode.storeUnavailable))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("serve creates default location")
    func serveCreatesDefaultLocation() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "")
        let environment = ["HRBOX_STORE": "", "XDG_DATA_HOME": folder.path("data")]

        let replies = try serveCaseTypes(arguments: ["--config", config], environment: environment, folder: folder)

        #expect(replies.caseTypes["error"] == nil, "caseTypes: \(replies.caseTypes)")
        #expect(replies.caseTypes["result"]?["caseTypes"] == .array([]))
        #expect(FileManager.default.fileExists(atPath: folder.path("data/hrbox/hrbox.sqlite")))
    }

    @Test("serve uses store made by store init")
    func serveUsesInitializedStore() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "")
        let store = folder.path("new/hr.sqlite")

        let created = try runHRBox(["store", "init", "--store", store])
        let replies = try serveCaseTypes(
            arguments: ["--store", store, "--config", config], environment: [:], folder: folder)

        #expect(created.status == 0, "stderr: \(created.standardError)")
        #expect(created.text.contains("Created an empty store at \(store)"), "stdout: \(created.text)")
        #expect(replies.caseTypes["result"]?["caseTypes"] == .array([]), "caseTypes: \(replies.caseTypes)")
    }

    @Test("store init rejects existing store")
    func storeInitRejectsExisting() throws {
        let folder = try TemporaryFolder()
        let (store, _) = try SampleData.prepare(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))

        let again = try runHRBox(["store", "init", "--store", store])

        #expect(again.status == 1)
        #expect(again.standardError.contains("a store exists at \(store) already"), "stderr: \(again.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }

    @Test(
        "store init on PostgreSQL, then again",
        .enabled(if: StoreBackend.postgreSQL.isAvailable, "needs PostgreSQL's initdb (apt-get install postgresql)")
    )
    func storeInitOnPostgreSQL() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "")
        let store = try StoreBackend.postgreSQL.makeStore(in: folder)

        let created = try runHRBox(["store", "init", "--store", store])
        let replies = try serveCaseTypes(
            arguments: ["--store", store, "--config", config], environment: [:], folder: folder)
        let again = try runHRBox(["store", "init", "--store", store])

        #expect(created.status == 0, "stderr: \(created.standardError)")
        #expect(replies.caseTypes["result"]?["caseTypes"] == .array([]), "caseTypes: \(replies.caseTypes)")
        #expect(again.status == 1, "stdout: \(again.text) stderr: \(again.standardError)")
    }

    @Test("store init rejects mistyped URI")
    func storeInitRejectsMistypedURI() throws {
        let created = try runHRBox(["store", "init", "--store", "postgress://hr@127.0.0.1/hrbox"])

        #expect(created.status == 1)
        #expect(created.standardError.contains("postgress://hr@127.0.0.1/hrbox"), "stderr: \(created.standardError)")
    }

    @Test("box rejects missing store")
    func boxRejectsMissingStore() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "")
        let store = folder.path("x-missing/hr.sqlite")

        let box = try runHRBox(["box", "--config", config], input: SampleData.sickNote, environment: ["HRBOX_STORE": store])

        #expect(box.status != 0)
        #expect(box.standardError.contains("no store exists at \(store)"), "stderr: \(box.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x-missing")))
    }

    @Test("file rejects folder without file")
    func fileRejectsFolderWithoutFile() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("data"), withIntermediateDirectories: true)
        let store = folder.path("data/hr.sqlite")

        let filed = try runHRBox(["file", "--store", store], input: SampleData.sickNote)

        #expect(filed.status == 1)
        #expect(filed.standardError.contains("no store exists at \(store)"), "stderr: \(filed.standardError)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
