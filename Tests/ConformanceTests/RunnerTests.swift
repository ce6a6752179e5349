import Testing

@testable import HRBoxConformance

/// The runner against small shell servers whose output is known, so that each check can fail.
@Suite("ConformanceRunner")
struct RunnerTests {
    private let shutdownReply = #"{"jsonrpc":"2.0","id":1,"result":null}"#

    private func testCase(frames: [JSONPattern], exitStatus: Int32 = 0) -> ConformanceCase {
        ConformanceCase(
            name: "runner", rule: "#frames", input: [.raw(Array("input\n".utf8))], expectedFrames: frames,
            expectedExitStatus: exitStatus)
    }

    private func run(_ script: String, _ testCase: ConformanceCase) -> CaseOutcome {
        ConformanceRunner(command: ["/bin/sh", "-c", script], timeout: 10).run(testCase)
    }

    private func reply(_ body: String) -> String {
        "printf 'Content-Length: \(body.utf8.count)\\r\\n\\r\\n%s' '\(body)'"
    }

    @Test func matchingServerPasses() {
        let expected = JSONPattern.exact(["jsonrpc": "2.0", "id": 1, "result": nil])
        #expect(run("cat >/dev/null; " + reply(shutdownReply), testCase(frames: [expected])) == .passed)
    }

    @Test func strayOutputFails() {
        let expected = JSONPattern.exact(["jsonrpc": "2.0", "id": 1, "result": nil])
        let outcome = run("cat >/dev/null; echo ready; " + reply(shutdownReply), testCase(frames: [expected]))
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("not frames only"))
    }

    @Test func differentFrameFails() throws {
        let expected = try JSONPattern(parsing: ["jsonrpc": "2.0", "id": "1", "result": nil])
        let outcome = run("cat >/dev/null; " + reply(shutdownReply), testCase(frames: [expected]))
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("frame 1 differs at id"))
    }

    @Test func wrongExitStatusFails() {
        let outcome = run("cat >/dev/null; exit 3", testCase(frames: [], exitStatus: 0))
        #expect(outcome == .failed(reason: "expected exit status 0, found 3\nexpected frames:\nreceived frames:"))
    }

    @Test func serverThatNeverEndsTimesOut() {
        var slow = testCase(frames: [])
        slow.closesInput = false
        let outcome = ConformanceRunner(command: ["/bin/sh", "-c", "cat >/dev/null"], timeout: 0.5).run(slow)
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("did not close its output and exit within 0.5 s"))
    }

    @Test func temporaryFolderIsSubstituted() {
        let script = "cat >/dev/null; test -d \"$0\" && case \"$0\" in */hrbox-conformance-*) exit 0;; esac; exit 4"
        let outcome = ConformanceRunner(command: ["/bin/sh", "-c", script, "{tmp}"], timeout: 10).run(testCase(frames: []))
        #expect(outcome == .passed)
    }

    @Test func nativeCaseWithoutCommandIsSkipped() {
        var native = testCase(frames: [])
        native.transport = .native
        #expect(run("exit 0", native) == .skipped(reason: "no command for the native transport was given"))
    }
}
