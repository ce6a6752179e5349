import HRBoxProtocol
import HRBoxStore
import MailReading
import Testing

@Suite struct PeopleTests {
    @Test(arguments: StoreBackend.all) func addressMatchedAnyCase(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["Anna.Schmidt@Example.com"])

        #expect(try fixture.store.person(ownerOf: "anna.schmidt@example.com") == anna)
        #expect(try fixture.store.person(ownerOf: "ANNA.SCHMIDT@EXAMPLE.COM") == anna)
        #expect(try fixture.store.person(ownerOf: "someone@example.com") == nil)
        #expect(anna.addresses == ["Anna.Schmidt@Example.com"])
    }

    @Test(arguments: StoreBackend.all) func mailboxMatchedByLookupKey(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna.schmidt@example.com"])

        let mailbox = MailAddress(name: "Anna", address: "Anna.Schmidt@EXAMPLE.com")
        #expect(try fixture.store.person(ownerOf: mailbox) == anna)
        let stranger = MailAddress(name: nil, address: "someone@example.com")
        #expect(try fixture.store.person(ownerOf: stranger) == nil)
    }

    @Test(arguments: StoreBackend.all) func addressStoredAsAddrSpec(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson(
            "Anna", "Schmidt",
            addresses: ["Anna Schmidt <anna@example.com>", "ANNA@example.com", "a.schmidt@example.org"]
        )
        #expect(anna.addresses == ["anna@example.com", "a.schmidt@example.org"])
    }

    @Test(arguments: StoreBackend.all) func addressTakenNamesOwner(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])

        let error = try #require(throws: StoreError.self) {
            try fixture.addPerson("Anne", "Other", addresses: ["ANNA@example.com"])
        }

        guard case .addressTaken(let address, let owner) = error else {
            Issue.record("expected addressTaken, got \(error)")
            return
        }
        #expect(address == "ANNA@example.com")
        #expect(owner == anna)
        #expect(error.description.contains("Anna Schmidt (person \(anna.id))"))
        #expect(!error.redactedDescription.contains("Anna"))
        #expect(try fixture.store.searchPeople("Anne", limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func employeeNumberTaken(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", employeeNumber: "1001")

        let error = try #require(throws: StoreError.self) {
            try fixture.addPerson("Ben", "Meier", employeeNumber: " 1001 ")
        }

        guard case .employeeNumberTaken(let number, let owner) = error else {
            Issue.record("expected employeeNumberTaken, got \(error)")
            return
        }
        #expect(number == "1001")
        #expect(owner == anna)
        #expect(try fixture.store.person(employeeNumber: "1001") == anna)
    }

    @Test(arguments: StoreBackend.all) func employeeNumberIgnoresLetterCase(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let tobias = try fixture.addPerson("Tobias", "Brandt", employeeNumber: "NW-1042")

        let error = try #require(throws: StoreError.self) {
            try fixture.addPerson("Tobias", "Brandt", employeeNumber: "nw-1042")
        }

        guard case .employeeNumberTaken(_, let owner) = error else {
            Issue.record("expected employeeNumberTaken, got \(error)")
            return
        }
        #expect(owner == tobias)
        #expect(try fixture.store.person(employeeNumber: "nw-1042") == tobias)
    }

    /// The folded key ignores diacritics and collapses spaces, but the unique index does neither.
    @Test(arguments: StoreBackend.all) func employeeNumberKeepsDiacritics(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let plain = try fixture.addPerson("Anna", "Schmidt", employeeNumber: "E-1042")
        let accented = try fixture.addPerson("Ben", "Meier", employeeNumber: "É-1042")
        let spaced = try fixture.addPerson("Clara", "Vogel", employeeNumber: "E  1042")
        let single = try fixture.addPerson("Dana", "Roth", employeeNumber: "E 1042")

        #expect(try fixture.store.person(employeeNumber: "e-1042") == plain)
        #expect(try fixture.store.person(employeeNumber: "É-1042") == accented)
        #expect(try fixture.store.person(employeeNumber: "E  1042") == spaced)
        #expect(try fixture.store.person(employeeNumber: "e 1042") == single)
        #expect(try fixture.store.person(employeeNumber: "E-1043") == nil)
    }

    @Test(arguments: StoreBackend.all) func invalidPersonRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)

        let noName = try #require(throws: StoreError.self) {
            try fixture.addPerson(" ", "")
        }
        let badAddress = try #require(throws: StoreError.self) {
            try fixture.addPerson("Anna", "Schmidt", addresses: ["anna.example.com"])
        }

        guard case .invalidValue(field: "name", _) = noName else {
            Issue.record("expected an invalid name, got \(noName)")
            return
        }
        guard case .invalidValue(field: "addresses[0]", let reason) = badAddress else {
            Issue.record("expected invalid addresses, got \(badAddress)")
            return
        }
        #expect(reason.contains("\"anna.example.com\""))
    }

    @Test(arguments: StoreBackend.all) func updateReplacesFields(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"], employeeNumber: "1001")

        let updated = try fixture.store.updatePerson(id: anna.id, with: NewPerson(
            firstName: "Anna", lastName: "Meier", addresses: ["anna.meier@example.com"],
            employeeNumber: "1001", department: "Sales", status: .formerEmployee
        ))

        #expect(updated.lastName == "Meier")
        #expect(updated.department == "Sales")
        #expect(updated.status == .formerEmployee)
        #expect(try fixture.store.person(ownerOf: "anna@example.com") == nil)
        #expect(try fixture.store.person(ownerOf: "anna.meier@example.com") == updated)
        #expect(try fixture.store.searchPeople("meier", limit: 5) == [updated])
    }

    @Test(arguments: StoreBackend.all) func updateMissingPerson(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let error = try #require(throws: StoreError.self) {
            try fixture.store.updatePerson(id: 42, with: NewPerson(firstName: "A", lastName: "B", addresses: [], status: .applicant))
        }

        guard case .personNotFound(42) = error else {
            Issue.record("expected personNotFound(42), got \(error)")
            return
        }
    }
}
