import HRBoxProtocol

/// One call the box requests its I/O layer to make on the ``BoxService``.
public enum ServiceRequest: Equatable, Sendable {
    case lookup(Lookup.Params)
    case store(StoreMessage.Params)
    case searchPeople(SearchPeople.Params)
    case addPerson(AddPerson.Params)
    case cases(Cases.Params)
    case caseTypes
    case addCase(AddCase.Params)
    case colleagues
    case addTodo(AddTodo.Params)

    /// Makes the call and returns its result, or the service's error as a failure.
    public func perform(on service: any BoxService) -> Result<ServiceResult, BoxServiceError> {
        do throws(BoxServiceError) {
            switch self {
            case .lookup(let params):
                return .success(.lookup(try service.lookup(params)))
            case .store(let params):
                return .success(.store(try service.store(params)))
            case .searchPeople(let params):
                return .success(.searchPeople(try service.searchPeople(params)))
            case .addPerson(let params):
                return .success(.addPerson(try service.addPerson(params)))
            case .cases(let params):
                return .success(.cases(try service.cases(params)))
            case .caseTypes:
                return .success(.caseTypes(try service.caseTypes()))
            case .addCase(let params):
                return .success(.addCase(try service.addCase(params)))
            case .colleagues:
                return .success(.colleagues(try service.colleagues()))
            case .addTodo(let params):
                return .success(.addTodo(try service.addTodo(params)))
            }
        } catch {
            return .failure(error)
        }
    }
}
