/// The sentence on the box's status line: the outcome of the last action, or what went wrong.
struct StatusMessage: Equatable, Sendable {
    var text: String
    var isError: Bool

    static func info(_ text: String) -> StatusMessage {
        StatusMessage(text: text, isError: false)
    }

    static func error(_ text: String) -> StatusMessage {
        StatusMessage(text: text, isError: true)
    }
}
