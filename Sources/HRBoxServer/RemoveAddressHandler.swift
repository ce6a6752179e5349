import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/removeAddress`: takes an address from a person and records it in the audit trail.
struct RemoveAddressHandler: MethodHandler {
    typealias Method = RemoveAddress

    func handle(
        _ params: RemoveAddress.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> RemoveAddress.Result {
        let actor = try context.auditActor()
        let person = try withStore(context) { (store) throws(StoreError) -> Person in
            try store.write { () throws(StoreError) -> Person in
                let person = try store.removeAddress(params.address, personId: params.personId)
                try store.recordAudit(
                    .addressRemoved, by: actor,
                    about: AuditSubject(personId: params.personId, details: ["address": params.address]))
                return person
            }
        }
        context.log.info("Removed an address of person \(person.id).")
        return RemoveAddress.Result(person: person)
    }
}
