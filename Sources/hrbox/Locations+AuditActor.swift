import HRBoxServer
import HRBoxStore

extension Locations {
    /// Returns the audit actor for a change that `command` makes. The colleague is the configuration
    /// file's, or nil when it names none, and the client is `hrbox` followed by the command's name.
    /// - Throws: ``ConfigurationError`` when the configuration file is invalid, or named and missing.
    func auditActor(for command: any Command.Type) throws -> AuditActor {
        AuditActor(colleague: try loadConfiguration().colleague, client: "hrbox " + command.name)
    }
}
