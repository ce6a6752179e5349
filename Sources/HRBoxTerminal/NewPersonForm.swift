import Foundation
import HRBoxProtocol

/// The form for registering a new person, prefilled from the unknown sender or, for sent mail, the first unknown recipient.
struct NewPersonForm: Equatable, Sendable {
    enum Field: CaseIterable, Equatable, Sendable {
        case firstName
        case lastName
        case address
        case employeeNumber
        case status
    }

    /// A value the server rejected because another person has it already.
    enum Conflict: Equatable, Sendable {
        case address(String)
        case employeeNumber(String)
    }

    var firstName = TextField()
    var lastName = TextField()
    var address = TextField()
    var employeeNumber = TextField()
    var status: PersonStatus = .applicant
    var focus: Field = .firstName
    /// The person who has the rejected address or employee number, offered to pick instead.
    var conflictOwner: Person?

    /// The text field with the focus, or nil when the status has it.
    var focusedText: TextField? {
        switch focus {
        case .firstName: firstName
        case .lastName: lastName
        case .address: address
        case .employeeNumber: employeeNumber
        case .status: nil
        }
    }

    mutating func editFocusedText(with key: Key) -> Bool {
        switch focus {
        case .firstName: firstName.edit(with: key)
        case .lastName: lastName.edit(with: key)
        case .address: address.edit(with: key)
        case .employeeNumber: employeeNumber.edit(with: key)
        case .status: false
        }
    }

    mutating func moveFocus(by offset: Int) {
        let fields = Field.allCases
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + offset + fields.count) % fields.count]
    }

    mutating func cycleStatus(by offset: Int) {
        let statuses: [PersonStatus] = [.applicant, .employee, .formerEmployee]
        let index = statuses.firstIndex(of: status) ?? 0
        status = statuses[(index + offset + statuses.count) % statuses.count]
    }

    /// Checks the fields and returns the person to register, or the field to fix with the reason.
    func validated() -> Result<NewPerson, NewPersonForm.Problem> {
        let first = firstName.trimmed
        let last = lastName.trimmed
        let address = address.trimmed
        let number = employeeNumber.trimmed

        guard !first.isEmpty || !last.isEmpty else {
            return .failure(Problem(field: .firstName, message: "Type a first or last name for the new person."))
        }
        if !address.isEmpty, !Self.looksLikeAddress(address) {
            return .failure(
                Problem(
                    field: .address,
                    message: "The address \"\(address)\" is invalid. Type it as name@domain, or leave it empty."
                )
            )
        }

        return .success(
            NewPerson(
                firstName: first,
                lastName: last,
                addresses: address.isEmpty ? [] : [address],
                employeeNumber: number.isEmpty ? nil : number,
                status: status
            )
        )
    }

    /// A field the form cannot be sent with, and what to do about it.
    struct Problem: Error, Equatable {
        var field: Field
        var message: String
    }

    /// True for text with one @ between a non-empty local part and domain, and no spaces.
    private static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(" ")
    }
}

extension NewPersonForm {
    /// Creates a form prefilled from `participant`: its address, and its display name split into first and last name.
    ///
    /// `Schmidt, Anna` splits at the comma; otherwise the last word is the last name.
    init(prefilledFrom participant: Participant?) {
        guard let participant else { return }
        address = TextField(participant.address)

        let name = (participant.name ?? "").trimmingCharacters(in: .whitespaces)
        if let comma = name.firstIndex(of: ",") {
            lastName = TextField(String(name[..<comma]).trimmingCharacters(in: .whitespaces))
            firstName = TextField(String(name[name.index(after: comma)...]).trimmingCharacters(in: .whitespaces))
        } else if let space = name.lastIndex(of: " ") {
            firstName = TextField(String(name[..<space]).trimmingCharacters(in: .whitespaces))
            lastName = TextField(String(name[name.index(after: space)...]))
        } else {
            lastName = TextField(name)
        }
    }
}

extension BoxModel {
    /// The participant a new person most likely is: the unknown sender of received mail, or the first unknown recipient of sent mail.
    var unknownCorrespondent: Participant? {
        guard let lookup else { return nil }
        let isSent = lookup.summary.direction == .sent
        return lookup.participants.first { participant in
            participant.person == nil && !participant.isOwnAddress && (participant.role == .from) != isSent
        }
    }

    mutating func openNewPersonForm() -> [BoxEffect] {
        screen = .newPerson(NewPersonForm(prefilledFrom: unknownCorrespondent))
        return [.redraw]
    }

    mutating func handleNewPersonKey(_ key: Key, form: NewPersonForm) -> [BoxEffect] {
        var form = form

        if let owner = form.conflictOwner {
            switch key {
            case .enter:
                return pick(owner, for: .person)
            case .escape:
                form.conflictOwner = nil
                status = nil
                screen = .newPerson(form)
                return [.redraw]
            default:
                return []
            }
        }

        switch key {
        case .escape:
            status = nil
            screen = .main
            return [.redraw]
        case .enter:
            return submitNewPerson(form)
        case .tab, .down:
            form.moveFocus(by: 1)
        case .backTab, .up:
            form.moveFocus(by: -1)
        case .left where form.focus == .status:
            form.cycleStatus(by: -1)
        case .right where form.focus == .status, .character(" ") where form.focus == .status:
            form.cycleStatus(by: 1)
        default:
            guard form.editFocusedText(with: key) else { return [] }
        }
        screen = .newPerson(form)
        return [.redraw]
    }

    private mutating func submitNewPerson(_ form: NewPersonForm) -> [BoxEffect] {
        switch form.validated() {
        case .failure(let problem):
            var form = form
            form.focus = problem.field
            screen = .newPerson(form)
            return fail(problem.message)
        case .success(let newPerson):
            status = nil
            return call(.addPerson(newPerson), expecting: .addPerson(newPerson))
        }
    }

    /// Makes the new person the one to file for, and marks the participants with their address as that person.
    mutating func receiveAddedPerson(_ added: Person) -> [BoxEffect] {
        if var found = lookup {
            for index in found.participants.indices where added.owns(address: found.participants[index].address) {
                found.participants[index].person = added
            }
            lookup = found
        }

        person = FilingChoice(person: added)
        screen = .main
        status = .info("Added \(added.nameWithNumber) as \(added.status.label). Press s to store the message in the new personnel file.")
        summary.append("hrbox: added \(added.nameWithNumber) as \(added.status.label)")
        return [.redraw]
    }

    /// Shows the server's error; when the address or employee number is taken, looks up who has it to offer that person.
    mutating func receiveAddPersonFailure(_ error: BoxServiceError, newPerson: NewPerson) -> [BoxEffect] {
        status = .error(error.message)

        let conflict: NewPersonForm.Conflict
        switch error.code {
        case HRBoxErrorCode.addressTaken?:
            guard let address = newPerson.addresses.first else { return [.redraw] }
            conflict = .address(address)
        case HRBoxErrorCode.employeeNumberTaken?:
            guard let number = newPerson.employeeNumber else { return [.redraw] }
            conflict = .employeeNumber(number)
        default:
            return [.redraw]
        }

        let query: String
        switch conflict {
        case .address(let address): query = address
        case .employeeNumber(let number): query = number
        }
        return call(.searchPeople(SearchPeople.Params(query: query)), expecting: .conflictOwner(conflict))
    }

    /// Offers the person who owns the rejected value, if the search found exactly that owner.
    mutating func receiveConflictOwner(_ people: [Person], conflict: NewPersonForm.Conflict) -> [BoxEffect] {
        guard case .newPerson(var form) = screen else { return [] }

        let owner = people.first { candidate in
            switch conflict {
            case .address(let address):
                candidate.owns(address: address)
            case .employeeNumber(let number):
                candidate.employeeNumber?.lowercased() == number.lowercased()
            }
        }
        form.conflictOwner = owner
        screen = .newPerson(form)
        return [.redraw]
    }
}
