/// `hrbox/todos`: lists to-dos by colleague, person, case and status, by due date with undated ones last.
public enum Todos: HRBoxMethod {
    public static let name = "hrbox/todos"

    public struct Params: Codable, Sendable, Equatable {
        /// To-dos assigned to this colleague id, or to the server's own colleague with `"me"`.
        public var assignee: String?
        /// Only to-dos shared with the server's own colleague. With `assignee`, a to-do that meets
        /// either condition is listed.
        public var sharedWithMe: Bool?
        public var personId: Int64?
        public var caseId: Int64?
        /// The default is `open`.
        public var status: TodoStatus?

        public init(
            assignee: String? = nil,
            sharedWithMe: Bool? = nil,
            personId: Int64? = nil,
            caseId: Int64? = nil,
            status: TodoStatus? = nil
        ) {
            self.assignee = assignee
            self.sharedWithMe = sharedWithMe
            self.personId = personId
            self.caseId = caseId
            self.status = status
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var todos: [Todo]

        public init(todos: [Todo]) {
            self.todos = todos
        }
    }
}
