import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite struct SearchFiledTests {
    @Test func findsBodyWordWithFilings() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let filed = try harness.file(
            TestMail.message(from: "tobias.brandt@northwind.example", body: "My Arbeitsunfähigkeitsbescheinigung follows."),
            for: [FilingTarget(personId: tobias.id)])
        try harness.file(TestMail.message(from: "lena.novak@example.org", body: "Thanks"), for: [FilingTarget(personId: lena.id)])

        let hits = try harness.call(SearchFiled.self, SearchFiled.Params(query: "arbeitsunfahig")).hits
        let lenasHits = try harness.call(SearchFiled.self, SearchFiled.Params(query: "arbeitsunfahig", personId: lena.id)).hits

        #expect(hits.map(\.messageRef) == [filed.messageRef])
        #expect(hits.first?.filings.map(\.personId) == [tobias.id])
        #expect(hits.first?.snippet.contains("[Arbeitsunfähigkeitsbescheinigung]") == true)
        #expect(lenasHits.isEmpty)
    }

    @Test func badQueriesRejected() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let empty = try harness.failure(SearchFiled.self, SearchFiled.Params(query: " \"* "))
        let limit = try harness.failure(SearchFiled.self, SearchFiled.Params(query: "x", limit: 500))
        let person = try harness.failure(SearchFiled.self, SearchFiled.Params(query: "x", personId: 999))

        #expect(empty.code == -32602)
        #expect(empty.message.contains("query"))
        #expect(limit.code == -32602)
        #expect(person.code == HRBoxErrorCode.personNotFound)
    }
}
