import Foundation

/// The folded text people are searched, compared and sorted by.
enum SearchText {
    /// Folds letter case and diacritics away and turns each run of white space into one space,
    /// so that "  MÜLLER\tAnna" and "muller anna" fold to the same text.
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Folds letter case only, for names that must be unique whatever their case.
    static func foldCase(_ text: String) -> String {
        text.folding(options: [.caseInsensitive], locale: nil)
    }

    /// Returns the text a person's search matches against, one folded entry per line. A folded query
    /// never contains a line break, so it matches inside one entry only.
    static func searchText(firstName: String, lastName: String, addresses: [String], employeeNumber: String?) -> String {
        var entries = [
            fold(firstName),
            fold(lastName),
            fold(firstName + " " + lastName),
            fold(lastName + " " + firstName),
            // "Novak, Lena", the order of HR systems' exports and of many address books.
            fold(lastName + ", " + firstName),
        ]
        entries += addresses.map(fold)
        if let employeeNumber {
            entries.append(fold(employeeNumber))
        }
        return entries.joined(separator: "\n")
    }
}
