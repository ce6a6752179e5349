import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Testing

@Suite struct ProgressTests {
    @Test func storeReportsEachTarget() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let daniel = try harness.person("daniel.fischer@northwind.example")
        let text = TestMail.message(
            from: "tobias.brandt@northwind.example", cc: ["daniel.fischer@northwind.example"], subject: "Sick note")
        let client = CancellingClient(cancelAt: "never sent")

        _ = try harness.server.call(
            StoreMessage.self,
            StoreMessage.Params(
                message: .inline(text), targets: [FilingTarget(personId: tobias.id), FilingTarget(personId: daniel.id)]),
            context: client.context(for: StoreMessage.name))

        #expect(
            client.progressValues == [
                [
                    "kind": "begin", "title": "Filing a message", "cancellable": true, "message": "Reading the message",
                    "percentage": 0,
                ],
                ["kind": "report", "message": "Filing for person 1 of 2", "percentage": 10],
                ["kind": "report", "message": "Filing for person 2 of 2", "percentage": 50],
                ["kind": "report", "message": "Filed", "percentage": 100],
            ])
    }

    @Test func lookupReportsSteps() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let text = TestMail.message(from: "tobias.brandt@northwind.example", subject: "Sick note")
        let client = CancellingClient(cancelAt: "never sent")

        _ = try harness.server.call(
            Lookup.self, Lookup.Params(message: .inline(text)), context: client.context(for: Lookup.name))

        #expect(client.progressValues.map { $0["message"] } == [
            "Reading the message", "Finding people for 2 addresses", "Reading cases and filings",
        ])
        #expect(client.progressValues.map { $0["percentage"] } == [0, 20, 80])
    }

    @Test func progressHasNoPersonalData() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let text = TestMail.message(from: "tobias.brandt@northwind.example", subject: "Sick note")
        let client = CancellingClient(cancelAt: "never sent")

        _ = try harness.server.call(
            Lookup.self, Lookup.Params(message: .inline(text)), context: client.context(for: Lookup.name))
        _ = try harness.server.call(
            StoreMessage.self, StoreMessage.Params(message: .inline(text), targets: [FilingTarget(personId: tobias.id)]),
            context: client.context(for: StoreMessage.name))

        let written = try client.progressValues.map { try $0.serializedText() }.joined(separator: "\n")
        for personal in ["tobias", "Tobias", "Brandt", "@", "Sick note", "northwind"] {
            #expect(!written.contains(personal), "progress contains \(personal)")
        }
    }
}
