/// `hrbox/move`: moves one filing of a stored message to another person or case.
public enum Move: HRBoxMethod {
    public static let name = "hrbox/move"

    public struct Params: Codable, Sendable, Equatable {
        public var messageRef: Int64
        /// The filing the message is moved from. Without a `caseId` it is the filing without a case.
        public var from: FilingTarget
        public var to: FilingTarget

        public init(messageRef: Int64, from: FilingTarget, to: FilingTarget) {
            self.messageRef = messageRef
            self.from = from
            self.to = to
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The filing at the destination. `alreadyFiled` is true when the message was filed there before,
        /// in which case the filing at `from` was removed and the earlier one kept.
        public var filing: FilingOutcome

        public init(filing: FilingOutcome) {
            self.filing = filing
        }
    }
}
