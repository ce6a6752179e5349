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

    @Test func folderNamedAsStore() throws {
        let harness = try ServerHarness()
        let folder = harness.directory.appendingPathComponent("store-folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let server = ServerHarness.makeServer(storePath: folder, clock: harness.clock)

        let failure = try server.failure(Colleagues.self, NoParams())

        #expect(failure.code == HRBoxErrorCode.storeUnavailable)
        #expect(failure.message.contains("The store \(folder) is a folder"), "\(failure.message)")
        #expect(failure.message.contains("--store or HRBOX_STORE"), "\(failure.message)")
        #expect(!failure.message.contains("unable to open database file"), "\(failure.message)")
    }

    @Test func otherFileNamedAsStore() throws {
        let harness = try ServerHarness()
        let path = try harness.write("notes.txt", String(repeating: "not a database\n", count: 100))
        let server = ServerHarness.makeServer(storePath: path, clock: harness.clock)

        let failure = try server.failure(Colleagues.self, NoParams())

        #expect(failure.code == HRBoxErrorCode.storeUnavailable)
        #expect(failure.message.contains("The store \(path) is not an SQLite database"), "\(failure.message)")
        #expect(failure.data?["sqliteCode"] == 26)
    }

    @Test func unreachableServerNamedWithoutPassword() throws {
        let harness = try ServerHarness()
        // Port 1 on the loopback address: nothing listens there, so the connection is refused.
        let server = ServerHarness.makeServer(
            storePath: "postgresql://hr:secret@127.0.0.1:1/hrbox", clock: harness.clock)

        let failure = try server.failure(Colleagues.self, NoParams())

        #expect(failure.code == HRBoxErrorCode.storeUnavailable)
        #expect(failure.message.contains("postgresql://hr:***@127.0.0.1:1/hrbox"), "\(failure.message)")
        #expect(!failure.message.contains("secret"), "\(failure.message)")
        #expect(failure.message.contains("PostgreSQL server is running"), "\(failure.message)")
        #expect(!failure.message.contains("\n"), "\(failure.message)")
    }
}
