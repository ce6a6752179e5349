import Foundation
import HRBoxProtocol
import HRBoxServer
import JSONRPC
import Testing

@Suite struct ConfigurationProblemTests {
    /// Creates a server that reads the configuration file at `path` as `hrbox serve --config` does.
    private func makeServer(configurationPath path: String, harness: ServerHarness) -> HRBoxServer {
        let clock = harness.clock
        return HRBoxServer(
            storePath: harness.storePath,
            loadingConfiguration: { () throws(ConfigurationError) in
                try UserConfiguration.load(path: path, mustExist: true)
            },
            maxMessageBytes: ServerHarness.maxMessageBytes,
            log: Logger.silent,
            clock: { clock.read() })
    }

    @Test func unknownKeyFailsEveryMethod() throws {
        let harness = try ServerHarness()
        let path = try harness.write("config", "colleague = mkeller\nstore = /tmp/x.sqlite\n")
        let server = makeServer(configurationPath: path, harness: harness)

        let initialized = try server.initialize(params: nil)
        let lookup = try server.failure(Lookup.self, Lookup.Params(message: .inline(TestMail.message(from: "a@b.example"))))
        let colleagues = try server.failure(Colleagues.self, NoParams())

        #expect(initialized["user"] == ["addresses": []])
        #expect(lookup.code == HRBoxErrorCode.configurationInvalid)
        #expect(lookup.message.contains("The configuration file \(path) is invalid on line 2"), "\(lookup.message)")
        #expect(lookup.message.contains("unknown key \"store\""), "\(lookup.message)")
        #expect(lookup.data?["path"] == .string(path))
        #expect(lookup.data?["line"] == 2)
        #expect(lookup.data?["reason"] == "unknown key \"store\" (known keys: colleague, address)")
        #expect(colleagues.code == HRBoxErrorCode.configurationInvalid)
        #expect(try server.failure(method: "hrbox/nothing", params: nil).code == ResponseError.Code.methodNotFound)
    }

    @Test func missingNamedFileSaysWhatToCheck() throws {
        let harness = try ServerHarness()
        let path = harness.directory.appendingPathComponent("typo.conf").path
        let server = makeServer(configurationPath: path, harness: harness)
        _ = try server.initialize(params: nil)

        let failure = try server.failure(SearchPeople.self, SearchPeople.Params(query: "Brandt"))

        #expect(failure.code == HRBoxErrorCode.configurationInvalid)
        #expect(failure.message.contains("\(path) does not exist"), "\(failure.message)")
        #expect(failure.message.contains("HRBOX_CONFIG"), "\(failure.message)")
        #expect(failure.data?["line"] == nil)
        #expect(failure.data?["path"] == .string(path))
    }

    @Test func correctedFileReadAgain() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let path = try harness.write("config", "colleague = mkeller\naddress = hr.northwind.example\n")
        let server = makeServer(configurationPath: path, harness: harness)
        _ = try server.initialize(params: nil)
        let before = try server.failure(Colleagues.self, NoParams())

        _ = try harness.write("config", "colleague = mkeller\naddress = hr@northwind.example\n")
        let after = try server.call(Colleagues.self, NoParams())
        let sent = TestMail.message(from: "hr@northwind.example", to: ["tobias.brandt@northwind.example"])
        let lookup = try server.call(Lookup.self, Lookup.Params(message: .inline(sent)))

        #expect(before.code == HRBoxErrorCode.configurationInvalid)
        #expect(before.data?["line"] == 2)
        #expect(after.me == "mkeller")
        #expect(lookup.summary.direction == .sent)
        #expect(lookup.defaultPerson?.employeeNumber == "NW-1042")
    }

    @Test func validFileAtStartRunsMethods() throws {
        let harness = try ServerHarness()
        let path = try harness.write("config", "colleague = mkeller\n")
        let server = makeServer(configurationPath: path, harness: harness)

        let initialized = try server.initialize(params: nil)
        let colleagues = try server.call(Colleagues.self, NoParams())

        #expect(initialized["user"]?["colleague"] == "mkeller")
        #expect(colleagues.me == "mkeller")
    }
}
