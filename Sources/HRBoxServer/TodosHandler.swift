import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/todos`: lists to-dos, with `"me"` and `sharedWithMe` standing for the configured colleague.
struct TodosHandler: MethodHandler {
    typealias Method = Todos

    func handle(
        _ params: Todos.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> Todos.Result {
        var filter = TodoFilter(personId: params.personId, caseId: params.caseId, status: params.status ?? .open)
        if params.assignee == "me" || params.sharedWithMe == true {
            guard let me = try context.colleague() else {
                throw .invalidParams(
                    "assignee \"me\" and sharedWithMe need the user's colleague id. "
                        + "Add a colleague line to the configuration file, or give a colleague id.")
            }
            filter.assignee = params.assignee == "me" ? me : params.assignee
            filter.sharedWith = params.sharedWithMe == true ? me : nil
        } else {
            filter.assignee = params.assignee
        }

        let todos = try withStore(context) { (store) throws(StoreError) in
            try store.todos(matching: filter)
        }
        return Todos.Result(todos: todos)
    }
}
