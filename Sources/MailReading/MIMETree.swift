/// The part tree of a message (RFC 2045-2049), read without recursion and to a depth limit.
///
/// Parts are listed in document order. An attached message (message/rfc822) is read as its own
/// message: its header section starts a part of its own, and every part inside it names the
/// attached message in `enclosingMessage`, by the attachment's file name, else its Subject, else its
/// Message-ID, and in `enclosingMessagePath` by its part path, which unlike the name is unique.
struct MIMETree: Sendable {
    /// The deepest nesting of parts that is read; deeper parts are skipped and reported.
    static let depthLimit = 50

    /// The message at index 0, then the decoded bytes of each attached message that was sent base64 or
    /// quoted-printable.
    private(set) var buffers: [[UInt8]]
    /// Every part in document order; index 0 is the message itself.
    private(set) var parts: [MIMEPart] = []

    private struct PendingPart {
        let buffer: Int
        let range: Range<Int>
        let depth: Int
        /// The Content-Type a part without one has: text/plain, or message/rfc822 in multipart/digest.
        let defaultContentType: String
        let enclosingMessage: String?
        let enclosingMessagePath: [Int]?
        /// The part path of a multipart parent's child, or of the message/rfc822 part around a message's
        /// root. A message root that is not multipart adds `.1` for its body, as IMAP does.
        let basePath: [Int]
        /// Whether the part is the root of the top-level message or of an attached message.
        var isMessageRoot = false
        /// Whether the part is the root of an attached message, whose header section is that message's.
        var isAttachedMessageRoot = false
        /// For the root of an attached message, the attachment's file name, if any.
        var attachedMessageFilename: String?
    }

    /// Reads the part tree of a message.
    ///
    /// - Parameters:
    ///   - depthLimit: the deepest part depth read; an attached message read on its own passes
    ///     what is left of its outer message's limit.
    ///   - rootPath: the part path of the message/rfc822 part that contains the message, or empty for
    ///     a top-level message. With it, the part paths of an attached message read on its own are the
    ///     paths it has within its outer message.
    init(message: [UInt8], depthLimit: Int = MIMETree.depthLimit, rootPath: [Int] = [], defects: inout DefectList) {
        buffers = [message]
        var pending = [
            PendingPart(
                buffer: 0, range: 0..<message.count, depth: 0,
                defaultContentType: "text/plain", enclosingMessage: nil, enclosingMessagePath: nil,
                basePath: rootPath, isMessageRoot: true
            )
        ]

        while let item = pending.popLast() {
            let part = read(item, defects: &defects)
            parts.append(part)

            let children = childParts(of: part, depthLimit: depthLimit, defects: &defects)
            pending.append(contentsOf: children.reversed())
        }
    }

    /// Reads the header section of a pending part and the fields that describe its body.
    private func read(_ item: PendingPart, defects: inout DefectList) -> MIMEPart {
        let bytes = buffers[item.buffer]
        let header = HeaderSection(bytes, range: item.range, defects: &defects)

        var contentType = item.defaultContentType
        var contentTypeParameters: [String: String] = [:]
        if let value = Self.firstValue("Content-Type", in: header.fields, defects: &defects) {
            let parsed = MIMEHeaderValue(value, field: "Content-Type", defects: &defects)
            let pieces = parsed.token.split(separator: "/", omittingEmptySubsequences: false)
            if pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty {
                contentType = parsed.token
                contentTypeParameters = parsed.parameters
            } else {
                defects.add(.invalidContentType, "The Content-Type is not type/subtype; text/plain was assumed.", field: "Content-Type", fragment: value)
                contentType = "text/plain"
            }
        }

        var disposition: String?
        var dispositionParameters: [String: String] = [:]
        if let value = Self.firstValue("Content-Disposition", in: header.fields, defects: &defects) {
            let parsed = MIMEHeaderValue(value, field: "Content-Disposition", defects: &defects)
            disposition = parsed.token
            dispositionParameters = parsed.parameters
        }

        let transferEncoding = TransferEncoding(
            fieldValue: Self.firstValue("Content-Transfer-Encoding", in: header.fields, defects: &defects)
        )
        if case .unknown(let name) = transferEncoding {
            defects.add(.unknownTransferEncoding, "The transfer encoding \"\(name)\" is unknown; the body was taken as it is.", field: "Content-Transfer-Encoding")
        }

        var enclosingMessage = item.enclosingMessage
        if item.isAttachedMessageRoot {
            enclosingMessage = item.attachedMessageFilename ?? Self.attachedMessageLabel(header.fields, defects: &defects)
        }

        return MIMEPart(
            buffer: item.buffer,
            headerFields: header.fields,
            body: header.bodyStart..<item.range.upperBound,
            contentType: contentType,
            contentTypeParameters: contentTypeParameters,
            disposition: disposition,
            dispositionParameters: dispositionParameters,
            transferEncoding: transferEncoding,
            depth: item.depth,
            path: item.isMessageRoot && !contentType.hasPrefix("multipart/") ? item.basePath + [1] : item.basePath,
            enclosingMessage: enclosingMessage,
            enclosingMessagePath: item.enclosingMessagePath
        )
    }

    /// Returns the first value of a MIME field, and reports a repeat.
    ///
    /// The first one is used, as Python's email package does, because RFC 2045 allows each field once and
    /// gives no rule for choosing between repeats.
    private static func firstValue(_ name: String, in fields: [HeaderField], defects: inout DefectList) -> String? {
        let values = fields.values(of: name)
        if values.count > 1 {
            defects.add(.duplicateField, "The field appears \(values.count) times; the first one was used.", field: name)
        }
        return values.first
    }

    /// Returns the name of an attached message without a file name: its Subject, else its Message-ID.
    private static func attachedMessageLabel(_ fields: [HeaderField], defects: inout DefectList) -> String {
        if let subject = fields.values(of: "Subject").first, !subject.isEmpty {
            return EncodedWordDecoder.decode(subject, field: "Subject", defects: &defects)
        }
        if let id = fields.values(of: "Message-ID").first, !id.isEmpty {
            return id
        }
        return "attached message"
    }

    /// Returns the parts directly inside a multipart part or attached message, in document order.
    private mutating func childParts(of part: MIMEPart, depthLimit: Int, defects: inout DefectList) -> [PendingPart] {
        guard part.isMultipart || part.isAttachedMessage else { return [] }
        guard part.depth < depthLimit else {
            defects.add(.nestingTooDeep, "Parts nest deeper than \(depthLimit) levels; the deeper parts were not read.")
            return []
        }

        if part.isAttachedMessage {
            return [attachedMessageRoot(of: part, defects: &defects)]
        }

        guard let boundary = part.contentTypeParameters["boundary"], !boundary.isEmpty else {
            defects.add(.missingBoundary, "A multipart part has no boundary parameter; its body was not split.", field: "Content-Type")
            return []
        }
        let split = MultipartBody.split(buffers[part.buffer], range: part.body, boundary: boundary)
        if !split.foundDelimiter {
            defects.add(.missingBoundary, "A multipart body has no delimiter line for its boundary; it was not split.")
        } else if !split.closed {
            defects.add(.missingClosingBoundary, "A multipart body has no closing delimiter line; its last part runs to the end.")
        }

        let defaultContentType = part.contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
        return split.parts.enumerated().map { index, range in
            PendingPart(
                buffer: part.buffer, range: range, depth: part.depth + 1,
                defaultContentType: defaultContentType, enclosingMessage: part.enclosingMessage,
                enclosingMessagePath: part.enclosingMessagePath, basePath: part.path + [index + 1]
            )
        }
    }

    /// Returns the root part of an attached message, decoding its bytes first when they are
    /// transfer-encoded.
    private mutating func attachedMessageRoot(of part: MIMEPart, defects: inout DefectList) -> PendingPart {
        var buffer = part.buffer
        var range = part.body
        if part.transferEncoding == .base64 || part.transferEncoding == .quotedPrintable {
            let decoded = part.transferEncoding.decode(buffers[part.buffer][part.body])
            if decoded.hadInvalidInput {
                defects.add(
                    .invalidTransferEncoding,
                    "An attached message holds characters outside its transfer encoding; they were skipped.",
                    part: part.pathText
                )
            }
            buffers.append(decoded.bytes)
            buffer = buffers.count - 1
            range = 0..<decoded.bytes.count
        }

        return PendingPart(
            buffer: buffer, range: range, depth: part.depth + 1,
            defaultContentType: "text/plain", enclosingMessage: part.enclosingMessage,
            enclosingMessagePath: part.path, basePath: part.path, isMessageRoot: true,
            isAttachedMessageRoot: true, attachedMessageFilename: part.filename
        )
    }

    /// Returns the part's body as it is in the message, still transfer-encoded.
    func encodedBody(of part: MIMEPart) -> ArraySlice<UInt8> {
        buffers[part.buffer][part.body]
    }
}
