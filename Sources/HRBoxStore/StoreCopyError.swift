/// A store copy that cannot start, with what the user can do about it. Failures of the stores
/// themselves are ``StoreError``s.
public enum StoreCopyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The destination contains rows; `contents` lists the tables that have rows and how many.
    case destinationNotEmpty(contents: [TableRowCount])
    /// The source and the destination are the same store.
    case sameStore(String)
    /// A merge found source people who match more than one destination person; it changed nothing.
    case mergeConflicts([StoreMergeConflict])

    /// The message names tables and counts only, never their rows, so it may go into logs, except for
    /// ``mergeConflicts(_:)``, which lists the addresses and employee numbers in conflict.
    public var description: String {
        switch self {
        case .destinationNotEmpty(let contents):
            return "The destination store is not empty: it contains "
                + contents.map(\.description).joined(separator: ", ")
                + ". Copy into a new, empty store, or give --merge to add only what the destination lacks."
        case .sameStore(let location):
            return "The source and the destination are both \(location). Give another store as the destination."
        case .mergeConflicts(let conflicts):
            return "The merge was rejected and changed nothing, because \(conflicts.count) source people match "
                + "more than one destination person: " + conflicts.map(\.description).joined(separator: "; ")
                + ". Give each address and employee number to one person in both stores, then merge again."
        }
    }
}
