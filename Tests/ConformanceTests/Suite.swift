import Foundation
import HRBoxConformance
import Testing

/// The suite's files in this repository, and the `hrbox` this test run built.
enum Suite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let casesFolder = repositoryRoot.appendingPathComponent("protocol/conformance/cases").path
    static let emptyConfiguration = repositoryRoot.appendingPathComponent("protocol/conformance/empty-config").path

    /// The built `hrbox`, which the test bundle finds beside itself.
    static let binary = Bundle.main.bundleURL.appendingPathComponent("hrbox").path

    /// Serves from the default location inside the case's folder, because `hrbox serve` creates a missing
    /// store only there, and a store named with --store would have to exist before the case starts.
    static let serveCommand = defaultStoreServe + ["--config", emptyConfiguration]

    static let defaultStoreServe = ["/usr/bin/env", "HRBOX_STORE=", "XDG_DATA_HOME={tmp}/data", binary, "serve"]

    static let loaded = Result { () throws(CaseFormatError) in try ConformanceSuite.load(folder: casesFolder) }

    static func cases(_ transport: ConformanceTransport) -> [SuiteCase] {
        // A suite that does not load yields no arguments here, and `suiteLoads` fails with the reason.
        guard case .success(let all) = loaded else {
            return []
        }
        return all.filter { $0.transport == transport }.map(SuiteCase.init)
    }

    static let runner = ConformanceRunner(command: serveCommand, nativeCommand: serveCommand + ["--native-messaging"])

    /// Cases that run against a server whose configuration file has an unknown key.
    static let invalidConfigurationFolder = repositoryRoot
        .appendingPathComponent("protocol/conformance/invalid-config-cases").path
    static let invalidConfiguration = repositoryRoot.appendingPathComponent("protocol/conformance/invalid-config").path

    static let invalidConfigurationLoaded = Result { () throws(CaseFormatError) in
        try ConformanceSuite.load(folder: invalidConfigurationFolder)
    }

    static func invalidConfigurationCases() -> [SuiteCase] {
        // As in cases(_:), a folder that does not load yields no arguments, and a test reports why.
        guard case .success(let all) = invalidConfigurationLoaded else {
            return []
        }
        return all.map(SuiteCase.init)
    }

    static let invalidConfigurationRunner = ConformanceRunner(
        command: defaultStoreServe + ["--config", invalidConfiguration],
        nativeCommand: nil)
}

/// A case as a test argument, shown by its name.
struct SuiteCase: Sendable, CustomTestStringConvertible {
    let testCase: ConformanceCase

    var testDescription: String { testCase.name }
}
