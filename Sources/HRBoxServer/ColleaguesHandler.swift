import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/colleagues`: the colleagues to-dos can be assigned to, and which one is the user.
struct ColleaguesHandler: MethodHandler {
    typealias Method = Colleagues

    func handle(
        _ params: NoParams, context: ServerContext, request: RequestContext
    ) throws(ResponseError) -> Colleagues.Result {
        let colleagues = try withStore(context) { (store) throws(StoreError) in
            try store.colleagues()
        }
        return Colleagues.Result(colleagues: colleagues, me: context.configuration.colleague)
    }
}
