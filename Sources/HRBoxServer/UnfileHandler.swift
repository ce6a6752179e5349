import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/unfile`: removes one filing, and the message with its last one, recorded in the audit trail.
struct UnfileHandler: MethodHandler {
    typealias Method = Unfile

    func handle(
        _ params: Unfile.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> Unfile.Result {
        let actor = try context.auditActor()
        let deleted = try withStore(context) { (store) throws(StoreError) -> Bool in
            try store.write { () throws(StoreError) -> Bool in
                let deleted = try store.unfile(
                    messageRef: params.messageRef, from: FilingTarget(personId: params.personId, caseId: params.caseId))
                try store.recordAudit(
                    .unfiled, by: actor,
                    about: AuditSubject(
                        personId: params.personId, caseId: params.caseId, messageRef: params.messageRef,
                        details: ["messageDeleted": String(deleted)]))
                return deleted
            }
        }
        context.log.info("Unfiled message \(params.messageRef) for person \(params.personId); bytes deleted: \(deleted).")
        return Unfile.Result(messageDeleted: deleted)
    }
}
