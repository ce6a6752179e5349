/// One screenful of the box: exactly one line per terminal row, each no wider than the terminal.
public struct Frame: Equatable, Sendable {
    public var lines: [ScreenLine]
    /// The cell of the cursor in a text field being typed into, or nil to hide the cursor.
    public var cursor: ScreenPosition?

    /// The lines' text alone, for tests and for reading a frame.
    public var texts: [String] { lines.map(\.text) }
}

/// A row of the screen: text without control characters, and how the terminal should draw it.
public struct ScreenLine: Equatable, Sendable {
    public var text: String
    public var style: LineStyle

    public init(_ text: String, style: LineStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// The way a whole row is drawn.
public enum LineStyle: Equatable, Sendable {
    case plain
    /// The title bar at the top, drawn in reverse video across the whole width.
    case title
    /// A section heading, drawn bold.
    case heading
    /// The highlighted entry of a list or the focused field of a form, in reverse video.
    case highlighted
    /// The status line when it shows an error, bold red.
    case error
    /// The key help at the bottom, drawn in reverse video like the help line of mutt.
    case keys
}

/// A cell of the screen, counting from 0 at the top left.
public struct ScreenPosition: Equatable, Sendable {
    public var row: Int
    public var column: Int
}
