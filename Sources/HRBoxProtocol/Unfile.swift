/// `hrbox/unfile`: removes one filing of a stored message.
public enum Unfile: HRBoxMethod {
    public static let name = "hrbox/unfile"

    public struct Params: Codable, Sendable, Equatable {
        public var messageRef: Int64
        public var personId: Int64
        /// The case the message is filed under; absent for the filing without a case.
        public var caseId: Int64?

        public init(messageRef: Int64, personId: Int64, caseId: Int64? = nil) {
            self.messageRef = messageRef
            self.personId = personId
            self.caseId = caseId
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// True when this was the message's last filing and no to-do refers to it, so its bytes were deleted.
        public var messageDeleted: Bool

        public init(messageDeleted: Bool) {
            self.messageDeleted = messageDeleted
        }
    }
}
