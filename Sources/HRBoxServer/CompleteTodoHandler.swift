import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/completeTodo`: marks a to-do done. A second call changes nothing and sets `alreadyDone`.
struct CompleteTodoHandler: MethodHandler {
    typealias Method = CompleteTodo

    func handle(
        _ params: CompleteTodo.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> CompleteTodo.Result {
        let actor = try context.auditActor()
        let me = actor.colleague
        let completed = try withStore(context) { (store) throws(StoreError) -> CompletedTodo in
            try store.write { () throws(StoreError) -> CompletedTodo in
                let completed = try store.completeTodo(id: params.todoId, by: me)
                if !completed.alreadyDone {
                    try store.recordAudit(
                        .todoDone, by: actor,
                        about: AuditSubject(
                            personId: completed.todo.personId, caseId: completed.todo.caseId, todoId: params.todoId))
                }
                return completed
            }
        }
        context.log.info(completed.alreadyDone ? "To-do \(params.todoId) was done already." : "Completed to-do \(params.todoId).")
        return CompleteTodo.Result(
            todo: completed.todo, alreadyDone: completed.alreadyDone, doneAt: completed.doneAt, doneBy: completed.doneBy)
    }
}
