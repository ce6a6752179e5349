import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/addPerson`: registers a person; an address that belongs to someone else is refused.
struct AddPersonHandler: MethodHandler {
    typealias Method = AddPerson

    func handle(
        _ params: NewPerson, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> AddPerson.Result {
        let actor = try context.auditActor()
        let person = try withStore(context) { (store) throws(StoreError) -> Person in
            try store.write { () throws(StoreError) -> Person in
                let person = try store.addPerson(params)
                try store.recordAudit(.personAdded, by: actor, about: .personAdded(person))
                return person
            }
        }
        context.log.info("Added person \(person.id).")
        return AddPerson.Result(person: person)
    }
}
