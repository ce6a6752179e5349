import Foundation
import HRBoxClient
import HRBoxProtocol

/// The demo's session with `hrbox serve`: what it filed, for printing the personnel files afterwards.
struct DemoRun {
    let client: HRBoxClient
    let plan: DemoPlan
    private var filedPeople: [Person] = []
    private var firstFiled: (name: String, source: MessageSource, target: FilingTarget)?

    init(client: HRBoxClient, plan: DemoPlan) {
        self.client = client
        self.plan = plan
    }

    /// The last name of the first person a message was filed for, for the command the demo suggests.
    var firstFiledLastName: String? {
        filedPeople.first?.lastName
    }

    /// Looks a message up and files it as an HR person would in the box: under a case when the plan
    /// names a case type, with a to-do when the plan has one.
    mutating func file(message url: URL, named name: String) throws {
        let source = MessageSource.base64(try Data(contentsOf: url).base64EncodedString())
        let lookup = try client.call(Lookup.self, Lookup.Params(message: source))
        let summary = lookup.summary
        print("")
        print("\(name)  \"\(summary.subject ?? "(no subject)")\"  \(summary.direction.rawValue)")
        for participant in lookup.participants where participant.role != .bcc {
            let who = participant.person.map { "→ \($0.fullName)" } ?? (participant.isOwnAddress ? "(you)" : "→ nobody")
            print("  \(participant.role.rawValue): \(participant.name ?? "") <\(participant.address)> \(who)")
        }

        for attachment in summary.attachments {
            print("  attachment: \(attachment)")
        }

        guard let person = lookup.defaultPerson else {
            print("  No participant is a person; left unfiled. In the HR box, n registers a new person.")
            return
        }
        let step = plan.step(for: name)
        var target = FilingTarget(personId: person.id)
        var caseTitle: String?

        if let caseTypeName = step?.caseType {
            let chosen = try fileUnderCase(named: caseTypeName, for: person, openCases: lookup.cases)
            target.caseId = chosen.id
            caseTitle = chosen.title
        }

        let stored = try client.call(StoreMessage.self, StoreMessage.Params(message: source, targets: [target]))
        let place = caseTitle.map { "personnel file under \"\($0)\"" } ?? "personnel file"
        print("  Stored in \(person.fullName)'s \(place) (message ref \(stored.messageRef)).")
        remember(person)
        if firstFiled == nil {
            firstFiled = (name, source, target)
        }

        if let todoTitle = step?.todo {
            let todo = try client.call(
                AddTodo.self,
                AddTodo.Params(
                    title: todoTitle, due: nil, personId: person.id, caseId: target.caseId, message: source))
            print("  Planned the to-do \"\(todo.todo.title)\" for \(todo.todo.assignee ?? "nobody").")
        }
    }

    /// Returns the person's open case of the named type, or starts one whose workflow plans its to-dos.
    private func fileUnderCase(named caseTypeName: String, for person: Person, openCases: [Case]) throws -> Case {
        if let open = openCases.first(where: { $0.caseType.caseInsensitiveCompare(caseTypeName) == .orderedSame }) {
            print("  Filing under the open case \"\(open.title)\".")
            return open
        }
        let caseTypes = try client.call(CaseTypes.self, NoParams()).caseTypes
        guard let caseType = caseTypes.first(where: { $0.name.caseInsensitiveCompare(caseTypeName) == .orderedSame })
        else {
            throw DemoError("demo-plan.csv names the case type \"\(caseTypeName)\", which case-types.csv lacks")
        }
        let started = try client.call(AddCase.self, AddCase.Params(personId: person.id, caseTypeId: caseType.id))
        let planned = started.todos.count == 1 ? "1 to-do" : "\(started.todos.count) to-dos"
        print("  Started the case \"\(started.case.title)\"; its workflow planned \(planned):")
        for todo in started.todos {
            print("    due \(todo.due ?? "-")  \(todo.title)  → \(todo.assignee ?? "nobody")")
        }
        return started.case
    }

    /// Files the first filed message once more, to show that filing twice stores nothing new.
    func fileFirstAgain() throws {
        guard let firstFiled else {
            return
        }
        let again = try client.call(
            StoreMessage.self, StoreMessage.Params(message: firstFiled.source, targets: [firstFiled.target]))
        if let outcome = again.filings.first, outcome.alreadyFiled {
            print("")
            print("Filing \(firstFiled.name) again: filed already at \(outcome.filedAt); nothing new was stored.")
        }
    }

    func printPersonnelFiles() throws {
        print("")
        print("Personnel files")
        print("===============")
        for person in filedPeople {
            let file = try client.call(PersonnelFile.self, PersonnelFile.Params(personId: person.id))
            print("")
            print(PersonnelFileText(file: file).text)
        }
    }

    private mutating func remember(_ person: Person) {
        if !filedPeople.contains(where: { $0.id == person.id }) {
            filedPeople.append(person)
        }
    }
}

/// A sample-data problem that stops the demo, with what to fix.
struct DemoError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
