import Foundation
import JSONRPC
import MailReading

/// The reading of one message as `hrbox inspect` prints it: a JSON object whose members always
/// appear, in a fixed order, so that two readings of the same input give the same text.
struct InspectReport {
    let message: MailMessage
    /// Lookup keys of the user's own addresses, which decide the direction.
    let ownAddressKeys: Set<String>
    /// The configuration file the own addresses come from, as given, or nil when none was found.
    let configurationPath: String?

    /// The reading as a JSON object; absent values are `null` and empty lists `[]`.
    var json: JSONValue {
        let direction = message.direction(ownAddressKeys: ownAddressKeys)
        let lookupKeys = message.counterparts(ownAddressKeys: ownAddressKeys).map(\.lookupKey)

        return object([
            ("configuration", optional(configurationPath)),
            ("subject", optional(message.subject)),
            ("date", date),
            ("messageId", optional(message.messageID)),
            ("inReplyTo", .array(message.inReplyTo.map(JSONValue.string))),
            ("references", .array(message.references.map(JSONValue.string))),
            ("direction", .string(direction.rawValue)),
            ("participants", .array(participants)),
            ("groups", .array(message.groups.map(group))),
            ("lookupKeys", .array(lookupKeys.map(JSONValue.string))),
            ("attachments", .array(message.attachments.map(attachment))),
            ("attachedMessages", .array(Self.allAttachedMessages(of: message).map(attachedMessage))),
            ("preview", .string(message.previewText)),
            ("defects", .array(message.defects.map(defect))),
        ])
    }

    /// Every mailbox of From, Sender, Reply-To, To, Cc and Bcc, in that order and in field order.
    private var participants: [JSONValue] {
        let fields: [(AddressField, [MailAddress])] = [
            (.from, message.from), (.sender, message.sender), (.replyTo, message.replyTo),
            (.to, message.to), (.cc, message.cc), (.bcc, message.bcc),
        ]
        return fields.flatMap { field, addresses in
            addresses.map { address in
                object([
                    ("role", .string(field.headerName)),
                    ("name", optional(address.name)),
                    ("comment", optional(address.comment)),
                    ("address", .string(address.address)),
                    ("lookupKey", .string(address.lookupKey)),
                    ("own", .bool(ownAddressKeys.contains(address.lookupKey))),
                ])
            }
        }
    }

    /// The Date as the sender wrote it (wall-clock time and offset), the same instant in UTC, and the
    /// offset in seconds east of UTC. It is `null` when the message has no readable Date.
    private var date: JSONValue {
        guard let date = message.date else { return .null }
        return object([
            ("local", .string(date.rfc3339)),
            ("utc", .string(Self.utcFormatter.string(from: date.instant))),
            ("utcOffsetSeconds", JSONValue(date.utcOffsetSeconds)),
        ])
    }

    private static var utcFormatter: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }

    private func group(_ group: MailGroup) -> JSONValue {
        object([
            ("role", .string(group.field.headerName)),
            ("name", .string(group.name)),
            ("members", .array(group.members.map { .string($0.address) })),
        ])
    }

    private func attachment(_ attachment: MailReading.Attachment) -> JSONValue {
        object([
            ("partPath", .string(attachment.partPath)),
            ("filename", optional(attachment.filename)),
            ("contentType", .string(attachment.contentType)),
            ("size", JSONValue(attachment.size)),
            ("enclosingMessage", optional(attachment.enclosingMessagePath)),
        ])
    }

    /// Returns the messages attached to `message` and, after each, the messages attached to it, in
    /// document order.
    private static func allAttachedMessages(of message: MailMessage) -> [MailMessage] {
        message.attachedMessages.flatMap { [$0] + allAttachedMessages(of: $0) }
    }

    /// Builds the JSON of an attached message's own From, Subject and Date, whose addresses are never
    /// participants of the outer message.
    private func attachedMessage(_ attached: MailMessage) -> JSONValue {
        object([
            ("partPath", optional(attached.partPath)),
            ("from", .array(attached.from.map { .string($0.address) })),
            ("subject", optional(attached.subject)),
            ("date", attached.date.map { .string($0.rfc3339) } ?? .null),
        ])
    }

    private func defect(_ defect: MailDefect) -> JSONValue {
        object([
            ("kind", .string(defect.kind.rawValue)),
            ("field", optional(defect.field)),
            ("part", optional(defect.part)),
            ("message", .string(defect.message)),
            ("fragment", optional(defect.fragment)),
        ])
    }

    private func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    private func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}

extension JSONValue {
    /// Writes the value as JSON text indented by two spaces per level, one member or element a line,
    /// with a line feed at the end. Empty arrays and objects stay on one line as `[]` and `{}`.
    ///
    /// Strings are escaped as ``serializedText()`` escapes them.
    func prettyText() throws(JSONWriteError) -> String {
        var text = ""
        try appendPretty(to: &text, indent: "")
        return text + "\n"
    }

    private func appendPretty(to text: inout String, indent: String) throws(JSONWriteError) {
        let inner = indent + "  "
        switch self {
        case .array(let elements) where !elements.isEmpty:
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += inner
                try element.appendPretty(to: &text, indent: inner)
                text += index + 1 < elements.count ? ",\n" : "\n"
            }
            text += indent + "]"
        case .object(let object) where !object.keys.isEmpty:
            text += "{\n"
            let members = Array(zip(object.keys, object.values))
            for (index, (key, value)) in members.enumerated() {
                text += inner + (try JSONValue.string(key).serializedText()) + ": "
                try value.appendPretty(to: &text, indent: inner)
                text += index + 1 < members.count ? ",\n" : "\n"
            }
            text += indent + "}"
        default:
            text += try serializedText()
        }
    }
}
