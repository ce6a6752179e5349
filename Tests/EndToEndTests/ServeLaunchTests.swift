import Foundation
import HRBoxServer
@testable import hrbox
import Testing

@Suite struct ServeLaunchTests {
    /// The store reaches the child `hrbox serve` through HRBOX_STORE, so a password in its URI stays
    /// out of the process list.
    @Test func storeGoesThroughEnvironment() throws {
        let uri = "postgresql://hr:S3cret@/hrbox?host=/run/postgresql"
        var arguments = Arguments(["--store", uri, "--config", "/etc/hrbox/config"], commandName: "box")
        let locations = try Locations(parsing: &arguments)

        let environment = locations.serveEnvironment(inheriting: ["HOME": "/home/anna", "HRBOX_STORE": "/old.sqlite"])

        #expect(locations.serveArguments == ["--config", "/etc/hrbox/config"])
        #expect(!locations.serveArguments.joined().contains("S3cret"))
        #expect(environment["HRBOX_STORE"] == uri)
        #expect(environment["HOME"] == "/home/anna")
    }

    /// Without --store the child finds the default location itself, so that it may create the store there.
    @Test func defaultStoreStaysUnnamed() throws {
        var arguments = Arguments(["--config", "/etc/hrbox/config"], commandName: "box")
        let locations = try Locations(parsing: &arguments)

        let environment = locations.serveEnvironment(inheriting: ["HOME": "/home/anna"])

        #expect(ProcessInfo.processInfo.environment["HRBOX_STORE", default: ""].isEmpty == !locations.isStoreNamed)
        #expect(locations.isStoreNamed || environment["HRBOX_STORE"] == nil)
        #expect(locations.isStoreNamed || locations.missingStore == .create)
    }
}
