import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/addAddress`: gives a person one more address and records it in the audit trail.
struct AddAddressHandler: MethodHandler {
    typealias Method = AddAddress

    func handle(
        _ params: AddAddress.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> AddAddress.Result {
        let actor = try context.auditActor()
        let (person, added) = try withStore(context) { (store) throws(StoreError) in
            try store.write { () throws(StoreError) -> (person: Person, added: Bool) in
                let outcome = try store.addAddress(params.address, personId: params.personId)
                if outcome.added {
                    try store.recordAudit(
                        .addressAdded, by: actor,
                        about: AuditSubject(personId: params.personId, details: ["address": outcome.address]))
                }
                return (outcome.person, outcome.added)
            }
        }
        context.log.info(added ? "Added an address to person \(person.id)." : "Person \(person.id) had the address already.")
        return AddAddress.Result(person: person, added: added)
    }
}
