@testable import MailReading
import Testing

/// Lookup keys of addresses and addresses typed by a user.
@Suite struct AddressKeyTests {
    @Test func asciiLettersLowerCased() {
        #expect(AddressKey.lookupKey(for: "Robin.Tester@EXAMPLE.Com") == "robin.tester@example.com")
    }

    @Test func unicodeLocalPartLowerCased() {
        #expect(AddressKey.lookupKey(for: "ÖZTÜRK@example.com") == "öztürk@example.com")
    }

    @Test func plusTagKept() {
        #expect(AddressKey.lookupKey(for: "Dana+HR-2025@example.org") == "dana+hr-2025@example.org")
    }

    @Test func unicodeDomainBecomesALabel() {
        #expect(AddressKey.lookupKey(for: "anna@bücher.example") == "anna@xn--bcher-kva.example")
    }

    @Test func unicodeAndPunycodeDomainsMatch() {
        let unicode = AddressKey.lookupKey(for: "Anna@Bücher.Example")
        let punycode = AddressKey.lookupKey(for: "anna@XN--BCHER-KVA.example")
        #expect(unicode == punycode)
    }

    @Test func upperCaseUnicodeDomain() {
        #expect(AddressKey.lookupKey(for: "x@MÜNCHEN.example") == "x@xn--mnchen-3ya.example")
    }

    @Test func decomposedDomainNormalized() {
        // "u" followed by U+0308 COMBINING DIAERESIS is the decomposed form of "ü".
        #expect(AddressKey.lookupKey(for: "anna@bu\u{308}cher.example") == "anna@xn--bcher-kva.example")
    }

    @Test func ideographicFullStopSeparatesLabels() {
        #expect(AddressKey.lookupKey(for: "x@例え。example") == "x@xn--r8jz45g.example")
    }

    @Test func trailingDotDropped() {
        #expect(AddressKey.lookupKey(for: "x@example.com.") == "x@example.com")
    }

    @Test(arguments: [
        ("  Anna@Example.COM. ", "anna@example.com"),
        ("ANNA", "anna"),
        ("x@.", "x@"),
        ("x@", "x@"),
        (" \t ", ""),
        ("x@[IPv6:::1].", "x@[ipv6:::1]."),
    ])
    func plainASCIIKey(_ address: String, _ key: String) {
        #expect(AddressKey.lookupKey(for: address) == key)
    }

    @Test func asciiAndUnicodeSeparatorsMatch() {
        #expect(AddressKey.lookupKey(for: "X@Example．COM.") == AddressKey.lookupKey(for: "X@Example.COM."))
    }

    @Test func quotedLocalPartKept() {
        #expect(AddressKey.lookupKey(for: "\"First Last\"@Example.net") == "\"first last\"@example.net")
    }

    @Test func domainLiteralKept() {
        #expect(AddressKey.lookupKey(for: "x@[192.0.2.1]") == "x@[192.0.2.1]")
    }

    @Test func keyOfKeyUnchanged() {
        let key = AddressKey.lookupKey(for: "Anna@Bücher.Example")
        #expect(AddressKey.lookupKey(for: key) == key)
    }

    @Test(arguments: [
        ("bücher", "bcher-kva"),
        ("ñandú", "and-6ma2c"),
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
    ])
    func punycodeSamples(_ label: String, _ encoded: String) {
        #expect(Punycode.encode(label) == encoded)
    }

    @Test func overlongLabelLeftUnencoded() {
        let label = String(repeating: "ü", count: 64)
        #expect(AddressKey.lookupKey(for: "x@\(label).example") == "x@\(label).example")
    }

    @Test func keyFollowsChangedAddress() {
        var address = MailAddress(name: nil, address: "Anna@Example.com")
        address.address = "Robin@Bücher.Example"
        #expect(address.lookupKey == "robin@xn--bcher-kva.example")
    }

    @Test func parseSinglePlainAddress() throws {
        let address = try #require(AddressKey.parseSingle("  anna@example.com "))
        #expect(address.address == "anna@example.com")
        #expect(address.name == nil)
        #expect(address.lookupKey == "anna@example.com")
    }

    @Test func parseSingleNameAndAddress() throws {
        let address = try #require(AddressKey.parseSingle("Anna Beispiel <Anna@Example.com>"))
        #expect(address.address == "Anna@Example.com")
        #expect(address.name == "Anna Beispiel")
        #expect(address.lookupKey == "anna@example.com")
    }

    @Test func parseSingleQuotedName() throws {
        let address = try #require(AddressKey.parseSingle("\"Beispiel, Anna\" <anna@example.com>"))
        #expect(address.name == "Beispiel, Anna")
    }

    @Test(arguments: ["", "anna", "anna@", "@example.com", "Anna <>", "anna at example.com", "a@example.com, b@example.com", "Team: a@example.com;"])
    func parseSingleRejects(_ text: String) {
        #expect(AddressKey.parseSingle(text) == nil)
    }

    @Test func needlessQuotesDropped() {
        #expect(AddressKey.lookupKey(for: "\"x\"@example.net") == "x@example.net")
        #expect(AddressKey.lookupKey(for: "A.\"B\"@example.org") == "a.b@example.org")
        #expect(AddressKey.lookupKey(for: "\"Dana+HR\"@example.org") == "dana+hr@example.org")
    }

    @Test func neededQuotesKept() {
        #expect(AddressKey.lookupKey(for: "\"a..b\"@example.org") == "\"a..b\"@example.org")
        #expect(AddressKey.lookupKey(for: "a.\"b c\"@example.org") == "\"a.b c\"@example.org")
        #expect(AddressKey.lookupKey(for: "\"a\\\"b\"@example.org") == "\"a\\\"b\"@example.org")
    }

    @Test func quotedAndPlainLocalPartsMatch() {
        let message = readMessage(["From: Quin <\"x\"@example.net>", "Date: Mon, 6 Jan 2025 09:15:00 +0100"])
        #expect(message.from.first?.address == "\"x\"@example.net")
        #expect(message.from.first?.lookupKey == "x@example.net")
    }
}
