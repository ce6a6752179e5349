import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct AddressTests {
    @Test(arguments: StoreBackend.all) func addedAfterOthersAndFound(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])

        let added = try fixture.store.addAddress(" Anna.Schmidt@Example.org ", personId: anna.id)
        let again = try fixture.store.addAddress("anna.schmidt@example.org", personId: anna.id)

        #expect(added.added)
        #expect(!again.added)
        #expect(added.person.addresses == ["anna@example.com", "Anna.Schmidt@Example.org"])
        #expect(try fixture.store.person(ownerOf: "anna.schmidt@EXAMPLE.org")?.id == anna.id)
        #expect(try fixture.store.searchPeople("schmidt@example.org", limit: 5).map(\.id) == [anna.id])
    }

    @Test(arguments: StoreBackend.all) func takenAddressNamesOwner(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        let ben = try fixture.addPerson("Ben", "Kraus")

        let error = try #require(throws: StoreError.self) {
            try fixture.store.addAddress("ANNA@example.com", personId: ben.id)
        }

        guard case .addressTaken(_, let owner) = error else {
            Issue.record("expected addressTaken, got \(error)")
            return
        }
        #expect(owner.id == anna.id)
        #expect(try fixture.store.person(id: ben.id)?.addresses == [])
    }

    @Test(arguments: StoreBackend.all) func removingMainPromotesNext(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["a@example.com", "b@example.com", "c@example.com"])

        let after = try fixture.store.removeAddress("A@example.com", personId: anna.id)
        let readAgain = try fixture.store.person(id: anna.id)

        #expect(after.addresses == ["b@example.com", "c@example.com"])
        #expect(readAgain?.addresses == ["b@example.com", "c@example.com"])
        #expect(try fixture.store.person(ownerOf: "a@example.com") == nil)
        #expect(try fixture.store.searchPeople("a@example.com", limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func lastAddressMayGo(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["jobs@example.com"])
        let ben = try fixture.addPerson("Ben", "Kraus")

        _ = try fixture.store.removeAddress("jobs@example.com", personId: anna.id)
        let moved = try fixture.store.addAddress("jobs@example.com", personId: ben.id)

        #expect(try fixture.store.person(id: anna.id)?.addresses == [])
        #expect(moved.person.addresses == ["jobs@example.com"])
    }

    @Test(arguments: StoreBackend.all) func removeErrors(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        let ben = try fixture.addPerson("Ben", "Kraus", addresses: ["ben@example.com"])

        let notHers = try #require(throws: StoreError.self) {
            try fixture.store.removeAddress("ben@example.com", personId: anna.id)
        }
        guard case .addressNotFound(_, let personId) = notHers else {
            Issue.record("expected addressNotFound, got \(notHers)")
            return
        }
        #expect(personId == anna.id)
        #expect(throws: StoreError.self) { try fixture.store.removeAddress("not an address", personId: anna.id) }
        #expect(throws: StoreError.self) { try fixture.store.addAddress("x@example.com", personId: 999) }
        #expect(try fixture.store.person(id: ben.id)?.addresses == ["ben@example.com"])
    }
}
