import HRBoxProtocol

extension BoxRenderer {
    static func fileUnderBody(for model: BoxModel, chooser: FileUnderChooser) -> Body {
        guard let choice = model.filingChoice(in: chooser.slot) else { return Body() }
        var body = Body(header: [ScreenLine(" File under for \(choice.person.nameWithNumber)", style: .heading)])

        let entries = [fileUnderLabel(nil)] + choice.openCases.map { fileUnderLabel($0) }
        body.list = entries.enumerated().map { index, label in
            let current = (index == 0 ? nil : choice.openCases[index - 1]) == choice.fileUnder ? "*" : " "
            let number = index <= 9 ? "\(index)" : " "
            return numberedLine(number: number, text: "\(current) \(label)", highlighted: index == chooser.highlighted)
        }
        body.focus = chooser.highlighted
        if choice.openCases.isEmpty {
            body.footer = [ScreenLine(""), ScreenLine(" \(choice.person.fullName) has no open case. Press a to add one.")]
        }
        return body
    }

    static func personPickerBody(_ picker: PersonPicker) -> Body {
        let heading = picker.slot == .person ? "Change person" : "Second person"
        let prompt = " Search: "
        var body = Body(header: [
            ScreenLine(" \(heading): type a name, address or employee number and press Enter", style: .heading),
            ScreenLine(prompt + picker.query.text),
        ])
        body.cursor = ScreenPosition(row: 1, column: prompt.displayWidth + picker.query.text.displayWidth)

        if let query = picker.searchedQuery {
            let count = picker.people.count == 1 ? "1 person matches" : "\(picker.people.count) people match"
            body.header.append(ScreenLine(" \(count) \"\(query)\":"))
        } else if picker.people.isEmpty {
            body.header.append(ScreenLine(" No participant of the message is a person yet."))
        } else {
            body.header.append(ScreenLine(" People among the participants:"))
        }

        body.list = picker.people.enumerated().map { index, person in
            let number = index < 9 ? "\(index + 1)" : " "
            let address = person.addresses.first.map { " · \($0)" } ?? ""
            return numberedLine(number: number, text: person.details + address, highlighted: index == picker.highlighted)
        }
        body.focus = picker.people.isEmpty ? nil : picker.highlighted
        return body
    }

    static func caseTypePickerBody(for model: BoxModel, picker: CaseTypePicker) -> Body {
        let owner = model.filingChoice(in: picker.slot)?.person.nameWithNumber ?? "the person"
        var body = Body(header: [ScreenLine(" Add a case for \(owner): pick a case type", style: .heading)])
        body.list = picker.caseTypes.enumerated().map { index, caseType in
            let number = index < 9 ? "\(index + 1)" : " "
            let steps = String(count: caseType.workflow.count, singular: "workflow step", plural: "workflow steps")
            return numberedLine(number: number, text: "\(caseType.name) · \(steps)", highlighted: index == picker.highlighted)
        }
        body.focus = picker.highlighted
        return body
    }

    static func caseStartedBody(for model: BoxModel, started: AddCase.Result) -> Body {
        let owner = [model.person, model.secondPerson].compactMap { $0 }.first { $0.person.id == started.case.personId }
        let forOwner = owner.map { " for \($0.person.nameWithNumber)" } ?? ""
        var body = Body(header: [
            ScreenLine(" Started case \"\(started.case.title)\" (\(started.case.caseType))\(forOwner)", style: .heading),
            ScreenLine(" It starts on \(started.case.startDate). s now files the message under this case."),
            ScreenLine(""),
        ])
        if started.todos.isEmpty {
            body.header.append(ScreenLine(" Its workflow created no to-dos."))
        } else {
            body.header.append(ScreenLine(" To-dos its workflow created:"))
        }
        body.list = started.todos.map { todo in
            let assignee = todo.assignee.map { " · " + model.colleagueName($0) } ?? ""
            return ScreenLine("   \(todo.due ?? "no due date")  \(todo.title)\(assignee)")
        }
        return body
    }

    /// `  3 text`, drawn in reverse video when highlighted.
    static func numberedLine(number: String, text: String, highlighted: Bool) -> ScreenLine {
        ScreenLine(" \(number.padded(toWidth: 2)) \(text)", style: highlighted ? .highlighted : .plain)
    }
}
