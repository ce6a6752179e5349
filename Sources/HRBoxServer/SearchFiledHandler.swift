import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/searchFiled`: full-text search in the personnel files.
struct SearchFiledHandler: MethodHandler {
    typealias Method = SearchFiled

    static let defaultLimit = 20

    func handle(
        _ params: SearchFiled.Params, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> SearchFiled.Result {
        let hits = try withStore(context) { (store) throws(StoreError) in
            try store.searchFiled(params.query, personId: params.personId, limit: params.limit ?? Self.defaultLimit)
        }
        return SearchFiled.Result(hits: hits.map {
            SearchHit(messageRef: $0.messageRef, subject: $0.subject, date: $0.date, snippet: $0.snippet, filings: $0.filings)
        })
    }
}
