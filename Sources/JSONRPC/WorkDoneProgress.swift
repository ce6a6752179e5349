/// The `$/progress` notifications of one request: a `begin`, any number of `report`s, then an `end`.
///
/// The phase sits behind a lock because a handler may hand its context to another thread.
final class WorkDoneProgress: Sendable {
    private enum Phase {
        case notBegun
        case running(lastPercentage: Int?)
        case ended
    }

    private let token: JSONValue
    private let defaultTitle: String
    private let send: @Sendable (_ method: String, _ params: JSONValue) -> Void
    private let phase = Locked(Phase.notBegun)

    init(token: JSONValue, defaultTitle: String, send: @escaping @Sendable (String, JSONValue) -> Void) {
        self.token = token
        self.defaultTitle = defaultTitle
        self.send = send
    }

    func begin(title: String, message: String?, percentage: Int?) {
        let value: JSONValue? = phase.withLock { phase in
            guard case .notBegun = phase else {
                return nil
            }
            let clamped = percentage.map { min(max($0, 0), 100) }
            phase = .running(lastPercentage: clamped)
            var value: JSONObject = ["kind": "begin", "title": .string(title), "cancellable": true]
            value["message"] = message.map(JSONValue.string)
            value["percentage"] = clamped.map { JSONValue($0) }
            return .object(value)
        }
        value.map(notify)
    }

    func report(message: String?, percentage: Int?) {
        begin(title: defaultTitle, message: nil, percentage: nil)
        let value: JSONValue? = phase.withLock { phase in
            guard case .running(let last) = phase else {
                return nil
            }
            let clamped = percentage.map { max(min(max($0, 0), 100), last ?? 0) }
            phase = .running(lastPercentage: clamped ?? last)
            var value: JSONObject = ["kind": "report"]
            value["message"] = message.map(JSONValue.string)
            value["percentage"] = clamped.map { JSONValue($0) }
            return .object(value)
        }
        value.map(notify)
    }

    func end() {
        begin(title: defaultTitle, message: nil, percentage: nil)
        let isRunning = phase.withLock { phase in
            guard case .running = phase else {
                return false
            }
            phase = .ended
            return true
        }
        if isRunning {
            notify(["kind": "end"])
        }
    }

    private func notify(_ value: JSONValue) {
        send("$/progress", ["token": token, "value": value])
    }
}
