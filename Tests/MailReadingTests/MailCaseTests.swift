import Foundation
import MailReading
import Testing

/// Reads every mail case and compares each field its expected file names. A failure message starts
/// with the case and the field.
@Suite struct MailCaseTests {

    @Test func allCasesPresent() {
        #expect(MailCaseFixture.names.count == 32)
    }

    @Test(arguments: MailCaseFixture.names)
    func mailCase(_ name: String) throws {
        let fixture = try MailCaseFixture.load(name)
        let message = MailMessage(bytes: fixture.message)

        checkAddresses(fixture, message)
        checkGroups(fixture, message)
        checkSummary(fixture, message)
        checkAttachments(fixture, message)
        checkDirection(fixture, message)
        checkBody(fixture, message)
        checkInvalidEntries(fixture, message)
        checkNestedMessage(fixture, message)
        checkMustNotContain(fixture, message)
    }

    /// The defects each case must report: what its notes call invalid and what the reader dropped or
    /// guessed. Every case not listed must report none.
    private static let expectedDefects: [String: Set<MailDefect.Kind>] = [
        "02-unquoted-comma-display-name": [.addressWithoutDomain],
        "21-user-at-domain": [.addressWithoutDomain],
        "22-angle-only-and-empty": [.emptyAddress],
        "30-very-long-header-lines": [.headerLineTooLong],
        "35-unknown-charset-label": [.unknownCharset],
        "44-address-as-display-name": [.malformedAddress],
    ]

    @Test(arguments: MailCaseFixture.names)
    func mailCaseDefects(_ name: String) throws {
        let message = MailMessage(bytes: try MailCaseFixture.load(name).message)

        #expect(Set(message.defects.map(\.kind)) == Self.expectedDefects[name] ?? [], "\(name): defects")
        for defect in message.defects {
            if let fragment = defect.fragment {
                #expect(!defect.message.contains(fragment), "\(name): defect message repeats its fragment")
            }
        }
    }

    private func checkAddresses(_ fixture: MailCaseFixture, _ message: MailMessage) {
        let fields: [(String, [MailAddress])] = [
            ("from", message.from), ("sender", message.sender), ("reply_to", message.replyTo),
            ("to", message.to), ("cc", message.cc), ("bcc", message.bcc),
        ]
        for (key, actual) in fields {
            guard let expected = fixture.objects(key) else { continue }
            compare(actual, expected, "\(fixture.name): \(key)")
        }
    }

    private func compare(_ actual: [MailAddress], _ expected: [[String: Any]], _ label: String) {
        #expect(actual.count == expected.count, "\(label): count")
        for (index, (address, wanted)) in zip(actual, expected).enumerated() {
            let addr = wanted["addr"] as? String ?? ""
            #expect(address.address.asciiLowercasedForTest() == addr, "\(label)[\(index)].addr")
            #expect(address.lookupKey == (wanted["key"] as? String ?? addr), "\(label)[\(index)].key")
            #expect((address.name ?? "") == (wanted["name"] as? String ?? ""), "\(label)[\(index)].name")
            if let comment = wanted["name_from_comment"] as? String {
                #expect(address.comment == comment, "\(label)[\(index)].name_from_comment")
                #expect(address.displayName == comment, "\(label)[\(index)].displayName")
            }
        }
    }

    private func checkGroups(_ fixture: MailCaseFixture, _ message: MailMessage) {
        let fields: [(String, AddressField)] = [("to_groups", .to), ("cc_groups", .cc), ("bcc_groups", .bcc)]
        for (key, field) in fields {
            guard let expected = fixture.objects(key) else { continue }
            let actual = message.groups.filter { $0.field == field }
            #expect(actual.map(\.name) == expected.map { $0["group"] as? String ?? "" }, "\(fixture.name): \(key).group")
            #expect(
                actual.map { $0.members.map { $0.address.asciiLowercasedForTest() } } == expected.map { $0["members"] as? [String] ?? [] },
                "\(fixture.name): \(key).members"
            )
        }
    }

    private func checkSummary(_ fixture: MailCaseFixture, _ message: MailMessage) {
        if let subject = fixture.string("subject") {
            #expect(message.subject == subject, "\(fixture.name): subject")
        }
        if let date = fixture.string("date") {
            #expect(message.date?.rfc3339 == date, "\(fixture.name): date")
        }
        if fixture.isNull("message_id") {
            #expect(message.messageID == nil, "\(fixture.name): message_id")
        } else if let id = fixture.string("message_id") {
            #expect(message.messageID == id, "\(fixture.name): message_id")
        }
        if let ids = fixture.strings("in_reply_to") {
            #expect(message.inReplyTo == ids, "\(fixture.name): in_reply_to")
        }
        if let ids = fixture.strings("references") {
            #expect(message.references == ids, "\(fixture.name): references")
        }
    }

    private func checkAttachments(_ fixture: MailCaseFixture, _ message: MailMessage) {
        guard let expected = fixture.objects("attachments") else { return }

        #expect(message.attachments.count == expected.count, "\(fixture.name): attachments.count")
        for (index, (attachment, wanted)) in zip(message.attachments, expected).enumerated() {
            let label = "\(fixture.name): attachments[\(index)]"
            #expect(attachment.filename == wanted["filename"] as? String, "\(label).filename")
            #expect(attachment.contentType == wanted["content_type"] as? String, "\(label).content_type")
            #expect(attachment.size == wanted["size"] as? Int, "\(label).size")
            #expect(attachment.nestedIn == wanted["nested_in"] as? String, "\(label).nested_in")
        }
    }

    private func checkDirection(_ fixture: MailCaseFixture, _ message: MailMessage) {
        guard let userAddresses = fixture.strings("user_addresses") else { return }
        let ownKeys = Set(userAddresses.map(AddressKey.lookupKey(for:)))

        if let direction = fixture.string("direction") {
            #expect(message.direction(ownAddressKeys: ownKeys).rawValue == direction, "\(fixture.name): direction")
        }
        if let lookup = fixture.strings("lookup") {
            #expect(message.counterparts(ownAddressKeys: ownKeys).map(\.lookupKey) == lookup, "\(fixture.name): lookup")
        }
    }

    private func checkBody(_ fixture: MailCaseFixture, _ message: MailMessage) {
        if let text = fixture.string("preview_contains") {
            #expect(message.previewText.contains(text), "\(fixture.name): preview_contains")
        }
        if let preview = fixture.string("preview") {
            #expect(message.previewText == preview, "\(fixture.name): preview")
        }
        if let sender = fixture.string("envelope_from") {
            #expect(message.envelopeSender == sender, "\(fixture.name): envelope_from")
        }
    }

    /// Entries that are no address must be reported as defects that keep their text.
    private func checkInvalidEntries(_ fixture: MailCaseFixture, _ message: MailMessage) {
        let dropped = message.defects.filter { $0.kind == .addressWithoutDomain }

        if let fragments = fixture.expected["invalid_fragments"] as? [String: [String]] {
            for (key, texts) in fragments {
                let field = AddressField.allCases.first { $0.headerName.lowercased() == key.replacingOccurrences(of: "_", with: "-") }
                let actual = dropped.filter { $0.field == field?.headerName }.compactMap(\.fragment)
                #expect(actual == texts, "\(fixture.name): invalid_fragments.\(key)")
            }
        }
        if let raw = fixture.string("from_invalid_raw") {
            let actual = dropped.filter { $0.field == "From" }.compactMap(\.fragment)
            #expect(actual == [raw], "\(fixture.name): from_invalid_raw")
        }
    }

    private func checkNestedMessage(_ fixture: MailCaseFixture, _ message: MailMessage) {
        guard let nested = fixture.expected["nested_message"] as? [String: Any] else { return }

        let attached = message.attachedMessages
        #expect(attached.count == 1, "\(fixture.name): nested_message count")
        guard let inner = attached.first else { return }

        if let from = nested["from"] as? [[String: Any]] {
            compare(inner.from, from, "\(fixture.name): nested_message.from")
        }
        if let to = nested["to"] as? [[String: Any]] {
            compare(inner.to, to, "\(fixture.name): nested_message.to")
        }
        #expect(inner.subject == nested["subject"] as? String, "\(fixture.name): nested_message.subject")
        #expect(inner.messageID == nested["message_id"] as? String, "\(fixture.name): nested_message.message_id")
    }

    /// Addresses that must never be taken as participants of the message.
    private func checkMustNotContain(_ fixture: MailCaseFixture, _ message: MailMessage) {
        guard let forbidden = fixture.strings("must_not_contain") else { return }

        let participants = message.from + message.sender + message.replyTo + message.to + message.cc + message.bcc
        let keys = Set(participants.map(\.lookupKey))
        for address in forbidden {
            #expect(!keys.contains(AddressKey.lookupKey(for: address)), "\(fixture.name): must_not_contain \(address)")
        }
    }
}

extension String {
    /// Returns the text with ASCII letters lower-cased, as the expected files write addresses.
    func asciiLowercasedForTest() -> String {
        String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
