import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// Builds the `ResponseError`s of the hrbox domain, with the codes of ``HRBoxErrorCode``.
///
/// Messages state what went wrong and what to do. They may name a person, because they go back to the
/// user who asked; the server never writes them to its log.
enum DomainError {
    /// - Parameters:
    ///   - reason: What is wrong with the message, without a final period. It also goes into `data`.
    ///   - advice: One or more sentences on what the user can do about it.
    static func messageUnreadable(_ reason: String, advice: String, path: String? = nil) -> ResponseError {
        let data = MessageUnreadableData(reason: reason, path: path)
        return ResponseError(
            code: HRBoxErrorCode.messageUnreadable,
            message: "The message cannot be read: \(reason). \(advice)",
            data: encodeData(data))
    }

    static func storeUnavailable(_ error: any Error) -> ResponseError {
        var sqliteCode: Int32?
        if case .sqlite(let code, _, _, _) = error as? StoreError {
            sqliteCode = code
        }
        return ResponseError(
            code: HRBoxErrorCode.storeUnavailable,
            message: "The store is unavailable: \(String(describing: error))",
            data: encodeData(StoreUnavailableData(sqliteCode: sqliteCode)))
    }

    /// Builds the error for a store that cannot be opened. The message names the store, with a URI's
    /// password left out, and states what to change.
    static func storeCannotBeOpened(_ error: StoreError, location: StoreLocation) -> ResponseError {
        let reply = storeUnavailable(error)
        return ResponseError(
            code: reply.code,
            message: StoreOpeningProblem(error: error, location: location).message,
            data: reply.data)
    }

    /// Builds the error for an SQLite store the user named that does not exist. The message names the
    /// path and the commands that create a store.
    static func storeMissing(path: String) -> ResponseError {
        ResponseError(
            code: HRBoxErrorCode.storeUnavailable,
            message: "No store exists at \(path). Check --store or HRBOX_STORE, because hrbox creates a store by "
                + "itself only at the default location. To start a new store at this path, run "
                + "`hrbox store init --store \(path)` or import people into it (hrbox people import).",
            data: encodeData(StoreUnavailableData(sqliteCode: nil)))
    }

    /// Builds the error for a configuration file that is missing, unreadable or invalid.
    static func configurationInvalid(_ problem: ConfigurationError) -> ResponseError {
        let problemSentence: String
        if let line = problem.line {
            problemSentence = "The configuration file \(problem.path) is invalid on line \(line): \(problem.reason)."
        } else {
            problemSentence = "The configuration file \(problem.path) \(problem.reason)."
        }
        let data = ConfigurationInvalidData(path: problem.path, line: problem.line, reason: problem.reason)
        return ResponseError(
            code: HRBoxErrorCode.configurationInvalid,
            message: problemSentence + " hrbox reads the file again at the next request, so try again once it is corrected.",
            data: encodeData(data))
    }

    /// Maps an error of the store to the reply a client can act on.
    static func from(_ error: StoreError) -> ResponseError {
        switch error {
        case .personNotFound(let personId):
            return ResponseError(
                code: HRBoxErrorCode.personNotFound,
                message: "No person has the id \(personId). Search for the person with hrbox/searchPeople.",
                data: encodeData(PersonNotFoundData(personId: personId)))
        case .addressTaken(let address, let owner):
            return ResponseError(
                code: HRBoxErrorCode.addressTaken,
                message: "The address \(address) belongs to \(owner.fullName) (person \(owner.id)) already. "
                    + "Choose that person instead, or give another address.",
                data: encodeData(
                    OwnerData(address: address, employeeNumber: nil, personId: owner.id, personName: owner.fullName)))
        case .employeeNumberTaken(let number, let owner):
            return ResponseError(
                code: HRBoxErrorCode.employeeNumberTaken,
                message: "The employee number \(number) belongs to \(owner.fullName) (person \(owner.id)) already. "
                    + "Choose that person instead, or check the number.",
                data: encodeData(
                    OwnerData(address: nil, employeeNumber: number, personId: owner.id, personName: owner.fullName)))
        case .caseNotFound(let caseId, let personId):
            let whose = personId.map { " for person \($0)" } ?? ""
            return ResponseError(
                code: HRBoxErrorCode.caseNotFound,
                message: "No case \(caseId) exists\(whose). List the person's cases with hrbox/cases.",
                data: encodeData(CaseNotFoundData(caseId: caseId, personId: personId)))
        case .caseTypeNotFound(let caseTypeId):
            return ResponseError(
                code: HRBoxErrorCode.caseTypeNotFound,
                message: "No case type has the id \(caseTypeId). List them with hrbox/caseTypes.",
                data: encodeData(CaseTypeNotFoundData(caseTypeId: caseTypeId)))
        case .colleagueNotFound(let colleague):
            return ResponseError(
                code: HRBoxErrorCode.colleagueNotFound,
                message: "No colleague has the id \"\(colleague)\". List them with hrbox/colleagues.",
                data: encodeData(ColleagueNotFoundData(colleague: colleague)))
        case .filingNotFound(let messageRef, let personId, let caseId):
            let under = caseId.map { "under case \($0)" } ?? "without a case"
            return ResponseError(
                code: HRBoxErrorCode.filingNotFound,
                message: "Message \(messageRef) is not filed for person \(personId) \(under). "
                    + "List the message's filings with hrbox/lookup and pick one of them.",
                data: encodeData(FilingNotFoundData(messageRef: messageRef, personId: personId, caseId: caseId)))
        case .todoNotFound(let todoId):
            return ResponseError(
                code: HRBoxErrorCode.todoNotFound,
                message: "No to-do has the id \(todoId). List the to-dos with hrbox/todos.",
                data: encodeData(TodoNotFoundData(todoId: todoId)))
        case .addressNotFound(let address, let personId):
            return ResponseError(
                code: HRBoxErrorCode.addressNotFound,
                message: "Person \(personId) has no address \(address). The person's addresses are in hrbox/personnelFile.",
                data: encodeData(AddressNotFoundData(address: address, personId: personId)))
        case .invalidValue(let field, let reason):
            return .invalidParams("\(field): \(reason)")
        default:
            return storeUnavailable(error)
        }
    }

    /// Builds the error for a configured colleague who is not in the store, so nothing can be recorded as theirs.
    static func unknownConfiguredColleague(_ colleague: String, configurationPath: String?) -> ResponseError {
        let file = configurationPath ?? "the configuration file"
        return ResponseError(
            code: HRBoxErrorCode.colleagueNotFound,
            message: "The configuration (\(file)) names the colleague \"\(colleague)\", who is not in the store. "
                + "Import the colleagues file with that id (hrbox colleagues import), or correct the colleague line.",
            data: encodeData(ColleagueNotFoundData(colleague: colleague)))
    }

    /// Encodes the `data` member of an error; data that cannot be encoded is left out rather than
    /// turning a domain error into an internal one.
    private static func encodeData(_ value: some Encodable) -> JSONValue? {
        do {
            return try JSONValueEncoder().encode(value)
        } catch {
            return nil
        }
    }
}

private struct MessageUnreadableData: Encodable {
    var reason: String
    var path: String?
}

private struct ConfigurationInvalidData: Encodable {
    var path: String
    var line: Int?
    var reason: String
}

private struct StoreUnavailableData: Encodable {
    var sqliteCode: Int32?
}

private struct PersonNotFoundData: Encodable {
    var personId: Int64
}

private struct OwnerData: Encodable {
    var address: String?
    var employeeNumber: String?
    var personId: Int64
    var personName: String
}

private struct CaseNotFoundData: Encodable {
    var caseId: Int64
    var personId: Int64?
}

private struct CaseTypeNotFoundData: Encodable {
    var caseTypeId: Int64
}

private struct ColleagueNotFoundData: Encodable {
    var colleague: String
}

private struct FilingNotFoundData: Encodable {
    var messageRef: Int64
    var personId: Int64
    var caseId: Int64?
}

private struct TodoNotFoundData: Encodable {
    var todoId: Int64
}

private struct AddressNotFoundData: Encodable {
    var address: String
    var personId: Int64
}
