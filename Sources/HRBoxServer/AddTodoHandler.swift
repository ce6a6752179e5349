import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/addTodo`: plans a to-do, keeping the message it came from so that the to-do can point at it.
struct AddTodoHandler: MethodHandler {
    typealias Method = AddTodo

    func handle(
        _ params: AddTodo.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> AddTodo.Result {
        let title = params.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            throw .invalidParams("title: give the to-do a title")
        }
        if let due = params.due, CalendarDate(parsing: due) == nil {
            throw .invalidParams("due: expected a date as YYYY-MM-DD, found \"\(due)\"")
        }
        let message = try params.message.map { (source) throws(ResponseError) in
            try MessageLoader.load(source, context: context)
        }
        let actor = try context.auditActor()
        let me = actor.colleague

        let todo = try withStore(context) { (store) throws(StoreError) -> Todo in
            try store.write { () throws(StoreError) -> Todo in
                let messageRef = try message.map { (message) throws(StoreError) in
                    try store.keepMessage(message.record)
                }
                let todo = try store.addTodo(
                    title: title,
                    due: params.due,
                    assignee: params.assignee ?? me,
                    sharedWith: params.sharedWith ?? [],
                    personId: params.personId,
                    caseId: params.caseId,
                    messageRef: messageRef,
                    createdBy: me)
                try store.recordAudit(
                    .todoAdded, by: actor,
                    about: AuditSubject(personId: todo.personId, caseId: todo.caseId, messageRef: messageRef, todoId: todo.id))
                return todo
            }
        }
        context.log.info("Added to-do \(todo.id).")
        return AddTodo.Result(todo: todo)
    }
}
