import HRBoxProtocol

extension BoxModel {
    /// Asks to store the message for the person, and for the second person when there is one, in one request.
    mutating func storeMessage() -> [BoxEffect] {
        guard let person else {
            return fail("No person to store for. Press c to search for a person or n to add a new person.")
        }

        let choices = [person] + (secondPerson.map { [$0] } ?? [])
        let params = StoreMessage.Params(message: messageSource, targets: choices.map(\.target))
        return call(.store(params), expecting: .store(choices))
    }

    /// Shows what the store did for each target, and adds the new filings to the header.
    mutating func receiveStored(_ result: StoreMessage.Result, choices: [FilingChoice]) -> [BoxEffect] {
        var sentences: [String] = []
        for (outcome, choice) in zip(result.filings, choices) {
            let owner = choice.person
            let filedDay = String(outcome.filedAt.prefix(10))
            let place = "\(owner.fullName)'s personnel file" + Self.underClause(choice.fileUnder)

            if outcome.alreadyFiled {
                sentences.append(
                    choices.count == 1 ? "Filed already on \(filedDay)." : "Filed already in \(place) on \(filedDay)."
                )
                summary.append("hrbox: filed already for \(owner.nameWithNumber) on \(filedDay)")
            } else {
                sentences.append("Stored in \(place).")
                summary.append("hrbox: stored for \(owner.nameWithNumber)" + Self.underClause(choice.fileUnder))
                recordFiling(outcome, messageRef: result.messageRef, choice: choice)
            }
        }

        status = .info(sentences.joined(separator: " "))
        return [.redraw]
    }

    /// ` under "Case title"`, or nothing for the personnel file itself.
    static func underClause(_ fileUnder: Case?) -> String {
        fileUnder.map { " under \"\($0.title)\"" } ?? ""
    }

    private mutating func recordFiling(_ outcome: FilingOutcome, messageRef: Int64, choice: FilingChoice) {
        guard let direction = lookup?.summary.direction else { return }
        let filing = Filing(
            messageRef: messageRef,
            personId: outcome.personId,
            personName: choice.person.fullName,
            caseId: outcome.caseId,
            caseTitle: choice.fileUnder?.title,
            direction: direction,
            filedAt: outcome.filedAt,
            filedBy: colleagues?.me
        )
        lookup?.filings.append(filing)
    }
}
