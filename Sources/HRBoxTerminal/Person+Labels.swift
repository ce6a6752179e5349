import HRBoxProtocol

extension Person {
    /// Name, employee number and status, such as `Anna Schmidt · E-1042 · employee`.
    var details: String {
        var parts = [fullName]
        if let number = employeeNumber, !number.isEmpty {
            parts.append(number)
        }
        parts.append(status.label)
        return parts.joined(separator: " · ")
    }

    /// True when `address` is one of this person's, compared case-insensitively as the store does.
    func owns(address: String) -> Bool {
        addresses.contains { $0.lowercased() == address.lowercased() }
    }
}
