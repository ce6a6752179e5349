/// The destination ids of the source rows merged so far, and the counts and notes of the merge.
struct MergeState {
    var people: [Int64: Int64] = [:]
    var caseTypes: [Int64: Int64] = [:]
    var cases: [Int64: Int64] = [:]
    var messages: [Int64: Int64] = [:]
    var todos: [Int64: Int64] = [:]

    var counts: [TableMergeCount] = []
    var notes: [String] = []
    var indexedMessages = 0

    /// The largest id per table before the merge began, so that a row the merge adds is never taken
    /// for one the destination contained.
    var previousMaxIds: [String: Int64] = [:]

    /// Starts the counts of `table`, which the merge fills in as it goes.
    mutating func beginTable(_ table: String) {
        counts.append(TableMergeCount(table: table))
    }

    /// Changes the counts of the table begun last.
    mutating func count(_ change: (inout TableMergeCount) -> Void) {
        guard !counts.isEmpty else {
            return
        }
        change(&counts[counts.count - 1])
    }
}
