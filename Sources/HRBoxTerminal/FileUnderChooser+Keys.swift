import HRBoxProtocol

extension BoxModel {
    /// Opens the "file under" list of the person in `slot`, with the current choice highlighted.
    mutating func openFileUnder(for slot: FilingSlot) -> [BoxEffect] {
        guard let choice = filingChoice(in: slot) else {
            return slot == .person
                ? fail("No person to file for. Press c to search for a person or n to add a new person.")
                : fail("There is no second person. Press 2 to pick one.")
        }

        let current = choice.fileUnder.flatMap { fileUnder in choice.openCases.firstIndex(of: fileUnder) }
        screen = .fileUnder(FileUnderChooser(slot: slot, highlighted: current.map { $0 + 1 } ?? 0))
        return [.redraw]
    }

    mutating func handleFileUnderKey(_ key: Key, chooser: FileUnderChooser) -> [BoxEffect] {
        guard let choice = filingChoice(in: chooser.slot) else {
            screen = .main
            return [.redraw]
        }
        let entryCount = choice.openCases.count + 1

        if let index = key.movingHighlight(from: chooser.highlighted, count: entryCount) {
            screen = .fileUnder(FileUnderChooser(slot: chooser.slot, highlighted: index))
            return [.redraw]
        }

        switch key {
        case .escape, .character("q"):
            screen = .main
            return [.redraw]
        case .enter:
            return chooseFileUnder(entry: chooser.highlighted, slot: chooser.slot)
        case .character("a"):
            return openCaseTypePicker(for: chooser.slot)
        default:
            guard let digit = key.digit else { return [] }
            guard digit < entryCount else {
                return entryCount == 1
                    ? fail("\(choice.person.fullName) has no open case. Press 0 for the personnel file, or a to add a case.")
                    : fail("There is no entry \(digit). Press 0 for the personnel file or 1 to \(entryCount - 1) for a case.")
            }
            return chooseFileUnder(entry: digit, slot: chooser.slot)
        }
    }

    /// Returns the choice of the person in `slot`, if that slot has a person.
    func filingChoice(in slot: FilingSlot) -> FilingChoice? {
        slot == .person ? person : secondPerson
    }

    /// Replaces the choice of the person in `slot`.
    mutating func setFilingChoice(_ choice: FilingChoice?, in slot: FilingSlot) {
        switch slot {
        case .person: person = choice
        case .secondPerson: secondPerson = choice
        }
    }

    private mutating func chooseFileUnder(entry: Int, slot: FilingSlot) -> [BoxEffect] {
        guard var choice = filingChoice(in: slot) else { return [] }
        choice.fileUnder = entry == 0 ? nil : choice.openCases[entry - 1]
        setFilingChoice(choice, in: slot)
        screen = .main
        return [.redraw]
    }
}
