import Foundation

/// A one-line text field edited at its end: typing appends, Backspace removes the last character, Ctrl-U clears.
struct TextField: Equatable, Sendable {
    var text: String

    init(_ text: String = "") {
        self.text = text
    }

    /// The text without surrounding spaces, as the box sends it.
    var trimmed: String {
        text.trimmingCharacters(in: .whitespaces)
    }

    /// Applies an editing key and returns true, or returns false for a key that does not edit text.
    mutating func edit(with key: Key) -> Bool {
        switch key {
        case .character(let character):
            text.append(character)
        case .backspace:
            if !text.isEmpty {
                text.removeLast()
            }
        case .control("u"):
            text = ""
        default:
            return false
        }
        return true
    }
}
