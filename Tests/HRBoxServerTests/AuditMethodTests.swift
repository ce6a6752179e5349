import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite struct AuditMethodTests {
    @Test func auditListsNewestFirst() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        try harness.file(TestMail.message(from: "tobias.brandt@northwind.example"), for: [FilingTarget(personId: tobias.id)])
        let added = try harness.call(AddPerson.self, NewPerson(firstName: "Eva", lastName: "Lang", addresses: [], status: .applicant))

        let all = try harness.call(Audit.self, Audit.Params(limit: 2)).events
        let tobiasOnly = try harness.call(Audit.self, Audit.Params(personId: tobias.id, limit: 10)).events

        #expect(all.map(\.action) == [.personAdded, .filed])
        #expect(all.first?.personId == added.person.id)
        #expect(tobiasOnly.map(\.action) == [.filed, .personAdded])
        #expect(try harness.failure(Audit.self, Audit.Params(limit: 0)).code == -32602)
    }
}
