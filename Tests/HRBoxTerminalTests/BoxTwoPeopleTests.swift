import HRBoxProtocol
import Testing

@testable import HRBoxTerminal

@Suite("Person and second person")
struct BoxTwoPeopleTests {
    static let bensCase = Case(
        id: 20, personId: 2, caseTypeId: 6, caseType: "Onboarding", title: "Onboarding 2026", status: .open,
        startDate: "2026-10-01"
    )

    /// Starts a session on the message from Anna and picks Ben, found by searching "okafor", as the second person.
    static func sessionWithBenSecond(_ service: FakeBoxService) -> BoxSession {
        service.searchResults["okafor"] = [Fixtures.ben]
        var session = Fixtures.startedSession(service)
        session.press(.character("2"))
        session.type("okafor")
        session.press([.enter, .character("1")])
        return session
    }

    @Test func secondPersonSameAsPersonRejected() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press([.character("2"), .character("1")])

        let status = try #require(session.model.status)
        #expect(status.isError)
        #expect(status.text.hasPrefix("Anna Schmidt is the person already"))
        #expect(status.text.contains("Pick someone else as the second person, or press Esc."))
        #expect(session.model.secondPerson == nil)
        guard case .personPicker(let picker) = session.model.screen else {
            Issue.record("expected the picker to stay open, got \(session.model.screen)")
            return
        }
        #expect(picker.slot == .secondPerson)

        session.press([.escape, .character("s")])
        #expect(service.storeCalls.first?.targets == [FilingTarget(personId: 1)])
    }

    @Test func secondPersonSameAsPersonBySearch() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.searchResults["schmidt"] = [Fixtures.anna]
        var session = Fixtures.startedSession(service)

        session.press(.character("2"))
        session.type("schmidt")
        session.press([.enter, .enter])

        #expect(session.model.status?.isError == true)
        #expect(session.model.secondPerson == nil)
        #expect(!service.calls.contains(.cases(Cases.Params(personId: 1))))
    }

    @Test func personFromSecondClearsSecond() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.casesByPerson[2] = [Self.bensCase]
        var session = Self.sessionWithBenSecond(service)
        session.press([.character("F"), .character("1")])
        let casesCalls = service.calls.filter { if case .cases = $0 { true } else { false } }.count

        session.press(.character("c"))
        session.type("okafor")
        session.press([.enter, .character("1")])

        #expect(session.model.person?.person == Fixtures.ben)
        #expect(session.model.person?.fileUnder == Self.bensCase)
        #expect(session.model.secondPerson == nil)
        #expect(
            session.model.status
                == .info("Ben Okafor is now the person instead of the second person, so there is no second person.")
        )
        #expect(service.calls.filter { if case .cases = $0 { true } else { false } }.count == casesCalls)

        session.press(.character("s"))
        let store = try #require(service.storeCalls.first)
        #expect(store.targets == [FilingTarget(personId: 2, caseId: 20)])
    }

    @Test func addCaseForSecondPerson() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.sickLeaveType]
        var session = Self.sessionWithBenSecond(service)

        session.press(.character("A"))
        #expect(session.screenText.contains("Add a case for Ben Okafor (E-2001): pick a case type"))
        session.press(.character("1"))
        #expect(session.screenText.contains("Add a case of type Sick leave for Ben Okafor (E-2001)"))
        session.press(.enter)

        let expected = AddCase.Params(personId: 2, caseTypeId: 5, title: "Sick leave 2026-12-01", startDate: "2026-12-01")
        #expect(service.calls.last == .addCase(expected))
        #expect(session.model.secondPerson?.fileUnder?.id == 900)
        #expect(session.model.person?.fileUnder == nil)
        #expect(session.model.summary.last == "hrbox: started case \"Sick leave 2026-12-01\" for Ben Okafor (E-2001) with 0 to-dos")
        #expect(session.screenText.contains("Started case \"Sick leave 2026-12-01\" (Sick leave) for Ben Okafor (E-2001)"))

        session.press([.enter, .character("s")])
        let store = try #require(service.storeCalls.first)
        #expect(store.targets == [FilingTarget(personId: 1), FilingTarget(personId: 2, caseId: 900)])
    }

    @Test func addCaseForSecondNeedsSecond() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press(.character("A"))

        #expect(session.model.status == .error("There is no second person to start a case for. Press 2 to pick one."))
        #expect(!service.calls.contains(.caseTypes))
    }

    @Test func secondFileUnderOffersCase() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.sickLeaveType]
        var session = Self.sessionWithBenSecond(service)

        session.press(.character("F"))
        #expect(session.screenText.contains("Ben Okafor has no open case. Press a to add one."))

        session.press(.character("a"))
        #expect(session.model.screen == .caseTypePicker(CaseTypePicker(slot: .secondPerson, caseTypes: [Fixtures.sickLeaveType])))
    }

    @Test func mainKeysListSecondsCase() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        let withoutSecond = Fixtures.startedSession(service)
        let withSecond = Self.sessionWithBenSecond(FakeBoxService(lookup: Fixtures.lookupFromAnna()))

        #expect(!withoutSecond.model.mainScreenKeys().contains(KeyHint("A", "second's case")))
        #expect(withSecond.model.mainScreenKeys().contains(KeyHint("A", "second's case")))
    }
}
