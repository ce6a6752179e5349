import HRBoxProtocol

/// A case type as it is given to the store: its name and its workflow, without an id.
public struct CaseTypeDefinition: Sendable, Equatable {
    public var name: String
    /// The workflow's steps in order; the first one becomes the to-do with `workflowStep` 1.
    public var workflow: [WorkflowStep]

    public init(name: String, workflow: [WorkflowStep]) {
        self.name = name
        self.workflow = workflow
    }
}
