import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/store`: files a message for every target in one transaction.
///
/// A cancellation that arrives before the commit rolls the transaction back and gets -32800, so
/// nothing is stored. One that arrives later changes nothing, and the result is sent.
struct StoreMessageHandler: MethodHandler {
    typealias Method = StoreMessage

    func handle(
        _ params: StoreMessage.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> StoreMessage.Result {
        guard !params.targets.isEmpty else {
            throw .invalidParams("targets: give at least one person to file the message for")
        }
        request.beginProgress(title: "Filing a message", message: "Reading the message", percentage: 0)
        let message = try MessageLoader.load(params.message, context: context)
        try request.checkCancellation()
        let actor = try context.auditActor()

        let (messageRef, outcomes) = try file(
            message.record, for: params.targets, by: actor, context: context, request: request)
        request.reportProgress(message: "Filed", percentage: 100)
        let newFilings = outcomes.filter { !$0.alreadyFiled }.count
        context.log.info(
            "Filed message \(messageRef): \(newFilings) new filing(s), \(outcomes.count - newFilings) filed already.")
        return StoreMessage.Result(messageRef: messageRef, filings: outcomes)
    }

    /// Files the message for one target after another in one transaction, checking for a
    /// cancellation before each target and before the commit.
    private func file(
        _ record: MessageRecord,
        for targets: [FilingTarget],
        by actor: AuditActor,
        context: ServerContext,
        request: RequestContext
    ) throws(ResponseError) -> (messageRef: Int64, outcomes: [FilingOutcome]) {
        let store = try context.store()
        do {
            return try store.transaction { () throws -> (messageRef: Int64, outcomes: [FilingOutcome]) in
                var messageRef: Int64 = 0
                var outcomes: [FilingOutcome] = []
                for (position, target) in targets.enumerated() {
                    try request.checkCancellation()
                    request.reportProgress(
                        message: "Filing for person \(position + 1) of \(targets.count)",
                        percentage: 10 + 80 * position / targets.count)
                    // Inside the outer transaction each call is a savepoint, and the message's bytes are stored once.
                    let filed = try store.file(record, targets: [target], filedBy: actor.colleague)
                    messageRef = filed.messageRef
                    outcomes += filed.outcomes
                    if filed.outcomes.contains(where: { !$0.alreadyFiled }) {
                        try store.recordAudit(
                            .filed, by: actor,
                            about: AuditSubject(personId: target.personId, caseId: target.caseId, messageRef: messageRef))
                    }
                }
                try request.checkCancellation()
                return (messageRef, outcomes)
            }
        } catch let error as ResponseError {
            context.log.debug(
                "Rolled back the filing for request \(request.id?.description ?? "null"): \(error.message)")
            throw error
        } catch let error as StoreError {
            throw reply(for: error, context: context)
        } catch {
            context.log.error("Filing a message failed with an unexpected error of type \(type(of: error)).")
            throw .internalError
        }
    }
}
