import HRBoxProtocol

/// A personnel file as text for the terminal: the person, cases, open to-dos, filed messages newest first.
struct PersonnelFileText {
    let file: PersonnelFile.Result

    var lines: [String] {
        var lines: [String] = []
        let person = file.person
        lines.append("\(person.fullName)  (person \(person.id))")
        let facts = [person.status.label, person.employeeNumber, person.department, person.jobTitle]
            .compactMap { $0 }.filter { !$0.isEmpty }
        lines.append("  " + facts.joined(separator: " · "))
        if !person.addresses.isEmpty {
            lines.append("  " + person.addresses.joined(separator: ", "))
        }

        lines.append("")
        lines.append("Cases (\(file.cases.count))")
        if file.cases.isEmpty {
            lines.append("  none")
        }
        for item in file.cases {
            let startedBy = item.startedBy.map { " by \($0)" } ?? ""
            lines.append(
                "  [\(item.status.rawValue)] \(item.title)  (\(item.caseType), started \(item.startDate)\(startedBy); case \(item.id))")
        }

        lines.append("")
        lines.append("Open to-dos (\(file.todos.count))")
        if file.todos.isEmpty {
            lines.append("  none")
        }
        for todo in file.todos {
            lines.append("  " + todoLine(todo))
        }

        lines.append("")
        lines.append("Filed messages (\(file.messages.count)), newest first")
        if file.messages.isEmpty {
            lines.append("  none")
        }
        for message in file.messages {
            lines.append("  " + messageLine(message))
        }
        return lines
    }

    var text: String {
        lines.joined(separator: "\n")
    }

    private func todoLine(_ todo: Todo) -> String {
        var parts = [todo.due.map { "due " + $0 } ?? "no due date   ", todo.title]
        if let assignee = todo.assignee {
            parts.append("→ " + assignee)
        }
        if !todo.sharedWith.isEmpty {
            parts.append("shared with " + todo.sharedWith.joined(separator: ", "))
        }
        if let caseId = todo.caseId, let title = file.cases.first(where: { $0.id == caseId })?.title {
            parts.append("(\(title))")
        }
        return parts.joined(separator: "  ")
    }

    private func messageLine(_ message: FiledMessage) -> String {
        let when = message.date.map(Self.shortDate) ?? "(no date)       "
        let direction = message.direction.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        let subject = message.subject.flatMap { $0.isEmpty ? nil : $0 } ?? "(no subject)"
        let place = message.caseTitle.map { "case: \($0)" } ?? "personnel file"
        return "\(when)  \(direction)  \(subject)  [\(place); ref \(message.messageRef)]"
    }

    /// `2026-12-02T09:14:00+01:00` as `2026-12-02 09:14`, in the sender's own time.
    static func shortDate(_ rfc3339: String) -> String {
        let head = rfc3339.prefix(16)
        return head.replacingOccurrences(of: "T", with: " ")
    }
}
