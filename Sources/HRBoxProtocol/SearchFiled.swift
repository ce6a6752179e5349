/// `hrbox/searchFiled`: full-text search in the personnel files, best match first.
public enum SearchFiled: HRBoxMethod {
    public static let name = "hrbox/searchFiled"

    public struct Params: Codable, Sendable, Equatable {
        /// Words that must each start a word of the subject, body preview, participants or attachment names.
        public var query: String
        /// Only messages filed for this person.
        public var personId: Int64?
        /// The maximum number of hits to return, from 1 to 200. The default is 20.
        public var limit: Int?

        public init(query: String, personId: Int64? = nil, limit: Int? = nil) {
            self.query = query
            self.personId = personId
            self.limit = limit
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var hits: [SearchHit]

        public init(hits: [SearchHit]) {
            self.hits = hits
        }
    }
}

/// A filed message found by `hrbox/searchFiled`.
public struct SearchHit: Codable, Sendable, Equatable {
    public var messageRef: Int64
    public var subject: String?
    /// The Date header as RFC 3339 with the sender's offset.
    public var date: String?
    /// The text around the matching words, each marked as `[word]`.
    public var snippet: String
    /// Every filing of the message: the people and cases it is filed for.
    public var filings: [Filing]

    public init(messageRef: Int64, subject: String?, date: String?, snippet: String, filings: [Filing]) {
        self.messageRef = messageRef
        self.subject = subject
        self.date = date
        self.snippet = snippet
        self.filings = filings
    }
}
