/// The text of a message's body: which part it comes from, and how that part is decoded and tidied.
///
/// Both the preview and the text that search indexes are made here, so that they read the same part.
enum BodyText {
    /// Finds the message's first text/plain body part, else its first text/html body part, or nil
    /// when it has neither. Attachments and parts of attached messages are not body parts.
    static func sourcePart(in tree: MIMETree) -> MIMEPart? {
        let bodyParts = tree.parts.filter { $0.enclosingMessage == nil && !$0.isAttachment }
        return bodyParts.first(where: { $0.contentType == "text/plain" })
            ?? bodyParts.first(where: { $0.contentType == "text/html" })
    }

    /// Reads the text of the body part: transfer encoding and charset decoded, and markup removed
    /// from HTML.
    ///
    /// - Parameters:
    ///   - byteLimit: how many decoded bytes of the part are read at most.
    ///   - htmlScalarLimit: about how many characters are taken from HTML once markup is removed.
    static func text(of part: MIMEPart, in tree: MIMETree, byteLimit: Int, htmlScalarLimit: Int, defects: inout DefectList) -> String {
        let decoded = decodedText(of: part, in: tree, byteLimit: byteLimit, defects: &defects)
        guard part.contentType == "text/html" else { return decoded }
        return HTMLText.text(of: decoded, limit: htmlScalarLimit)
    }

    /// Returns the text with each run of white space made one space and trimmed, cut after at most
    /// `maximumCharacters` characters or `maximumUTF8Count` UTF-8 bytes, whichever comes first.
    static func collapsed(_ text: String, maximumCharacters: Int = .max, maximumUTF8Count: Int = .max) -> String {
        if let collapsed = collapsedByScalars(text, maximumCount: min(maximumCharacters, maximumUTF8Count)) {
            return collapsed
        }

        var result = ""
        var pendingSpace = false
        var characterCount = 0
        var utf8Count = 0

        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            let spaceCount = pendingSpace ? 1 : 0
            let characterUTF8Count = character.utf8.count
            guard characterCount + spaceCount < maximumCharacters,
                utf8Count + spaceCount + characterUTF8Count <= maximumUTF8Count
            else { break }

            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
            characterCount += spaceCount + 1
            utf8Count += spaceCount + characterUTF8Count
        }
        return result
    }

    /// Returns ``collapsed(_:maximumCharacters:maximumUTF8Count:)`` worked out on UTF-8 bytes, or nil
    /// where that could differ from reading characters, so that the caller reads it by characters.
    ///
    /// White space is found scalar by scalar. That matches Character.isWhitespace, which tests a
    /// character's first scalar, unless a white space scalar shares a character with its neighbour.
    /// It does after a prepended concatenation mark or Indic repha, and before a combining mark,
    /// joiner or emoji modifier. Those cases, and a non-ASCII text that must be cut, return nil.
    /// On multilingual bodies this takes about a fifth of the instructions of reading characters.
    private static func collapsedByScalars(_ text: String, maximumCount: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(min(bytes.count, maximumCount))
            var pendingSpace = false
            var isASCII = true
            var previousScalar: Unicode.Scalar?
            var afterWhitespace = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let length = UTF8ScalarReading.length(ofSequenceStartingWith: lead)
                let scalarBytes = bytes[index..<min(index + length, bytes.count)]
                index += length

                let isWhitespace: Bool
                var scalar: Unicode.Scalar?
                if lead < 0x80 {
                    // Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII
                    // characters that Character.isWhitespace accepts.
                    isWhitespace = (0x09...0x0D).contains(lead) || lead == 0x20
                } else {
                    scalar = UTF8ScalarReading.scalar(in: scalarBytes)
                    guard let scalar else { return nil }
                    if afterWhitespace && UTF8ScalarReading.mayExtendCharacter(scalar) {
                        return nil
                    }
                    isWhitespace = UTF8ScalarReading.isNonASCIIWhitespace(scalar)
                    isASCII = false
                }
                if isWhitespace, let previousScalar, UTF8ScalarReading.mayPrepend(previousScalar) {
                    return nil
                }
                previousScalar = scalar
                afterWhitespace = isWhitespace

                if isWhitespace {
                    pendingSpace = !result.isEmpty
                    continue
                }
                let spaceCount = pendingSpace ? 1 : 0
                guard result.count + spaceCount + scalarBytes.count <= maximumCount else {
                    // An ASCII byte that does not fit after ASCII text cannot join the last kept
                    // character, and in ASCII text bytes and characters count the same.
                    guard isASCII else { return nil }
                    break
                }
                if pendingSpace {
                    result.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                if length == 1 {
                    result.append(lead)
                } else {
                    result.append(contentsOf: scalarBytes)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Decodes the transfer encoding and charset of the first `byteLimit` bytes of a part.
    private static func decodedText(of part: MIMEPart, in tree: MIMETree, byteLimit: Int, defects: inout DefectList) -> String {
        let decoded = part.transferEncoding.decode(tree.encodedBody(of: part), maximumCount: byteLimit)
        if decoded.hadInvalidInput {
            defects.add(
                .invalidTransferEncoding,
                "A text part holds characters outside its transfer encoding; they were skipped.",
                part: part.pathText
            )
        }

        var bytes = decoded.bytes[...]
        if bytes.count == byteLimit {
            bytes = withoutCutUTF8Sequence(bytes)
        }
        var label = part.contentTypeParameters["charset"]
        if label == nil, part.contentType == "text/html" {
            label = HTMLCharset.declared(in: bytes)
        }
        return TextDecoding.decode(bytes, label: label, field: nil, part: part.pathText, defects: &defects)
    }

    /// Drops a UTF-8 sequence that the byte limit cut short, so that cutting alone does not make
    /// valid UTF-8 text look invalid.
    private static func withoutCutUTF8Sequence(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let maximumSequenceLength = 4
        var leadIndex = bytes.endIndex
        for index in stride(from: bytes.endIndex - 1, through: max(bytes.startIndex, bytes.endIndex - maximumSequenceLength), by: -1) {
            if bytes[index] & 0xC0 != 0x80 {
                leadIndex = index
                break
            }
        }
        guard leadIndex < bytes.endIndex else { return bytes }

        let lead = bytes[leadIndex]
        let expectedLength: Int
        switch lead {
        case 0xF0...: expectedLength = 4
        case 0xE0...: expectedLength = 3
        case 0xC0...: expectedLength = 2
        default: expectedLength = 1
        }
        return bytes.endIndex - leadIndex < expectedLength ? bytes[..<leadIndex] : bytes
    }
}
