/// `hrbox/completeTodo`: marks a to-do done, recording who did it and when.
public enum CompleteTodo: HRBoxMethod {
    public static let name = "hrbox/completeTodo"

    public struct Params: Codable, Sendable, Equatable {
        public var todoId: Int64

        public init(todoId: Int64) {
            self.todoId = todoId
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var todo: Todo
        /// True when the to-do was done before; nothing changed and `doneAt` and `doneBy` are the earlier ones.
        public var alreadyDone: Bool
        /// When the to-do was marked done, as an RFC 3339 instant in UTC.
        public var doneAt: String?
        /// The colleague who marked it done.
        public var doneBy: String?

        public init(todo: Todo, alreadyDone: Bool, doneAt: String?, doneBy: String?) {
            self.todo = todo
            self.alreadyDone = alreadyDone
            self.doneAt = doneAt
            self.doneBy = doneBy
        }
    }
}
