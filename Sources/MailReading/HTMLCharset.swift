/// The charset an HTML document declares in a `<meta>` element, for an HTML part whose Content-Type
/// names none.
enum HTMLCharset {
    /// How far into the document a declaration is looked for; HTML requires it in the first 1024 bytes.
    static let searchLimit = 1024

    /// Returns the label of `<meta charset="...">` or of `<meta http-equiv="Content-Type"
    /// content="text/html; charset=...">`, or nil when the start of the document declares none.
    static func declared(in bytes: ArraySlice<UInt8>) -> String? {
        let start = Array(bytes.prefix(searchLimit).map(ASCII.lowercased))
        var searchFrom = 0

        while let meta = firstIndex(of: "<meta", in: start, from: searchFrom) {
            let tagEnd = start[meta...].firstIndex(of: UInt8(ascii: ">")) ?? start.endIndex
            if let charset = firstIndex(of: "charset", in: start[..<tagEnd], from: meta),
                let label = label(in: start, after: charset + "charset".utf8.count, before: tagEnd)
            {
                return label
            }
            searchFrom = tagEnd
        }
        return nil
    }

    /// Reads `= "label"` (quotes optional) after `charset`, up to `end`.
    private static func label(in bytes: [UInt8], after start: Int, before end: Int) -> String? {
        var index = start
        while index < end, ASCII.isWhitespace(bytes[index]) {
            index += 1
        }
        guard index < end, bytes[index] == ASCII.equals else { return nil }
        index += 1
        while index < end, ASCII.isWhitespace(bytes[index]) || bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            index += 1
        }

        let labelStart = index
        while index < end, isLabelByte(bytes[index]) {
            index += 1
        }
        guard index > labelStart else { return nil }
        return String(decoding: bytes[labelStart..<index], as: UTF8.self)
    }

    /// Letters, digits and the punctuation of IANA charset names.
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    private static func firstIndex(of text: String, in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        var index = start
        while index + pattern.count <= bytes.endIndex {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func firstIndex(of text: String, in bytes: [UInt8], from start: Int) -> Int? {
        firstIndex(of: text, in: bytes[...], from: start)
    }
}
