import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/personnelFile`: the person, their cases, open to-dos and filed messages.
struct PersonnelFileHandler: MethodHandler {
    typealias Method = PersonnelFile

    func handle(
        _ params: PersonnelFile.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> PersonnelFile.Result {
        try withStore(context) { (store) throws(StoreError) -> PersonnelFile.Result in
            guard let file = try store.personnelFile(personId: params.personId) else {
                throw .personNotFound(params.personId)
            }
            return file
        }
    }
}
