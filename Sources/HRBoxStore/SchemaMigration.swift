/// One step of the store's schema, from the version before it to ``version``, for both backends.
///
/// To change the schema, append a step to ``all`` with the next version and the statements that turn
/// the previous version's tables into the new ones. Never edit a step that has shipped: stores made
/// with it exist. Opening a store runs the steps it lacks in one transaction.
struct SchemaMigration: Sendable {
    let version: Int
    let sqlite: [String]
    let postgresql: [String]
    /// Work after the statements that SQL alone cannot do, such as reading stored messages; nil for none.
    var backfill: (@Sendable (Store) throws(StoreError) -> Void)? = nil

    func statements(for dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            sqlite
        case .postgresql:
            postgresql
        }
    }

    /// Every step, in order of version; version 1 creates the tables of a new store.
    static let all = [
        SchemaMigration(version: 1, sqlite: SQLiteSchema.version1, postgresql: PostgreSQLSchema.version1),
        SchemaMigration(
            version: 2,
            sqlite: SchemaVersion2.statements + SchemaVersion2.searchIndexStatements,
            postgresql: SchemaVersion2.postgresqlStatements,
            backfill: { store throws(StoreError) in try store.indexStoredMessages() }
        ),
        SchemaMigration(version: 3, sqlite: SchemaVersion3.sqliteStatements, postgresql: SchemaVersion3.postgresqlStatements),
        SchemaVersion4.migration,
    ]
}
