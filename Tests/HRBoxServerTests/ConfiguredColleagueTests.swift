import Foundation
import HRBoxProtocol
import HRBoxServer
import JSONRPC
import Testing

/// A configuration that names a colleague the store does not have.
@Suite struct ConfiguredColleagueTests {
    private static let configurationPath = "/home/mara/.config/hrbox/config"

    private func serverForGhost(_ harness: ServerHarness) -> HRBoxServer {
        ServerHarness.makeServer(
            storePath: harness.storePath,
            clock: harness.clock,
            configuration: UserConfiguration(
                colleague: "ghost", addresses: [ServerHarness.ownAddress], path: Self.configurationPath))
    }

    @Test func filingNamesConfigurationFile() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let person = try harness.person("tobias.brandt@northwind.example")
        let server = serverForGhost(harness)
        let message = MessageSource.inline(TestMail.message(from: "tobias.brandt@northwind.example"))

        let error = try server.failure(
            StoreMessage.self, StoreMessage.Params(message: message, targets: [FilingTarget(personId: person.id)]))

        #expect(error.code == HRBoxErrorCode.colleagueNotFound)
        #expect(error.message.contains(Self.configurationPath))
        #expect(error.message.contains("\"ghost\""))
        #expect(error.data?["colleague"] == "ghost")
        #expect(try !harness.hasStoredMessages())
    }

    @Test func casesAndTodosRejected() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let person = try harness.person("tobias.brandt@northwind.example")
        let caseType = try harness.caseType("Sick leave")
        let server = serverForGhost(harness)

        let caseError = try server.failure(AddCase.self, AddCase.Params(personId: person.id, caseTypeId: caseType.id))
        let todoError = try server.failure(
            AddTodo.self, AddTodo.Params(title: "Call back", assignee: "pweiss", personId: person.id))

        #expect(caseError.code == HRBoxErrorCode.colleagueNotFound)
        #expect(todoError.code == HRBoxErrorCode.colleagueNotFound)
        #expect(try harness.store.cases(personId: person.id, includeClosed: true).isEmpty)
        #expect(try harness.store.todos(personId: person.id, openOnly: false).isEmpty)
    }

    @Test func everyChangeRejected() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let filed = try harness.file(
            TestMail.message(from: "tobias.brandt@northwind.example"), for: [FilingTarget(personId: tobias.id)])
        let eventsBefore = try harness.store.auditEvents(personId: nil, limit: 100)
        let server = serverForGhost(harness)

        let errors = [
            try server.failure(Unfile.self, Unfile.Params(messageRef: filed.messageRef, personId: tobias.id)),
            try server.failure(Move.self, Move.Params(
                messageRef: filed.messageRef, from: FilingTarget(personId: tobias.id), to: FilingTarget(personId: lena.id))),
            try server.failure(AddAddress.self, AddAddress.Params(personId: tobias.id, address: "t.brandt@example.net")),
            try server.failure(
                RemoveAddress.self, RemoveAddress.Params(personId: tobias.id, address: "tobias.brandt@northwind.example")),
            try server.failure(AddPerson.self, NewPerson(
                firstName: "Jonas", lastName: "Ek", addresses: ["jonas.ek@example.org"], status: .applicant)),
        ]

        for error in errors {
            #expect(error.code == HRBoxErrorCode.colleagueNotFound)
        }
        #expect(try harness.person("tobias.brandt@northwind.example") == tobias)
        #expect(try harness.store.personnelFile(personId: tobias.id)?.messages.count == 1)
        #expect(try harness.store.person(ownerOf: "jonas.ek@example.org") == nil)
        #expect(try harness.store.auditEvents(personId: nil, limit: 100) == eventsBefore)
    }

    @Test func readingStillWorks() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let server = serverForGhost(harness)
        let message = MessageSource.inline(TestMail.message(from: "tobias.brandt@northwind.example"))

        let lookup = try server.call(Lookup.self, Lookup.Params(message: message))

        #expect(lookup.defaultPerson?.lastName == "Brandt")
    }
}
