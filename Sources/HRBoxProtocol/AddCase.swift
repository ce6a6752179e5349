/// `hrbox/addCase`: starts a case for a person; the case type's workflow turns each of its steps into a to-do.
public enum AddCase: HRBoxMethod {
    public static let name = "hrbox/addCase"

    public struct Params: Codable, Sendable, Equatable {
        public var personId: Int64
        public var caseTypeId: Int64
        /// The case's title; the default is the case type's name and the start date.
        public var title: String?
        /// The day the case starts, as `YYYY-MM-DD`; the default is today. Due dates count from it.
        public var startDate: String?

        public init(personId: Int64, caseTypeId: Int64, title: String? = nil, startDate: String? = nil) {
            self.personId = personId
            self.caseTypeId = caseTypeId
            self.title = title
            self.startDate = startDate
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var `case`: Case
        /// The to-dos the workflow created, in the order of its steps.
        public var todos: [Todo]

        public init(case: Case, todos: [Todo]) {
            self.case = `case`
            self.todos = todos
        }
    }
}
