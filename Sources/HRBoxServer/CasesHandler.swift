import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/cases`: a person's cases, newest first.
struct CasesHandler: MethodHandler {
    typealias Method = Cases

    func handle(
        _ params: Cases.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> Cases.Result {
        let cases = try withStore(context) { (store) throws(StoreError) -> [Case] in
            guard try store.person(id: params.personId) != nil else {
                throw .personNotFound(params.personId)
            }
            return try store.cases(personId: params.personId, includeClosed: params.includeClosed ?? false)
        }
        return Cases.Result(cases: cases)
    }
}
