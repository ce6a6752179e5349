/// Whether the user sent a message or received it, decided by the user's own addresses.
public enum MailDirection: String, Sendable, Hashable, CaseIterable {
    case sent
    case received
}

extension MailMessage {
    /// Returns `.sent` when a From address is one of `ownAddressKeys`, else `.received`.
    ///
    /// The keys must be lookup keys, made by `AddressKey.lookupKey(for:)`: they are compared as they
    /// are, so a plain address in another case or with spaces does not match.
    public func direction(ownAddressKeys: Set<String>) -> MailDirection {
        from.contains { ownAddressKeys.contains($0.lookupKey) } ? .sent : .received
    }

    /// Returns the addresses of the people a filing is for: the From addresses of a received message,
    /// or the To, Cc and Bcc addresses of a sent one, in that order. Own addresses are left out.
    ///
    /// An address that appears twice (by lookup key) is returned once, at its first place.
    /// Own addresses are lookup keys, as for `direction(ownAddressKeys:)`.
    public func counterparts(ownAddressKeys: Set<String>) -> [MailAddress] {
        let candidates = direction(ownAddressKeys: ownAddressKeys) == .sent ? to + cc + bcc : from

        var seen: Set<String> = []
        return candidates.filter { address in
            !ownAddressKeys.contains(address.lookupKey) && seen.insert(address.lookupKey).inserted
        }
    }
}
