import HRBoxProtocol

/// A person the message will be filed for, with that person's open cases and the "file under" choice.
struct FilingChoice: Equatable, Sendable {
    var person: Person
    /// The person's open cases, newest first, as "file under" offers them.
    var openCases: [Case]
    /// The case to file under, or nil for the personnel file itself.
    var fileUnder: Case?

    init(person: Person, openCases: [Case] = [], fileUnder: Case? = nil) {
        self.person = person
        self.openCases = openCases
        self.fileUnder = fileUnder
    }

    var target: FilingTarget {
        FilingTarget(personId: person.id, caseId: fileUnder?.id)
    }
}

/// One of the two people a choice or a request is for.
enum FilingSlot: Equatable, Sendable {
    /// The person the box files for: the default person or the one the user changed to.
    case person
    /// The optional second person the message is stored for as well.
    case secondPerson
}
