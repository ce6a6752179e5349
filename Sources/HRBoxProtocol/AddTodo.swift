/// `hrbox/addTodo`: plans a to-do, optionally for a person and case and linked to the message it came from.
public enum AddTodo: HRBoxMethod {
    public static let name = "hrbox/addTodo"

    public struct Params: Codable, Sendable, Equatable {
        public var title: String
        /// The due date as `YYYY-MM-DD`.
        public var due: String?
        /// The colleague responsible; the default is the server's own colleague.
        public var assignee: String?
        public var sharedWith: [String]?
        public var personId: Int64?
        /// A case of the person given by `personId`.
        public var caseId: Int64?
        /// The message the to-do comes from; it is kept in the store so the to-do can point at it.
        public var message: MessageSource?

        public init(
            title: String,
            due: String? = nil,
            assignee: String? = nil,
            sharedWith: [String]? = nil,
            personId: Int64? = nil,
            caseId: Int64? = nil,
            message: MessageSource? = nil
        ) {
            self.title = title
            self.due = due
            self.assignee = assignee
            self.sharedWith = sharedWith
            self.personId = personId
            self.caseId = caseId
            self.message = message
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var todo: Todo

        public init(todo: Todo) {
            self.todo = todo
        }
    }
}
