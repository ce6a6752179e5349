import HRBoxProtocol

/// Step one of starting a case: the list of case types to pick from.
struct CaseTypePicker: Equatable, Sendable {
    /// The person the case is for: the person or the second person.
    var slot: FilingSlot
    var caseTypes: [CaseType]
    var highlighted = 0
}

extension BoxModel {
    /// Opens the case type list for the person in `slot`, loading the case types the first time.
    mutating func openCaseTypePicker(for slot: FilingSlot) -> [BoxEffect] {
        guard filingChoice(in: slot) != nil else {
            return slot == .person
                ? fail("A case needs a person. Press c to search for a person or n to add a new person.")
                : fail("There is no second person to start a case for. Press 2 to pick one.")
        }
        guard let caseTypes else {
            return call(.caseTypes, expecting: .caseTypes(slot))
        }
        return showCaseTypes(caseTypes, for: slot)
    }

    mutating func receiveCaseTypes(_ found: [CaseType], slot: FilingSlot) -> [BoxEffect] {
        caseTypes = found
        return showCaseTypes(found, for: slot)
    }

    mutating func showCaseTypes(_ found: [CaseType], for slot: FilingSlot) -> [BoxEffect] {
        guard !found.isEmpty else {
            return fail("No case types are set up, so no case can be started. Ask whoever runs hrbox to import case types.")
        }
        screen = .caseTypePicker(CaseTypePicker(slot: slot, caseTypes: found))
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
            return openCaseForm(picker.caseTypes[picker.highlighted], for: picker.slot)
        default:
            guard let digit = key.digit else { return [] }
            guard digit >= 1, digit <= min(picker.caseTypes.count, 9) else {
                return fail("There is no case type \(digit). Press 1 to \(min(picker.caseTypes.count, 9)), or use ↑↓ and Enter.")
            }
            return openCaseForm(picker.caseTypes[digit - 1], for: picker.slot)
        }
    }

    /// Shows the started case with its to-dos, and selects it as "file under" for the person it was started for.
    mutating func receiveStartedCase(_ started: AddCase.Result, slot: FilingSlot, personName: String) -> [BoxEffect] {
        for candidate in [FilingSlot.person, .secondPerson] {
            guard var choice = filingChoice(in: candidate), choice.person.id == started.case.personId else { continue }
            choice.openCases.insert(started.case, at: 0)
            if candidate == slot {
                choice.fileUnder = started.case
            }
            setFilingChoice(choice, in: candidate)
        }

        screen = .caseStarted(started)
        let todoCount = String(count: started.todos.count, singular: "to-do", plural: "to-dos")
        status = .info("Started case \"\(started.case.title)\" with \(todoCount).")
        summary.append("hrbox: started case \"\(started.case.title)\" for \(personName) with \(todoCount)")
        return [.redraw]
    }
}
