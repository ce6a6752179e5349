/// The counts of what an import changed in the store.
public struct ImportSummary: Sendable, Equatable {
    /// Rows, or case types, that were new to the store.
    public var added: Int
    /// Rows, or case types, that changed something stored before.
    public var updated: Int
    /// Rows, or case types, that matched what was stored already, so the store was left as it was.
    public var unchanged: Int

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}
