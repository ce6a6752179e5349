import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/addPerson`: registers a person; an address that belongs to someone else is refused.
struct AddPersonHandler: MethodHandler {
    typealias Method = AddPerson

    func handle(
        _ params: NewPerson, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> AddPerson.Result {
        let person = try withStore(context) { (store) throws(StoreError) in
            try store.addPerson(params)
        }
        context.log.info("Added person \(person.id).")
        return AddPerson.Result(person: person)
    }
}
