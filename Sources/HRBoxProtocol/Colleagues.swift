/// `hrbox/colleagues`: lists the colleagues to-dos can be assigned to or shared with.
public enum Colleagues: HRBoxMethod {
    public static let name = "hrbox/colleagues"

    public typealias Params = NoParams

    public struct Result: Codable, Sendable, Equatable {
        public var colleagues: [Colleague]
        /// The id of the colleague the server runs for, from its configuration, or nil when it has none.
        public var me: String?

        public init(colleagues: [Colleague], me: String?) {
            self.colleagues = colleagues
            self.me = me
        }
    }
}
