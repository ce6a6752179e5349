import Foundation
import HRBoxStore
import MailReading

/// The user hrbox runs for: their colleague entry and their own addresses.
///
/// Read from a small text file of `key = value` lines (`#` starts a comment line):
///
///     colleague = mkeller
///     address = hr@northwind.example
///     address = mara.keller@northwind.example
///
/// A message whose From address is one of `addresses` counts as sent by the user.
public struct UserConfiguration: Sendable, Equatable {
    /// The user's colleague id: the author of filings and the default assignee of to-dos.
    public var colleague: String?
    /// The user's own addresses, as written in the file.
    public var addresses: [String]
    /// The file the configuration was read from, for messages that ask the user to change it.
    public var path: String?

    public init(colleague: String? = nil, addresses: [String] = [], path: String? = nil) {
        self.colleague = colleague
        self.addresses = addresses
        self.path = path
    }

    /// Lookup keys of the user's own addresses, for deciding whether a message was sent.
    public var ownAddressKeys: Set<String> {
        Set(addresses.map { AddressKey.lookupKey(for: $0) })
    }

    /// Returns the configuration file's path: `HRBOX_CONFIG`, else `$XDG_CONFIG_HOME/hrbox/config`,
    /// else `~/.config/hrbox/config`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["HRBOX_CONFIG"], !path.isEmpty {
            return path
        }
        return XDGBaseDirectory.config.path(of: "hrbox/config", environment: environment)
    }

    /// Reads the file at `path`. A missing file is an empty configuration, since hrbox works without
    /// one. When the user named the file (`mustExist`), a missing one is most likely a typo and an error.
    public static func load(path: String, mustExist: Bool = false) throws(ConfigurationError) -> UserConfiguration {
        guard FileManager.default.fileExists(atPath: path) else {
            if mustExist {
                throw ConfigurationError(
                    path: path, line: nil, reason: "does not exist; check the path given by --config or HRBOX_CONFIG")
            }
            return UserConfiguration(path: path)
        }
        // Reads through a file handle because Data(contentsOf:) fails on /dev/null and named pipes.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigurationError(path: path, line: nil, reason: "cannot be opened for reading; check its permissions")
        }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
            try handle.close()
        } catch {
            throw ConfigurationError(
                path: path, line: nil,
                reason: "cannot be read (\(error.localizedDescription)); check that it is a file you may read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, line: nil, reason: "is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses the text of a configuration file; `path` only names the file in errors.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> UserConfiguration {
        var configuration = UserConfiguration(path: path)
        var colleagueLine: Int?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") {
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(
                    path: path, line: lineNumber,
                    reason: "expected a line of the form key = value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)

            switch key {
            case "colleague":
                guard !value.isEmpty else {
                    throw ConfigurationError(path: path, line: lineNumber, reason: "colleague: the value is empty")
                }
                if let earlier = colleagueLine {
                    throw ConfigurationError(
                        path: path, line: lineNumber,
                        reason: "colleague: given on line \(earlier) already; keep one colleague line")
                }
                colleagueLine = lineNumber
                configuration.colleague = value
            case "address":
                guard let address = AddressKey.parseSingle(value) else {
                    throw ConfigurationError(
                        path: path, line: lineNumber,
                        reason: "address: \"\(value)\" is not an email address (expected name@domain)")
                }
                configuration.addresses.append(address.address)
            default:
                throw ConfigurationError(
                    path: path, line: lineNumber,
                    reason: "unknown key \"\(key)\" (known keys: colleague, address)")
            }
        }
        return configuration
    }
}

/// A configuration file that could not be read, with the place and what to fix.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var path: String
    /// The line that is wrong, counted from 1, or nil when the whole file is missing or unreadable.
    public var line: Int?
    /// The problem, as a clause without a final period. Without a line it goes on from the path,
    /// such as "does not exist; check the path given by --config or HRBOX_CONFIG".
    public var reason: String

    public var description: String {
        if let line {
            return "\(path):\(line): \(reason)"
        }
        return "\(path) \(reason)"
    }
}
