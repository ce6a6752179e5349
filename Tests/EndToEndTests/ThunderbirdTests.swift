import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("Thunderbird", .serialized)
struct ThunderbirdTests {
    /// Returns a time zone whose date differs from the UTC date for the next 10 hours or more, so that a UTC
    /// date shown as the local one fails the test: UTC-12 before noon UTC, UTC+14 from then on. The
    /// POSIX names of the `Etc` zones have the sign reversed.
    static func timeZoneOffTheUTCDate(now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.hour, from: now) < 12 ? "Etc/GMT+12" : "Etc/GMT-14"
    }

    @Test(
        "JSON-RPC module stores the message byte for byte",
        .thunderbirdInstalled
    )
    func moduleStoresMessage() throws {
        let setup = try ThunderbirdSetup(installHost: true)
        let result = try setup.run(.init(mode: .module))

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        #expect(result.details["subject"]?.stringValue == "Urlaubsantrag für März")
        #expect(result.details["attachments"] == JSONValue.array(["Urlaubsantrag März.pdf"]))
        #expect(result.details["closed"] == true, "close() should see hrbox's reply to shutdown")
        let filed = try setup.onlyFiledMessage(in: try setup.personnelFile())
        #expect(result.details["messageRef"]?.int64Value == filed.messageRef)
        try setup.expectStoredBytesEqualOriginal(filed)
    }

    @Test(
        "popup's forms and Store button",
        .thunderbirdInstalled
    )
    func popupStoresMessage() throws {
        let setup = try ThunderbirdSetup(installHost: true)
        let timeZone = Self.timeZoneOffTheUTCDate()
        let result = try setup.run(.init(mode: .popup), environment: ["TZ": timeZone])

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        let details = result.details
        #expect(details["person"]?.stringValue == "Jürgen Weißmüller · NW-1187 · employee")
        #expect(details["focusOnOpen"]?.stringValue == "subject")
        #expect(details["focusInCaseForm"]?.stringValue == "target")
        #expect(details["focusAfterCase"]?.stringValue == "add-case")
        #expect(
            details["workflow"]
                == [
                    "File the doctor's certificate: due on the start date",
                    "Tell payroll about the absence: due after 1 day, for Paul Weiss",
                    "Ask about the return to work: due after 5 days",
                ])
        let caseStatus = try #require(details["caseStatus"]?.stringValue)
        #expect(caseStatus.hasPrefix("Started \"Sick leave "), "case status: \(caseStatus)")
        #expect(caseStatus.contains("with 3 to-dos."), "case status: \(caseStatus)")

        #expect(details["statusInTodoForm"]?.stringValue == "", "the case's note should be gone in the next form")
        #expect(details["assignees"] == ["Mara Keller", "Paul Weiss"])
        #expect(details["assigneeShown"]?.stringValue == "Mara Keller")
        #expect(details["todoStatus"]?.stringValue == "Planned \"Check the remaining leave days\" for Mara Keller, due 2026-12-01.")
        #expect(details["state"]?.stringValue == "ready")

        let file = try setup.personnelFile()
        let filed = try setup.onlyFiledMessage(in: file)
        let startedCase = try #require(file.cases.first, "the personnel file lists no case")
        #expect(file.cases.count == 1, "submitting the case form twice should start one case")
        #expect(filed.caseId == startedCase.id)
        #expect(details["status"]?.stringValue == "Stored in Jürgen Weißmüller's personnel file under \"\(startedCase.title)\".")
        try setup.expectStoredBytesEqualOriginal(filed)

        let filedOn = try Self.date(of: filed.filedAt, inTimeZone: timeZone)
        #expect(details["filed"]?.stringValue == "Filed already for Jürgen Weißmüller under \"\(startedCase.title)\" on \(filedOn).")
        #expect(
            details["storedAgain"]?.stringValue
                == "Filed already in Jürgen Weißmüller's personnel file under \"\(startedCase.title)\" on \(filedOn).")

        #expect(file.todos.count == 4, "the workflow's 3 to-dos and the planned one, planned once")
        let planned = try #require(file.todos.first { $0.title == "Check the remaining leave days" })
        #expect(planned.assignee == "mkeller")
        #expect(planned.sharedWith == ["pweiss"])
        #expect(planned.due == "2026-12-01")
        #expect(planned.caseId == startedCase.id)
        #expect(planned.messageRef == filed.messageRef)
    }

    @Test(
        "popup checks input and shows many participants",
        .thunderbirdInstalled
    )
    func popupChecksInput() throws {
        let setup = try ThunderbirdSetup(installHost: true)
        var settings = HeadlessThunderbird.DriverSettings(mode: .forms)
        settings.messages = ["many-participants": ThunderbirdDriver.manyParticipants]
        settings.largeMessageBytes = 60_000_000
        settings.isDark = true
        let result = try setup.run(settings)

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        let details = result.details
        let participantCount = ThunderbirdDriver.manyParticipantsCc + 2
        #expect(details["headerCells"] == ["Role", "Participant", "Person"])
        #expect(details["rowsFirst"]?.int64Value == 20)
        #expect(details["moreButton"]?.stringValue == "and \(participantCount - 20) more")
        #expect(details["rowsExpanded"]?.int64Value == Int64(participantCount))
        #expect(details["moreExpanded"]?.stringValue == "true")

        #expect(details["prefersDark"] == true, "the dark theme preferences did not take effect")
        let contrast = try #require(details["linkContrast"]?["ratio"]?.doubleValue)
        #expect(contrast >= 4.5, "link contrast in the dark theme: \(details["linkContrast"] ?? .null)")

        #expect(details["focusInPersonForm"]?.stringValue == "firstName")
        #expect(
            details["badAddress"]?.stringValue
                == "\"not an address\" is not an email address. Give each address as name@domain, one per line or separated by commas.")
        #expect(details["focusAfterBadAddress"]?.stringValue == "addresses")
        #expect(details["formShownAfterEscape"] == false)
        #expect(details["focusAfterEscape"]?.stringValue == "add-person")

        #expect(details["statusInTodoForm"]?.stringValue == "", "the person form's error should be gone in the next form")
        #expect(details["focusInTodoForm"]?.stringValue == "title")
        #expect(details["emptyTitle"]?.stringValue == "Enter a title for the to-do.")
        #expect(details["focusAfterEmptyTitle"]?.stringValue == "title")
        #expect(details["focusAfterCancel"]?.stringValue == "add-todo")

        #expect(details["statusInCaseForm"]?.stringValue == "")
        #expect(details["emptyStartDate"]?.stringValue == "Enter the start date of the case.")
        #expect(details["focusAfterEmptyStartDate"]?.stringValue == "startDate")

        #expect(details["invalidParams"]?["code"]?.int64Value == -32602)
        #expect(
            details["invalidParams"]?["sentence"]?.stringValue
                == "Check the start date: expected a date as YYYY-MM-DD, found \"30.11.2026\".")

        #expect(details["largeState"]?.stringValue == "failed")
        let largeStatus = try #require(details["largeStatus"]?.stringValue)
        #expect(largeStatus.hasPrefix("This message is 60."), "status: \(largeStatus)")
        #expect(largeStatus.hasSuffix(" MB, larger than the 56.6 MB hrbox accepts from Thunderbird, so the HR box cannot file it."), "status: \(largeStatus)")
    }

    @Test(
        "toolbar popup stores the message",
        .thunderbirdInstalled
    )
    func toolbarPopupStoresMessage() throws {
        let setup = try ThunderbirdSetup(installHost: true)
        let result = try setup.run(.init(mode: .toolbar))

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        #expect(result.details["opened"] == true)
        #expect(result.details["person"]?.stringValue == "Jürgen Weißmüller · NW-1187 · employee")
        #expect(result.details["focusOnOpen"]?.stringValue == "subject")
        #expect(result.details["status"]?.stringValue == "Stored in Jürgen Weißmüller's personnel file.")
        let filed = try setup.onlyFiledMessage(in: try setup.personnelFile())
        try setup.expectStoredBytesEqualOriginal(filed)
    }

    @Test(
        "popup says hrbox is not installed",
        .thunderbirdInstalled
    )
    func popupWithoutHost() throws {
        let setup = try ThunderbirdSetup(installHost: false)
        let result = try setup.run(.init(mode: .open))

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        #expect(result.details["state"]?.stringValue == "failed")
        #expect(result.details["status"]?.stringValue == "hrbox is not installed: run `hrbox thunderbird install`.")
    }

    @Test(
        "popup says a moved hrbox cannot start",
        .thunderbirdInstalled
    )
    func popupWithMovedHRBox() throws {
        let setup = try ThunderbirdSetup(installHost: false)
        let copy = setup.folder.path("moved/hrbox")
        try FileManager.default.createDirectory(atPath: setup.folder.path("moved"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: HRBoxBinary.path, toPath: copy)
        let installed = try runProgram(copy, ["thunderbird", "install"], environment: ["HOME": setup.home])
        try #require(installed.status == 0, "hrbox thunderbird install failed: \(installed.standardError)")
        try FileManager.default.removeItem(atPath: copy)

        let result = try setup.run(.init(mode: .open))

        try #require(result.outcome == "done", "the driver failed: \(result.details)")
        #expect(result.details["state"]?.stringValue == "failed")
        #expect(
            result.details["status"]?.stringValue
                == "hrbox could not be started. If hrbox was moved or removed, run `hrbox thunderbird install` again "
                + "with the hrbox in its new place.")
    }

    /// Returns the date, as YYYY-MM-DD, of the RFC 3339 instant `instant` in the time zone `identifier`.
    static func date(of instant: String, inTimeZone identifier: String) throws -> String {
        let parsed = try #require(ISO8601DateFormatter().date(from: instant), "filedAt is no RFC 3339 instant: \(instant)")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: identifier)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: parsed)
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

    /// Runs Thunderbird, with `environment` added, until the driver reports, then ends it.
    func run(
        _ settings: HeadlessThunderbird.DriverSettings, environment: [String: String] = [:]
    ) throws -> HeadlessThunderbird.DriverResult {
        let thunderbird = try HeadlessThunderbird(
            thunderbird: thunderbird, unshare: unshare, home: home, folder: folder, settings: settings,
            environment: environment.merging(
                ["HRBOX_STORE": store, "HRBOX_CONFIG": config, "PATH": "/usr/bin:/bin"], uniquingKeysWith: { _, fixed in fixed }))
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
