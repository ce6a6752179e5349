import Glibc

/// The terminal the box draws on, opened by path because standard input carries the message.
///
/// ``enter()`` switches to raw mode and the alternate screen; ``restore()`` puts back exactly the
/// settings found and may be called any number of times.
final class Terminal {
    let fileDescriptor: Int32
    private let savedAttributes: termios
    private var isEntered = false

    /// Opens the terminal at `path` for reading keys and drawing.
    ///
    /// - Throws: `TerminalError.unavailable` when the path cannot be opened or is no terminal.
    init(path: String) throws(TerminalError) {
        let descriptor = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TerminalError.unavailable(path: path, reason: String(cString: strerror(errno)))
        }

        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw TerminalError.unavailable(path: path, reason: "not a terminal: \(reason)")
        }
        fileDescriptor = descriptor
        savedAttributes = attributes
    }

    deinit {
        restore()
        Glibc.close(fileDescriptor)
    }

    /// Switches to raw mode (keys arrive one by one, unechoed, Ctrl-C as a byte), the alternate screen and a hidden cursor.
    func enter() throws(TerminalError) {
        var raw = savedAttributes
        cfmakeraw(&raw)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        guard tcsetattr(fileDescriptor, TCSAFLUSH, &raw) == 0 else {
            throw TerminalError.systemCall("tcsetattr", errno: errno)
        }
        isEntered = true
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J")
    }

    /// Leaves the alternate screen, shows the cursor and puts back the settings found on opening.
    func restore() {
        guard isEntered else { return }
        isEntered = false
        write("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l")
        var attributes = savedAttributes
        // TCSAFLUSH drops keys typed but not read, so they do not reach the mail client afterwards.
        _ = tcsetattr(fileDescriptor, TCSAFLUSH, &attributes)
    }

    /// Returns the terminal's width and height in cells, or 80x24 when the terminal reports no size.
    func size() -> (width: Int, height: Int) {
        var windowSize = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_col > 0, windowSize.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(windowSize.ws_col), Int(windowSize.ws_row))
    }

    /// Reads the bytes that are ready, or returns nil when the terminal is gone (end of file or an error).
    func readBytes() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fileDescriptor, &buffer, buffer.count)
            if count > 0 {
                return Array(buffer[0..<count])
            }
            if count < 0, errno == EINTR || errno == EAGAIN {
                continue
            }
            return nil
        }
    }

    /// Writes all of `text`, retrying after interruptions; a terminal that refuses output is left as it is.
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                guard let start = buffer.baseAddress else { return 0 }
                return Glibc.write(fileDescriptor, start + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                return
            }
        }
    }

    /// Draws `frame` over the whole screen in one write; `clearFirst` wipes what a resize left behind.
    func draw(_ frame: Frame, clearFirst: Bool) {
        var output = "\u{1B}[?25l"
        if clearFirst {
            output += "\u{1B}[2J"
        }
        for (index, line) in frame.lines.enumerated() {
            output += "\u{1B}[\(index + 1);1H" + Self.styleSequence(line.style) + line.text + "\u{1B}[0m\u{1B}[K"
        }
        if let cursor = frame.cursor {
            output += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h"
        }
        write(output)
    }

    /// Returns the SGR sequence that starts a line of `style`.
    private static func styleSequence(_ style: LineStyle) -> String {
        switch style {
        case .plain: ""
        case .title, .highlighted, .keys: "\u{1B}[7m"
        case .heading: "\u{1B}[1m"
        case .error: "\u{1B}[1;31m"
        }
    }
}
