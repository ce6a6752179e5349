/// The LSP lifecycle as a state machine: `initialize`, work, `shutdown`, `exit`.
///
/// Requests before `initialize` get -32002 and notifications then are dropped. A second
/// `initialize` gets -32600, and so does every request after `shutdown`. `exit` ends the server
/// at any time: with status 0 after `shutdown`, 1 otherwise. End of input counts as `exit`.
struct ServerLifecycle {
    enum Phase: Equatable {
        case uninitialized
        case running
        case shutDown
    }

    enum RequestDecision: Equatable {
        case initialize
        case shutdown
        case handle
        case reject(ResponseError)
    }

    enum NotificationDecision: Equatable {
        case handle
        case ignore
        case exit(status: Int32)
    }

    private(set) var phase = Phase.uninitialized

    /// The exit status when the input ends or `exit` arrives now.
    var exitStatus: Int32 {
        phase == .shutDown ? 0 : 1
    }

    /// Decides about a request and records its effect on the phase.
    mutating func decide(request method: String) -> RequestDecision {
        let decision = decision(request: method)
        accept(decision)
        return decision
    }

    /// Decides about a request without changing the phase, so that the caller may still reject it
    /// for another reason before calling ``accept(_:)``.
    func decision(request method: String) -> RequestDecision {
        switch (phase, method) {
        case (.uninitialized, "initialize"):
            return .initialize
        case (.uninitialized, _):
            return .reject(.serverNotInitialized)
        case (.running, "initialize"):
            return .reject(.invalidRequest("the server is initialized already"))
        case (.running, "shutdown"):
            return .shutdown
        case (.running, _) where method.hasPrefix("$/"):
            return .reject(.methodNotFound(method))
        case (.running, _):
            return .handle
        case (.shutDown, _):
            return .reject(.invalidRequest("the server is shut down; send the exit notification"))
        }
    }

    /// Records a decision the caller acts on: `shutdown` ends the running phase.
    mutating func accept(_ decision: RequestDecision) {
        if decision == .shutdown {
            phase = .shutDown
        }
    }

    /// Records that the handler's `initialize` succeeded.
    mutating func didInitialize() {
        if phase == .uninitialized {
            phase = .running
        }
    }

    func decide(notification method: String) -> NotificationDecision {
        if method == "exit" {
            return .exit(status: exitStatus)
        }
        let isLifecycleMethod = ["initialize", "initialized", "shutdown"].contains(method)
        guard phase == .running, !isLifecycleMethod, !method.hasPrefix("$/") else {
            return .ignore
        }
        return .handle
    }
}
