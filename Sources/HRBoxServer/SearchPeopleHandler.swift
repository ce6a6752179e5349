import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/searchPeople`: people whose name, address or employee number contains the query.
struct SearchPeopleHandler: MethodHandler {
    typealias Method = SearchPeople

    static let defaultLimit = 20
    static let maximumLimit = 500

    func handle(
        _ params: SearchPeople.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> SearchPeople.Result {
        let limit = params.limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw .invalidParams("limit: expected a number from 1 to \(Self.maximumLimit), found \(limit)")
        }
        let query = params.query.trimmingCharacters(in: .whitespacesAndNewlines)
        let people = try withStore(context) { (store) throws(StoreError) in
            try store.searchPeople(query, limit: limit)
        }
        return SearchPeople.Result(people: people)
    }
}
