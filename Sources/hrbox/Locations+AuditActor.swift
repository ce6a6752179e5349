import HRBoxServer
import HRBoxStore

extension Locations {
    /// Returns who the audit trail records for a change `command` makes: the colleague of the
    /// configuration file, or nobody when it names none, and `hrbox` with the command's words as the client.
    /// - Throws: ``ConfigurationError`` when the configuration file is invalid, or named and missing.
    func auditActor(for command: any Command.Type) throws -> AuditActor {
        AuditActor(colleague: try loadConfiguration().colleague, client: "hrbox " + command.name)
    }
}
