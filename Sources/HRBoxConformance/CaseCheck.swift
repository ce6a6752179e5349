import JSONRPC

/// Compares what a server did in one run with what its case expects.
struct CaseCheck {
    let testCase: ConformanceCase
    let timeout: Double

    func outcome(of run: ServerRun) -> CaseOutcome {
        var problems: [String] = []
        if run.timedOut {
            problems.append("the server did not close its output and exit within \(timeout) s")
        }
        if run.wroteTooMuch {
            problems.append("the server wrote more than \(ServerProcess.maxOutputBytes) bytes to standard output")
        }

        var received: [JSONValue] = []
        do {
            received = try frames(in: run.standardOutput)
        } catch {
            problems.append(error.description)
        }
        let problemCountBeforePrelude = problems.count
        received = checkPrelude(received, problems: &problems)
        let droppedPrelude = testCase.startsAfterPrelude && problems.count == problemCountBeforePrelude
        problems += frameDifferences(received)

        if !run.timedOut, run.exitStatus != testCase.expectedExitStatus {
            problems.append("expected exit status \(testCase.expectedExitStatus), found \(run.exitStatus)")
        }
        guard !problems.isEmpty else {
            return .passed
        }
        return .failed(reason: report(problems, run: run, received: received, droppedPrelude: droppedPrelude))
    }

    /// Splits the output into frames and parses each body as JSON.
    private func frames(in output: [UInt8]) throws(CheckFailure) -> [JSONValue] {
        let bodies: [[UInt8]]
        do {
            bodies = try OutputFrameSplitter.split(output, transport: testCase.transport)
        } catch {
            throw CheckFailure(description: error.description)
        }
        var values: [JSONValue] = []
        for (index, body) in bodies.enumerated() {
            do {
                values.append(try JSONValue(parsing: body))
            } catch {
                throw CheckFailure(description: "frame \(index + 1) is not a valid JSON text: \(error)")
            }
        }
        return values
    }

    /// Checks that the first frame is a successful reply to the prelude's `initialize`, and drops it.
    private func checkPrelude(_ frames: [JSONValue], problems: inout [String]) -> [JSONValue] {
        guard testCase.startsAfterPrelude else {
            return frames
        }
        guard let first = frames.first else {
            problems.append("no reply to the prelude's initialize request")
            return frames
        }
        let isSuccess =
            first["jsonrpc"] == "2.0" && first["id"] == .string(ConformanceRunner.preludeID)
            && first["result"] != nil && first["error"] == nil
        guard isSuccess else {
            problems.append("the prelude's initialize did not succeed: \(first)")
            return frames
        }
        return Array(frames.dropFirst())
    }

    private func frameDifferences(_ received: [JSONValue]) -> [String] {
        let expected = testCase.expectedFrames
        var differences: [String] = []
        for index in 0..<max(expected.count, received.count) {
            // Both are optional on purpose: `nil` written for a JSONValue would mean JSON null.
            let pattern: JSONPattern? = index < expected.count ? expected[index] : nil
            let frame: JSONValue? = index < received.count ? received[index] : Optional.none
            if let pattern, let frame {
                if let mismatch = pattern.mismatch(in: frame) {
                    differences.append("frame \(index + 1) differs at \(mismatch)")
                }
            } else if pattern != nil {
                differences.append("frame \(index + 1) is missing")
            } else {
                differences.append("frame \(index + 1) was not expected")
            }
        }
        return differences
    }

    private func report(_ problems: [String], run: ServerRun, received: [JSONValue], droppedPrelude: Bool) -> String {
        var lines = problems
        lines.append("expected frames:")
        lines += testCase.expectedFrames.map { "- \($0)" }
        lines.append("received frames\(droppedPrelude ? " after the prelude" : ""):")
        lines += received.map { "+ \($0)" }
        if run.unwrittenInputBytes > 0 {
            lines.append("the server stopped reading with \(run.unwrittenInputBytes) input bytes left")
        }
        let errorLines = run.standardErrorTail.split(separator: "\n", omittingEmptySubsequences: true).suffix(8)
        if !errorLines.isEmpty {
            lines.append("the end of its standard error:")
            lines += errorLines.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}

/// A reason the output could not be compared at all.
private struct CheckFailure: Error, CustomStringConvertible {
    let description: String
}
