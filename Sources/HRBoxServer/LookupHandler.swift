import HRBoxProtocol
import HRBoxStore
import JSONRPC
import MailReading

/// `hrbox/lookup`: who a message belongs to, and where it is filed already.
///
/// The lookup only reads, so a cancellation just ends it with -32800 before its next step.
struct LookupHandler: MethodHandler {
    typealias Method = Lookup

    func handle(
        _ params: Lookup.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> Lookup.Result {
        if let maxParticipants = params.maxParticipants, maxParticipants < 0 {
            throw .invalidParams("maxParticipants: expected 0 or more, found \(maxParticipants)")
        }
        request.beginProgress(title: "Looking up a message", message: "Reading the message", percentage: 0)
        let message = try MessageLoader.load(params.message, context: context)
        let mail = message.mail
        try request.checkCancellation()

        var peopleByKey: [String: Person?] = [:]
        func owner(of address: MailAddress) throws(ResponseError) -> Person? {
            if let known = peopleByKey[address.lookupKey] {
                return known
            }
            try request.checkCancellation()
            let person = try withStore(context) { (store) throws(StoreError) in
                try store.person(ownerOf: address.address)
            }
            peopleByKey[address.lookupKey] = person
            return person
        }

        var participants: [Participant] = []
        let headers: [(ParticipantRole, [MailAddress])] = [
            (.from, mail.from), (.to, mail.to), (.cc, mail.cc), (.bcc, mail.bcc),
        ]
        let addressCount = headers.reduce(0) { $0 + $1.1.count }
        request.reportProgress(message: "Finding people for \(addressCount) addresses", percentage: 20)
        for (role, addresses) in headers {
            for address in addresses {
                let isOwn = context.ownAddressKeys.contains(address.lookupKey)
                participants.append(
                    Participant(
                        role: role,
                        name: address.name,
                        address: address.address,
                        isOwnAddress: isOwn,
                        person: try owner(of: address)))
            }
        }

        var defaultPerson: Person?
        for candidate in mail.counterparts(ownAddressKeys: context.ownAddressKeys) {
            if let person = try owner(of: candidate) {
                defaultPerson = person
                break
            }
        }

        try request.checkCancellation()
        request.reportProgress(message: "Reading cases and filings", percentage: 80)
        let (cases, filings) = try withStore(context) { (store) throws(StoreError) in
            let cases = try defaultPerson.map { (person) throws(StoreError) in
                try store.cases(personId: person.id, includeClosed: false)
            }
            return (cases ?? [], try store.filings(sha256: message.sha256))
        }

        let summary = MessageSummary(
            subject: mail.subject,
            date: mail.date?.rfc3339,
            messageId: mail.messageID,
            direction: message.direction,
            size: mail.ownBytes.count,
            sha256: message.sha256,
            attachments: mail.attachments.compactMap(\.filename))
        return Lookup.Result(
            summary: summary,
            participants: Self.bounded(participants, to: params.maxParticipants),
            participantCount: participants.count,
            defaultPerson: defaultPerson,
            cases: cases,
            filings: filings)
    }

    /// Keeps at most `maxParticipants`, preferring those who are a person because a client files
    /// for them, and returns the kept ones in header order.
    static func bounded(_ participants: [Participant], to maxParticipants: Int?) -> [Participant] {
        guard let maxParticipants, participants.count > maxParticipants else {
            return participants
        }
        let people = participants.indices.filter { participants[$0].person != nil }
        let others = participants.indices.filter { participants[$0].person == nil }
        let keptIndices = (people + others).prefix(maxParticipants).sorted()
        return keptIndices.map { participants[$0] }
    }
}
