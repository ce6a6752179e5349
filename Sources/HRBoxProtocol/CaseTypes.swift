/// `hrbox/caseTypes`: lists the case types a case can be started from, with their workflows.
public enum CaseTypes: HRBoxMethod {
    public static let name = "hrbox/caseTypes"

    public typealias Params = NoParams

    public struct Result: Codable, Sendable, Equatable {
        public var caseTypes: [CaseType]

        public init(caseTypes: [CaseType]) {
            self.caseTypes = caseTypes
        }
    }
}
