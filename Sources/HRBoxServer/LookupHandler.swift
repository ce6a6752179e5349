import HRBoxProtocol
import HRBoxStore
import JSONRPC
import MailReading

/// `hrbox/lookup`: who a message belongs to, and where it is filed already.
struct LookupHandler: MethodHandler {
    typealias Method = Lookup

    func handle(_ params: Lookup.Params, context: ServerContext) throws(ResponseError) -> Lookup.Result {
        let message = try MessageLoader.load(params.message, context: context)
        let mail = message.mail

        return try withStore(context) { (store) throws(StoreError) -> Lookup.Result in
            var peopleByKey: [String: Person?] = [:]
            func owner(of address: MailAddress) throws(StoreError) -> Person? {
                if let known = peopleByKey[address.lookupKey] {
                    return known
                }
                let person = try store.person(ownerOf: address.address)
                peopleByKey[address.lookupKey] = person
                return person
            }

            var participants: [Participant] = []
            let headers: [(ParticipantRole, [MailAddress])] = [
                (.from, mail.from), (.to, mail.to), (.cc, mail.cc), (.bcc, mail.bcc),
            ]
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

            let cases = try defaultPerson.map { (person) throws(StoreError) in
                try store.cases(personId: person.id, includeClosed: false)
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
                participants: participants,
                defaultPerson: defaultPerson,
                cases: cases ?? [],
                filings: try store.filings(sha256: message.sha256))
        }
    }
}
