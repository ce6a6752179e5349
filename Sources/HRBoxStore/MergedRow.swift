/// One row of a source table on its way into a merge's destination, read by column name so that
/// its references can be replaced by destination ids.
struct MergedRow {
    let table: CopiedTable
    var values: [SQLValue]

    /// The value of `column`; a name the table lacks is a mistake in hrbox, and reads as NULL.
    subscript(column: String) -> SQLValue {
        get {
            guard let index = table.columns.firstIndex(where: { $0.name == column }) else {
                assertionFailure("\(table.name) has no column \(column)")
                return .null
            }
            return values[index]
        }
        set {
            guard let index = table.columns.firstIndex(where: { $0.name == column }) else {
                assertionFailure("\(table.name) has no column \(column)")
                return
            }
            values[index] = newValue
        }
    }

    /// Returns the column as an integer, or nil for NULL or another kind of value.
    func integer(_ column: String) -> Int64? {
        if case .integer(let number) = self[column] {
            return number
        }
        return nil
    }

    /// Returns the column as text, or nil for NULL or another kind of value.
    func text(_ column: String) -> String? {
        if case .text(let text) = self[column] {
            return text
        }
        return nil
    }

    /// Replaces the id in `column` by the id `map` gives it; an id the map lacks becomes NULL.
    mutating func mapReference(_ column: String, through map: [Int64: Int64]) {
        guard let sourceId = integer(column) else {
            return
        }
        self[column] = SQLValue(map[sourceId])
    }
}
