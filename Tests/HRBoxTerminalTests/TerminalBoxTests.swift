import Foundation
import Glibc
import Testing

@testable import HRBoxTerminal

/// A pseudo-terminal whose slave end plays the user's terminal for ``TerminalBox/run(message:service:terminalPath:)``.
///
/// The test keeps its own descriptor of the slave open, so the terminal stays alive after the box
/// closes its descriptor and its settings can be compared with those before the run.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    let slavePath: String
    private var output: [UInt8] = []

    init() throws {
        // Glibc's Swift module leaves out the pseudo-terminal functions because they need
        // _XOPEN_SOURCE, so the test looks them up in the C library at run time.
        let library = dlopen(nil, RTLD_NOW)
        typealias OpenFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let openMaster = unsafeBitCast(try #require(dlsym(library, "posix_openpt")), to: OpenFunction.self)
        let grant = unsafeBitCast(try #require(dlsym(library, "grantpt")), to: OpenFunction.self)
        let unlock = unsafeBitCast(try #require(dlsym(library, "unlockpt")), to: OpenFunction.self)
        let slaveName = unsafeBitCast(try #require(dlsym(library, "ptsname")), to: NameFunction.self)

        master = openMaster(O_RDWR | O_NOCTTY)
        try #require(master >= 0, "posix_openpt failed")
        try #require(grant(master) == 0 && unlock(master) == 0, "grantpt or unlockpt failed")
        let name = try #require(slaveName(master), "ptsname failed")
        slavePath = String(cString: name)
        slave = open(slavePath, O_RDWR | O_NOCTTY)
        try #require(slave >= 0, "cannot open \(slavePath)")
        resize(width: 80, height: 24)
    }

    deinit {
        close(slave)
        close(master)
    }

    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    func attributes() -> termios {
        var attributes = termios()
        _ = tcgetattr(slave, &attributes)
        return attributes
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Everything the box wrote so far, as text.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Reads the box's output until `marker` appears after `offset` bytes or the deadline passes; returns whether it appeared.
    @discardableResult
    func waitFor(_ marker: String, after offset: Int = 0, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if String(decoding: output.dropFirst(offset), as: UTF8.self).contains(marker) {
                return true
            }
            drain(milliseconds: 50)
        }
        return false
    }

    /// Reads what the box wrote within `milliseconds`, so that its writes never block on a full buffer.
    func drain(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            output += buffer[0..<count]
        }
    }

    var outputCount: Int { output.count }
}

/// The exit status of a box run on another thread, filled in when the run ends.
///
/// `@unchecked Sendable` is safe because every access to `status` takes `lock` first.
final class RunResult: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int32?

    var status: Int32? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

@Suite("Terminal box", .serialized)
struct TerminalBoxTests {
    /// Starts the box on `terminal` on its own thread, with a service that finds Anna.
    private func startBox(on terminal: PseudoTerminal) -> RunResult {
        let result = RunResult()
        let path = terminal.slavePath
        let thread = Thread {
            let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
            result.status = TerminalBox.run(message: Fixtures.message, service: service, terminalPath: path)
        }
        thread.start()
        return result
    }

    /// Keeps reading the terminal until the run ends or the deadline passes.
    private func waitForEnd(of result: RunResult, on terminal: PseudoTerminal, seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while result.status == nil, Date() < deadline {
            terminal.drain(milliseconds: 20)
        }
        terminal.drain(milliseconds: 20)
        return result.status
    }

    private func expectRestored(_ terminal: PseudoTerminal, like before: termios) {
        let after = terminal.attributes()
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
        #expect(after.c_oflag == before.c_oflag)
        #expect(after.c_cflag == before.c_cflag)

        let text = terminal.text
        let entered = text.range(of: "\u{1B}[?1049h")
        let left = text.range(of: "\u{1B}[?1049l", options: .backwards)
        #expect(entered != nil)
        #expect(left != nil)
        if let entered, let left {
            #expect(entered.upperBound <= left.lowerBound)
            #expect(text[left.lowerBound...].contains("\u{1B}[?25h") || text[..<left.lowerBound].hasSuffix("\u{1B}[?25h"))
        }
    }

    @Test func quitRestoresTerminal() throws {
        let terminal = try PseudoTerminal()
        let before = terminal.attributes()
        let result = startBox(on: terminal)

        #expect(terminal.waitFor("q quit"))
        #expect(terminal.text.contains("Anna Schmidt · E-1042 · employee"))
        terminal.send("q")

        #expect(waitForEnd(of: result, on: terminal) == 0)
        expectRestored(terminal, like: before)
    }

    @Test func escapeAloneAndArrowKeys() throws {
        let terminal = try PseudoTerminal()
        let result = startBox(on: terminal)
        #expect(terminal.waitFor("q quit"))

        terminal.send("?")
        #expect(terminal.waitFor("Keys of the HR box"))
        var mark = terminal.outputCount
        terminal.send("\u{1B}")
        #expect(terminal.waitFor("s store", after: mark))

        mark = terminal.outputCount
        terminal.send("f\u{1B}[B\r")
        #expect(terminal.waitFor("\"Sick leave 2026-11-30\" (Sick leave", after: mark))
        #expect(terminal.waitFor("File under   \"Sick leave 2026-11-30\"", after: mark))

        terminal.send("\u{03}")
        #expect(waitForEnd(of: result, on: terminal) == 0)
    }

    @Test func resizeRedrawsAtNewSize() throws {
        let terminal = try PseudoTerminal()
        let result = startBox(on: terminal)
        #expect(terminal.waitFor("q quit"))
        #expect(!terminal.text.contains("\u{1B}[30;1H"))

        let mark = terminal.outputCount
        terminal.resize(width: 100, height: 30)
        kill(getpid(), SIGWINCH)
        #expect(terminal.waitFor("\u{1B}[30;1H", after: mark))

        terminal.send("q")
        #expect(waitForEnd(of: result, on: terminal) == 0)
    }

    @Test func terminationSignalRestoresTerminal() throws {
        let terminal = try PseudoTerminal()
        let before = terminal.attributes()
        let result = startBox(on: terminal)
        #expect(terminal.waitFor("q quit"))

        kill(getpid(), SIGTERM)

        #expect(waitForEnd(of: result, on: terminal) == 128 + SIGTERM)
        expectRestored(terminal, like: before)
    }

    @Test func missingTerminalFails() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-no-tty-\(UUID().uuidString)").path
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())

        #expect(TerminalBox.run(message: Fixtures.message, service: service, terminalPath: path) == 2)
        #expect(service.calls.isEmpty)
    }

    @Test func regularFileIsNoTerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-box-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("not-a-tty")
        try Data("plain file".utf8).write(to: file)
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())

        #expect(TerminalBox.run(message: Fixtures.message, service: service, terminalPath: file.path) == 2)
        #expect(service.calls.isEmpty)
    }

    @Test func emptyMessageFails() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())

        #expect(TerminalBox.run(message: [], service: service, terminalPath: "/dev/null") == 2)
        #expect(service.calls.isEmpty)
    }

    @Test func terminalErrorMessages() {
        let unavailable = TerminalError.unavailable(path: "/dev/tty", reason: "No such device or address")
        #expect(unavailable.message.contains("hrbox box needs a terminal, but /dev/tty could not be used"))
        #expect(unavailable.message.contains("Run it from mutt, neomutt or aerc"))
    }
}
