import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite struct SearchPeopleTests {
    @Test func searchByName() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")
        let daniel = try harness.person("daniel.fischer@northwind.example")

        let byLastName = try harness.call(SearchPeople.self, SearchPeople.Params(query: "novak")).people
        let byFullName = try harness.call(SearchPeople.self, SearchPeople.Params(query: "Daniel Fisch")).people

        #expect(byLastName == [lena])
        #expect(byFullName == [daniel])
    }

    @Test func searchByAddress() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let daniel = try harness.person("daniel.fischer@northwind.example")

        let people = try harness.call(SearchPeople.self, SearchPeople.Params(query: "D.Fischer@example.NET")).people

        #expect(people == [daniel])
    }

    @Test func searchByEmployeeNumber() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")

        let people = try harness.call(SearchPeople.self, SearchPeople.Params(query: " NW-1042 ")).people

        #expect(people == [tobias])
    }

    @Test func limitCutsResults() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let all = try harness.call(SearchPeople.self, SearchPeople.Params(query: "northwind")).people
        let limited = try harness.call(SearchPeople.self, SearchPeople.Params(query: "northwind", limit: 1)).people

        #expect(all.count == 2)
        #expect(limited.count == 1)
        #expect(limited.first == all.first)
    }

    @Test(arguments: [0, -1, 501])
    func limitOutOfRange(limit: Int) throws {
        let harness = try ServerHarness()

        let error = try harness.failure(SearchPeople.self, SearchPeople.Params(query: "Brandt", limit: limit))

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("limit"))
        #expect(error.message.contains("\(limit)"))
    }
}
