import HRBoxProtocol

extension PersonStatus {
    /// The status in words, as the box shows it.
    var label: String {
        switch self {
        case .employee: "employee"
        case .applicant: "applicant"
        case .formerEmployee: "former employee"
        }
    }
}

extension Person {
    /// The name with the employee number, such as `Anna Schmidt (E-1042)`, or the name alone when there is none.
    var labelWithNumber: String {
        guard let number = employeeNumber, !number.isEmpty else { return fullName }
        return "\(fullName) (\(number))"
    }

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
