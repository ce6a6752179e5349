import Foundation

/// The folded text people are searched, compared and sorted by.
enum SearchText {
    /// Folds letter case and diacritics away, writes letters that have no diacritic to drop in
    /// Latin letters, drops apostrophes and turns hyphens and each run of white space into one space.
    ///
    /// So "  MÜLLER\tAnna" and "muller anna" fold to the same text, and so do "Ødegård" and
    /// "odegard", "O’Connor" and "oconnor", "Weißmüller" and "weissmuller", "Jean-Luc" and "jean luc".
    /// Stored keys hold text folded this way; ``SchemaVersion4`` refolds the keys of older stores.
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        for character in folded {
            if let replacement = letterReplacements[character] {
                result += replacement
            } else if apostrophes.contains(character) {
                continue
            } else if hyphens.contains(character) {
                result.append(" ")
            } else {
                result.append(character)
            }
        }
        return result.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Lower-case letters that Foundation's diacritic folding keeps, because Unicode does not
    /// decompose them into a base letter and a mark, with the Latin letters people type for them.
    private static let letterReplacements: [Character: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss",
        "ħ": "h", "ŧ": "t", "ŀ": "l",
    ]

    /// The ASCII apostrophe, the right and left single quotation marks, the modifier letter apostrophe
    /// and the grave accent that keyboards give in place of an apostrophe.
    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]

    /// The ASCII hyphen-minus and the Unicode hyphens and dashes found in double names.
    private static let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}"]

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
