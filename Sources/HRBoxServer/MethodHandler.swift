import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// The handler of one `hrbox/` method: typed params in, typed result out.
protocol MethodHandler {
    associatedtype Method: HRBoxMethod

    /// Runs the method. `request` reports whether the client cancelled the request and sends its
    /// progress. Handlers that take long check it between their steps.
    func handle(_ params: Method.Params, context: ServerContext, request: RequestContext) throws(ResponseError)
        -> Method.Result
}

/// A handler with its params decoded from, and its result encoded to, JSON values.
struct MethodRoute {
    let name: String
    let run: (JSONValue?, ServerContext, RequestContext) throws(ResponseError) -> JSONValue

    init<Handler: MethodHandler>(_ handler: Handler) {
        name = Handler.Method.name
        run = { (params: JSONValue?, context: ServerContext, request: RequestContext) throws(ResponseError) -> JSONValue in
            let decoded = try decodeParams(Handler.Method.Params.self, from: params)
            let result = try handler.handle(decoded, context: context, request: request)
            do {
                return try JSONValueEncoder().encode(result)
            } catch {
                context.log.error("Encoding the result of \(Handler.Method.name) failed: \(error)")
                throw .internalError
            }
        }
    }
}

/// Decodes params, reading absent params as `{}` so that methods without params accept them left out.
private func decodeParams<Params: Decodable>(_ type: Params.Type, from params: JSONValue?) throws(ResponseError)
    -> Params
{
    do {
        return try JSONValueDecoder().decode(type, from: params ?? .object([:]))
    } catch {
        throw .invalidParams(String(describing: error))
    }
}

/// Runs a store call and turns its errors into replies a client can act on.
func withStore<T>(_ context: ServerContext, _ body: (HRBoxStore.Store) throws(StoreError) -> T) throws(ResponseError)
    -> T
{
    let store = try context.store()
    do {
        return try body(store)
    } catch {
        throw reply(for: error, context: context)
    }
}

/// Returns the reply for a failed store call, and logs the failures an administrator must fix.
func reply(for error: StoreError, context: ServerContext) -> ResponseError {
    let reply = DomainError.from(error)
    if reply.code == HRBoxErrorCode.storeUnavailable {
        context.log.error("A store operation failed: \(error.redactedDescription)")
        if let statement = error.statement {
            context.log.debug("The failed statement, without its values: \(statement)")
        }
    }
    context.closeStoreIfConnectionLost()
    return reply
}
