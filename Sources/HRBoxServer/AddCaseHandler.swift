import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/addCase`: starts a case; its case type's workflow creates the to-dos returned with it.
struct AddCaseHandler: MethodHandler {
    typealias Method = AddCase

    func handle(
        _ params: AddCase.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> AddCase.Result {
        let startDate = params.startDate ?? context.today
        guard CalendarDate(parsing: startDate) != nil else {
            throw .invalidParams("startDate: expected a date as YYYY-MM-DD, found \"\(startDate)\"")
        }
        let title = params.title?.trimmingCharacters(in: .whitespacesAndNewlines)
        let actor = try context.auditActor()

        let (startedCase, todos) = try withStore(context) { (store) throws(StoreError) -> (Case, [Todo]) in
            try store.write { () throws(StoreError) -> (Case, [Todo]) in
                let (startedCase, todos) = try store.startCase(
                    personId: params.personId,
                    caseTypeId: params.caseTypeId,
                    title: (title?.isEmpty ?? true) ? nil : title,
                    startDate: startDate,
                    startedBy: actor.colleague)
                try store.recordAudit(
                    .caseStarted, by: actor,
                    about: AuditSubject(
                        personId: params.personId, caseId: startedCase.id,
                        details: ["caseTypeId": String(params.caseTypeId), "workflowTodos": String(todos.count)]))
                return (startedCase, todos)
            }
        }
        context.log.info("Started case \(startedCase.id) with \(todos.count) to-do(s) from its workflow.")
        return AddCase.Result(case: startedCase, todos: todos)
    }
}
