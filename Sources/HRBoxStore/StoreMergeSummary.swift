/// The counts of one source table's rows that a merge matched, added and skipped.
///
/// A matched row has an equal row in the destination, which the merge uses in place of the source's.
/// A skipped row is a link, such as a filing or an address, that the destination contains already.
public struct TableMergeCount: Sendable, Equatable, CustomStringConvertible {
    /// The table's name in the store's schema, such as `people` or `audit_events`.
    public var table: String
    public var matched = 0
    public var added = 0
    public var skipped = 0

    public init(table: String, matched: Int = 0, added: Int = 0, skipped: Int = 0) {
        self.table = table
        self.matched = matched
        self.added = added
        self.skipped = skipped
    }

    public var description: String {
        "\(table): \(matched) matched, \(added) added, \(skipped) skipped"
    }
}

/// The outcome of ``Store/merge(from:into:actor:progress:)``, table by table in the order it merged them.
public struct StoreMergeSummary: Sendable, Equatable {
    public var tables: [TableMergeCount]

    /// Differences the merge resolved by keeping the destination's data, one sentence each. They name
    /// ids, case types and employee numbers, never names, addresses or message content.
    public var notes: [String]

    /// The number of added messages that got search entries on the destination.
    public var indexedMessages: Int

    public func counts(of table: String) -> TableMergeCount? {
        tables.first { $0.table == table }
    }
}
