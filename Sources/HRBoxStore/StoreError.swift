import Foundation
import HRBoxProtocol

/// A failure of a store operation, with what the user can do about it.
///
/// ``description`` is written for the user who made the request and may name a person or an
/// address. Log ``redactedDescription`` instead, which leaves personal data out. Neither contains
/// the text of a failed statement: ``statement`` returns it for a debug log.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case personNotFound(Int64)
    case addressTaken(address: String, owner: Person)
    case employeeNumberTaken(number: String, owner: Person)
    /// No case has the id, or the case belongs to another person than `personId`.
    case caseNotFound(caseId: Int64, personId: Int64?)
    case caseTypeNotFound(Int64)
    case colleagueNotFound(String)
    case messageNotFound(Int64)
    /// The person has no such address, compared by its lookup key.
    case addressNotFound(address: String, personId: Int64)
    /// The message is not filed for the person under the case; `caseId` nil means without a case.
    case filingNotFound(messageRef: Int64, personId: Int64, caseId: Int64?)
    case todoNotFound(Int64)
    case invalidValue(field: String, reason: String)
    case newerSchema(found: Int, supported: Int)
    /// The store contains a value this version of hrbox cannot read, such as an unknown status.
    case unreadableValue(table: String, column: String, value: String)
    /// A file or directory of the store could not be created or opened; `reason` is the system's message.
    case fileSystem(path: String, reason: String)
    /// SQLite failed. `sql` is the statement's text without its bound values, which may be personal data.
    case sqlite(code: Int32, extendedCode: Int32, message: String, sql: String)
    /// PostgreSQL failed. `sqlState` is its five-character SQLSTATE code; `message` its primary message,
    /// which may quote a value; `sql` the statement's text without its bound values.
    case postgresql(sqlState: String, message: String, sql: String)
    /// PostgreSQL rejected a statement with SQLSTATE 42501 because the store's database user lacks
    /// `privilege` (such as INSERT) on the object that `message`, PostgreSQL's own words, names.
    case permissionDenied(privilege: String, message: String, sql: String)
    /// The connection to the PostgreSQL server broke, for example because the server restarted.
    /// The store cannot be used any more; opening it again connects anew. `reason` is libpq's message.
    case connectionLost(reason: String, sql: String)
    /// A change would have given two rows the same key. `constraint` names the unique index or column.
    case uniqueViolation(constraint: String, sql: String)
    /// PostgreSQL aborted the transaction because of a concurrent one (a serialization failure or a
    /// deadlock); running the same request again may succeed.
    case writeConflict(sql: String)
    /// The store's server could not be reached or libpq could not be loaded. `store` is the location
    /// with its password left out; `reason` is libpq's or the system's message.
    case connectionFailed(store: String, reason: String)
    /// A `--store` value or `HRBOX_STORE` looks like a mistyped PostgreSQL URI. `location` is the
    /// value with its password replaced by `***`.
    case invalidLocation(String)
    /// A transaction failed and rolling it back failed too, so the connection may still be inside it.
    indirect case rollbackFailed(original: String, rollback: StoreError)

    public var description: String {
        switch self {
        case .addressTaken(let address, let owner):
            return "The address \(address) belongs to \(owner.fullName) (person \(owner.id)) already. "
                + "Use that person, or leave the address out."
        case .employeeNumberTaken(let number, let owner):
            return "The employee number \(number) belongs to \(owner.fullName) (person \(owner.id)) already. "
                + "Check the number, or update that person instead."
        case .colleagueNotFound(let id):
            return "No colleague has the id \"\(id)\". "
                + "Pick one from the list of colleagues, or add them to colleagues.csv and import it."
        case .invalidValue(let field, let reason):
            return "Invalid \(field): \(reason)"
        case .addressNotFound(let address, let personId):
            return "Person \(personId) has no address \(address). List the person's addresses and pick one of them."
        case .rollbackFailed(let original, let rollback):
            return "\(original) Rolling the transaction back failed as well: \(rollback.description)"
        case .postgresql(let sqlState, let message, _):
            return "PostgreSQL failed with SQLSTATE \(sqlState): \(StoreError.clause(message)). "
                + "Check the server's log for the cause."
        case .permissionDenied(let privilege, let message, _):
            return "PostgreSQL denied the store's database user the \(privilege) privilege: "
                + "\(StoreError.clause(message)). \(StoreError.privilegeAdvice)"
        default:
            return redactedDescription
        }
    }

    /// The description without names, addresses, employee numbers or colleague ids, for logs.
    public var redactedDescription: String {
        switch self {
        case .personNotFound(let id):
            return "No person has the id \(id). Search for the person again, or register them first."
        case .addressTaken(_, let owner):
            return "The address belongs to person \(owner.id) already. Use that person, or leave the address out."
        case .employeeNumberTaken(_, let owner):
            return "The employee number belongs to person \(owner.id) already. "
                + "Check the number, or update that person instead."
        case .caseNotFound(let caseId, let personId?):
            return "Person \(personId) has no case with the id \(caseId). Pick one of the person's cases."
        case .caseNotFound(let caseId, nil):
            return "No case has the id \(caseId). List the person's cases and pick one of them."
        case .caseTypeNotFound(let id):
            return "No case type has the id \(id). List the case types and pick one, or import case-types.csv."
        case .colleagueNotFound:
            return "The colleague id is unknown. Pick one from the list of colleagues, "
                + "or add them to colleagues.csv and import it."
        case .messageNotFound(let ref):
            return "No stored message has the reference \(ref). Store the message first."
        case .invalidValue(let field, _):
            return "Invalid \(field)."
        case .addressNotFound(_, let personId):
            return "Person \(personId) has no such address. List the person's addresses and pick one of them."
        case .filingNotFound(let messageRef, let personId, let caseId?):
            return "Message \(messageRef) is not filed for person \(personId) under case \(caseId). "
                + "List the message's filings with a lookup and pick one of them."
        case .filingNotFound(let messageRef, let personId, nil):
            return "Message \(messageRef) is not filed for person \(personId) without a case. "
                + "List the message's filings with a lookup and pick one of them."
        case .todoNotFound(let id):
            return "No to-do has the id \(id). List the to-dos and pick one of them."
        case .newerSchema(let found, let supported):
            return "The store has schema version \(found), but this hrbox reads version \(supported) at most. "
                + "Update hrbox, or open another store."
        case .unreadableValue(let table, let column, let value):
            return "The store contains \"\(value)\" in \(table).\(column), which this hrbox cannot read. "
                + "Update hrbox, or restore the store from a backup."
        case .fileSystem(let path, let reason):
            return "Cannot open the store at \(path): \(StoreError.clause(reason)). "
                + "Check the path given by --store or HRBOX_STORE, that its directory exists or can be created, "
                + "and that you may write to it."
        case .sqlite(let code, let extendedCode, let message, _):
            return "SQLite failed with code \(code) (extended code \(extendedCode)): \(StoreError.clause(message)). "
                + "Check that the store file is writable and not damaged."
        case .postgresql(let sqlState, _, _):
            return "PostgreSQL failed with SQLSTATE \(sqlState). Check the server's log for the cause."
        case .permissionDenied(let privilege, _, _):
            return "PostgreSQL denied the store's database user the \(privilege) privilege. \(StoreError.privilegeAdvice)"
        case .connectionLost(let reason, _):
            return "The connection to the PostgreSQL server was lost (\(StoreError.clause(reason))). "
                + "hrbox connects again at the next request; if that fails too, check that the server is running."
        case .uniqueViolation(let constraint, _):
            return "Another row has the same key already (\(constraint)). "
                + "Another hrbox may have added it at the same moment: reload and try again."
        case .writeConflict:
            return "A concurrent change to the store got in the way. Try again."
        case .connectionFailed(let store, let reason):
            return "Cannot connect to the store \(store): \(StoreError.sentence(reason)) "
                + StoreError.connectionAdvice(reason: reason)
        case .invalidLocation(let location):
            return "The store \"\(location)\" is neither a PostgreSQL URI nor an SQLite file path. "
                + "Write postgresql://[user@][host][:port]/database[?key=value&...] (or postgres://), "
                + "or the path of an SQLite file without a scheme."
        case .rollbackFailed(_, let rollback):
            return "A transaction failed, and rolling it back failed as well: \(rollback.redactedDescription)"
        }
    }

    /// The text of the statement that failed, without its bound values, or nil for other errors.
    public var statement: String? {
        switch self {
        case .sqlite(_, _, _, let sql), .postgresql(_, _, let sql), .permissionDenied(_, _, let sql),
            .connectionLost(_, let sql), .uniqueViolation(_, let sql), .writeConflict(let sql):
            return sql
        case .rollbackFailed(_, let rollback):
            return rollback.statement
        default:
            return nil
        }
    }

    private static let privilegeAdvice = "Ask the database's administrator to grant it, "
        + "as the section \"Privileges\" of docs/store-schema.md shows."

    private static func connectionAdvice(reason: String) -> String {
        if reason.contains("no password supplied") || reason.contains("password authentication failed") {
            return "Put the password in ~/.pgpass or in the PGPASSWORD variable, "
                + "or percent-encode it in the URI, and check the user name."
        }
        // libpq's words when nothing listens at the host and port, or at the socket's path.
        if reason.contains("Connection refused") || reason.contains("No such file or directory") {
            return "Check that the PostgreSQL server is running and accepts connections at that host and port, "
                + "or correct the URI in --store or HRBOX_STORE."
        }
        return "Check the URI in --store or HRBOX_STORE: the host, the port, the database, and the user name "
            + "and password."
    }

    /// Returns a message of SQLite, PostgreSQL or the system on one line and without its final full
    /// stops, so that a sentence can go on after it.
    static func clause(_ message: String) -> String {
        var text = message
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        while text.hasSuffix(".") {
            text.removeLast()
        }
        return text
    }

    /// Returns ``clause(_:)`` of the message as a sentence that ends in one full stop, or in its own
    /// question mark, such as libpq's "Is the server running on that host ...?".
    static func sentence(_ message: String) -> String {
        let text = clause(message)
        if text.hasSuffix("?") || text.hasSuffix("!") {
            return text
        }
        return text + "."
    }
}
