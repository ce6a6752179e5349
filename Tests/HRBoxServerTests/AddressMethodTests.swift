import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite struct AddressMethodTests {
    @Test func addThenLookUp() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")

        let result = try harness.call(AddAddress.self, AddAddress.Params(personId: lena.id, address: "lena@novak.example"))

        #expect(result.added)
        #expect(result.person.addresses == ["lena.novak@example.org", "lena@novak.example"])
        #expect(try harness.person("LENA@novak.example").id == lena.id)
        let event = try #require(try harness.store.auditEvents(personId: lena.id, limit: 1).first)
        #expect(event.action == .addressAdded)
        #expect(event.details["address"] == "lena@novak.example")
        #expect(event.client == "tests")
        #expect(event.colleague == "mkeller")
    }

    @Test func auditRecordsStoredAddress() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")

        let result = try harness.call(AddAddress.self, AddAddress.Params(personId: lena.id, address: "  lena@novak.example\n"))

        #expect(result.person.addresses.last == "lena@novak.example")
        let event = try #require(try harness.store.auditEvents(personId: lena.id, limit: 1).first)
        #expect(event.details["address"] == "lena@novak.example")
    }

    @Test func addRejectsAllButAddrSpec() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")
        let longLocalPart = String(repeating: "l", count: 65) + "@novak.example"
        let longAddress = "lena@" + String(repeating: "n", count: 60) + "." + String(repeating: "o", count: 60) + "."
            + String(repeating: "v", count: 60) + "." + String(repeating: "a", count: 60) + ".example"
        let invalid = [
            "Lena Novak <lena@novak.example>", "<lena@novak.example>", "lena@novak..example", "lena@.novak.example",
            "lena@novak.example.", longLocalPart, longAddress,
        ]

        for address in invalid {
            let error = try harness.failure(AddAddress.self, AddAddress.Params(personId: lena.id, address: address))
            #expect(error.code == ResponseError.Code.invalidParams, "\(address)")
            #expect(error.message.hasPrefix("Invalid params: address: "), "\(address): \(error.message)")
        }
        #expect(try harness.store.person(id: lena.id)?.addresses == ["lena.novak@example.org"])
        #expect(try harness.call(AddAddress.self, AddAddress.Params(
            personId: lena.id, address: String(repeating: "l", count: 64) + "@novak.example")).added)
    }

    @Test func takenAddressNamesOwner() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let eventsBefore = try harness.store.auditEvents(personId: nil, limit: 100)

        let error = try harness.failure(
            AddAddress.self, AddAddress.Params(personId: lena.id, address: "Tobias.Brandt@northwind.example"))

        #expect(error.code == HRBoxErrorCode.addressTaken)
        #expect(error.message.contains("Tobias Brandt"))
        #expect(error.data?["personId"] == JSONValue(Int(tobias.id)))
        #expect(try harness.store.auditEvents(personId: nil, limit: 100) == eventsBefore)
    }

    @Test func removeMainPromotesNext() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let daniel = try harness.person("daniel.fischer@northwind.example")

        let result = try harness.call(
            RemoveAddress.self, RemoveAddress.Params(personId: daniel.id, address: "daniel.fischer@northwind.example"))

        #expect(result.person.addresses == ["d.fischer@example.net"])
        #expect(try harness.store.auditEvents(personId: daniel.id, limit: 1).first?.action == .addressRemoved)
    }

    @Test func removeUnknownAddressRejected() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")

        let error = try harness.failure(
            RemoveAddress.self, RemoveAddress.Params(personId: lena.id, address: "tobias.brandt@northwind.example"))
        let invalid = try harness.failure(RemoveAddress.self, RemoveAddress.Params(personId: lena.id, address: "lena"))

        #expect(error.code == HRBoxErrorCode.addressNotFound)
        #expect(error.data?["personId"] == JSONValue(Int(lena.id)))
        #expect(invalid.code == -32602)
    }
}
