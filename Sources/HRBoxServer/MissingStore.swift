/// The server's behaviour when its SQLite store file does not exist.
///
/// A PostgreSQL database is never created by opening it, so this only matters for an SQLite file.
public enum MissingStore: Sendable, Equatable {
    /// Create the file, its tables and missing folders. This is right for the default location, where
    /// the first use by one person needs nothing but the binary.
    case create
    /// Fail every `hrbox/` method with -32016 until the file exists. This is right for a store the user
    /// named, because a mistyped path would otherwise give an empty store in which no person is found.
    case reject
}
