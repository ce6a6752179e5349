/// The result of running one case.
public enum CaseOutcome: Sendable, Equatable {
    case passed
    /// The reason lists what differed, with expected lines marked `-` and received lines `+`.
    case failed(reason: String)
    /// The case was not run, for example a native case when no native command was given.
    case skipped(reason: String)

    public var isFailure: Bool {
        if case .failed = self {
            return true
        }
        return false
    }
}
