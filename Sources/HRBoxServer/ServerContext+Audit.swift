import HRBoxStore
import JSONRPC

extension ServerContext {
    /// Returns who the audit trail records for a change made through this server: the configured
    /// colleague and the client's name from `initialize`.
    ///
    /// Every method that changes the store calls this before it changes anything, so that a
    /// configured colleague who is not in the store blocks all changes alike.
    /// - Throws: -32014 when the configured colleague is not in the store.
    func auditActor() throws(ResponseError) -> AuditActor {
        AuditActor(colleague: try colleague(), client: clientName)
    }
}
