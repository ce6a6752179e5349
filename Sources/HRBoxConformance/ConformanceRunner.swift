import Foundation
import JSONRPC

/// Runs conformance cases against a server command, one fresh process per case.
public struct ConformanceRunner: Sendable {
    /// The text in a command's arguments that the runner replaces with the case's temporary folder.
    public static let temporaryFolderPlaceholder = "{tmp}"
    /// The id of the prelude's `initialize` request, a string so that cases may use any number.
    public static let preludeID = "conformance-prelude"
    /// How long the runner waits after each piece of a case written piece by piece.
    public static let pauseBetweenPieces = Duration.milliseconds(20)

    /// The command for LSP cases: the program, then its arguments.
    public var command: [String]
    /// The command for native messaging cases; nil skips them.
    public var nativeCommand: [String]?
    /// Seconds one case may take before the runner ends the server and fails the case.
    public var timeout: Double

    public init(command: [String], nativeCommand: [String]? = nil, timeout: Double = 20) {
        self.command = command
        self.nativeCommand = nativeCommand
        self.timeout = timeout
    }

    /// Runs one case in a fresh temporary folder, which is removed afterwards.
    public func run(_ testCase: ConformanceCase) -> CaseOutcome {
        let template: [String]
        switch testCase.transport {
        case .lsp:
            template = command
        case .native:
            guard let nativeCommand else {
                return .skipped(reason: "no command for the native transport was given")
            }
            template = nativeCommand
        }

        let chunks: [[UInt8]]
        do {
            chunks = try Self.chunks(of: testCase)
        } catch {
            return .failed(reason: "the case's input cannot be written: \(error)")
        }

        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("hrbox-conformance-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return .failed(reason: "cannot create the temporary folder \(folder): \(error.localizedDescription)")
        }
        defer { Self.removeFolder(folder) }

        let arguments = template.map { $0.replacingOccurrences(of: Self.temporaryFolderPlaceholder, with: folder) }
        let run: ServerRun
        do {
            run = try ServerProcess.run(
                arguments: arguments,
                chunks: chunks,
                pause: testCase.writeMode == .pieces ? Self.pauseBetweenPieces : .zero,
                closesInput: testCase.closesInput,
                timeout: timeout)
        } catch {
            return .failed(reason: "cannot run \(arguments.joined(separator: " ")): \(error)")
        }
        return CaseCheck(testCase: testCase, timeout: timeout).outcome(of: run)
    }

    /// Returns the bytes to write, grouped into one chunk per write as the case's write mode sets.
    static func chunks(of testCase: ConformanceCase) throws(JSONWriteError) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        if testCase.startsAfterPrelude {
            for message in preludeMessages {
                pieces.append(try InputPiece.frame(message).bytes(for: testCase.transport))
            }
        }
        for piece in testCase.input {
            pieces.append(try piece.bytes(for: testCase.transport))
        }

        switch testCase.writeMode {
        case .all:
            return [pieces.flatMap { $0 }]
        case .pieces:
            return pieces
        case .bytes:
            return pieces.flatMap { $0 }.map { [$0] }
        }
    }

    /// `initialize` and `initialized`, sent before a case that starts after the prelude.
    static let preludeMessages: [JSONValue] = [
        [
            "jsonrpc": "2.0", "id": .string(preludeID), "method": "initialize",
            "params": ["clientInfo": ["name": "hrbox conformance"]],
        ],
        ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
    ]

    /// Removes a case's folder; a failure leaves a stray folder behind, which is reported on stderr.
    private static func removeFolder(_ folder: String) {
        do {
            try FileManager.default.removeItem(atPath: folder)
        } catch {
            FileHandle.standardError.write(Data("hrbox conformance: could not remove \(folder): \(error)\n".utf8))
        }
    }
}
