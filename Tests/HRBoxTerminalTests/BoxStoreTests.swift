import Foundation
import HRBoxProtocol
import Testing

@testable import HRBoxTerminal

@Suite("Storing")
struct BoxStoreTests {
    @Test func startLooksUpPipedBytes() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        _ = Fixtures.startedSession(service)

        let first = try #require(service.calls.first)
        guard case .lookup(let params) = first, case .base64(let encoded) = params.message else {
            Issue.record("expected a lookup with a base64 message, got \(first)")
            return
        }
        #expect(Data(base64Encoded: encoded).map(Array.init) == Fixtures.message)
    }

    @Test func storeForDefaultPerson() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press(.character("s"))

        let store = try #require(service.storeCalls.first)
        #expect(service.storeCalls.count == 1)
        #expect(store.targets == [FilingTarget(personId: 1, caseId: nil)])
        #expect(store.message == BoxModel(message: Fixtures.message, today: Fixtures.today).messageSource)
        #expect(session.model.status == .info("Stored in Anna Schmidt's personnel file."))
        #expect(session.model.summary == ["hrbox: stored for Anna Schmidt (E-1042)"])
        #expect(session.screenText.contains("Filed already for Anna Schmidt on 2026-12-01."))
    }

    @Test func storeUnderChosenCase() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press([.character("f"), .character("1"), .character("s")])

        let store = try #require(service.storeCalls.first)
        #expect(store.targets == [FilingTarget(personId: 1, caseId: 10)])
        #expect(session.model.status == .info("Stored in Anna Schmidt's personnel file under \"Sick leave 2026-11-30\"."))
        #expect(session.model.summary == ["hrbox: stored for Anna Schmidt (E-1042) under \"Sick leave 2026-11-30\""])
    }

    @Test func fileUnderWithArrowsAndBackToFile() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press([.character("f"), .down, .enter])
        #expect(session.model.person?.fileUnder == Fixtures.sickLeave)

        session.press([.character("f"), .character("0")])
        #expect(session.model.person?.fileUnder == nil)
        #expect(session.model.screen == .main)
    }

    @Test func fileUnderRejectsMissingEntry() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press([.character("f"), .character("5")])

        #expect(session.model.status?.isError == true)
        #expect(session.model.status?.text.contains("There is no entry 5") == true)
        #expect(session.model.person?.fileUnder == nil)
    }

    @Test func storeAlreadyFiled() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.reportsAlreadyFiled = true
        var session = Fixtures.startedSession(service)

        session.press(.character("s"))

        #expect(session.model.status == .info("Filed already on 2026-12-01."))
        #expect(session.model.summary == ["hrbox: filed already for Anna Schmidt (E-1042) on 2026-12-01"])
    }

    @Test func secondPersonMakesOneStoreWithTwoTargets() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.searchResults["okafor"] = [Fixtures.ben]
        service.casesByPerson[2] = []
        var session = Fixtures.startedSession(service)

        session.press(.character("2"))
        session.type("okafor")
        session.press([.enter, .character("1")])
        #expect(session.model.secondPerson?.person == Fixtures.ben)
        #expect(service.calls.contains(.cases(Cases.Params(personId: 2))))

        session.press(.character("s"))

        let store = try #require(service.storeCalls.first)
        #expect(service.storeCalls.count == 1)
        #expect(store.targets == [FilingTarget(personId: 1), FilingTarget(personId: 2)])
        #expect(session.model.summary == [
            "hrbox: stored for Anna Schmidt (E-1042)",
            "hrbox: stored for Ben Okafor (E-2001)",
        ])
    }

    @Test func secondPersonClearedByTwo() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.searchResults["ben"] = [Fixtures.ben]
        var session = Fixtures.startedSession(service)

        session.press(.character("2"))
        session.type("ben")
        session.press([.enter, .enter])
        #expect(session.model.secondPerson != nil)

        session.press(.character("2"))

        #expect(session.model.secondPerson == nil)
        session.press(.character("s"))
        #expect(service.storeCalls.first?.targets == [FilingTarget(personId: 1)])
    }

    @Test func secondPersonFileUnder() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        let bensCase = Case(
            id: 20, personId: 2, caseTypeId: 6, caseType: "Onboarding", title: "Onboarding 2026", status: .open,
            startDate: "2026-10-01"
        )
        service.searchResults["ben"] = [Fixtures.ben]
        service.casesByPerson[2] = [bensCase]
        var session = Fixtures.startedSession(service)

        session.press(.character("2"))
        session.type("ben")
        session.press([.enter, .character("1"), .character("F"), .character("1"), .character("s")])

        let store = try #require(service.storeCalls.first)
        #expect(store.targets == [FilingTarget(personId: 1), FilingTarget(personId: 2, caseId: 20)])
    }

    @Test func serverErrorShownAsSentence() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        let problem = "The store could not be written because the disk is full. Free some space and try again."
        service.errors["store"] = BoxServiceError(code: HRBoxErrorCode.storeUnavailable, message: problem)
        var session = Fixtures.startedSession(service)

        session.press(.character("s"))

        #expect(session.model.status == .error(problem))
        #expect(session.screenText.contains("The store could not be written"))
        #expect(session.model.summary.isEmpty)
        #expect(!session.hasQuit)

        service.errors["store"] = nil
        session.press(.character("s"))
        #expect(service.storeCalls.count == 2)
        #expect(session.model.status?.isError == false)
    }

    @Test func storeWithoutPersonAsksForOne() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        var session = Fixtures.startedSession(service)

        session.press(.character("s"))

        #expect(service.storeCalls.isEmpty)
        #expect(session.model.status?.isError == true)
        #expect(session.model.status?.text.contains("Press c to search for a person or n to add a new person") == true)
    }
}

@Suite("Quitting")
struct BoxQuitTests {
    @Test func quitKeys() {
        for key in [Key.character("q"), .escape, .control("c")] {
            var session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))
            session.press(key)
            #expect(session.hasQuit, "key \(key)")
            #expect(session.model.exitStatus == 0)
            #expect(session.model.failure == nil)
        }
    }

    @Test func escapeInFormGoesBack() {
        var session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))

        session.press([.character("n"), .escape])

        #expect(!session.hasQuit)
        #expect(session.model.screen == .main)
    }

    @Test func controlCQuitsFromForm() {
        var session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))

        session.press([.character("n"), .control("c")])

        #expect(session.hasQuit)
    }

    @Test func failedLookupQuitsWithError() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        let problem = "The message could not be read because it has no header. Pipe the whole message."
        service.errors["lookup"] = BoxServiceError(code: HRBoxErrorCode.messageUnreadable, message: problem)
        var session = Fixtures.startedSession(service)

        #expect(session.screenText.contains("The box cannot work on this message."))
        #expect(session.screenText.contains("The message could not be read because it has no header."))
        #expect(session.model.status == nil)
        session.press(.character("s"))
        #expect(service.storeCalls.isEmpty)

        session.press(.character("q"))
        #expect(session.hasQuit)
        #expect(session.model.exitStatus == 1)
        #expect(session.model.failure == problem)
    }

    @Test func unboundKeyPointsToHelp() {
        var session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))

        session.press(.character("z"))

        #expect(session.model.status == .error("That key does nothing here. Press ? for help."))
        #expect(!session.hasQuit)
    }
}
