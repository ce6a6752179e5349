/// The ids of requests received and not yet replied to, and which of them the client cancelled.
///
/// The read loop adds ids as requests arrive and the handling queue removes them once their replies
/// are on the way, so both sides go through a lock.
final class InFlightRequests: Sendable {
    private struct State {
        var pending: Set<RequestID> = []
        var cancelled: Set<RequestID> = []
    }

    private let state = Locked(State())

    /// Adds an id; returns false when a request with that id is in flight already.
    func insert(_ id: RequestID) -> Bool {
        state.withLock { $0.pending.insert(id).inserted }
    }

    /// Marks a request as cancelled; an id that is not in flight is ignored.
    func cancel(_ id: RequestID) {
        state.withLock { state in
            if state.pending.contains(id) {
                state.cancelled.insert(id)
            }
        }
    }

    func isCancelled(_ id: RequestID) -> Bool {
        state.withLock { $0.cancelled.contains(id) }
    }

    func remove(_ id: RequestID) {
        state.withLock { state in
            state.pending.remove(id)
            state.cancelled.remove(id)
        }
    }
}
