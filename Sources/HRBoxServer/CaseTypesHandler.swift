import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/caseTypes`: every case type with its workflow.
struct CaseTypesHandler: MethodHandler {
    typealias Method = CaseTypes

    func handle(
        _ params: NoParams, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> CaseTypes.Result {
        let caseTypes = try withStore(context) { (store) throws(StoreError) in
            try store.caseTypes()
        }
        return CaseTypes.Result(caseTypes: caseTypes)
    }
}
