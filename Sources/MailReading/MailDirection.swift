/// Whether the user sent a message or received it, decided by the user's own addresses.
public enum MailDirection: String, Sendable, Hashable, CaseIterable {
    case sent
    case received
}

extension MailMessage {
    /// Returns `.sent` when a From address is one of `ownAddressKeys` (lookup keys), else `.received`.
    ///
    /// The keys are normalized again with `AddressKey.lookupKey(for:)`, so plain addresses work too.
    public func direction(ownAddressKeys: Set<String>) -> MailDirection {
        let ownKeys = Self.normalized(ownAddressKeys)
        return from.contains { ownKeys.contains($0.lookupKey) } ? .sent : .received
    }

    /// Returns the addresses of the people a filing is for: the From addresses of a received message,
    /// or the To, Cc and Bcc addresses of a sent one, in that order. Own addresses are left out.
    ///
    /// An address that appears twice (by lookup key) is returned once, at its first place.
    public func counterparts(ownAddressKeys: Set<String>) -> [MailAddress] {
        let ownKeys = Self.normalized(ownAddressKeys)
        let candidates = direction(ownAddressKeys: ownKeys) == .sent ? to + cc + bcc : from

        var seen: Set<String> = []
        return candidates.filter { address in
            !ownKeys.contains(address.lookupKey) && seen.insert(address.lookupKey).inserted
        }
    }

    private static func normalized(_ keys: Set<String>) -> Set<String> {
        Set(keys.map(AddressKey.lookupKey(for:)))
    }
}
