/// One step of the store's schema, from the version before it to ``version``, for both backends.
///
/// To change the schema, append a step to ``all`` with the next version and the statements that turn
/// the previous version's tables into the new ones. Never edit a step that has shipped: stores made
/// with it exist. Opening a store runs the steps it lacks in one transaction.
struct SchemaMigration: Sendable {
    let version: Int
    let sqlite: [String]
    let postgresql: [String]

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
    ]
}
