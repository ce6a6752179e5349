import CLibPQ

/// The current row of a PostgreSQL query, whose values arrive in PostgreSQL's text format.
/// Valid only inside the row closure.
struct PostgreSQLRow: SQLRow {
    let api: LibPQ
    let result: OpaquePointer
    let row: Int32

    func isNull(_ column: Int32) -> Bool {
        api.getIsNull(result, row, column) != 0
    }

    /// Returns the column as an integer. NULL and text that is not an integer read as 0.
    func integer(_ column: Int32) -> Int64 {
        guard let text = optionalText(column) else {
            return 0
        }
        // A boolean expression arrives as "t" or "f".
        switch text {
        case "t":
            return 1
        case "f":
            return 0
        default:
            return Int64(text) ?? 0
        }
    }

    func real(_ column: Int32) -> Double? {
        optionalText(column).flatMap(Double.init)
    }

    func optionalText(_ column: Int32) -> String? {
        guard !isNull(column), let pointer = api.getValue(result, row, column) else {
            return nil
        }
        let count = Int(api.getLength(result, row, column))
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }

    /// Decodes the column's bytes from bytea's hex text format (`\x` and two hex digits per byte).
    func blob(_ column: Int32) -> [UInt8] {
        guard !isNull(column), let pointer = api.getValue(result, row, column) else {
            return []
        }
        let count = Int(api.getLength(result, row, column))
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) { text in
            PostgreSQLRow.decodeHexBytea(UnsafeBufferPointer(start: text, count: count))
        }
    }

    /// Decodes `\x0a1b...`; returns no bytes for text in another form, which the server sends only
    /// when its `bytea_output` is set to `escape`.
    static func decodeHexBytea(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") else {
            return []
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index + 1 < text.count {
            guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else {
                return []
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"):
            digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"):
            digit - UInt8(ascii: "A") + 10
        default:
            nil
        }
    }
}
