/// The arguments of a subcommand, consumed option by option so that whatever is left over is an error.
struct Arguments {
    private var remaining: [String]
    let commandName: String

    init(_ arguments: [String], commandName: String) {
        remaining = arguments
        self.commandName = commandName
    }

    /// Takes `--name VALUE` or `--name=VALUE`; nil when the option is absent.
    mutating func option(_ name: String) throws(UsageError) -> String? {
        var value: String?
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == "--" {
                break
            }
            if argument == name {
                guard index + 1 < remaining.count else {
                    throw UsageError("\(name) needs a value", command: commandName)
                }
                value = remaining[index + 1]
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                value = String(argument.dropFirst(name.count + 1))
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return value
    }

    /// Takes the first `--` and every argument after it, and returns those arguments in order.
    ///
    /// Call it before taking options, so that the options of a command given after `--` stay its own.
    mutating func argumentsAfterSeparator() -> [String] {
        guard let separator = remaining.firstIndex(of: "--") else {
            return []
        }
        defer { remaining.removeSubrange(separator...) }
        return Array(remaining[(separator + 1)...])
    }

    /// Takes `--name` and returns whether it was given.
    mutating func flag(_ name: String) -> Bool {
        let before = remaining.count
        remaining.removeAll { $0 == name }
        return remaining.count != before
    }

    /// Takes the next argument that is not an option; nil when there is none.
    mutating func positional() -> String? {
        guard let index = remaining.firstIndex(where: { !$0.hasPrefix("-") || $0 == "-" }) else {
            if let separator = remaining.firstIndex(of: "--"), separator + 1 < remaining.count {
                remaining.remove(at: separator)
                return remaining.remove(at: separator)
            }
            return nil
        }
        return remaining.remove(at: index)
    }

    /// Takes a required positional argument described by `name` in the error.
    mutating func requiredPositional(_ name: String) throws(UsageError) -> String {
        guard let value = positional() else {
            throw UsageError("missing \(name)", command: commandName)
        }
        return value
    }

    /// Fails when arguments are left that no option or positional of the command took.
    func finish() throws(UsageError) {
        guard let first = remaining.first(where: { $0 != "--" }) else {
            return
        }
        if first.hasPrefix("-") {
            throw UsageError("unknown option \(first)", command: commandName)
        }
        throw UsageError("unexpected argument \"\(first)\"", command: commandName)
    }
}

/// A command line the tool cannot run, with what was wrong.
struct UsageError: Error, CustomStringConvertible {
    let reason: String
    let command: String

    init(_ reason: String, command: String) {
        self.reason = reason
        self.command = command
    }

    var description: String {
        "\(reason). Run `hrbox help \(command)` for its usage."
    }
}
