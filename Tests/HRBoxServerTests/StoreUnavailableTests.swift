import Foundation
import HRBoxProtocol
import HRBoxServer
import JSONRPC
import Testing

@Suite struct StoreUnavailableTests {
    @Test func parentIsFileThenFixed() throws {
        let harness = try ServerHarness()
        let blocker = try harness.write("not-a-folder", "a regular file where the store's folder should be\n")
        let server = ServerHarness.makeServer(storePath: blocker + "/hrbox.sqlite", clock: harness.clock)

        let first = try server.failure(Colleagues.self, NoParams())
        let second = try server.failure(SearchPeople.self, SearchPeople.Params(query: "Brandt"))

        #expect(first.code == HRBoxErrorCode.storeUnavailable)
        #expect(first.message.contains("--store"))
        #expect(!first.message.contains(".."), "\(first.message)")
        #expect(second.code == HRBoxErrorCode.storeUnavailable)
        #expect(try server.failure(method: "hrbox/nothing", params: nil).code == ResponseError.Code.methodNotFound)
        let unreadable = try server.failure(Lookup.self, Lookup.Params(message: .base64("%%%")))
        #expect(unreadable.code == HRBoxErrorCode.messageUnreadable)
        #expect(try server.initialize(params: nil)["serverInfo"] != nil)

        try FileManager.default.removeItem(atPath: blocker)
        let colleagues = try server.call(Colleagues.self, NoParams())

        #expect(colleagues.colleagues.isEmpty)
        #expect(colleagues.me == "mkeller")
        #expect(FileManager.default.fileExists(atPath: blocker + "/hrbox.sqlite"))
    }
}
