import Foundation
import HRBoxProtocol
import Glibc

/// `hrbox box`: the HR box that mutt, neomutt and aerc run with a message on standard input.
public enum TerminalBox {
    /// How long a lone Esc byte waits for the rest of an escape sequence before it counts as the Esc key.
    static let escapeWaitMilliseconds: Int32 = 50

    /// Runs the box on the terminal at `terminalPath` until the user quits, then prints one line per thing done.
    ///
    /// The terminal is restored on every way out, a terminating signal included. The summary goes to
    /// stdout so that mutt's "press any key" screen shows it; problems go to stderr.
    ///
    /// - Parameters:
    ///   - message: The raw message as the mail client piped it; it is sent to the server byte for byte.
    ///   - service: The hrbox server the box calls.
    ///   - terminalPath: The terminal to read keys from and draw on.
    /// - Returns: The exit status. It is 0 when the user quit normally, and 1 when the box could not work on
    ///   the message or lost its terminal. It is 2 without a message or a terminal, and 128 plus the signal's
    ///   number when a signal stopped the box.
    public static func run(message: [UInt8], service: any BoxService, terminalPath: String = "/dev/tty") -> Int32 {
        guard !message.isEmpty else {
            printError("hrbox box: no message on standard input. Pipe a message into it, for example with <pipe-message> in mutt or :pipe -m in aerc.")
            return 2
        }

        let terminal: Terminal
        let signals: SignalPipe
        do throws(TerminalError) {
            terminal = try Terminal(path: terminalPath)
            signals = try SignalPipe(signals: [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        } catch {
            printError(error.message)
            return 2
        }
        defer { signals.close() }

        do throws(TerminalError) {
            try terminal.enter()
        } catch {
            printError(error.message)
            return 2
        }

        let model = BoxModel(message: message, today: CalendarDate(containing: Date()))
        let ending = runLoop(BoxSession(model: model, service: service), terminal: terminal, signals: signals)
        terminal.restore()

        return report(ending)
    }

    /// The way the loop ended, with the model at that moment.
    enum Ending {
        case quit(BoxModel)
        case signal(Int32, BoxModel)
        case terminalLost(BoxModel)
    }

    /// Draws, waits for keys and signals, and passes keys to the session until the user quits.
    private static func runLoop(_ session: BoxSession, terminal: Terminal, signals: SignalPipe) -> Ending {
        var session = session
        var decoder = KeyDecoder()
        var clearFirst = false
        let draw = { (model: BoxModel, clear: Bool) in
            let size = terminal.size()
            terminal.draw(BoxRenderer.frame(for: model, width: size.width, height: size.height), clearFirst: clear)
        }
        session.willCall = { model in draw(model, false) }

        session.start()
        while !session.hasQuit {
            draw(session.model, clearFirst)
            clearFirst = false

            var descriptors = [
                pollfd(fd: terminal.fileDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let timeout = decoder.hasPendingInput ? escapeWaitMilliseconds : -1
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .terminalLost(session.model)
            }

            for number in descriptors[1].revents != 0 ? signals.drain() : [] {
                if number == SIGWINCH {
                    clearFirst = true
                } else {
                    return .signal(number, session.model)
                }
            }

            var keys: [Key] = []
            if ready == 0 {
                keys = decoder.flush()
            } else if descriptors[0].revents != 0 {
                guard let bytes = terminal.readBytes() else { return .terminalLost(session.model) }
                keys = decoder.feed(bytes)
            }
            for key in keys where !session.hasQuit {
                if key == .control("l") {
                    clearFirst = true
                }
                session.press(key)
            }
        }
        return .quit(session.model)
    }

    /// Prints the summary to stdout and any problem to stderr, and returns the exit status.
    private static func report(_ ending: Ending) -> Int32 {
        switch ending {
        case .quit(let model):
            printSummary(model)
            if let failure = model.failure {
                printError("hrbox box: \(failure)")
            }
            return model.exitStatus
        case .signal(let number, let model):
            printSummary(model)
            printError("hrbox box: stopped by signal \(number)." + doneBefore(model))
            return 128 + number
        case .terminalLost(let model):
            printSummary(model)
            printError("hrbox box: the terminal closed, so the box stopped." + doneBefore(model))
            return 1
        }
    }

    /// Points at the summary lines on stdout, when there are any.
    private static func doneBefore(_ model: BoxModel) -> String {
        model.summary.isEmpty ? " Nothing was done." : " The lines on stdout list what was done before."
    }

    private static func printSummary(_ model: BoxModel) {
        for line in model.summary {
            writeLine(line, to: STDOUT_FILENO)
        }
    }

    private static func printError(_ text: String) {
        writeLine(text, to: STDERR_FILENO)
    }

    /// Writes a line to a standard stream; a stream that fails is left alone because there is no other place to report it.
    private static func writeLine(_ text: String, to descriptor: Int32) {
        let bytes = Array((text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                guard let start = buffer.baseAddress else { return 0 }
                return write(descriptor, start, buffer.count)
            }
            if written > 0 {
                offset += written
            } else if !(written < 0 && errno == EINTR) {
                return
            }
        }
    }
}
