import Foundation

/// The words of filed messages and of search queries, folded so that the PostgreSQL index, the
/// query and the snippet compare them as SQLite's FTS5 does.
///
/// A word is a run of letters and digits. Folding drops letter case and diacritics and writes "ß"
/// as "ss", so "Weißmüller" and "WEISSMULLER" fold to the same word.
enum SearchWords {
    /// One word of a text, with where it sits in that text.
    struct Word {
        var folded: String
        var range: Range<String.Index>
    }

    /// Returns the words of `text` in order, each folded and with its range in `text`.
    static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                start = start ?? index
            } else if let wordStart = start {
                words.append(Word(folded: fold(text[wordStart..<index]), range: wordStart..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let wordStart = start {
            words.append(Word(folded: fold(text[wordStart...]), range: wordStart..<text.endIndex))
        }
        return words
    }

    /// Returns the folded words of a search query, or an empty list when it has none.
    static func queryWords(_ query: String) -> [String] {
        words(in: query).map(\.folded)
    }

    /// Returns the folded words of `text` separated by single spaces, the text PostgreSQL's
    /// `to_tsvector('simple', ...)` indexes.
    static func indexText(_ text: String) -> String {
        words(in: text).map(\.folded).joined(separator: " ")
    }

    /// Builds a `to_tsquery('simple', ...)` expression that matches every word as a prefix, such as
    /// `vertrag:* & muller:*`. Words contain letters and digits only, so the expression always parses.
    static func tsquery(_ words: [String]) -> String {
        words.map { $0 + ":*" }.joined(separator: " & ")
    }

    private static func fold<S: StringProtocol>(_ word: S) -> String {
        String(word)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
            .replacingOccurrences(of: "ß", with: "ss")
    }
}
