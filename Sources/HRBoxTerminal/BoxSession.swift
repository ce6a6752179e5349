/// A ``BoxModel`` wired to a ``BoxService``: it runs the calls the model requests until the model waits for a key.
///
/// The terminal layer and the tests drive the box through it, so both run the same effect loop.
struct BoxSession {
    private(set) var model: BoxModel
    let service: any BoxService
    /// Called before each service call so the screen can show "Working..." while it runs.
    var willCall: (BoxModel) -> Void = { _ in }
    private(set) var hasQuit = false

    init(model: BoxModel, service: any BoxService) {
        self.model = model
        self.service = service
    }

    /// Starts the box by looking up the message.
    mutating func start() {
        run(model.start())
    }

    /// Passes a key to the model and runs what follows; returns true when the model asked to quit.
    @discardableResult
    mutating func press(_ key: Key) -> Bool {
        run(model.handle(key))
        return hasQuit
    }

    private mutating func run(_ effects: [BoxEffect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .call(let request):
                willCall(model)
                let outcome = request.perform(on: service)
                queue.append(contentsOf: model.receive(outcome))
            case .redraw:
                break
            case .quit:
                hasQuit = true
            }
        }
    }
}
