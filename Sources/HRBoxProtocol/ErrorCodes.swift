/// Error codes of the hrbox domain, in JSON-RPC's range for server errors (-32000 to -32099).
///
/// Each code is stable: clients may switch on it. The `data` member of an error with one of these
/// codes is described beside the code, and protocol/ lists them all.
public enum HRBoxErrorCode {
    /// No person has the given id. `data`: `{"personId"}`.
    public static let personNotFound = -32010
    /// The address belongs to another person. `data`: `{"address", "personId", "personName"}`.
    public static let addressTaken = -32011
    /// No case has the given id, or it belongs to another person. `data`: `{"caseId"}`, and `{"personId"}`
    /// when the request named a person.
    public static let caseNotFound = -32012
    /// No case type has the given id. `data`: `{"caseTypeId"}`.
    public static let caseTypeNotFound = -32013
    /// No colleague has the given id. `data`: `{"colleague"}`.
    public static let colleagueNotFound = -32014
    /// The message could not be read: bad base64, a missing or unreadable file, or no message at all.
    /// `data`: `{"reason"}`, and `{"path"}` for a file.
    public static let messageUnreadable = -32015
    /// The store could not be opened or written. `data`: `{"sqliteCode"}` when SQLite gave one.
    public static let storeUnavailable = -32016
    /// The employee number belongs to another person. `data`: `{"employeeNumber", "personId", "personName"}`.
    public static let employeeNumberTaken = -32017
    /// The message is not filed for the person under the case. `data`: `{"messageRef", "personId"}`, and
    /// `{"caseId"}` when the request named a case.
    public static let filingNotFound = -32018
    /// No to-do has the given id. `data`: `{"todoId"}`.
    public static let todoNotFound = -32019
    /// The person has no such address. `data`: `{"address", "personId"}`.
    public static let addressNotFound = -32020
    /// The configuration file is missing, unreadable or invalid, so every `hrbox/` method fails until
    /// the user corrects it. `data`: `{"path", "reason"}`, and `{"line"}` when one line is wrong.
    public static let configurationInvalid = -32021
}
