import HRBoxProtocol

/// The calls the HR box makes to hrbox. The executable implements them over the JSON-RPC client.
///
/// Every call is synchronous: the box shows "Working..." and waits for the result.
public protocol BoxService: AnyObject {
    func lookup(_ params: Lookup.Params) throws(BoxServiceError) -> Lookup.Result
    func store(_ params: StoreMessage.Params) throws(BoxServiceError) -> StoreMessage.Result
    func searchPeople(_ params: SearchPeople.Params) throws(BoxServiceError) -> SearchPeople.Result
    func addPerson(_ params: AddPerson.Params) throws(BoxServiceError) -> AddPerson.Result
    func cases(_ params: Cases.Params) throws(BoxServiceError) -> Cases.Result
    func caseTypes() throws(BoxServiceError) -> CaseTypes.Result
    func addCase(_ params: AddCase.Params) throws(BoxServiceError) -> AddCase.Result
    func colleagues() throws(BoxServiceError) -> Colleagues.Result
    func addTodo(_ params: AddTodo.Params) throws(BoxServiceError) -> AddTodo.Result
}

/// A failed service call, as the box shows it on its status line.
public struct BoxServiceError: Error, Equatable, Sendable {
    /// The server's error code (see `HRBoxErrorCode`), or nil for transport errors.
    public var code: Int?
    /// A sentence naming what went wrong and what to do.
    public var message: String

    public init(code: Int?, message: String) {
        self.code = code
        self.message = message
    }
}
