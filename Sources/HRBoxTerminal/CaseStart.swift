import HRBoxProtocol

/// Step one of starting a case: the list of case types to pick from.
struct CaseTypePicker: Equatable, Sendable {
    var caseTypes: [CaseType]
    var highlighted = 0
}

/// Step two of starting a case: the title, prefilled with the case type's name and today's date.
struct CaseTitlePrompt: Equatable, Sendable {
    var caseType: CaseType
    var title: TextField
}

extension BoxModel {
    /// Opens the case type list for the person, loading the case types the first time.
    mutating func openCaseTypePicker() -> [BoxEffect] {
        guard person != nil else {
            return fail("A case needs a person. Press c to search for a person or n to add a new person.")
        }
        guard let caseTypes else {
            return call(.caseTypes, expecting: .caseTypes)
        }
        return showCaseTypes(caseTypes)
    }

    mutating func receiveCaseTypes(_ found: [CaseType]) -> [BoxEffect] {
        caseTypes = found
        return showCaseTypes(found)
    }

    private mutating func showCaseTypes(_ found: [CaseType]) -> [BoxEffect] {
        guard !found.isEmpty else {
            return fail("No case types are set up, so no case can be started. Ask whoever runs hrbox to import case types.")
        }
        screen = .caseTypePicker(CaseTypePicker(caseTypes: found))
        return [.redraw]
    }

    mutating func handleCaseTypePickerKey(_ key: Key, picker: CaseTypePicker) -> [BoxEffect] {
        var picker = picker
        status = nil

        if let index = key.movingHighlight(from: picker.highlighted, count: picker.caseTypes.count) {
            picker.highlighted = index
            screen = .caseTypePicker(picker)
            return [.redraw]
        }

        switch key {
        case .escape, .character("q"):
            screen = .main
            return [.redraw]
        case .enter:
            return promptForCaseTitle(picker.caseTypes[picker.highlighted])
        default:
            guard let digit = key.digit else { return [] }
            guard digit >= 1, digit <= min(picker.caseTypes.count, 9) else {
                return fail("There is no case type \(digit). Press 1 to \(min(picker.caseTypes.count, 9)), or use ↑↓ and Enter.")
            }
            return promptForCaseTitle(picker.caseTypes[digit - 1])
        }
    }

    private mutating func promptForCaseTitle(_ caseType: CaseType) -> [BoxEffect] {
        screen = .caseTitle(CaseTitlePrompt(caseType: caseType, title: TextField("\(caseType.name) \(today)")))
        return [.redraw]
    }

    mutating func handleCaseTitleKey(_ key: Key, prompt: CaseTitlePrompt) -> [BoxEffect] {
        var prompt = prompt

        switch key {
        case .escape:
            status = nil
            return showCaseTypes(caseTypes ?? [prompt.caseType])
        case .enter:
            return startCase(prompt)
        default:
            guard prompt.title.edit(with: key) else { return [] }
            screen = .caseTitle(prompt)
            return [.redraw]
        }
    }

    private mutating func startCase(_ prompt: CaseTitlePrompt) -> [BoxEffect] {
        guard let person else {
            return fail("A case needs a person. Press Esc twice, then c to search for a person.")
        }
        let title = prompt.title.trimmed
        guard !title.isEmpty else {
            return fail("Type a title for the case.")
        }

        let params = AddCase.Params(personId: person.person.id, caseTypeId: prompt.caseType.id, title: title)
        return call(.addCase(params), expecting: .addCase(personName: person.person.labelWithNumber))
    }

    /// Shows the started case with its to-dos and selects it as "file under" for the person.
    mutating func receiveStartedCase(_ started: AddCase.Result, personName: String) -> [BoxEffect] {
        if var choice = person, choice.person.id == started.case.personId {
            choice.openCases.insert(started.case, at: 0)
            choice.fileUnder = started.case
            person = choice
        }

        screen = .caseStarted(started)
        let todoCount = started.todos.count == 1 ? "1 to-do" : "\(started.todos.count) to-dos"
        status = .info("Started case \"\(started.case.title)\" with \(todoCount).")
        summary.append("hrbox: started case \"\(started.case.title)\" for \(personName) with \(todoCount)")
        return [.redraw]
    }
}
