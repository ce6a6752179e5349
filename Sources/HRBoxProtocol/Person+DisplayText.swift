extension PersonStatus {
    /// The status in the words HR staff use, such as `former employee`, for the box and the commands.
    public var label: String {
        switch self {
        case .employee: "employee"
        case .applicant: "applicant"
        case .formerEmployee: "former employee"
        }
    }
}

extension Person {
    /// The name followed by the employee number, such as `Tobias Brandt (NW-1042)`, or the name alone
    /// when the person has no employee number.
    public var nameWithNumber: String {
        guard let number = employeeNumber, !number.isEmpty else {
            return fullName
        }
        return "\(fullName) (\(number))"
    }
}
