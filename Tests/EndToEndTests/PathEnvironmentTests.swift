import Foundation
import HRBoxServer
import HRBoxStore
@testable import hrbox
import Testing

@Suite struct PathEnvironmentTests {
    @Test func pathEnvironmentGivesSameDefaults() {
        let whole = ProcessInfo.processInfo.environment
        let paths = Locations.pathEnvironment()

        #expect(Store.defaultPath(environment: paths) == Store.defaultPath(environment: whole))
        #expect(UserConfiguration.defaultPath(environment: paths) == UserConfiguration.defaultPath(environment: whole))
    }

    @Test func pathEnvironmentCopiesPathVariablesOnly() {
        let whole = ProcessInfo.processInfo.environment
        let paths = Locations.pathEnvironment()

        for name in Locations.pathVariables {
            #expect(paths[name] == whole[name], "\(name)")
        }
        #expect(Set(paths.keys).isSubset(of: Locations.pathVariables))
    }
}
