import HRBoxProtocol
import Testing

@testable import HRBoxTerminal

@Suite("Choosing and adding people")
struct BoxPersonTests {
    @Test func changePersonBySearch() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        let bensCase = Case(
            id: 20, personId: 2, caseTypeId: 6, caseType: "Onboarding", title: "Onboarding 2026", status: .open,
            startDate: "2026-10-01"
        )
        service.searchResults["okafor"] = [Fixtures.ben]
        service.casesByPerson[2] = [bensCase]
        var session = Fixtures.startedSession(service)

        session.press(.character("c"))
        session.type("okafor")
        session.press(.enter)
        #expect(service.calls.last == .searchPeople(SearchPeople.Params(query: "okafor")))
        #expect(session.screenText.contains("1 person matches \"okafor\""))

        session.press(.character("1"))
        #expect(session.model.person?.person == Fixtures.ben)
        #expect(session.model.person?.openCases == [bensCase])
        #expect(session.model.person?.fileUnder == nil)

        session.press(.character("s"))
        let store = try #require(service.storeCalls.first)
        #expect(store.targets == [FilingTarget(personId: 2)])
        #expect(session.model.summary == ["hrbox: stored for Ben Okafor (E-2001)"])
    }

    @Test func pickerListsParticipantsFirst() {
        var lookup = Fixtures.lookupFromAnna()
        lookup.participants.append(
            Participant(role: .cc, name: "Ben", address: "ben.okafor@example.org", isOwnAddress: false, person: Fixtures.ben)
        )
        lookup.participants.append(
            Participant(role: .bcc, name: nil, address: "ANNA.SCHMIDT@example.com", isOwnAddress: false, person: Fixtures.anna)
        )
        let service = FakeBoxService(lookup: lookup)
        service.casesByPerson[2] = []
        var session = Fixtures.startedSession(service)

        session.press(.character("c"))

        guard case .personPicker(let picker) = session.model.screen else {
            Issue.record("expected the person picker, got \(session.model.screen)")
            return
        }
        #expect(picker.people == [Fixtures.anna, Fixtures.ben])
        #expect(session.screenText.contains("People among the participants:"))

        session.press(.character("2"))
        #expect(session.model.person?.person == Fixtures.ben)
        #expect(!service.calls.contains { if case .searchPeople = $0 { true } else { false } })
    }

    @Test func digitsTypedAfterLetters() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.searchResults["E-2001"] = [Fixtures.ben]
        var session = Fixtures.startedSession(service)

        session.press(.character("c"))
        session.type("E-2001")
        session.press(.enter)

        #expect(service.calls.last == .searchPeople(SearchPeople.Params(query: "E-2001")))
    }

    @Test func searchWithoutMatchSaysSo() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press(.character("c"))
        session.type("nobody")
        session.press(.enter)

        #expect(session.model.status?.text.hasPrefix("No person matches \"nobody\".") == true)
        #expect(session.model.person?.person == Fixtures.anna)
    }

    @Test func pickingDefaultPersonKeepsItsCases() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        var session = Fixtures.startedSession(service)

        session.press([.character("c"), .character("1")])

        #expect(session.model.person?.openCases == [Fixtures.sickLeave])
        #expect(!service.calls.contains(.cases(Cases.Params(personId: 1))))
    }

    @Test func noPersonOffersSearchAndNew() {
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromUnknownSender()))

        let screen = session.screenText
        #expect(screen.contains("No person found for this message."))
        #expect(screen.contains("Press c to search for a person or n to add a new person."))
    }

    @Test func newPersonPrefilledFromUnknownSender() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        var session = Fixtures.startedSession(service)

        session.press(.character("n"))
        guard case .newPerson(let form) = session.model.screen else {
            Issue.record("expected the new person form, got \(session.model.screen)")
            return
        }
        #expect(form.firstName.text == "Lena")
        #expect(form.lastName.text == "Vogt")
        #expect(form.address.text == "lena.vogt@example.de")

        session.press([.tab, .tab, .tab])
        session.type("A-7")
        session.press([.tab, .right, .enter])

        let expected = NewPerson(
            firstName: "Lena", lastName: "Vogt", addresses: ["lena.vogt@example.de"], employeeNumber: "A-7",
            status: .employee
        )
        #expect(service.calls.last == .addPerson(expected))
        #expect(session.model.person?.person.fullName == "Lena Vogt")
        #expect(session.model.lookup?.participants.first?.person?.id == 500)
        #expect(session.model.summary == ["hrbox: added Lena Vogt (A-7) as employee"])

        session.press(.character("s"))
        #expect(service.storeCalls.first?.targets == [FilingTarget(personId: 500)])
    }

    @Test func newPersonFromSentMailUsesRecipient() {
        let lookup = Lookup.Result(
            summary: Fixtures.summary(direction: .sent),
            participants: [
                Participant(role: .from, name: "HR", address: "hr@example.com", isOwnAddress: true, person: nil),
                Participant(role: .to, name: "Anna Schmidt", address: "anna.schmidt@example.com", isOwnAddress: false, person: Fixtures.anna),
                Participant(role: .to, name: "Vogt, Lena", address: "lena.vogt@example.de", isOwnAddress: false, person: nil),
            ],
            defaultPerson: Fixtures.anna,
            cases: [],
            filings: []
        )
        var session = Fixtures.startedSession(FakeBoxService(lookup: lookup))

        session.press(.character("n"))

        guard case .newPerson(let form) = session.model.screen else {
            Issue.record("expected the new person form, got \(session.model.screen)")
            return
        }
        #expect(form.address.text == "lena.vogt@example.de")
        #expect(form.firstName.text == "Lena")
        #expect(form.lastName.text == "Vogt")
    }

    @Test func newPersonTypesAccentsAndCJK() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        var session = Fixtures.startedSession(service)

        session.press([.character("n"), .control("u")])
        session.type("Zoë 晓明")
        session.press([.tab, .control("u")])
        session.type("陈")
        session.press([.backspace])
        session.type("Müller")
        session.press(.enter)

        let params = try #require(service.addPersonCalls.last)
        #expect(params.firstName == "Zoë 晓明")
        #expect(params.lastName == "Müller")
    }

    @Test func newPersonNeedsName() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        var session = Fixtures.startedSession(service)

        session.press([.character("n"), .control("u"), .tab, .control("u"), .enter])

        #expect(session.model.status == .error("Type a first or last name for the new person."))
        #expect(service.addPersonCalls.isEmpty)
    }

    @Test func takenAddressOffersOwner() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        let problem = "The address lena.vogt@example.de belongs to Anna Schmidt (E-1042). Pick that person or use another address."
        service.errors["addPerson"] = BoxServiceError(code: HRBoxErrorCode.addressTaken, message: problem)
        var annaWithAddress = Fixtures.anna
        annaWithAddress.addresses.append("Lena.Vogt@example.de")
        service.searchResults["lena.vogt@example.de"] = [Fixtures.ben, annaWithAddress]
        var session = Fixtures.startedSession(service)

        session.press([.character("n"), .enter])

        #expect(session.model.status == .error(problem))
        #expect(service.calls.last == .searchPeople(SearchPeople.Params(query: "lena.vogt@example.de")))
        #expect(session.screenText.contains("Press Enter to pick Anna Schmidt (E-1042) instead"))

        session.press(.enter)
        #expect(session.model.person?.person == annaWithAddress)
        #expect(session.model.screen == .main)
    }

    @Test func takenAddressEscapeEditsForm() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        service.errors["addPerson"] = BoxServiceError(code: HRBoxErrorCode.addressTaken, message: "Taken.")
        var owner = Fixtures.anna
        owner.addresses = ["lena.vogt@example.de"]
        service.searchResults["lena.vogt@example.de"] = [owner]
        var session = Fixtures.startedSession(service)

        session.press([.character("n"), .enter, .escape])

        guard case .newPerson(let form) = session.model.screen else {
            Issue.record("expected the new person form, got \(session.model.screen)")
            return
        }
        #expect(form.conflictOwner == nil)
        #expect(session.model.person == nil)
    }
}
