import HRBoxStore

extension ServerContext {
    /// Who the audit trail records for a change made through this server: the configured colleague,
    /// as configured, and the client's name from `initialize`.
    var auditActor: AuditActor {
        AuditActor(colleague: configuration.colleague, client: clientName)
    }
}
