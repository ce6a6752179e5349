import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox/store`: files a message for every target in one transaction.
struct StoreMessageHandler: MethodHandler {
    typealias Method = StoreMessage

    func handle(_ params: StoreMessage.Params, context: ServerContext) throws(ResponseError) -> StoreMessage.Result {
        guard !params.targets.isEmpty else {
            throw .invalidParams("targets: give at least one person to file the message for")
        }
        let message = try MessageLoader.load(params.message, context: context)
        let filedBy = try context.colleague()

        let (messageRef, outcomes) = try withStore(context) { (store) throws(StoreError) in
            try store.file(message.record, targets: params.targets, filedBy: filedBy)
        }
        let newFilings = outcomes.filter { !$0.alreadyFiled }.count
        context.log.info(
            "Filed message \(messageRef): \(newFilings) new filing(s), \(outcomes.count - newFilings) filed already.")
        return StoreMessage.Result(messageRef: messageRef, filings: outcomes)
    }
}
