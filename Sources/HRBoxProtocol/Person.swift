/// The relation of a person to the organisation.
public enum PersonStatus: String, WireEnum {
    case employee
    case applicant
    case formerEmployee
}

/// A person with a personnel file: an employee, an applicant or a former employee.
public struct Person: Codable, Sendable, Equatable, Hashable {
    public var id: Int64
    public var firstName: String
    public var lastName: String
    /// The person's email addresses as they were entered, the first one being the main one.
    /// Each belongs to this person only, compared case-insensitively.
    public var addresses: [String]
    public var employeeNumber: String?
    public var department: String?
    public var jobTitle: String?
    public var status: PersonStatus

    public init(
        id: Int64,
        firstName: String,
        lastName: String,
        addresses: [String],
        employeeNumber: String? = nil,
        department: String? = nil,
        jobTitle: String? = nil,
        status: PersonStatus
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.addresses = addresses
        self.employeeNumber = employeeNumber
        self.department = department
        self.jobTitle = jobTitle
        self.status = status
    }

    /// The name as people read it: first name, then last name.
    public var fullName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// The fields of a person who is not in the store yet.
public struct NewPerson: Codable, Sendable, Equatable {
    public var firstName: String
    public var lastName: String
    public var addresses: [String]
    public var employeeNumber: String?
    public var department: String?
    public var jobTitle: String?
    public var status: PersonStatus

    public init(
        firstName: String,
        lastName: String,
        addresses: [String],
        employeeNumber: String? = nil,
        department: String? = nil,
        jobTitle: String? = nil,
        status: PersonStatus
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.addresses = addresses
        self.employeeNumber = employeeNumber
        self.department = department
        self.jobTitle = jobTitle
        self.status = status
    }

    /// The name as people read it: first name, then last name.
    public var fullName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
