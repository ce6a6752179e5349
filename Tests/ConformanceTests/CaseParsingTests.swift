import JSONRPC
import Testing

@testable import HRBoxConformance

@Suite("case files")
struct CaseParsingTests {
    private func parse(_ text: String) throws(CaseFormatError) -> [ConformanceCase] {
        try ConformanceSuite.parse(Array(text.utf8), file: "test.json")
    }

    @Test func fullCaseParses() throws {
        let cases = try parse(
            #"""
            {"cases": [{
              "name": "one", "rule": "#frames", "transport": "native", "prelude": true,
              "input": [{"frame": {"id": 1.50}}, {"body": "x"}, {"text": "a\r\n"}, {"base64": "AAE="}],
              "write": "bytes", "closeInput": false,
              "expect": {"frames": [{"id": 1.50}], "exitStatus": 1}
            }]}
            """#)
        let only = try #require(cases.first)
        #expect(only.name == "one")
        #expect(only.transport == .native)
        #expect(only.startsAfterPrelude)
        #expect(only.writeMode == .bytes)
        #expect(!only.closesInput)
        #expect(only.expectedExitStatus == 1)
        #expect(only.input == [.frame(["id": .number("1.50")]), .body([0x78]), .raw([0x61, 0x0D, 0x0A]), .raw([0, 1])])
    }

    @Test func defaultsApply() throws {
        let only = try #require(
            try parse(##"{"name": "n", "rule": "#r", "input": [], "expect": {"frames": [], "exitStatus": 0}}"##).first)
        #expect(only.transport == .lsp)
        #expect(!only.startsAfterPrelude)
        #expect(only.writeMode == .all)
        #expect(only.closesInput)
    }

    @Test(arguments: [
        (##"{"name": "n", "rule": "#r", "input": [], "expect": {"frames": []}}"##, "expect.exitStatus"),
        (##"{"name": "n", "rule": "#r", "input": [{"raw": "x"}], "expect": {"frames": [], "exitStatus": 0}}"##, "input[0].raw"),
        (##"{"name": "n", "rule": "#r", "input": [], "speed": 1, "expect": {"frames": [], "exitStatus": 0}}"##, "speed"),
        (##"{"name": "n", "rule": "#r", "input": [], "write": "slow", "expect": {"frames": [], "exitStatus": 0}}"##, "write"),
        (##"{"name": "n", "rule": "#r", "input": [], "expect": {"frames": [{"$typo": 1}], "exitStatus": 0}}"##, "expect.frames[0].$typo"),
        (##"{"rule": "#r", "input": [], "expect": {"frames": [], "exitStatus": 0}}"##, "name"),
    ])
    func invalidCaseNamesTheMember(text: String, path: String) {
        do {
            _ = try parse(text)
            Issue.record("expected an error at \(path)")
        } catch {
            #expect(error.path == path)
        }
    }

    @Test func writeModesGroupTheInput() throws {
        var testCase = ConformanceCase(
            name: "n", rule: "#r", input: [.raw([1, 2]), .raw([3])], expectedFrames: [], expectedExitStatus: 0)
        #expect(try ConformanceRunner.chunks(of: testCase) == [[1, 2, 3]])

        testCase.writeMode = .pieces
        #expect(try ConformanceRunner.chunks(of: testCase) == [[1, 2], [3]])

        testCase.writeMode = .bytes
        #expect(try ConformanceRunner.chunks(of: testCase) == [[1], [2], [3]])
    }

    @Test func framePieceUsesTheTransport() throws {
        let piece = InputPiece.body(Array("{}".utf8))
        #expect(try piece.bytes(for: .lsp) == Array("Content-Length: 2\r\n\r\n{}".utf8))
        #expect(try piece.bytes(for: .native) == withUnsafeBytes(of: UInt32(2)) { Array($0) } + Array("{}".utf8))
    }
}
