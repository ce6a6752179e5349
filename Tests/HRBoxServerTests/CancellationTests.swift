import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Synchronization
import Testing

/// A request context whose client cancels once the handler reports a progress message that starts
/// with `cancelAt`, or from the start when `cancelAt` is empty. It records every progress value.
final class CancellingClient: Sendable {
    let cancelAt: String
    private let cancelled: Mutex<Bool>
    private let values = Mutex<[JSONValue]>([])

    init(cancelAt: String) {
        self.cancelAt = cancelAt
        cancelled = Mutex(cancelAt.isEmpty)
    }

    var progressValues: [JSONValue] { values.withLock { $0 } }

    func context(for method: String) -> RequestContext {
        RequestContext(
            id: RequestID(1),
            method: method,
            workDoneToken: "progress-1",
            isCancelled: { self.cancelled.withLock { $0 } },
            sendNotification: { _, params in
                let value = params["value"] ?? .null
                self.values.withLock { $0.append(value) }
                let text = value["message"]?.stringValue ?? ""
                if !self.cancelAt.isEmpty, text.hasPrefix(self.cancelAt) {
                    self.cancelled.withLock { $0 = true }
                }
            })
    }
}

@Suite struct CancellationTests {
    private func prepare() throws -> (ServerHarness, [FilingTarget], String) {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let daniel = try harness.person("daniel.fischer@northwind.example")
        let text = TestMail.message(from: "tobias.brandt@northwind.example", cc: ["daniel.fischer@northwind.example"])
        return (harness, [FilingTarget(personId: tobias.id), FilingTarget(personId: daniel.id)], text)
    }

    /// Files the message for the targets with the client's context, and returns the error.
    private func cancelledStore(
        _ harness: ServerHarness, _ text: String, _ targets: [FilingTarget], client: CancellingClient
    ) throws -> ResponseError {
        try harness.server.failure(
            StoreMessage.self, StoreMessage.Params(message: .inline(text), targets: targets),
            context: client.context(for: StoreMessage.name))
    }

    @Test func storeCancelledBeforeCommitStoresNothing() throws {
        let (harness, targets, text) = try prepare()
        let client = CancellingClient(cancelAt: "Filing for person 2 of 2")

        let error = try cancelledStore(harness, text, targets, client: client)

        #expect(error.code == -32800)
        #expect(try !harness.hasStoredMessages())
        #expect(try harness.store.filings(sha256: SHA256.hex(Array(text.utf8))).isEmpty)
    }

    @Test func storeCancelledBetweenTargetsStoresNothing() throws {
        let (harness, targets, text) = try prepare()
        let client = CancellingClient(cancelAt: "Filing for person 1 of 2")

        let error = try cancelledStore(harness, text, targets, client: client)

        #expect(error.code == -32800)
        #expect(try !harness.hasStoredMessages())
        let messages = client.progressValues.compactMap { $0["message"]?.stringValue }
        #expect(!messages.contains("Filing for person 2 of 2"))
    }

    @Test func storeCancelledBeforeStartStoresNothing() throws {
        let (harness, targets, text) = try prepare()
        let client = CancellingClient(cancelAt: "")

        let error = try cancelledStore(harness, text, targets, client: client)

        #expect(error.code == -32800)
        #expect(try !harness.hasStoredMessages())
    }

    @Test func storeCancelledAfterCommitAnswers() throws {
        let (harness, targets, text) = try prepare()
        let client = CancellingClient(cancelAt: "Filed")

        let result = try harness.server.call(
            StoreMessage.self, StoreMessage.Params(message: .inline(text), targets: targets),
            context: client.context(for: StoreMessage.name))

        #expect(result.filings.map(\.alreadyFiled) == [false, false])
        #expect(try harness.hasStoredMessages())
    }

    @Test func storeAfterCancelledStoreWorks() throws {
        let (harness, targets, text) = try prepare()
        let client = CancellingClient(cancelAt: "Filing for person 2 of 2")
        _ = try cancelledStore(harness, text, targets, client: client)

        let result = try harness.file(text, for: targets)
        #expect(result.filings.map(\.alreadyFiled) == [false, false])
    }

    @Test func lookupCancelledWhileFindingPeople() throws {
        let (harness, _, text) = try prepare()
        let client = CancellingClient(cancelAt: "Finding people")

        let error = try harness.server.failure(
            Lookup.self, Lookup.Params(message: .inline(text)), context: client.context(for: Lookup.name))

        #expect(error.code == -32800)
        let messages = client.progressValues.compactMap { $0["message"]?.stringValue }
        #expect(!messages.contains("Reading cases and filings"))
    }
}
