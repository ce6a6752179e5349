import Glibc

/// A reason the box could not use the terminal.
enum TerminalError: Error, Equatable {
    /// The terminal device could not be opened, or it is no terminal.
    case unavailable(path: String, reason: String)
    /// A system call on the terminal failed.
    case systemCall(String, errno: Int32)

    /// A sentence for stderr naming what failed and what to do.
    var message: String {
        switch self {
        case .unavailable(let path, let reason):
            return "hrbox box needs a terminal, but \(path) could not be used (\(reason)). "
                + "Run it from mutt, neomutt or aerc inside a terminal, with the message on standard input."
        case .systemCall(let name, let number):
            return "hrbox box could not set up the terminal: \(name) failed (\(String(cString: strerror(number))))."
        }
    }
}
