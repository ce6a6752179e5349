import HRBoxProtocol

extension BoxModel {
    /// Routes a successful result to the step that asked for it.
    mutating func receive(_ result: ServiceResult, for call: PendingCall) -> [BoxEffect] {
        switch (call, result) {
        case (.lookup, .lookup(let found)):
            return receiveLookup(found)
        case (.store(let choices), .store(let stored)):
            return receiveStored(stored, choices: choices)
        case (.search(let query), .searchPeople(let found)):
            return receiveSearchResults(found.people, query: query)
        case (.cases(let slot, let personId), .cases(let found)):
            return receiveCases(found.cases, slot: slot, personId: personId)
        case (.addPerson, .addPerson(let added)):
            return receiveAddedPerson(added.person)
        case (.conflictOwner(let conflict), .searchPeople(let found)):
            return receiveConflictOwner(found.people, conflict: conflict)
        case (.caseTypes(let slot), .caseTypes(let found)):
            return receiveCaseTypes(found.caseTypes, slot: slot)
        case (.addCase(let slot, let personName), .addCase(let started)):
            return receiveStartedCase(started, slot: slot, personName: personName)
        case (.colleagues, .colleagues(let found)):
            return receiveColleagues(found)
        case (.addTodo, .addTodo(let planned)):
            return receivePlannedTodo(planned.todo)
        default:
            return fail("The server sent a result of another kind than the box asked for. Quit and run hrbox box again.")
        }
    }

    /// Shows a failed call's error as a sentence; a failed lookup leaves the box with nothing to work on.
    mutating func receiveFailure(_ error: BoxServiceError, for call: PendingCall) -> [BoxEffect] {
        switch call {
        case .lookup:
            phase = .failed(error.message)
            return [.redraw]
        case .addPerson(let newPerson):
            return receiveAddPersonFailure(error, newPerson: newPerson)
        case .conflictOwner:
            // The server's error about the taken address or number is on the status line
            // already and explains more than the failed search for its owner would.
            return [.redraw]
        default:
            return fail(error.message)
        }
    }

    private mutating func receiveLookup(_ found: Lookup.Result) -> [BoxEffect] {
        lookup = found
        phase = .ready
        if let defaultPerson = found.defaultPerson {
            person = FilingChoice(person: defaultPerson, openCases: found.cases)
        }
        return [.redraw]
    }
}
