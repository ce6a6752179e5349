import JSONRPC

/// One case of the conformance suite: bytes to write to a server, and the frames and exit status
/// that must come back.
public struct ConformanceCase: Sendable {
    /// How the runner hands the input to the server.
    public enum WriteMode: String, Sendable, CaseIterable {
        /// Everything in as few writes as the pipe allows.
        case all
        /// One write per piece, with a short pause after each, so that a server likely reads them apart.
        case pieces
        /// One write per byte.
        case bytes
    }

    /// A name unique in the suite, which reports and test arguments show.
    public var name: String
    /// The section of `protocol/README.md` the case checks, as its anchor, such as `#framing-errors`.
    public var rule: String
    public var transport: ConformanceTransport
    /// True when the runner first sends `initialize` and `initialized` and checks only that
    /// `initialize` succeeded, so that the case need not repeat them.
    public var startsAfterPrelude: Bool
    public var input: [InputPiece]
    public var writeMode: WriteMode
    /// True when the runner closes the server's input after writing it. When false, the input stays
    /// open until the server exits by itself, as it must after `exit`.
    public var closesInput: Bool
    /// The frames the server must write, in order, after the prelude's reply. Nothing else may
    /// appear on its standard output.
    public var expectedFrames: [JSONPattern]
    public var expectedExitStatus: Int32
    /// The file the case came from, relative to the suite's folder.
    public var file: String

    public init(
        name: String,
        rule: String,
        transport: ConformanceTransport = .lsp,
        startsAfterPrelude: Bool = false,
        input: [InputPiece],
        writeMode: WriteMode = .all,
        closesInput: Bool = true,
        expectedFrames: [JSONPattern],
        expectedExitStatus: Int32,
        file: String = ""
    ) {
        self.name = name
        self.rule = rule
        self.transport = transport
        self.startsAfterPrelude = startsAfterPrelude
        self.input = input
        self.writeMode = writeMode
        self.closesInput = closesInput
        self.expectedFrames = expectedFrames
        self.expectedExitStatus = expectedExitStatus
        self.file = file
    }
}
