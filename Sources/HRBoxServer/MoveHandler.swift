import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/move`: moves one filing to another person or case, recorded in the audit trail of both people.
struct MoveHandler: MethodHandler {
    typealias Method = Move

    func handle(
        _ params: Move.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> Move.Result {
        let actor = try context.auditActor()
        let outcome = try withStore(context) { (store) throws(StoreError) -> FilingOutcome in
            try store.write { () throws(StoreError) -> FilingOutcome in
                let outcome = try store.move(messageRef: params.messageRef, from: params.from, to: params.to)
                // A move onto the filing itself changes nothing, so it records no audit event, and the
                // result has alreadyFiled set.
                if params.from != params.to {
                    try recordAudit(params, in: store, by: actor)
                }
                return outcome
            }
        }
        if params.from == params.to {
            context.log.info("Left message \(params.messageRef) where it was: the move named the same filing twice.")
        } else {
            context.log.info("Moved message \(params.messageRef) from person \(params.from.personId) to person \(params.to.personId).")
        }
        return Move.Result(filing: outcome)
    }

    /// Records the move for the person it leaves and, when that is a different person, for the person
    /// it reaches, so that the history of each shows it.
    private func recordAudit(_ params: Move.Params, in store: Store, by actor: AuditActor) throws(StoreError) {
        var details = [
            "fromPersonId": String(params.from.personId),
            "toPersonId": String(params.to.personId),
        ]
        details["fromCaseId"] = params.from.caseId.map { String($0) }
        details["toCaseId"] = params.to.caseId.map { String($0) }

        try store.recordAudit(
            .moved, by: actor,
            about: AuditSubject(
                personId: params.from.personId, caseId: params.from.caseId, messageRef: params.messageRef, details: details))
        if params.to.personId != params.from.personId {
            try store.recordAudit(
                .moved, by: actor,
                about: AuditSubject(
                    personId: params.to.personId, caseId: params.to.caseId, messageRef: params.messageRef, details: details))
        }
    }
}
