import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/audit`: the audit trail, newest first.
struct AuditHandler: MethodHandler {
    typealias Method = Audit

    static let defaultLimit = 100

    func handle(
        _ params: Audit.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> Audit.Result {
        let events = try withStore(context) { (store) throws(StoreError) in
            try store.auditEvents(personId: params.personId, limit: params.limit ?? Self.defaultLimit)
        }
        return Audit.Result(events: events)
    }
}
