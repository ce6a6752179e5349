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

    var firstFiledPersonName: String? {
        filedPeople.first?.lastName
    }

    /// Looks a message up and files it as an HR person would in the box: under a new case when the plan
    /// says so, for a second person when the plan names one, with a to-do when the plan has one.
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

        guard let person = lookup.defaultPerson else {
            print("  No participant is a person; left unfiled. In the HR box, n registers a new person.")
            return
        }
        let step = plan.step(for: name)
        var target = FilingTarget(personId: person.id)
        var caseTitle: String?

        if let caseTypeName = step?.caseType {
            let caseTypes = try client.call(CaseTypes.self, NoParams()).caseTypes
            guard let caseType = caseTypes.first(where: { $0.name.caseInsensitiveCompare(caseTypeName) == .orderedSame })
            else {
                throw DemoError("demo-plan.csv names the case type \"\(caseTypeName)\", which case-types.csv lacks")
            }
            let started = try client.call(AddCase.self, AddCase.Params(personId: person.id, caseTypeId: caseType.id))
            target.caseId = started.case.id
            caseTitle = started.case.title
            print("  Started case \"\(started.case.title)\"; its workflow planned \(started.todos.count) to-do(s):")
            for todo in started.todos {
                print("    due \(todo.due ?? "-")  \(todo.title)  → \(todo.assignee ?? "nobody")")
            }
        }

        var targets = [target]
        if let address = step?.secondPerson {
            let found = try client.call(SearchPeople.self, SearchPeople.Params(query: address, limit: 1)).people
            if let second = found.first {
                targets.append(FilingTarget(personId: second.id))
            }
        }

        let stored = try client.call(StoreMessage.self, StoreMessage.Params(message: source, targets: targets))
        for (outcome, target) in zip(stored.filings, targets) {
            let owner = target.personId == person.id ? person : nil
            let ownerName = try owner?.fullName ?? personName(target.personId)
            let place = target.caseId == nil ? "personnel file" : "personnel file under \"\(caseTitle ?? "")\""
            print("  Stored in \(ownerName)'s \(place) (message ref \(stored.messageRef)).")
            _ = outcome
            try remember(target.personId)
        }
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

    private func personName(_ personId: Int64) throws -> String {
        try client.call(PersonnelFile.self, PersonnelFile.Params(personId: personId)).person.fullName
    }

    private mutating func remember(_ personId: Int64) throws {
        guard !filedPeople.contains(where: { $0.id == personId }) else {
            return
        }
        filedPeople.append(try client.call(PersonnelFile.self, PersonnelFile.Params(personId: personId)).person)
    }
}

/// A sample-data problem that stops the demo, with what to fix.
struct DemoError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
