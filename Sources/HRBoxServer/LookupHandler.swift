import HRBoxProtocol
import HRBoxStore
import JSONRPC
import MailReading

/// `hrbox/lookup`: who a message belongs to, and where it is filed already.
///
/// The lookup only reads, so a cancellation just ends it with -32800 before its next step. Its
/// reads run in one read transaction, so that they see one state of the store and SQLite takes its
/// locks once per lookup rather than once per statement.
struct LookupHandler: MethodHandler {
    typealias Method = Lookup

    /// The people, cases and filings the store has for a message.
    private struct Findings {
        var participants: [Participant] = []
        var defaultPerson: Person?
        var cases: [Case] = []
        var filings: [Filing] = []
    }

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

        let findings = try withStore(context) { (store) throws(StoreError) in
            try store.read { () throws(StoreError) in
                try Self.find(message, in: store, ownAddressKeys: context.ownAddressKeys, request: request)
            }
        }
        guard let findings else {
            throw .requestCancelled
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
            participants: Self.bounded(findings.participants, to: params.maxParticipants),
            participantCount: findings.participants.count,
            defaultPerson: findings.defaultPerson,
            cases: findings.cases,
            filings: findings.filings)
    }

    /// Reads the people of the message's addresses, the default person's open cases and the
    /// message's filings. Each address is looked up once, however often it occurs.
    ///
    /// - Returns: nil when the client cancelled the request meanwhile.
    private static func find(
        _ message: LoadedMessage,
        in store: HRBoxStore.Store,
        ownAddressKeys: Set<String>,
        request: RequestContext
    ) throws(StoreError) -> Findings? {
        let mail = message.mail
        var peopleByKey: [String: Person?] = [:]
        func owner(of address: MailAddress) throws(StoreError) -> Person? {
            if let known = peopleByKey[address.lookupKey] {
                return known
            }
            let person = try store.person(ownerOf: address)
            peopleByKey[address.lookupKey] = person
            return person
        }

        var findings = Findings()
        let headers: [(ParticipantRole, [MailAddress])] = [
            (.from, mail.from), (.to, mail.to), (.cc, mail.cc), (.bcc, mail.bcc),
        ]
        let addressCount = headers.reduce(0) { $0 + $1.1.count }
        request.reportProgress(message: "Finding people for \(addressCount) addresses", percentage: 20)
        for (role, addresses) in headers {
            for address in addresses {
                if request.isCancelled {
                    return nil
                }
                findings.participants.append(
                    Participant(
                        role: role,
                        name: address.name,
                        address: address.address,
                        isOwnAddress: ownAddressKeys.contains(address.lookupKey),
                        person: try owner(of: address)))
            }
        }

        for candidate in mail.counterparts(ownAddressKeys: ownAddressKeys) {
            if request.isCancelled {
                return nil
            }
            if let person = try owner(of: candidate) {
                findings.defaultPerson = person
                break
            }
        }

        if request.isCancelled {
            return nil
        }
        request.reportProgress(message: "Reading cases and filings", percentage: 80)
        if let person = findings.defaultPerson {
            findings.cases = try store.cases(personId: person.id, includeClosed: false)
        }
        findings.filings = try store.filings(sha256: message.sha256)
        return findings
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
