/// A member of the HR team who uses hrbox: an assignee of to-dos and the author of filings.
public struct Colleague: Codable, Sendable, Equatable, Hashable {
    /// A short login-like identifier such as `mkeller`, unique among colleagues.
    public var id: String
    public var name: String
    public var address: String?

    public init(id: String, name: String, address: String? = nil) {
        self.id = id
        self.name = name
        self.address = address
    }
}
