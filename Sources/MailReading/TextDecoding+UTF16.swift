extension TextDecoding {
    /// Decodes UTF-16 text (RFC 2781), replacing each invalid code unit and an odd last byte with U+FFFD.
    ///
    /// With the label `UTF-16` (`bigEndian` nil), a leading byte order mark gives the byte order and
    /// is dropped, and text without one is big-endian. With `UTF-16BE` or `UTF-16LE` the label gives
    /// the order, and a leading mark in that order is dropped as well, as the WHATWG Encoding
    /// Standard does, because mail programs add one anyway.
    ///
    /// - Returns: the text, and whether every code unit was valid.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian declaredOrder: Bool?) -> (text: String, isValid: Bool) {
        var body = bytes
        var bigEndian = declaredOrder ?? true
        if body.count >= 2 {
            let first = body[body.startIndex]
            let second = body[body.startIndex + 1]
            var markOrder: Bool?
            if first == 0xFE && second == 0xFF {
                markOrder = true
            } else if first == 0xFF && second == 0xFE {
                markOrder = false
            }
            if let markOrder, declaredOrder == nil || declaredOrder == markOrder {
                bigEndian = markOrder
                body = body.dropFirst(2)
            }
        }

        var codeUnits: [UInt16] = []
        codeUnits.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let high = UInt16(body[index])
            let low = UInt16(body[index + 1])
            codeUnits.append(bigEndian ? high << 8 | low : low << 8 | high)
            index += 2
        }

        let hasOddByte = body.count % 2 == 1
        let isValid = !hasOddByte && String(validating: codeUnits, as: UTF16.self) != nil
        let text = String(decoding: codeUnits, as: UTF16.self) + (hasOddByte ? "\u{FFFD}" : "")
        return (text, isValid)
    }
}
