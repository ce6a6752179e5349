import MailReading
import Testing

/// Address fields beyond the mail cases: obsolete forms, groups, repeats and what is never an address.
@Suite struct AddressListTests {
    private func to(_ value: String) -> MailMessage {
        readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "To: \(value)"])
    }

    @Test func groupMembersFlattenedInOrder() {
        let message = to("first@example.com, Team: b@example.com, c@example.com;, last@example.com")
        #expect(message.to.map(\.address) == ["first@example.com", "b@example.com", "c@example.com", "last@example.com"])
        #expect(message.groups.map(\.name) == ["Team"])
        #expect(message.groups.first?.members.map(\.address) == ["b@example.com", "c@example.com"])
        #expect(message.groups.first?.field == .to)
    }

    @Test func nonASCIINameAndCommentKept() {
        let message = to("\"J\\ürgen (Ünal)\" <jü@bücher.example> (Ärzte \\ß)")
        #expect(message.to.first?.name == "Jürgen (Ünal)")
        #expect(message.to.first?.comment == "Ärzte ß")
        #expect(message.to.first?.address == "jü@bücher.example")
    }

    @Test func unterminatedGroupReported() {
        let message = to("Team: b@example.com, c@example.com")
        #expect(message.to.map(\.address) == ["b@example.com", "c@example.com"])
        #expect(message.defects.kinds == [.unterminatedGroup])
    }

    @Test func semicolonSeparatorAccepted() {
        let message = to("a1@example.com; a2@example.com")
        #expect(message.to.map(\.address) == ["a1@example.com", "a2@example.com"])
        #expect(message.defects.kinds == [.malformedAddress])
    }

    @Test func nameBeforeBareAddress() {
        let message = to("Dana dana@example.org")
        #expect(message.to.map(\.address) == ["dana@example.org"])
        #expect(message.to.first?.name == "Dana")
        #expect(message.defects.kinds == [.malformedAddress])
    }

    @Test func obsoleteLocalPartWithSpaces() {
        let message = to("john . doe @ example . com")
        #expect(message.to.map(\.address) == ["john.doe@example.com"])
    }

    @Test func unclosedAngleBracket() {
        let message = to("Dana <dana@example.org")
        #expect(message.to.map(\.address) == ["dana@example.org"])
        #expect(message.defects.kinds == [.malformedAddress])
    }

    @Test func commentOnlyEntryDropped() {
        let message = to("(nobody), dana@example.org")
        #expect(message.to.map(\.address) == ["dana@example.org"])
        #expect(message.defects.kinds == [.addressWithoutDomain])
    }

    @Test func addressInsideCommentIgnored() {
        let message = to("(boss@example.net) dana@example.org (x@example.net)")
        #expect(message.to.map(\.address) == ["dana@example.org"])
        #expect(message.to.first?.comment == "boss@example.net")
    }

    @Test func nestedComment() {
        let message = to("dana@example.org (Dana (HR) Sample)")
        #expect(message.to.first?.comment == "Dana (HR) Sample")
    }

    @Test func escapedQuoteInName() {
        let message = to("\"Sam \\\"The Boss\\\" P.\" <sam@example.net>")
        #expect(message.to.first?.name == "Sam \"The Boss\" P.")
    }

    @Test func missingDomainDropped() {
        let message = to("dana@, sam@example.net")
        #expect(message.to.map(\.address) == ["sam@example.net"])
        #expect(message.defects.kinds == [.addressWithoutDomain])
    }

    @Test func unterminatedQuoteReported() {
        let message = to("\"Dana <dana@example.org>")
        #expect(message.to.isEmpty)
        #expect(message.defects.kinds.contains(.unterminatedToken))
    }

    @Test func repeatedFieldsAllRead() {
        let message = readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "To: b@example.com", "to: c@example.com"])
        #expect(message.to.map(\.address) == ["b@example.com", "c@example.com"])
        #expect(message.defects.kinds == [.duplicateField])
    }

    @Test func emptyFieldHasNoAddresses() {
        let message = to("")
        #expect(message.to.isEmpty)
        #expect(message.defects.isEmpty)
    }

    @Test func domainLiteralAddress() {
        let message = to("postmaster@[192.0.2.1]")
        #expect(message.to.map(\.address) == ["postmaster@[192.0.2.1]"])
    }

    @Test func rawUTF8LocalPart() {
        let message = to("Jörg <jörg@bücher.example>")
        #expect(message.to.first?.address == "jörg@bücher.example")
        #expect(message.to.first?.lookupKey == "jörg@xn--bcher-kva.example")
    }

    @Test func missingFromReported() {
        let message = readMessage(["Date: Mon, 6 Jan 2025 09:15:00 +0100", "To: b@example.com"])
        #expect(message.from.isEmpty)
        #expect(message.defects.kinds == [.missingField])
        #expect(message.defects.first?.field == "From")
    }

    @Test func textAfterBareAddressDropsEntry() {
        let message = to("c@exa mple.org, dana@example.org")
        #expect(message.to.map(\.address) == ["dana@example.org"])
        #expect(message.defects.kinds == [.malformedAddress])
        #expect(message.defects.first?.fragment == "c@exa mple.org")
    }

    @Test func textAfterAddressInAnglesDropsEntry() {
        let message = to("Cay <c@exa mple.org>, dana@example.org")
        #expect(message.to.map(\.address) == ["dana@example.org"])
        #expect(message.defects.kinds == [.malformedAddress])
    }

    @Test func commentAfterGroupAccepted() {
        let message = to("Team: b@example.com; (the team), c@example.com")
        #expect(message.to.map(\.address) == ["b@example.com", "c@example.com"])
        #expect(message.defects.isEmpty)
    }

    @Test(arguments: ["a@xn--.example", "b@-bad-.example", "c@ab--cd.example"])
    func invalidDomainLabelReported(_ address: String) {
        let message = to(address)
        #expect(message.to.map(\.address) == [address])
        #expect(message.defects.kinds == [.malformedAddress])
    }

    @Test func validDomainLabelsAccepted() {
        #expect(to("d@xn--bcher-kva.example, e@a-b.example").defects.isEmpty)
    }

    @Test func addressCountCapped() {
        let count = 10_050
        let addresses = (0..<count).map { "u\($0)@example.com" }.joined(separator: ",\r\n ")
        let message = readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "To: " + addresses])
        let capped = message.defects.first { $0.kind == .tooManyAddresses }

        #expect(message.to.count == 10_000)
        #expect(message.to.last?.address == "u9999@example.com")
        #expect(capped?.field == "To")
        #expect(message.defects.kinds == [.tooManyAddresses])
    }

    @Test func addressCountAtCapKept() {
        let addresses = (0..<10_000).map { "u\($0)@example.com" }.joined(separator: ",\r\n ")
        let message = readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Cc: " + addresses])
        #expect(message.cc.count == 10_000)
        #expect(message.defects.isEmpty)
    }
}
