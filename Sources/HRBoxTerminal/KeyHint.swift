/// A key and what it does, as the help line at the bottom of the screen lists it.
struct KeyHint: Equatable, Sendable {
    var keys: String
    var action: String

    init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }

    var text: String { "\(keys) \(action)" }
}
