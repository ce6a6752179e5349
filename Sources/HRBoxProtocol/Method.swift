/// A method of the hrbox protocol: its wire name and the types of its params and result.
///
/// Every `hrbox/` method has one conforming type, in a file of its own, and is listed in
/// ``HRBoxMethods/all`` so that `initialize` can tell a client what the server offers.
public protocol HRBoxMethod: Sendable {
    associatedtype Params: Codable & Sendable
    associatedtype Result: Codable & Sendable
    static var name: String { get }
}

/// Params of a method that takes none: an empty object, and also `[]` or absent params.
public struct NoParams: Codable, Sendable, Equatable {
    private enum CodingKeys: CodingKey {}

    public init() {}

    /// Requires an object, since an empty struct's synthesized decoding reads nothing and would
    /// accept any value, such as `[1]`. Members of the object are ignored, as for every method.
    public init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: CodingKeys.self)
    }
}

/// The registry of every `hrbox/` method the server offers, in the order the spec lists them.
public enum HRBoxMethods {
    public static let all: [any HRBoxMethod.Type] = [
        Lookup.self,
        StoreMessage.self,
        SearchPeople.self,
        AddPerson.self,
        Cases.self,
        CaseTypes.self,
        AddCase.self,
        Colleagues.self,
        AddTodo.self,
        PersonnelFile.self,
        AddAddress.self,
        RemoveAddress.self,
        Unfile.self,
        Move.self,
        Todos.self,
        CompleteTodo.self,
        SearchFiled.self,
        Audit.self,
    ]

    public static var names: [String] { all.map { $0.name } }
}
