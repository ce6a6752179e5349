import HRBoxProtocol

extension BoxRenderer {
    /// The label column of forms, wide enough for "Employee number".
    private static let labelWidth = 17

    static func newPersonBody(_ form: NewPersonForm) -> Body {
        var body = Body(header: [ScreenLine(" New person", style: .heading)])
        let fields: [(NewPersonForm.Field, String, String)] = [
            (.firstName, "First name", form.firstName.text),
            (.lastName, "Last name", form.lastName.text),
            (.address, "Address", form.address.text),
            (.employeeNumber, "Employee number", form.employeeNumber.text),
            (.status, "Status", "‹ \(form.status.label) ›"),
        ]
        for (field, label, value) in fields {
            appendField(label: label, value: value, focused: form.focus == field, isText: field != .status, to: &body)
        }

        if let owner = form.conflictOwner {
            body.footer = [
                ScreenLine(""),
                ScreenLine(" Press Enter to pick \(owner.nameWithNumber) instead, or Esc to edit the form.", style: .highlighted),
            ]
        }
        return body
    }

    static func caseFormBody(for model: BoxModel, form: CaseForm) -> Body {
        let owner = model.filingChoice(in: form.slot).map { " for \($0.person.nameWithNumber)" } ?? ""
        var body = Body(header: [ScreenLine(" Add a case of type \(form.caseType.name)\(owner)", style: .heading)])

        let startDate: CalendarDate? =
            if case .success(let day) = form.parsedStartDate(today: model.today) { day } else { nil }
        var startValue = form.startDate.text
        if let startDate, DateEntry.isRelative(form.startDate.trimmed) {
            startValue += "  (\(startDate))"
        }
        appendField(label: "Title", value: form.title.text, focused: form.focus == .title, isText: true, to: &body)
        appendField(label: "Start date", value: startValue, focused: form.focus == .startDate, isText: true, to: &body)
        if form.focus == .startDate {
            body.header.append(ScreenLine("   Start date as YYYY-MM-DD or -N for N days ago (today is \(model.today))."))
        }

        body.header.append(ScreenLine(""))
        guard !form.caseType.workflow.isEmpty else {
            body.header.append(ScreenLine(" Its workflow has no steps, so no to-dos are created."))
            return body
        }
        body.header.append(ScreenLine(" Its workflow creates these to-dos:"))
        body.list = form.caseType.workflow.map { step in
            workflowStepLine(step, startDate: startDate, model: model)
        }
        return body
    }

    /// Builds `2026-12-14  Plan the return talk · 14 days after the start · Bao Ng`, leaving out the due date without a valid start date.
    private static func workflowStepLine(_ step: WorkflowStep, startDate: CalendarDate?, model: BoxModel) -> ScreenLine {
        let offset =
            step.dueAfterDays == 0
            ? "on the start day"
            : String(count: step.dueAfterDays, singular: "day", plural: "days") + " after the start"
        let assignee = step.assignee.map { " · " + model.colleagueName($0) } ?? ""
        guard let due = startDate?.adding(days: step.dueAfterDays) else {
            return ScreenLine("   \(step.title) · due \(offset)\(assignee)")
        }
        return ScreenLine("   \(due)  \(step.title) · \(offset)\(assignee)")
    }

    static func todoFormBody(for model: BoxModel, form: TodoForm) -> Body {
        // The box opens the form only when there is a person, so the heading always names one.
        let link = model.person.map { " for \($0.person.nameWithNumber)" + BoxModel.underClause($0.fileUnder) } ?? ""
        var body = Body(header: [ScreenLine(" New to-do\(link)", style: .heading)])

        var dueValue = form.due.text
        if case .success(let day?) = form.dueDate(today: model.today) {
            if DateEntry.isRelative(form.due.trimmed) {
                dueValue += "  (\(day))"
            }
            if day < model.today {
                dueValue += "  (in the past)"
            }
        }
        let assignee = form.assignee.map { form.colleagues[$0].name } ?? "not set: the server's default colleague"
        let shared = form.colleagues.filter { form.sharedWith.contains($0.id) }.map(\.name)

        appendField(label: "Title", value: form.title.text, focused: form.focus == .title, isText: true, to: &body)
        appendField(label: "Due", value: dueValue, focused: form.focus == .due, isText: true, to: &body)
        appendField(label: "Assignee", value: "‹ \(assignee) ›", focused: form.focus == .assignee, isText: false, to: &body)
        appendField(
            label: "Shared with",
            value: shared.isEmpty ? "nobody" : shared.joined(separator: ", "),
            focused: form.focus == .sharedWith,
            isText: false,
            to: &body
        )
        if form.focus == .due {
            body.header.append(ScreenLine("   Due as YYYY-MM-DD or +N for N days from today (\(model.today)); empty for none."))
        }

        guard form.focus == .assignee || form.focus == .sharedWith else { return body }
        body.header.append(ScreenLine(""))
        body.header.append(ScreenLine(" Colleagues:"))
        body.list = form.colleagues.enumerated().map { index, colleague in
            let number = index < 9 ? "\(index + 1)" : " "
            let mark: String
            if form.focus == .assignee {
                mark = form.assignee == index ? "(•)" : "( )"
            } else {
                mark = form.sharedWith.contains(colleague.id) ? "[x]" : "[ ]"
            }
            let isMe = colleague.id == model.colleagues?.me ? " · me" : ""
            let highlighted = form.focus == .sharedWith && index == form.highlightedColleague
            return numberedLine(number: number, text: "\(mark) \(colleague.name) (\(colleague.id))\(isMe)", highlighted: highlighted)
        }
        body.focus = form.focus == .sharedWith ? form.highlightedColleague : form.assignee
        return body
    }

    /// Adds `> Label   value` to the header, with the cursor after the value of a focused text field.
    private static func appendField(label: String, value: String, focused: Bool, isText: Bool, to body: inout Body) {
        let prefix = (focused ? " > " : "   ") + label.padded(toWidth: labelWidth)
        if focused, isText {
            body.cursor = ScreenPosition(row: body.header.count, column: prefix.displayWidth + value.displayWidth)
        }
        body.header.append(ScreenLine(prefix + value, style: focused && !isText ? .highlighted : .plain))
    }
}
