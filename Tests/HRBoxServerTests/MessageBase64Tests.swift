import Foundation
import Testing

@testable import HRBoxServer

/// The base64 decoder of message sources, against Foundation's encoder and RFC 4648's rules.
@Suite struct MessageBase64Tests {
    @Test(arguments: [0, 1, 2, 3, 4, 57, 58, 59, 1_000])
    func roundTripEveryPadding(count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let encoded = Data(bytes).base64EncodedString()

        #expect(MessageBase64.decode(encoded) == bytes)
    }

    @Test func whiteSpaceAnywhere() {
        let bytes = Array("From: a@example.com\r\n\r\nHello".utf8)
        let wrapped = Data(bytes).base64EncodedString(options: [.lineLength64Characters, .endLineWithCarriageReturn])

        #expect(MessageBase64.decode(wrapped) == bytes)
        #expect(MessageBase64.decode(" SGVs\tbG8=\n") == Array("Hello".utf8))
    }

    @Test(arguments: ["SGVsbG8", "SGVsbG8!", "SGVs=G8=", "SG===", "SGVsbG8=SGVs", "SGVsbG8==", "é"])
    func invalidTextRejected(text: String) {
        #expect(MessageBase64.decode(text) == nil)
    }
}
