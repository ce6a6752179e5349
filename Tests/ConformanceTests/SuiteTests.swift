import Foundation
import HRBoxConformance
import Testing

@testable import HRBoxConformance

@Suite("the conformance suite against hrbox serve")
struct SuiteTests {
    @Test func suiteLoads() throws {
        let cases = try Suite.loaded.get()
        #expect(cases.count >= 100)
        #expect(cases.contains { $0.transport == .native })
    }

    @Test(arguments: Suite.cases(.lsp))
    func lspCase(_ suiteCase: SuiteCase) {
        let outcome = Suite.runner.run(suiteCase.testCase)
        #expect(outcome == .passed, "\(suiteCase.testCase.file), checks \(suiteCase.testCase.rule)")
    }

    @Test func invalidConfigurationCasesLoad() throws {
        let cases = try Suite.invalidConfigurationLoaded.get()
        #expect(cases.count >= 3)
    }

    @Test(arguments: Suite.invalidConfigurationCases())
    func invalidConfigurationCase(_ suiteCase: SuiteCase) {
        let outcome = Suite.invalidConfigurationRunner.run(suiteCase.testCase)
        #expect(outcome == .passed, "\(suiteCase.testCase.file), checks \(suiteCase.testCase.rule)")
    }

    // NOTE: runs only once `hrbox serve` lists --native-messaging in its usage; until then the
    // native cases are not checked here.
    @Test(.enabled(if: NativeMessaging.isSupported), arguments: Suite.cases(.native))
    func nativeCase(_ suiteCase: SuiteCase) {
        let outcome = Suite.runner.run(suiteCase.testCase)
        #expect(outcome == .passed, "\(suiteCase.testCase.file), checks \(suiteCase.testCase.rule)")
    }
}

/// Whether the built `hrbox serve` offers the native messaging transport, read from its usage text.
enum NativeMessaging {
    static let isSupported: Bool = {
        do {
            let run = try ServerProcess.run(
                arguments: [Suite.binary, "help", "serve"], chunks: [], pause: .zero, closesInput: true, timeout: 20)
            return String(decoding: run.standardOutput, as: UTF8.self).contains("--native-messaging")
        } catch {
            Issue.record("cannot run \(Suite.binary) help serve: \(error)")
            return false
        }
    }()
}
