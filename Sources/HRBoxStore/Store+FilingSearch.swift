import Foundation
import HRBoxProtocol
import MailReading

/// A filed message found by ``Store/searchFiled(_:personId:limit:)``.
public struct FiledSearchHit: Sendable, Equatable {
    public var messageRef: Int64
    public var subject: String?
    /// The Date header as RFC 3339 with the sender's offset; nil when missing or unreadable.
    public var date: String?
    /// The text around the matched words on one line, each line break replaced by " · ". Matches are
    /// marked with `[` and `]`, or with `⟦` and `⟧` when the text itself contains `[` or `]`.
    public var snippet: String
    /// Every filing of the message, also those of people the search was not limited to.
    public var filings: [Filing]
}

extension Store {
    /// The maximum number of hits ``searchFiled(_:personId:limit:)`` returns, whatever limit the caller requests.
    public static let maximumSearchHits = 200

    /// Searches the subject, body preview, participants and attachment names of filed messages.
    ///
    /// Each word of `query` must match the start of a word in the message, ignoring letter case and
    /// diacritics, so "vertr" finds "Vertrag" and "muller" finds "Müller". "ß" and "ss" match each
    /// other, so "Weissmuller" finds "Weißmüller". Only the letters and digits of the query are
    /// searched for, so no query is read as FTS5 or tsquery syntax. Hits are ranked best first, by
    /// FTS5's bm25 on SQLite and by ts_rank on PostgreSQL.
    /// - Parameters:
    ///   - personId: Only messages filed for this person; nil for everyone.
    ///   - limit: The most hits to return, from 1 to ``maximumSearchHits``.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for a query without a word or a limit out of
    ///   range, ``StoreError/personNotFound(_:)``.
    public func searchFiled(_ query: String, personId: Int64?, limit: Int) throws(StoreError) -> [FiledSearchHit] {
        guard (1...Store.maximumSearchHits).contains(limit) else {
            throw .invalidValue(field: "limit", reason: "\(limit) is out of range. Give 1 to \(Store.maximumSearchHits).")
        }
        let queryWords = SearchWords.queryWords(query)
        guard let match = Store.matchExpression(for: query), !queryWords.isEmpty else {
            throw .invalidValue(field: "query", reason: "the query has no word to search for. Give at least one word.")
        }

        return try read { () throws(StoreError) -> [FiledSearchHit] in
            if let personId {
                _ = try requirePerson(id: personId)
            }
            let rows: [SearchRow]
            switch connection.dialect {
            case .sqlite:
                rows = try matchingMessages(fts5: match, personId: personId, limit: limit)
            case .postgresql:
                rows = try matchingMessages(tsquery: SearchWords.tsquery(queryWords), personId: personId, limit: limit)
            }
            var hits: [FiledSearchHit] = []
            for row in rows {
                let sha256 = try connection.queryFirst(
                    "SELECT sha256 FROM messages WHERE id = ?", [.integer(row.ref)]
                ) { $0.text(0) }
                guard let sha256 else {
                    continue
                }
                let marked = SearchSnippet.snippet(columns: row.indexedText, queryWords: queryWords)
                hits.append(FiledSearchHit(
                    messageRef: row.ref,
                    subject: row.subject,
                    date: row.date,
                    snippet: Store.oneLineSnippet(marked),
                    filings: try filings(sha256: sha256)
                ))
            }
            return hits
        }
    }

    /// Builds an FTS5 query that matches every word of `query` as a prefix, or nil when it has no word.
    ///
    /// Each word becomes a quoted string with its quotes doubled, followed by `*`, so that operators,
    /// column filters and brackets in the user's text are searched for as text instead of parsed.
    ///
    /// FTS5's unicode61 tokenizer keeps "ß" as a letter of its own, so a word that contains "ß" or
    /// "ss" becomes an OR of its spellings with either, as in `("weissmuller"* OR "weißmuller"*)`.
    /// The words are joined by an explicit AND, because FTS5 rejects an implicit AND before "(".
    static func matchExpression(for query: String) -> String? {
        let words = query.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).filter { !$0.isEmpty }
        guard !words.isEmpty else {
            return nil
        }
        return words.map { word in
            let spellings = sharpSSpellings(of: word.lowercased()).map {
                "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*"
            }
            return spellings.count == 1 ? spellings[0] : "(" + spellings.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }

    /// Returns the spellings of a lowercased word with each "ß" or "ss" written either way, the
    /// word's "ss" spelling first. Words with more than 3 of them get only the all-"ss" and all-"ß"
    /// spellings, so that a query stays small.
    static func sharpSSpellings(of word: String) -> [String] {
        let pieces = word.replacingOccurrences(of: "ß", with: "ss").components(separatedBy: "ss")
        let joints = pieces.count - 1
        guard joints > 0 else {
            return [word]
        }
        guard joints <= 3 else {
            return [pieces.joined(separator: "ss"), pieces.joined(separator: "ß")]
        }

        var spellings: [String] = []
        for choice in 0..<(1 << joints) {
            var spelling = pieces[0]
            for joint in 0..<joints {
                spelling += (choice >> joint) & 1 == 0 ? "ss" : "ß"
                spelling += pieces[joint + 1]
            }
            spellings.append(spelling)
        }
        return spellings
    }

    /// Puts a snippet on one line and picks match markers that the text cannot be confused with.
    ///
    /// ``SearchSnippet`` marks matches with U+E000 and U+E001, characters of Unicode's private use area.
    static func oneLineSnippet(_ marked: String) -> String {
        var lines: [Substring] = []
        for line in marked.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                lines.append(Substring(trimmed))
            }
        }
        let text = lines.joined(separator: " · ")
        let hasBrackets = text.contains("[") || text.contains("]")
        return text
            .replacingOccurrences(of: "\u{E000}", with: hasBrackets ? "⟦" : "[")
            .replacingOccurrences(of: "\u{E001}", with: hasBrackets ? "⟧" : "]")
    }

    /// Adds a newly stored message to the search index, inside the caller's transaction.
    func indexMessage(ref: Int64, bytes: [UInt8]) throws(StoreError) {
        try indexMessage(ref: ref, mail: MailMessage(bytes: bytes))
    }

    /// Adds a newly stored message, read already, to the search index, inside the caller's transaction.
    func indexMessage(ref: Int64, mail: MailMessage) throws(StoreError) {
        let addresses = mail.from + mail.sender + mail.replyTo + mail.to + mail.cc + mail.bcc
        var participants: [String] = []
        for address in addresses {
            if let name = address.displayName, !name.isEmpty {
                participants.append(name)
            }
            participants.append(address.address)
        }
        // PostgreSQL text cannot hold NUL, and the index of both backends keeps the same text.
        let columns = [
            mail.subject ?? "",
            mail.bodyText(),
            participants.joined(separator: "\n"),
            mail.attachments.compactMap(\.filename).joined(separator: "\n"),
        ].map(Self.removingNUL)

        switch connection.dialect {
        case .sqlite:
            try connection.execute(
                "INSERT INTO message_search (rowid, subject, body, participants, attachments) VALUES (?, ?, ?, ?, ?)",
                [.integer(ref)] + columns.map { .text($0) }
            )
        case .postgresql:
            let words = SearchWords.indexText(columns.joined(separator: "\n"))
            try connection.execute(
                """
                INSERT INTO message_search (message_id, subject, body, participants, attachments, words)
                VALUES (?, ?, ?, ?, ?, to_tsvector('simple', ?))
                """,
                [.integer(ref)] + columns.map { .text($0) } + [.text(words)]
            )
        }
    }

    /// Returns the text without NUL characters. Most text has none, and checking its bytes for one
    /// costs far less than Foundation's replacingOccurrences, which took a fifth of back-filing.
    private static func removingNUL(_ text: String) -> String {
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        }
        guard hasNUL ?? text.utf8.contains(0) else {
            return text
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{0}" }))
    }

    /// Removes a message from the search index, inside the caller's transaction.
    func unindexMessage(ref: Int64) throws(StoreError) {
        let key = connection.dialect == .sqlite ? "rowid" : "message_id"
        try connection.execute("DELETE FROM message_search WHERE \(key) = ?", [.integer(ref)])
    }

    /// Runs the FTS5 query of an SQLite store.
    private func matchingMessages(fts5 match: String, personId: Int64?, limit: Int) throws(StoreError) -> [SearchRow] {
        let filed = personId == nil ? "f.message_id = m.id" : "f.message_id = m.id AND f.person_id = ?"
        let values: [SQLValue] = [.text(match)] + (personId.map { [.integer($0)] } ?? []) + [SQLValue(limit)]
        return try connection.query(
            """
            SELECT m.id, m.subject, m.date, message_search.subject, message_search.body,
                message_search.participants, message_search.attachments
            FROM message_search
            JOIN messages m ON m.id = message_search.rowid
            WHERE message_search MATCH ? AND EXISTS (SELECT 1 FROM filings f WHERE \(filed))
            ORDER BY bm25(message_search), m.id DESC
            LIMIT ?
            """,
            values,
            row: SearchRow.init
        )
    }

    /// Runs the full-text query of a PostgreSQL store against the tsvector of folded words.
    private func matchingMessages(tsquery: String, personId: Int64?, limit: Int) throws(StoreError) -> [SearchRow] {
        let filed = personId == nil ? "f.message_id = m.id" : "f.message_id = m.id AND f.person_id = ?"
        let values: [SQLValue] = [.text(tsquery)] + (personId.map { [.integer($0)] } ?? []) + [SQLValue(limit)]
        return try connection.query(
            """
            SELECT m.id, m.subject, m.date, s.subject, s.body, s.participants, s.attachments
            FROM message_search s
            CROSS JOIN to_tsquery('simple', ?) AS q
            JOIN messages m ON m.id = s.message_id
            WHERE s.words @@ q AND EXISTS (SELECT 1 FROM filings f WHERE \(filed))
            ORDER BY ts_rank(s.words, q) DESC, m.id DESC
            LIMIT ?
            """,
            values,
            row: SearchRow.init
        )
    }
}

/// The columns of one hit of the full-text query, before its filings are read.
private struct SearchRow {
    var ref: Int64
    var subject: String?
    var date: String?
    /// The message's subject, body, participants and attachments as the search index contains them.
    var indexedText: [String]

    init(_ row: any SQLRow) {
        ref = row.integer(0)
        subject = row.optionalText(1)
        date = row.optionalText(2)
        indexedText = (3...6).map { row.text(Int32($0)) }
    }
}
