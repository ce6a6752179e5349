import HRBoxProtocol

/// The list for changing the person or picking the second one: participants who are people first, then search results.
///
/// Digits pick a numbered person while the query is empty or right after a search, and are typed into the
/// query otherwise, so that an employee number can be searched for.
struct PersonPicker: Equatable, Sendable {
    var slot: FilingSlot
    var query = TextField()
    var people: [Person]
    var highlighted = 0
    /// The query whose results `people` contains, or nil while `people` lists the participants.
    var searchedQuery: String?
    /// True right after a search, until the user edits the query again.
    var digitsPick = true
}

extension BoxModel {
    /// The people among the message's participants, each once, in header order.
    var participantPeople: [Person] {
        var seen: Set<Int64> = []
        return (lookup?.participants ?? []).compactMap(\.person).filter { seen.insert($0.id).inserted }
    }

    mutating func openPersonPicker(for slot: FilingSlot) -> [BoxEffect] {
        screen = .personPicker(PersonPicker(slot: slot, people: participantPeople))
        return [.redraw]
    }

    mutating func handlePersonPickerKey(_ key: Key, picker: PersonPicker) -> [BoxEffect] {
        var picker = picker
        status = nil

        if let index = key.movingHighlight(from: picker.highlighted, count: picker.people.count) {
            picker.highlighted = index
            screen = .personPicker(picker)
            return [.redraw]
        }
        if let digit = key.digit, picker.digitsPick || picker.query.text.isEmpty {
            return pickNumbered(digit, from: picker)
        }

        switch key {
        case .escape:
            screen = .main
            return [.redraw]
        case .enter:
            return submitPersonPicker(picker)
        default:
            guard picker.query.edit(with: key) else { return [] }
            picker.digitsPick = false
            if picker.query.text.isEmpty {
                picker.people = participantPeople
                picker.searchedQuery = nil
                picker.highlighted = 0
            }
            screen = .personPicker(picker)
            return [.redraw]
        }
    }

    /// Searches for a new query, or picks the highlighted person when the list shows the query's results.
    private mutating func submitPersonPicker(_ picker: PersonPicker) -> [BoxEffect] {
        let query = picker.query.trimmed
        if !query.isEmpty, query != picker.searchedQuery {
            return call(.searchPeople(SearchPeople.Params(query: query)), expecting: .search(query: query))
        }
        guard picker.people.indices.contains(picker.highlighted) else {
            return fail("Type a name, address or employee number, then press Enter to search.")
        }
        return pick(picker.people[picker.highlighted], for: picker.slot)
    }

    private mutating func pickNumbered(_ number: Int, from picker: PersonPicker) -> [BoxEffect] {
        guard number >= 1, number <= min(picker.people.count, 9) else {
            if picker.people.isEmpty {
                return fail("No person is listed to pick. Type a name, address or employee number, then press Enter.")
            }
            return fail("There is no person \(number). Press 1 to \(min(picker.people.count, 9)), or use ↑↓ and Enter.")
        }
        return pick(picker.people[number - 1], for: picker.slot)
    }

    /// Shows the search results in the open picker.
    mutating func receiveSearchResults(_ people: [Person], query: String) -> [BoxEffect] {
        guard case .personPicker(var picker) = screen else { return [] }
        picker.people = people
        picker.searchedQuery = query
        picker.highlighted = 0
        picker.digitsPick = !people.isEmpty
        screen = .personPicker(picker)

        if people.isEmpty {
            status = .info("No person matches \"\(query)\". Try another spelling, or press Esc and then n to add a new person.")
        }
        return [.redraw]
    }

    /// Makes `chosen` the person in `slot`, filed in the personnel file until a case is chosen, and loads their open cases.
    ///
    /// One person never fills both slots, because the store would then file the message twice for them.
    /// The second person cannot be the person, so the picker stays open. The person can be the second
    /// person, who then moves up with their open cases and "file under" choice, leaving no second person.
    mutating func pick(_ chosen: Person, for slot: FilingSlot) -> [BoxEffect] {
        if slot == .secondPerson, let first = person, first.person.id == chosen.id {
            return fail(
                "\(chosen.fullName) is the person already, and the message is filed for each person once. "
                    + "Pick someone else as the second person, or press Esc."
            )
        }
        screen = .main

        if slot == .person, let second = secondPerson, second.person.id == chosen.id {
            person = second
            secondPerson = nil
            status = .info("\(chosen.fullName) is now the person instead of the second person, so there is no second person.")
            return [.redraw]
        }
        if slot == .person, let lookup, chosen.id == lookup.defaultPerson?.id {
            person = FilingChoice(person: chosen, openCases: lookup.cases)
            return [.redraw]
        }
        setFilingChoice(FilingChoice(person: chosen), in: slot)
        let params = Cases.Params(personId: chosen.id)
        return call(.cases(params), expecting: .cases(slot, personId: chosen.id))
    }

    /// Fills in the open cases of the person in `slot`, unless that slot has changed person meanwhile.
    mutating func receiveCases(_ cases: [Case], slot: FilingSlot, personId: Int64) -> [BoxEffect] {
        guard var choice = filingChoice(in: slot), choice.person.id == personId else { return [] }
        choice.openCases = cases.filter { $0.status == .open }
        setFilingChoice(choice, in: slot)
        return [.redraw]
    }
}
