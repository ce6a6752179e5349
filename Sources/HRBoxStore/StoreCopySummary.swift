/// The number of rows of one table, as a store copy reports what it copied or what a destination contains.
public struct TableRowCount: Sendable, Equatable, CustomStringConvertible {
    /// The table's name in the store's schema, such as `people` or `audit_events`.
    public var table: String
    public var rows: Int

    public init(table: String, rows: Int) {
        self.table = table
        self.rows = rows
    }

    public var description: String {
        "\(rows) \(table)"
    }
}

/// The outcome of ``Store/copy(from:to:actor:progress:)``: the rows copied, table by table in the order
/// it copied them.
public struct StoreCopySummary: Sendable, Equatable {
    public var tables: [TableRowCount]

    /// The number of stored messages whose search entries were rebuilt on the destination.
    public var indexedMessages: Int

    public func rows(of table: String) -> Int? {
        tables.first { $0.table == table }?.rows
    }
}
