import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("Thunderbird", .serialized)
struct ThunderbirdTests {
    @Test(
        "JSON-RPC module stores the message byte for byte",
        .thunderbirdInstalled
    )
    func moduleStoresMessage() throws {
        let setup = try ThunderbirdSetup(installHost: true)
        let result = try setup.run(.module)

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        #expect(result.details["subject"]?.stringValue == "Urlaubsantrag für März")
        #expect(result.details["attachments"] == JSONValue.array(["Urlaubsantrag März.pdf"]))
        let filed = try setup.onlyFiledMessage(in: try setup.personnelFile())
        #expect(result.details["messageRef"]?.int64Value == filed.messageRef)
        try setup.expectStoredBytesEqualOriginal(filed)
    }

    @Test(
        "popup's Store button stores the message",
        .thunderbirdInstalled
    )
    func popupStoresMessage() throws {
        let setup = try ThunderbirdSetup(installHost: true)
        let result = try setup.run(.popup)

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        #expect(result.details["person"]?.stringValue == "Jürgen Weißmüller · NW-1187 · employee")
        let caseStatus = try #require(result.details["caseStatus"]?.stringValue)
        #expect(caseStatus.hasPrefix("Started \"Sick leave "), "case status: \(caseStatus)")
        #expect(caseStatus.contains("with 3 to-dos."), "case status: \(caseStatus)")
        #expect(result.details["todoStatus"]?.stringValue == "Planned \"Check the remaining leave days\" for mkeller, due 2026-12-01.")
        #expect(result.details["state"]?.stringValue == "ready")
        let filedLine = try #require(result.details["filed"]?.stringValue)
        #expect(filedLine.hasPrefix("Filed already for Jürgen Weißmüller under \"Sick leave "), "filed line: \(filedLine)")

        let file = try setup.personnelFile()
        let filed = try setup.onlyFiledMessage(in: file)
        let startedCase = try #require(file.cases.first, "the personnel file lists no case")
        #expect(file.cases.count == 1)
        #expect(filed.caseId == startedCase.id)
        #expect(result.details["status"]?.stringValue == "Stored in Jürgen Weißmüller's personnel file under \"\(startedCase.title)\".")
        try setup.expectStoredBytesEqualOriginal(filed)

        #expect(file.todos.count == 4, "the workflow's 3 to-dos and the planned one")
        let planned = try #require(file.todos.first { $0.title == "Check the remaining leave days" })
        #expect(planned.assignee == "mkeller")
        #expect(planned.sharedWith == ["pweiss"])
        #expect(planned.due == "2026-12-01")
        #expect(planned.caseId == startedCase.id)
        #expect(planned.messageRef == filed.messageRef)
    }

    @Test(
        "popup says hrbox is not installed",
        .thunderbirdInstalled
    )
    func popupWithoutHost() throws {
        let setup = try ThunderbirdSetup(installHost: false)
        let result = try setup.run(.popup)

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        #expect(result.details["state"]?.stringValue == "failed")
        #expect(result.details["status"]?.stringValue == "hrbox is not installed: run `hrbox thunderbird install`.")
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a test where Thunderbird or the programs around it are missing, except under `CI=true`.
    fileprivate static var thunderbirdInstalled: Self {
        .enabled(
            if: ExternalProgram.available("thunderbird", "unshare", "zip"),
            "needs thunderbird, unshare and zip (apt-get install thunderbird util-linux zip)")
    }
}

/// A store with the sample people, a temporary home with the native host manifest when asked for, and
/// the programs a Thunderbird test runs.
private struct ThunderbirdSetup {
    let folder: TemporaryFolder
    let store: String
    let config: String
    let home: String
    let thunderbird: String
    let unshare: String

    init(installHost: Bool) throws {
        thunderbird = try #require(ExternalProgram.find("thunderbird"), "thunderbird is not installed; CI must install it")
        unshare = try #require(ExternalProgram.find("unshare"), "unshare is not installed; CI must install util-linux")
        try #require(ExternalProgram.find("zip") != nil, "zip is not installed; CI must install it")

        folder = try TemporaryFolder()
        let prepared = try SampleData.prepare(in: folder)
        store = prepared.store
        config = prepared.config
        home = folder.path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        if installHost {
            let installed = try runHRBox(["thunderbird", "install"], environment: ["HOME": home])
            try #require(installed.status == 0, "hrbox thunderbird install failed: \(installed.standardError)")
        }
    }

    /// Runs Thunderbird until the driver reports, then ends it.
    func run(_ mode: ThunderbirdDriver.Mode) throws -> HeadlessThunderbird.DriverResult {
        let thunderbird = try HeadlessThunderbird(
            thunderbird: thunderbird, unshare: unshare, home: home, folder: folder, mode: mode,
            environment: ["HRBOX_STORE": store, "HRBOX_CONFIG": config, "PATH": "/usr/bin:/bin"])
        defer { thunderbird.stop() }
        return try thunderbird.waitForDriver()
    }

    /// Returns Jürgen Weißmüller's personnel file, the person the test message comes from.
    func personnelFile() throws -> PersonnelFile.Result {
        let shown = try runHRBox(["person", "show", "NW-1187", "--store", store, "--json"])
        try #require(shown.status == 0, "hrbox person show failed: \(shown.standardError)")
        return try JSONValueDecoder().decode(PersonnelFile.Result.self, from: try JSONValue(parsing: shown.standardOutput))
    }

    /// Returns the one message in `file`, failing when there is not exactly one.
    func onlyFiledMessage(in file: PersonnelFile.Result) throws -> FiledMessage {
        #expect(file.messages.count == 1)
        let filed = try #require(file.messages.first, "the personnel file lists no message")
        #expect(filed.subject == "Urlaubsantrag für März")
        #expect(filed.direction == .received)
        return filed
    }

    func expectStoredBytesEqualOriginal(_ filed: FiledMessage) throws {
        let exported = try runHRBox(["message", "export", String(filed.messageRef), "--store", store])
        #expect(exported.status == 0, "hrbox message export failed: \(exported.standardError)")
        #expect(exported.standardOutput == ThunderbirdDriver.leaveRequest, "the stored bytes differ from the imported message")
    }
}
