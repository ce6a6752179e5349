import HRBoxProtocol

/// The form for planning a to-do, linked to the person, the case chosen under "file under" and the message.
struct TodoForm: Equatable, Sendable {
    enum Field: CaseIterable, Equatable, Sendable {
        case title
        case due
        case assignee
        case sharedWith
    }

    var title: TextField
    /// `YYYY-MM-DD`, `+N` for N days from today, or empty for no due date.
    var due = TextField()
    var colleagues: [Colleague]
    /// The index of the assignee in `colleagues`, or nil to leave the choice to the server.
    var assignee: Int?
    /// Ids of the colleagues the to-do is shared with.
    var sharedWith: Set<String> = []
    /// The colleague the Space key toggles while "shared with" has the focus.
    var highlightedColleague = 0
    var focus: Field = .title

    mutating func moveFocus(by offset: Int) {
        let fields = Field.allCases
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + offset + fields.count) % fields.count]
    }

    /// Moves the assignee through the colleagues, starting at the first when none is chosen.
    mutating func cycleAssignee(by offset: Int) {
        guard !colleagues.isEmpty else { return }
        guard let assignee else {
            self.assignee = offset > 0 ? 0 : colleagues.count - 1
            return
        }
        self.assignee = (assignee + offset + colleagues.count) % colleagues.count
    }

    mutating func toggleSharing(with colleague: Colleague) {
        if sharedWith.contains(colleague.id) {
            sharedWith.remove(colleague.id)
        } else {
            sharedWith.insert(colleague.id)
        }
    }

    /// Parses the due date field into a day, nil when the field is empty, or the problem with it.
    ///
    /// A day before today is accepted, and the box points it out once the to-do is added.
    func dueDate(today: CalendarDate) -> Result<CalendarDate?, TodoForm.Problem> {
        let text = due.trimmed
        if text.isEmpty {
            return .success(nil)
        }

        switch DateEntry.parse(text, today: today, direction: .later) {
        case .success(let day):
            return .success(day)
        case .failure(let problem):
            let message = DateEntry.message(for: problem, label: "due date", text: text, direction: .later)
            return .failure(Problem(field: .due, message: message))
        }
    }

    /// A field the form cannot be sent with, and what to do about it.
    struct Problem: Error, Equatable {
        var field: Field
        var message: String
    }
}

extension BoxModel {
    /// Opens the to-do form, loading the colleagues the first time.
    mutating func openTodoForm() -> [BoxEffect] {
        // Without a person the to-do would be in no personnel file, so it could not be found again.
        guard person != nil else {
            return fail("Choose a person first (c to search, n to add one), so the to-do shows in their personnel file.")
        }
        guard let colleagues else {
            return call(.colleagues, expecting: .colleagues)
        }
        return showTodoForm(colleagues)
    }

    mutating func receiveColleagues(_ found: Colleagues.Result) -> [BoxEffect] {
        colleagues = found
        return showTodoForm(found)
    }

    private mutating func showTodoForm(_ found: Colleagues.Result) -> [BoxEffect] {
        let me = found.me.flatMap { me in found.colleagues.firstIndex { $0.id == me } }
        let form = TodoForm(
            title: TextField(lookup?.summary.subject ?? ""),
            colleagues: found.colleagues,
            assignee: me
        )
        screen = .todoForm(form)
        return [.redraw]
    }

    mutating func handleTodoKey(_ key: Key, form: TodoForm) -> [BoxEffect] {
        var form = form

        switch (key, form.focus) {
        case (.escape, _):
            status = nil
            screen = .main
        case (.enter, _):
            return submitTodo(form)
        case (.tab, _), (.down, _):
            form.moveFocus(by: 1)
        case (.backTab, _), (.up, _):
            form.moveFocus(by: -1)
        case (.left, .assignee):
            form.cycleAssignee(by: -1)
        case (.right, .assignee), (.character(" "), .assignee):
            form.cycleAssignee(by: 1)
        case (.left, .sharedWith):
            form.highlightedColleague = max(form.highlightedColleague - 1, 0)
        case (.right, .sharedWith):
            form.highlightedColleague = min(form.highlightedColleague + 1, max(form.colleagues.count - 1, 0))
        case (.character(" "), .sharedWith):
            if form.colleagues.indices.contains(form.highlightedColleague) {
                form.toggleSharing(with: form.colleagues[form.highlightedColleague])
            }
        case (_, .assignee), (_, .sharedWith):
            guard let digit = key.digit else { return [] }
            guard digit >= 1, digit <= min(form.colleagues.count, 9) else {
                return fail("There is no colleague \(digit). Press 1 to \(min(form.colleagues.count, 9)).")
            }
            if form.focus == .assignee {
                form.assignee = digit - 1
            } else {
                form.highlightedColleague = digit - 1
                form.toggleSharing(with: form.colleagues[digit - 1])
            }
        case (_, .title):
            guard form.title.edit(with: key) else { return [] }
        case (_, .due):
            guard form.due.edit(with: key) else { return [] }
        }

        if screen != .main {
            screen = .todoForm(form)
        }
        return [.redraw]
    }

    private mutating func submitTodo(_ form: TodoForm) -> [BoxEffect] {
        guard let person else {
            return fail("Choose a person first (c to search, n to add one), so the to-do shows in their personnel file.")
        }
        var form = form
        let title = form.title.trimmed
        guard !title.isEmpty else {
            form.focus = .title
            screen = .todoForm(form)
            return fail("Type a title for the to-do.")
        }

        let due: CalendarDate?
        switch form.dueDate(today: today) {
        case .failure(let problem):
            form.focus = problem.field
            screen = .todoForm(form)
            return fail(problem.message)
        case .success(let day):
            due = day
        }

        let shared = form.colleagues.map(\.id).filter(form.sharedWith.contains)
        let params = AddTodo.Params(
            title: title,
            due: due?.description,
            assignee: form.assignee.map { form.colleagues[$0].id },
            sharedWith: shared.isEmpty ? nil : shared,
            personId: person.person.id,
            caseId: person.fileUnder?.id,
            message: messageSource
        )
        status = nil
        return call(.addTodo(params), expecting: .addTodo)
    }

    mutating func receivePlannedTodo(_ todo: Todo) -> [BoxEffect] {
        screen = .main

        var sentence = "Planned to-do \"\(todo.title)\""
        var line = "hrbox: planned to-do \"\(todo.title)\""
        if let assignee = todo.assignee {
            sentence += " for \(colleagueName(assignee))"
            line += " for \(colleagueName(assignee))"
        }
        if let due = todo.due {
            sentence += ", due \(due)"
            line += ", due \(due)"
        }
        sentence += "."
        if let due = todo.due.flatMap(CalendarDate.init(parsing:)), due < today {
            sentence += " The due date \(due) is in the past."
        }

        status = .info(sentence)
        summary.append(line)
        return [.redraw]
    }

    /// Returns the colleague's name, or the id itself when the colleague is not in the list or the list is not loaded.
    func colleagueName(_ id: String) -> String {
        colleagues?.colleagues.first { $0.id == id }?.name ?? id
    }
}
