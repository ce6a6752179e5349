import HRBoxProtocol

@testable import HRBoxTerminal

/// A ``BoxService`` that records every call and returns results the test sets up.
final class FakeBoxService: BoxService {
    private(set) var calls: [ServiceRequest] = []

    var lookupResult: Lookup.Result
    /// People returned for each search query; other queries return no people.
    var searchResults: [String: [Person]] = [:]
    /// Open cases returned for each person id; other people have none.
    var casesByPerson: [Int64: [Case]] = [:]
    var caseTypeList: [CaseType] = []
    var colleagueList = Colleagues.Result(colleagues: [], me: nil)
    /// The to-dos `addCase` returns for the new case.
    var workflowTodos: [Todo] = []
    /// True when `store` reports every target as filed before.
    var reportsAlreadyFiled = false
    /// Errors to throw, by method name without the `hrbox/` prefix, such as `store`.
    var errors: [String: BoxServiceError] = [:]

    init(lookup: Lookup.Result) {
        self.lookupResult = lookup
    }

    /// The params of every `store` call, in order.
    var storeCalls: [StoreMessage.Params] {
        calls.compactMap { call in
            if case .store(let params) = call { return params }
            return nil
        }
    }

    /// The params of every `addPerson` call, in order.
    var addPersonCalls: [AddPerson.Params] {
        calls.compactMap { call in
            if case .addPerson(let params) = call { return params }
            return nil
        }
    }

    /// The params of every `addTodo` call, in order.
    var addTodoCalls: [AddTodo.Params] {
        calls.compactMap { call in
            if case .addTodo(let params) = call { return params }
            return nil
        }
    }

    func lookup(_ params: Lookup.Params) throws(BoxServiceError) -> Lookup.Result {
        try record(.lookup(params), method: "lookup")
        return lookupResult
    }

    func store(_ params: StoreMessage.Params) throws(BoxServiceError) -> StoreMessage.Result {
        try record(.store(params), method: "store")
        let outcomes = params.targets.map { target in
            FilingOutcome(
                personId: target.personId,
                caseId: target.caseId,
                alreadyFiled: reportsAlreadyFiled,
                filedAt: "2026-12-01T10:00:00Z"
            )
        }
        return StoreMessage.Result(messageRef: 77, filings: outcomes)
    }

    func searchPeople(_ params: SearchPeople.Params) throws(BoxServiceError) -> SearchPeople.Result {
        try record(.searchPeople(params), method: "searchPeople")
        return SearchPeople.Result(people: searchResults[params.query] ?? [])
    }

    func addPerson(_ params: AddPerson.Params) throws(BoxServiceError) -> AddPerson.Result {
        try record(.addPerson(params), method: "addPerson")
        let person = Person(
            id: 500,
            firstName: params.firstName,
            lastName: params.lastName,
            addresses: params.addresses,
            employeeNumber: params.employeeNumber,
            status: params.status
        )
        return AddPerson.Result(person: person)
    }

    func cases(_ params: Cases.Params) throws(BoxServiceError) -> Cases.Result {
        try record(.cases(params), method: "cases")
        return Cases.Result(cases: casesByPerson[params.personId] ?? [])
    }

    func caseTypes() throws(BoxServiceError) -> CaseTypes.Result {
        try record(.caseTypes, method: "caseTypes")
        return CaseTypes.Result(caseTypes: caseTypeList)
    }

    func addCase(_ params: AddCase.Params) throws(BoxServiceError) -> AddCase.Result {
        try record(.addCase(params), method: "addCase")
        let caseType = caseTypeList.first { $0.id == params.caseTypeId }
        let started = Case(
            id: 900,
            personId: params.personId,
            caseTypeId: params.caseTypeId,
            caseType: caseType?.name ?? "unknown",
            title: params.title ?? "untitled",
            status: .open,
            startDate: params.startDate ?? "2026-12-01"
        )
        return AddCase.Result(case: started, todos: workflowTodos)
    }

    func colleagues() throws(BoxServiceError) -> Colleagues.Result {
        try record(.colleagues, method: "colleagues")
        return colleagueList
    }

    func addTodo(_ params: AddTodo.Params) throws(BoxServiceError) -> AddTodo.Result {
        try record(.addTodo(params), method: "addTodo")
        let todo = Todo(
            id: 300,
            title: params.title,
            due: params.due,
            assignee: params.assignee ?? colleagueList.me,
            sharedWith: params.sharedWith ?? [],
            personId: params.personId,
            caseId: params.caseId,
            messageRef: 77,
            done: false,
            createdAt: "2026-12-01T10:00:00Z",
            createdBy: colleagueList.me,
            workflowStep: nil
        )
        return AddTodo.Result(todo: todo)
    }

    private func record(_ request: ServiceRequest, method: String) throws(BoxServiceError) {
        calls.append(request)
        if let error = errors[method] {
            throw error
        }
    }
}
