import Foundation

/// Splits what a server wrote to its standard output into frame bodies, strictly.
///
/// Unlike a server's own decoder, which tolerates and resynchronises, the splitter accepts only
/// what the protocol lets a server write. On the LSP transport each header line ends in CRLF, has
/// the form `Name: value`, and the header has exactly one `Content-Length`. On the native transport
/// each frame is a 32-bit length in the machine's byte order and at most 1 MiB of body. Any other
/// byte, or output that ends inside a frame, is an error.
public enum OutputFrameSplitter {
    /// Output that is not a sequence of whole frames.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The byte offset, from 0, where the output stops being frames.
        public var offset: Int
        public var reason: String

        public var description: String {
            "standard output is not frames only: at byte \(offset), \(reason)"
        }
    }

    /// Returns the bodies of the frames in `output`, in order.
    ///
    /// - Throws: ``Failure`` at the first byte that does not belong to a frame.
    public static func split(_ output: [UInt8], transport: ConformanceTransport) throws(Failure) -> [[UInt8]] {
        var bodies: [[UInt8]] = []
        var offset = 0
        while offset < output.count {
            let (body, next) =
                switch transport {
                case .lsp: try splitLSPFrame(output, at: offset)
                case .native: try splitNativeFrame(output, at: offset)
                }
            bodies.append(body)
            offset = next
        }
        return bodies
    }

    private static func splitLSPFrame(_ output: [UInt8], at start: Int) throws(Failure) -> ([UInt8], Int) {
        var offset = start
        var contentLength: Int?
        while true {
            guard let lineFeed = output[offset...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Failure(offset: offset, reason: "the output ends inside a header: \(quoted(output[offset...]))")
            }
            guard lineFeed > offset, output[lineFeed - 1] == UInt8(ascii: "\r") else {
                throw Failure(offset: offset, reason: "a header line does not end in CRLF: \(quoted(output[offset...lineFeed]))")
            }
            let line = output[offset..<(lineFeed - 1)]
            offset = lineFeed + 1
            if line.isEmpty {
                break
            }

            guard let (name, value) = headerField(line) else {
                throw Failure(offset: line.startIndex, reason: "expected a header line \"Name: value\", found \(quoted(line))")
            }
            if name.lowercased() == "content-length" {
                guard contentLength == nil, !value.isEmpty, value.utf8.allSatisfy({ (48...57).contains($0) }),
                    let length = Int(value)
                else {
                    throw Failure(offset: line.startIndex, reason: "expected one Content-Length of decimal digits, found \(quoted(line))")
                }
                contentLength = length
            }
        }

        guard let length = contentLength else {
            throw Failure(offset: start, reason: "the header has no Content-Length")
        }
        guard output.count - offset >= length else {
            throw Failure(offset: offset, reason: "the output ends after \(output.count - offset) of \(length) body bytes")
        }
        return (Array(output[offset..<(offset + length)]), offset + length)
    }

    private static func splitNativeFrame(_ output: [UInt8], at start: Int) throws(Failure) -> ([UInt8], Int) {
        guard output.count - start >= 4 else {
            throw Failure(offset: start, reason: "the output ends inside a 4-byte length: \(quoted(output[start...]))")
        }
        var length: UInt32 = 0
        withUnsafeMutableBytes(of: &length) { $0.copyBytes(from: output[start..<(start + 4)]) }
        let bodyStart = start + 4
        guard Int(length) <= ConformanceTransport.maxNativeReplyBytes else {
            throw Failure(
                offset: start,
                reason: "a native frame declares \(length) bytes, more than the \(ConformanceTransport.maxNativeReplyBytes) allowed")
        }
        guard output.count - bodyStart >= Int(length) else {
            throw Failure(offset: bodyStart, reason: "the output ends after \(output.count - bodyStart) of \(length) body bytes")
        }
        return (Array(output[bodyStart..<(bodyStart + Int(length))]), bodyStart + Int(length))
    }

    /// Returns the name and the trimmed value of `Name: value`, or nil when the line has another form.
    private static func headerField(_ line: ArraySlice<UInt8>) -> (String, String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
            line[..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            return nil
        }
        let name = String(decoding: line[..<colon], as: UTF8.self)
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return (name, value)
    }

    /// Returns up to 60 bytes as a quoted string, with control bytes and non-ASCII as escapes.
    static func quoted(_ bytes: ArraySlice<UInt8>) -> String {
        var text = "\""
        for byte in bytes.prefix(60) {
            switch byte {
            case UInt8(ascii: "\r"): text += "\\r"
            case UInt8(ascii: "\n"): text += "\\n"
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            case 0x20..<0x7F: text.append(Character(Unicode.Scalar(byte)))
            default: text += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return text + (bytes.count > 60 ? "\"..." : "\"")
    }
}
