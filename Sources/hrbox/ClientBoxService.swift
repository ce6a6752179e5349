import HRBoxClient
import HRBoxProtocol
import HRBoxTerminal

/// The HR box's service over a running `hrbox serve`: each call is one JSON-RPC request.
final class ClientBoxService: BoxService {
    private let client: HRBoxClient

    init(client: HRBoxClient) {
        self.client = client
    }

    func lookup(_ params: Lookup.Params) throws(BoxServiceError) -> Lookup.Result {
        try call(Lookup.self, params)
    }

    func store(_ params: StoreMessage.Params) throws(BoxServiceError) -> StoreMessage.Result {
        try call(StoreMessage.self, params)
    }

    func searchPeople(_ params: SearchPeople.Params) throws(BoxServiceError) -> SearchPeople.Result {
        try call(SearchPeople.self, params)
    }

    func addPerson(_ params: AddPerson.Params) throws(BoxServiceError) -> AddPerson.Result {
        try call(AddPerson.self, params)
    }

    func cases(_ params: Cases.Params) throws(BoxServiceError) -> Cases.Result {
        try call(Cases.self, params)
    }

    func caseTypes() throws(BoxServiceError) -> CaseTypes.Result {
        try call(CaseTypes.self, NoParams())
    }

    func addCase(_ params: AddCase.Params) throws(BoxServiceError) -> AddCase.Result {
        try call(AddCase.self, params)
    }

    func colleagues() throws(BoxServiceError) -> Colleagues.Result {
        try call(Colleagues.self, NoParams())
    }

    func addTodo(_ params: AddTodo.Params) throws(BoxServiceError) -> AddTodo.Result {
        try call(AddTodo.self, params)
    }

    /// Sends one request; the server's errors keep their code, transport failures have none.
    private func call<Method: HRBoxMethod>(_ method: Method.Type, _ params: Method.Params) throws(BoxServiceError)
        -> Method.Result
    {
        do {
            return try client.call(method, params)
        } catch {
            switch error {
            case .server(let code, let message, _):
                throw BoxServiceError(code: code, message: message)
            case .transport(let reason):
                throw BoxServiceError(code: nil, message: "hrbox serve stopped working: \(reason)")
            }
        }
    }
}
