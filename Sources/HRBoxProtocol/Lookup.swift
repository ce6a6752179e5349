/// `hrbox/lookup`: reads a message and returns the person it belongs to and where it is filed already.
public enum Lookup: HRBoxMethod {
    public static let name = "hrbox/lookup"

    public struct Params: Codable, Sendable, Equatable {
        public var message: MessageSource
        /// The maximum number of participants the result lists, 0 or more, so that a client with a
        /// limit on the size of a reply can bound it. Nil lists them all.
        public var maxParticipants: Int?

        public init(message: MessageSource, maxParticipants: Int? = nil) {
            self.message = message
            self.maxParticipants = maxParticipants
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var summary: MessageSummary
        /// The From, To, Cc and Bcc addresses of the message, in header order. With `maxParticipants`
        /// it keeps that many at most: those that belong to a person first, then the others, each
        /// in header order.
        public var participants: [Participant]
        /// How many participants the message has, including those that `maxParticipants` left out.
        /// NOTE: the server reads at most 10,000 addresses of one header field, so it counts no more.
        public var participantCount: Int
        /// The person the message most likely belongs to: for a received message the sender's person,
        /// for a sent one the first recipient who is a person. Nil when no participant is a person.
        /// Chosen from all participants, including those that `maxParticipants` left out.
        public var defaultPerson: Person?
        /// The open cases of the default person, for "file under".
        public var cases: [Case]
        /// The filings of this message (the same bytes) made already.
        public var filings: [Filing]

        /// - Parameter participantCount: The message's number of participants; nil means `participants.count`.
        public init(
            summary: MessageSummary,
            participants: [Participant],
            participantCount: Int? = nil,
            defaultPerson: Person?,
            cases: [Case],
            filings: [Filing]
        ) {
            self.summary = summary
            self.participants = participants
            self.participantCount = participantCount ?? participants.count
            self.defaultPerson = defaultPerson
            self.cases = cases
            self.filings = filings
        }
    }
}

/// The facts about a message that a client shows before it is filed.
public struct MessageSummary: Codable, Sendable, Equatable {
    public var subject: String?
    /// The Date header as an RFC 3339 timestamp with the sender's offset, or nil when missing or unreadable.
    public var date: String?
    /// The Message-ID with its angle brackets, or nil when the message has none.
    public var messageId: String?
    public var direction: Direction
    /// Size of the message's own bytes, which are what gets stored.
    public var size: Int
    /// SHA-256 of the message's own bytes, in lower-case hex: the message's identity in the store.
    public var sha256: String
    /// File names of the message's attachments.
    public var attachments: [String]

    public init(
        subject: String?,
        date: String?,
        messageId: String?,
        direction: Direction,
        size: Int,
        sha256: String,
        attachments: [String]
    ) {
        self.subject = subject
        self.date = date
        self.messageId = messageId
        self.direction = direction
        self.size = size
        self.sha256 = sha256
        self.attachments = attachments
    }
}

/// The header a participant's address came from.
public enum ParticipantRole: String, WireEnum {
    case from
    case to
    case cc
    case bcc
}

/// An address of a message together with the person it belongs to.
public struct Participant: Codable, Sendable, Equatable {
    public var role: ParticipantRole
    /// The decoded display name, or nil when the address has none.
    public var name: String?
    /// The addr-spec as written in the message.
    public var address: String
    /// True when the address is one of the user's own addresses.
    public var isOwnAddress: Bool
    public var person: Person?

    public init(role: ParticipantRole, name: String?, address: String, isOwnAddress: Bool, person: Person?) {
        self.role = role
        self.name = name
        self.address = address
        self.isOwnAddress = isOwnAddress
        self.person = person
    }
}
