/// A raw email message read for filing: its participants, summary fields, attachments and preview.
///
/// Reading cannot fail. Faults in the input are reported in `defects`, and the reader goes on the way
/// common lenient mail readers do. The work grows linearly with the input, except that a multipart
/// body is scanned once for each level it is nested in (at most `MIMETree.depthLimit` levels).
public struct MailMessage: Sendable {
    /// The message's own bytes: the input without a leading UTF-8 byte order mark, without a leading
    /// mbox "From " separator line and without the X-Mozilla-Status, X-Mozilla-Status2 and
    /// X-Mozilla-Keys fields that Thunderbird adds to messages in local folders. All other bytes are
    /// kept exactly as given, never re-serialized.
    public let ownBytes: [UInt8]
    /// The envelope sender named on a leading mbox "From " line, or nil when there was none.
    public let envelopeSender: String?

    public let from: [MailAddress]
    public let sender: [MailAddress]
    public let replyTo: [MailAddress]
    public let to: [MailAddress]
    public let cc: [MailAddress]
    public let bcc: [MailAddress]
    /// The groups of every address field, in field order; their members are in the field's list too.
    public let groups: [MailGroup]

    /// The Subject, unfolded and with encoded words decoded, or nil when the message has none.
    public let subject: String?
    /// The Date, or nil when it is missing or cannot be read.
    public let date: MailDate?
    /// The Message-ID with its angle brackets, or nil when the message has none.
    public let messageID: String?
    /// The ids of In-Reply-To, with angle brackets.
    public let inReplyTo: [String]
    /// The ids of References, with angle brackets, oldest first as written.
    public let references: [String]

    /// The attachments in document order, including those inside attached messages.
    public let attachments: [Attachment]
    /// The first characters (at most 300) of the body text. `bodyText(maximumBytes:)` describes which
    /// part is used.
    public let previewText: String
    /// The faults found in the input, in the order they were found.
    public let defects: [MailDefect]
    /// The part path of the message/rfc822 part in the outermost message, such as `2` or `2.1`, for
    /// a message from `attachedMessages`. It is nil for a message read with `init(bytes:)`.
    public let partPath: String?

    private let tree: MIMETree
    /// The nesting depth the parts of this message may still reach, less than `MIMETree.depthLimit` for
    /// an attached message.
    private let depthLimit: Int

    /// Reads a raw message. Malformed input does not stop reading: its faults are listed in `defects`.
    public init(bytes: [UInt8]) {
        // Some editors put a UTF-8 byte order mark before the text, though RFC 5322 has no place for one.
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let extracted = OwnBytes.extract(from: hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes)

        var defects = DefectList()
        if hasByteOrderMark {
            defects.add(.invalidHeaderLine, "The message starts with a UTF-8 byte order mark; it was skipped.")
        }
        self.init(
            ownBytes: extracted.bytes,
            envelopeSender: extracted.envelopeSender,
            depthLimit: MIMETree.depthLimit,
            defects: defects
        )
    }

    private init(
        ownBytes: [UInt8],
        envelopeSender: String?,
        depthLimit: Int,
        path: [Int] = [],
        defects startDefects: DefectList = DefectList()
    ) {
        var defects = startDefects
        let tree = MIMETree(message: ownBytes, depthLimit: depthLimit, rootPath: path, defects: &defects)
        let fields = tree.parts.first?.headerFields ?? []

        var addresses: [AddressField: [MailAddress]] = [:]
        var groups: [MailGroup] = []
        for field in AddressField.allCases {
            let list = Self.readAddresses(field, in: fields, defects: &defects)
            addresses[field] = list.mailboxes
            groups += list.groups.map { MailGroup(field: field, name: $0.name, members: $0.members) }
        }
        if fields.values(of: "From").isEmpty {
            defects.add(.missingField, "The message has no From field.", field: "From")
        }

        let subject = Self.singleValue("Subject", in: fields, defects: &defects)
        let dateValue = Self.singleValue("Date", in: fields, defects: &defects)
        if dateValue == nil {
            defects.add(.missingField, "The message has no Date field.", field: "Date")
        }

        self.ownBytes = ownBytes
        self.envelopeSender = envelopeSender
        self.from = addresses[.from] ?? []
        self.sender = addresses[.sender] ?? []
        self.replyTo = addresses[.replyTo] ?? []
        self.to = addresses[.to] ?? []
        self.cc = addresses[.cc] ?? []
        self.bcc = addresses[.bcc] ?? []
        self.groups = groups
        self.subject = subject.map { EncodedWordDecoder.decode($0, field: "Subject", defects: &defects) }
        self.date = dateValue.flatMap { DateParser.parse($0, defects: &defects) }
        let messageIDs = Self.messageIDs("Message-ID", in: fields, defects: &defects)
        if messageIDs.count > 1 {
            defects.add(
                .invalidMessageID,
                "The field holds \(messageIDs.count) message ids; the first one was used.",
                field: "Message-ID",
                fragment: messageIDs.dropFirst().joined(separator: " ")
            )
        }
        self.messageID = messageIDs.first
        self.inReplyTo = Self.messageIDs("In-Reply-To", in: fields, defects: &defects)
        self.references = Self.messageIDs("References", in: fields, defects: &defects)
        self.attachments = Self.attachments(in: tree, defects: &defects)
        self.previewText = PreviewText.make(from: tree, defects: &defects)
        self.tree = tree
        self.depthLimit = depthLimit
        self.partPath = MIMEPart.text(ofPath: path)
        self.defects = defects.defects
    }

    /// The default maximum number of decoded-text bytes `bodyText(maximumBytes:)` returns: 256 KiB.
    public static let defaultBodyTextByteLimit = 256 * 1024

    /// Returns the body text for search: the part the preview comes from (the first text/plain body
    /// part, else the first text/html body part with markup removed), decoded, with each run of
    /// white space made one space.
    ///
    /// The body is read again on each call. Faults it finds are not added to `defects`, because
    /// reading the preview has reported them already.
    ///
    /// - Parameters:
    ///   - maximumBytes: the maximum number of UTF-8 bytes returned. The text is cut before the first
    ///     character that does not fit. At most as many decoded bytes of the part are read.
    /// - Returns: the text, or an empty text when the message has no text body part.
    public func bodyText(maximumBytes: Int = MailMessage.defaultBodyTextByteLimit) -> String {
        guard maximumBytes > 0, let part = BodyText.sourcePart(in: tree) else { return "" }

        var ignoredDefects = DefectList()
        let text = BodyText.text(of: part, in: tree, byteLimit: maximumBytes, htmlScalarLimit: maximumBytes, defects: &ignoredDefects)
        return BodyText.collapsed(text, maximumUTF8Count: maximumBytes)
    }

    /// Returns the unfolded values of every header field with this name (compared ignoring case), in
    /// order. Encoded words stay encoded.
    public func values(of name: String) -> [String] {
        headerFields.values(of: name)
    }

    /// The message's header fields in order, as written.
    public var headerFields: [HeaderField] {
        tree.parts.first?.headerFields ?? []
    }

    /// The messages attached to this one (message/rfc822 parts), each read as a message of its own.
    ///
    /// They are read on each call, so that a message whose attached messages are never looked at
    /// does not pay for them. Messages attached inside them are in their own `attachedMessages`.
    public var attachedMessages: [MailMessage] {
        tree.parts.filter { $0.isAttachedMessage && $0.enclosingMessage == nil }.map { part in
            var body = Array(tree.encodedBody(of: part))
            if part.transferEncoding == .base64 || part.transferEncoding == .quotedPrintable {
                body = part.transferEncoding.decode(body[...]).bytes
            }
            return MailMessage(
                ownBytes: body,
                envelopeSender: nil,
                depthLimit: max(0, depthLimit - part.depth - 1),
                path: part.path
            )
        }
    }

    /// Reads every field of one address kind; repeated fields are all read and reported.
    private static func readAddresses(_ field: AddressField, in fields: [HeaderField], defects: inout DefectList) -> AddressList {
        let values = fields.values(of: field.headerName)
        if values.count > 1 {
            defects.add(.duplicateField, "The field appears \(values.count) times; the addresses of all were read.", field: field.headerName)
        }

        var list = AddressList()
        for value in values {
            let read = AddressListParser.parse(value, field: field.headerName, defects: &defects)
            list.mailboxes += read.mailboxes
            list.groups += read.groups
        }
        return list
    }

    /// Returns the first value of a field that may appear once, and reports a repeat.
    private static func singleValue(_ name: String, in fields: [HeaderField], defects: inout DefectList) -> String? {
        let values = fields.values(of: name)
        if values.count > 1 {
            defects.add(.duplicateField, "The field appears \(values.count) times; the first one was used.", field: name)
        }
        return values.first
    }

    private static func messageIDs(_ name: String, in fields: [HeaderField], defects: inout DefectList) -> [String] {
        guard let value = singleValue(name, in: fields, defects: &defects) else { return [] }
        return MessageIDParser.parse(value, field: name, defects: &defects)
    }

    private static func attachments(in tree: MIMETree, defects: inout DefectList) -> [Attachment] {
        tree.parts.filter(\.isAttachment).map { part in
            let size = part.transferEncoding.decodedCount(tree.encodedBody(of: part))
            if size.hadInvalidInput {
                defects.add(
                    .invalidTransferEncoding,
                    "An attachment holds characters outside its transfer encoding; they were skipped.",
                    part: part.pathText
                )
            }
            return Attachment(
                filename: part.filename,
                contentType: part.contentType,
                size: size.count,
                nestedIn: part.enclosingMessage,
                partPath: part.pathText ?? "",
                enclosingMessagePath: part.enclosingMessagePath.flatMap(MIMEPart.text(ofPath:))
            )
        }
    }
}
