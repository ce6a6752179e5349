import Foundation

/// A terminal program running in a private tmux server, driven by keys and read by screen captures.
final class TmuxSession {
    private let tmux: String
    private let socketName: String

    /// Starts `command` in a new detached 120x40 session with `environment` set for it.
    init(tmux: String, command: [String], environment: [String: String], workingDirectory: String) throws {
        self.tmux = tmux
        socketName = "hrbox-test-\(UUID().uuidString.prefix(8))"

        // The variables go through env(1) on the command itself, because with tmux 3.3a the ones
        // given to `new-session -e` did not reach the shell that neomutt starts for a pipe.
        let variables = environment.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }
        let arguments = ["-L", socketName, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
            "-c", workingDirectory, "/usr/bin/env"] + variables + command
        let started = try runProgram(tmux, arguments)
        guard started.status == 0 else {
            throw TmuxError("tmux new-session failed: \(started.standardError)")
        }
    }

    /// Stops the session's program and then the server. `kill-server` alone left neomutt and its tmux
    /// server running (tmux 3.3a, neomutt 20220429), while `kill-session` ends them.
    deinit {
        do {
            _ = try runProgram(tmux, ["-L", socketName, "kill-session", "-t", "0"])
            _ = try runProgram(tmux, ["-L", socketName, "kill-server"])
        } catch {
            print("Could not stop the tmux server \(socketName): \(error)")
        }
    }

    /// Returns the visible screen as text.
    func capture() throws -> String {
        let output = try runProgram(tmux, ["-L", socketName, "capture-pane", "-p", "-t", "0"])
        guard output.status == 0 else {
            throw TmuxError("tmux capture-pane failed: \(output.standardError)")
        }
        return output.text
    }

    /// Sends keys in tmux's notation, such as `M-h`, `Enter` or `q`.
    func send(_ keys: String...) throws {
        let output = try runProgram(tmux, ["-L", socketName, "send-keys", "-t", "0"] + keys)
        guard output.status == 0 else {
            throw TmuxError("tmux send-keys failed: \(output.standardError)")
        }
    }

    /// Resizes the window. Full-screen programs redraw on a resize, so this shows their latest state
    /// without sending them a key.
    func resize(width: Int, height: Int) throws {
        let output = try runProgram(
            tmux, ["-L", socketName, "resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
        guard output.status == 0 else {
            throw TmuxError("tmux resize-window failed: \(output.standardError)")
        }
    }

    /// Waits until the screen shows `marker`, and returns that screen.
    @discardableResult
    func waitFor(_ marker: String, timeout: TimeInterval = 20) throws -> String {
        var screen = ""
        do {
            try poll(timeout: timeout, "\"\(marker)\" on the screen") {
                screen = try capture()
                return screen.contains(marker)
            }
        } catch let timeout as PollTimeout {
            throw TmuxError("\(timeout). The screen was:\n\(screen)")
        }
        return screen
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
