/// A key press read from the terminal, decoded from the bytes it sends.
public enum Key: Equatable, Sendable {
    /// A printable character; a combining mark typed on its own arrives as its own character.
    case character(Character)
    case enter
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    /// Esc pressed on its own, not the start of an escape sequence.
    case escape
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// Ctrl with a letter, given as the lower-case letter: Ctrl-C is `.control("c")`.
    /// Ctrl-H, Ctrl-I and Ctrl-M arrive as `.backspace`, `.tab` and `.enter` because terminals send the same bytes.
    case control(Character)
    /// Bytes that form no key the box handles: invalid UTF-8, Alt with a key, or an unsupported sequence.
    case unknown([UInt8])
}

extension Key {
    /// The value of an ASCII digit key, or nil for any other key.
    var digit: Int? {
        guard case .character(let character) = self, character.isASCII else { return nil }
        return character.wholeNumberValue
    }

    /// Returns the index a list move key leads to from `index` in a list of `count` entries, or nil for other keys.
    ///
    /// Up and Down move by one and stop at the ends; Page Up, Page Down, Home and End jump.
    func movingHighlight(from index: Int, count: Int) -> Int? {
        guard count > 0 else { return nil }
        let target: Int
        switch self {
        case .up: target = index - 1
        case .down: target = index + 1
        case .pageUp: target = index - 10
        case .pageDown: target = index + 10
        case .home: target = 0
        case .end: target = count - 1
        default: return nil
        }
        return min(max(target, 0), count - 1)
    }
}
