import Foundation
import HRBoxServer
import Testing

@Suite struct UserConfigurationTests {
    @Test func readsColleagueAndAddresses() throws {
        let text = """
            # The HR user
            colleague = mkeller

            address = hr@northwind.example
            Address =  Mara Keller <mara.keller@northwind.example>
            """

        let configuration = try UserConfiguration.parse(text, path: "config")

        #expect(configuration.colleague == "mkeller")
        #expect(configuration.addresses == ["hr@northwind.example", "mara.keller@northwind.example"])
        #expect(configuration.path == "config")
    }

    @Test func secondColleagueLineRejected() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try UserConfiguration.parse("colleague = mkeller\ncolleague = pweiss\n", path: "config")
        }

        #expect(error.line == 2)
        #expect(error.description == "config:2: colleague: given on line 1 already; keep one colleague line")
    }

    @Test func badLinesNamed() throws {
        let cases: [(text: String, expected: String)] = [
            ("colleague mkeller", "config:1: expected a line of the form key = value"),
            ("colleague =", "config:1: colleague: the value is empty"),
            ("# fine\naddress = hr.northwind.example", "config:2: address: \"hr.northwind.example\" is not an email address (expected name@domain)"),
            ("store = /tmp/x.sqlite", "config:1: unknown key \"store\" (known keys: colleague, address)"),
        ]
        for (text, expected) in cases {
            let error = try #require(throws: ConfigurationError.self) {
                try UserConfiguration.parse(text, path: "config")
            }
            #expect(error.description == expected)
        }
    }

    @Test func missingFileDependsOnWhoNamedIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-no-\(UUID().uuidString)").path

        #expect(try UserConfiguration.load(path: path) == UserConfiguration(path: path))
        let error = try #require(throws: ConfigurationError.self) {
            try UserConfiguration.load(path: path, mustExist: true)
        }
        #expect(error.description.hasPrefix("\(path) does not exist"))
    }

    @Test func deviceFileReadAsEmpty() throws {
        let configuration = try UserConfiguration.load(path: "/dev/null", mustExist: true)

        #expect(configuration == UserConfiguration(path: "/dev/null"))
    }

    @Test func folderNamedAsUnreadable() throws {
        let path = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: ConfigurationError.self) {
            try UserConfiguration.load(path: path, mustExist: true)
        }
        #expect(error.description.hasPrefix("\(path) cannot be read"))
    }
}
