import Foundation

/// The location of a store: an SQLite file, or a PostgreSQL database named by a libpq connection URI.
///
/// ``description`` leaves a URI's password out, so a location can go into logs and error messages.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    /// A `postgresql://` or `postgres://` URI, passed to libpq unchanged, so that settings such as
    /// `sslmode` or `host=/run/postgresql` in its query reach libpq.
    case postgresql(uri: String)

    /// Reads a `--store` value or `HRBOX_STORE`. A URI with the scheme `postgresql` or `postgres`
    /// (in any letter case) is a PostgreSQL database, and anything else is the path of an SQLite file.
    ///
    /// A mistyped URI becomes a path here too, and ``Store`` rejects it when it opens the location.
    /// Use ``init(validating:)`` to reject it at once.
    public init(_ text: String) {
        let lowercased = text.lowercased()
        if lowercased.hasPrefix("postgresql://") || lowercased.hasPrefix("postgres://") {
            self = .postgresql(uri: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Reads a `--store` value or `HRBOX_STORE` as ``init(_:)`` does, but rejects a value that looks
    /// like a mistyped URI instead of taking it as a file path.
    /// - Throws: ``StoreError/invalidLocation(_:)`` for another scheme before `://` (such as
    ///   `postgress://`), or for `postgres:` or `postgresql:` not followed by `//`.
    public init(validating text: String) throws(StoreError) {
        self.init(text)
        if case .sqlite(let path) = self {
            try StoreLocation.rejectMistypedURI(path)
        }
    }

    /// Rejects an SQLite path that looks like a mistyped URI, so that hrbox does not create a folder
    /// named after a user or password.
    static func rejectMistypedURI(_ path: String) throws(StoreError) {
        let lowercased = path.lowercased()
        let hasScheme = lowercased.range(of: "://") != nil
        let hasPostgreSQLPrefix = ["postgresql:", "postgres:"].contains { lowercased.hasPrefix($0) }
        if hasScheme || hasPostgreSQLPrefix {
            throw .invalidLocation(redacting(path))
        }
    }

    /// Returns the location from `HRBOX_STORE`, else the default SQLite file of ``Store/defaultPath(environment:)``.
    public static func defaultLocation(environment: [String: String]) -> StoreLocation {
        StoreLocation(Store.defaultPath(environment: environment))
    }

    /// The path, or the URI with the password of its user information and of a `password` query
    /// parameter replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return path
        case .postgresql(let uri):
            return StoreLocation.redacting(uri)
        }
    }

    /// The passwords a URI contains, as written in it, so that they can be cut out of libpq's messages.
    var passwords: [String] {
        guard case .postgresql(let uri) = self else {
            return []
        }
        let parts = StoreLocation.uriParts(uri)
        var found: [String] = []
        if let password = parts.password {
            found.append(password)
        }
        for parameter in parts.query where parameter.key == "password" {
            found.append(parameter.value)
        }
        return found.filter { !$0.isEmpty }
    }

    private static func redacting(_ uri: String) -> String {
        let parts = uriParts(uri)
        var text = parts.scheme + parts.separator
        if let user = parts.user {
            text += user + (parts.password == nil ? "" : ":***") + "@"
        }
        text += parts.hostAndPath
        if !parts.query.isEmpty {
            let query = parts.query.map { parameter in
                parameter.key == "password" ? "password=***" : parameter.key + "=" + parameter.value
            }
            text += "?" + query.joined(separator: "&")
        }
        return text
    }

    /// Returns the `@` that ends the user information. This is the last `@`, unless the user name
    /// before it would contain a `/` or `?`, because then that `@` belongs to the path or query.
    /// In that case it is the last `@` before the first `/` or `?`, as libpq reads it.
    private static func userInformationEnd(in text: Substring) -> Substring.Index? {
        if let last = text.lastIndex(of: "@") {
            let userName = text[..<last].prefix { $0 != ":" }
            if !userName.contains(where: { $0 == "/" || $0 == "?" }) {
                return last
            }
        }
        let authorityEnd = text.firstIndex { $0 == "/" || $0 == "?" } ?? text.endIndex
        return text[..<authorityEnd].lastIndex(of: "@")
    }

    /// Splits `scheme://[user[:password]@]hosts[/database][?key=value&...]` for redacting it.
    ///
    /// The user information ends at the `@` that ``userInformationEnd(in:)`` returns, usually the last
    /// one, so that an unencoded `@`, `/` or `?` in a password still counts as part of the password. libpq ends it at the first `/`,
    /// so such a password fails to connect, but its message must not show the password either. An
    /// `@` in the query makes more than the password count as one, which only hides more.
    /// A mistyped scheme such as `postgres:` without `//` is split the same way.
    private static func uriParts(_ uri: String) -> URIParts {
        var rest = Substring(uri)
        var scheme = ""
        var separator = ""
        if let schemeEnd = rest.range(of: "://") ?? rest.range(of: ":") {
            scheme = String(rest[..<schemeEnd.lowerBound])
            separator = String(rest[schemeEnd])
            rest = rest[schemeEnd.upperBound...]
            // A mistyped `postgres:/user:password@...` keeps its slash out of the user name.
            let slashes = rest.prefix { $0 == "/" }
            separator += slashes
            rest = rest.dropFirst(slashes.count)
        }

        var user: String?
        var password: String?
        if let at = userInformationEnd(in: rest) {
            let userInformation = rest[..<at]
            if let colon = userInformation.firstIndex(of: ":") {
                user = String(userInformation[..<colon])
                password = String(userInformation[userInformation.index(after: colon)...])
            } else {
                user = String(userInformation)
            }
            rest = rest[rest.index(after: at)...]
        }

        var query: [(key: String, value: String)] = []
        if let questionMark = rest.firstIndex(of: "?") {
            for parameter in rest[rest.index(after: questionMark)...].split(separator: "&", omittingEmptySubsequences: false) {
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((key: String(pair[0]), value: pair.count > 1 ? String(pair[1]) : ""))
            }
            rest = rest[..<questionMark]
        }
        return URIParts(
            scheme: scheme, separator: separator, user: user, password: password, hostAndPath: String(rest), query: query)
    }
}

private struct URIParts {
    var scheme: String
    /// The text between scheme and user information: `://`, or `:` and any slashes after it for a
    /// mistyped URI, or empty for a value without a colon.
    var separator: String
    var user: String?
    var password: String?
    var hostAndPath: String
    var query: [(key: String, value: String)]
}
