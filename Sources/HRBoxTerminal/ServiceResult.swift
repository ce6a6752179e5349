import HRBoxProtocol

/// The result of a successful ``ServiceRequest``, one case per request.
public enum ServiceResult: Equatable, Sendable {
    case lookup(Lookup.Result)
    case store(StoreMessage.Result)
    case searchPeople(SearchPeople.Result)
    case addPerson(AddPerson.Result)
    case cases(Cases.Result)
    case caseTypes(CaseTypes.Result)
    case addCase(AddCase.Result)
    case colleagues(Colleagues.Result)
    case addTodo(AddTodo.Result)
}
