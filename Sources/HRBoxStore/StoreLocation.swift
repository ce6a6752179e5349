import Foundation

/// Where a store lives: an SQLite file, or a PostgreSQL database named by a libpq connection URI.
///
/// ``description`` leaves a URI's password out, so a location can go into logs and error messages.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    /// A `postgresql://` or `postgres://` URI, passed to libpq unchanged, so that settings such as
    /// `sslmode` or `host=/run/postgresql` in its query reach libpq.
    case postgresql(uri: String)

    /// Reads a `--store` value or `HRBOX_STORE`: a URI with the scheme `postgresql` or `postgres`
    /// (in any letter case) is a PostgreSQL database; anything else is the path of an SQLite file.
    public init(_ text: String) {
        let lowercased = text.lowercased()
        if lowercased.hasPrefix("postgresql://") || lowercased.hasPrefix("postgres://") {
            self = .postgresql(uri: text)
        } else {
            self = .sqlite(path: text)
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
        var text = parts.scheme + "://"
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

    /// Splits `scheme://[user[:password]@]hosts[/database][?key=value&...]` the way libpq reads it.
    ///
    /// The user information ends at the last `@` before the first `/` or `?`, so that an `@` in an
    /// unencoded password still counts as part of the password.
    private static func uriParts(_ uri: String) -> URIParts {
        var rest = Substring(uri)
        var scheme = ""
        if let separator = rest.range(of: "://") {
            scheme = String(rest[..<separator.lowerBound])
            rest = rest[separator.upperBound...]
        }

        var query: [(key: String, value: String)] = []
        if let questionMark = rest.firstIndex(of: "?") {
            for parameter in rest[rest.index(after: questionMark)...].split(separator: "&", omittingEmptySubsequences: false) {
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((key: String(pair[0]), value: pair.count > 1 ? String(pair[1]) : ""))
            }
            rest = rest[..<questionMark]
        }

        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var user: String?
        var password: String?
        if let at = rest[..<authorityEnd].lastIndex(of: "@") {
            let userInformation = rest[..<at]
            if let colon = userInformation.firstIndex(of: ":") {
                user = String(userInformation[..<colon])
                password = String(userInformation[userInformation.index(after: colon)...])
            } else {
                user = String(userInformation)
            }
            rest = rest[rest.index(after: at)...]
        }
        return URIParts(scheme: scheme, user: user, password: password, hostAndPath: String(rest), query: query)
    }
}

private struct URIParts {
    var scheme: String
    var user: String?
    var password: String?
    var hostAndPath: String
    var query: [(key: String, value: String)]
}
