/// The text around the words a search matched in one filed message, built in Swift from the
/// message's indexed text so that SQLite and PostgreSQL stores give the same snippets.
///
/// It follows FTS5's `snippet()`. It picks the column with the most matching words and a window of
/// ``windowWords`` words with the most matches, centred on them where it can. It puts `…` where the
/// window cuts the text and each matching word between U+E000 and U+E001.
enum SearchSnippet {
    /// The maximum number of words a snippet shows.
    static let windowWords = 12

    /// Builds the snippet of the columns, in the order subject, body, participants, attachments.
    /// - Parameter queryWords: The folded query words; a word matches when it starts with one of them.
    static func snippet(columns: [String], queryWords: [String]) -> String {
        var best: (text: String, words: [SearchWords.Word], matches: [Int])?
        for text in columns {
            let words = SearchWords.words(in: text)
            let matches = words.indices.filter { index in
                queryWords.contains { words[index].folded.hasPrefix($0) }
            }
            if best == nil || matches.count > (best?.matches.count ?? 0) {
                best = (text, words, matches)
            }
        }
        guard let best, !best.words.isEmpty else {
            return ""
        }
        let window = window(wordCount: best.words.count, matches: best.matches)
        return marked(best.text, words: best.words, matches: Set(best.matches), window: window)
    }

    /// Picks the window of words that contains the most matches, then moves it so that its matches sit
    /// in its middle without leaving the text.
    private static func window(wordCount: Int, matches: [Int]) -> Range<Int> {
        let size = min(windowWords, wordCount)
        var bestStart = 0
        var bestCount = -1
        for start in Set(matches.map { min($0, wordCount - size) } + [0]).sorted() {
            let count = matches.filter { $0 >= start && $0 < start + size }.count
            if count > bestCount {
                bestStart = start
                bestCount = count
            }
        }

        let inWindow = matches.filter { $0 >= bestStart && $0 < bestStart + size }
        if let first = inWindow.first, let last = inWindow.last {
            let lead = (size - (last - first + 1)) / 2
            bestStart = max(0, min(first - lead, wordCount - size))
        }
        return bestStart..<(bestStart + size)
    }

    /// Returns the text of the window's words, with the matches marked and `…` where text was cut.
    private static func marked(
        _ text: String, words: [SearchWords.Word], matches: Set<Int>, window: Range<Int>
    ) -> String {
        var output = window.lowerBound > 0 ? "…" : ""
        var position = window.lowerBound > 0 ? words[window.lowerBound].range.lowerBound : text.startIndex
        for index in window {
            let range = words[index].range
            output += text[position..<range.lowerBound]
            output += matches.contains(index) ? "\u{E000}\(text[range])\u{E001}" : String(text[range])
            position = range.upperBound
        }
        if window.upperBound < words.count {
            output += "…"
        } else {
            output += text[position...]
        }
        return output
    }
}
