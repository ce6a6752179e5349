import Foundation

// NOTE: a stand-in for the MailReading module's address key, so that the store can build before
// that module lands. It lower-cases the whole address and checks only `local@domain`; the real
// one parses RFC 5322 and converts the domain to its IDNA A-label.

/// An address found in a header: its display name, its addr-spec and the key it is looked up by.
public struct MailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String
    public var lookupKey: String

    public init(name: String?, address: String, lookupKey: String) {
        self.name = name
        self.address = address
        self.lookupKey = lookupKey
    }
}

/// Turns addresses into the keys that decide whether two addresses are the same.
public enum AddressKey {
    /// Returns the key an address is compared by.
    public static func lookupKey(for address: String) -> String {
        address.lowercased()
    }

    /// Parses one address, `local@domain` or `Name <local@domain>`; nil when the text holds none.
    public static func parseSingle(_ text: String) -> MailAddress? {
        var name: String?
        var spec = text.trimmingCharacters(in: .whitespaces)
        if spec.hasSuffix(">"), let open = spec.lastIndex(of: "<") {
            let display = spec[..<open].trimmingCharacters(in: .whitespaces)
            name = display.isEmpty ? nil : display
            spec = String(spec[spec.index(after: open)..<spec.index(before: spec.endIndex)])
        }

        let parts = spec.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !spec.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else {
            return nil
        }
        return MailAddress(name: name, address: spec, lookupKey: lookupKey(for: spec))
    }
}
