import HRBoxProtocol

/// The outcome of `hrbox file` for one message, and the one line it prints about it.
enum FilingReport: Equatable {
    case stored(Person)
    /// `filedAt` is when the earlier filing was made, as an RFC 3339 time stamp.
    case alreadyFiled(Person, filedAt: String)
    /// No counterpart of the message is a person. `addresses` are the counterparts' addresses: the
    /// senders of a received message, the recipients of a sent one.
    case nobodyFound(addresses: [String], direction: Direction)
    /// The message was not stored. `reason` names the cause and what to do about it.
    case notStored(reason: String)

    /// Returns the report for a lookup that found no default person.
    static func nobodyFound(in lookup: Lookup.Result) -> FilingReport {
        let direction = lookup.summary.direction
        let roles: Set<ParticipantRole> = direction == .sent ? [.to, .cc, .bcc] : [.from]
        var seen: Set<String> = []
        let addresses = lookup.participants
            .filter { roles.contains($0.role) && !$0.isOwnAddress }
            .map(\.address)
            .filter { seen.insert($0.lowercased()).inserted }
        return .nobodyFound(addresses: addresses, direction: direction)
    }

    /// True when the message is in the personnel file now, whether it was stored now or before.
    var isFiled: Bool {
        switch self {
        case .stored, .alreadyFiled: true
        case .nobodyFound, .notStored: false
        }
    }

    /// The line for a person to read, starting with `hrbox: `.
    var line: String {
        switch self {
        case .stored(let person):
            return "hrbox: stored in the personnel file of \(person.nameWithNumber)"
        case .alreadyFiled(let person, let filedAt):
            return "hrbox: already in the personnel file of \(person.nameWithNumber) since \(filedAt.prefix(10))"
        case .nobodyFound(let addresses, let direction):
            return "hrbox: " + Self.nobodyFoundSentence(addresses: addresses, direction: direction)
                + "; open the HR box to register one or to pick another person"
        case .notStored(let reason):
            return "hrbox: not stored: \(Self.continuingSentence(reason))"
        }
    }

    /// Returns `reason` with its first letter lowered when it opens a sentence, such as a server's
    /// "The message cannot be read", so that it reads on after "not stored:". A first word with a
    /// further capital letter, such as "PostgreSQL" or "SQLite", keeps its spelling.
    static func continuingSentence(_ reason: String) -> String {
        let firstWord = reason.prefix(while: \.isLetter)
        guard let first = firstWord.first, first.isUppercase,
            firstWord.dropFirst().allSatisfy(\.isLowercase)
        else {
            return reason
        }
        return first.lowercased() + reason.dropFirst()
    }

    private static func nobodyFoundSentence(addresses: [String], direction: Direction) -> String {
        switch addresses.count {
        case 0:
            return direction == .sent
                ? "the message has no recipient apart from your own addresses"
                : "the message has no sender apart from your own addresses"
        case 1:
            return "no person has the address \(addresses[0])"
        default:
            return "no person has any of the addresses \(addresses.joined(separator: ", "))"
        }
    }
}
