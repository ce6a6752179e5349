import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Testing

@Suite struct AddPersonTests {
    @Test func addedPersonFoundByLookup() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let newPerson = NewPerson(
            firstName: "Hina", lastName: "Sato", addresses: ["hina.sato@example.jp"], department: "Engineering",
            jobTitle: "Intern", status: .applicant)

        let person = try harness.call(AddPerson.self, newPerson).person
        let text = TestMail.message(from: "Hina.Sato@Example.JP")
        let lookup = try harness.call(Lookup.self, Lookup.Params(message: .inline(text)))

        #expect(person.fullName == "Hina Sato")
        #expect(person.addresses == ["hina.sato@example.jp"])
        #expect(person.employeeNumber == nil)
        #expect(person.department == "Engineering")
        #expect(person.jobTitle == "Intern")
        #expect(person.status == .applicant)
        #expect(try harness.store.person(id: person.id) == person)
        #expect(lookup.defaultPerson == person)
        let added = try harness.store.auditEvents(personId: person.id, limit: 1).first
        #expect(added?.action == .personAdded)
        #expect(added?.details == ["addresses": "hina.sato@example.jp"])
    }

    @Test func takenAddressNamesOwner() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let newPerson = NewPerson(
            firstName: "Tobi", lastName: "Brandt", addresses: ["tobi@example.com", "tobias.brandt@northwind.example"],
            status: .applicant)

        let error = try harness.failure(AddPerson.self, newPerson)

        #expect(error.code == HRBoxErrorCode.addressTaken)
        #expect(error.data?["personId"]?.int64Value == tobias.id)
        #expect(error.data?["personName"]?.stringValue == "Tobias Brandt")
        #expect(error.data?["address"]?.stringValue == "tobias.brandt@northwind.example")
        #expect(error.message.contains("Tobias Brandt"))
        #expect(error.message.contains("person \(tobias.id)"))
        #expect(try harness.store.person(ownerOf: "tobi@example.com") == nil)
    }

    @Test func takenAddressAnyLetterCase() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let newPerson = NewPerson(
            firstName: "Tobi", lastName: "Brandt", addresses: ["TOBIAS.Brandt@Northwind.Example"], status: .applicant)

        let error = try harness.failure(AddPerson.self, newPerson)

        #expect(error.code == HRBoxErrorCode.addressTaken)
        #expect(error.data?["personId"]?.int64Value == tobias.id)
        #expect(try harness.store.searchPeople("Tobi", limit: 10) == [tobias])
    }

    @Test func takenEmployeeNumberNamesOwner() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let newPerson = NewPerson(
            firstName: "Tom", lastName: "Berger", addresses: ["tom.berger@example.com"], employeeNumber: "NW-1042",
            status: .employee)

        let error = try harness.failure(AddPerson.self, newPerson)

        #expect(error.code == HRBoxErrorCode.employeeNumberTaken)
        #expect(error.data?["employeeNumber"]?.stringValue == "NW-1042")
        #expect(error.data?["personId"]?.int64Value == tobias.id)
        #expect(error.data?["personName"]?.stringValue == "Tobias Brandt")
        #expect(error.message.contains("Tobias Brandt"))
        #expect(try harness.store.person(ownerOf: "tom.berger@example.com") == nil)
    }

    @Test func missingNameRejected() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let newPerson = NewPerson(firstName: " ", lastName: "", addresses: ["nobody@example.com"], status: .applicant)

        let error = try harness.failure(AddPerson.self, newPerson)

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(try harness.store.person(ownerOf: "nobody@example.com") == nil)
    }
}
