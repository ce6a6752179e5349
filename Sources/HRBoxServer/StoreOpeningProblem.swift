import Foundation
import HRBoxStore

/// The reason a store cannot be opened, as a message that names the store and states what to change.
///
/// SQLite's own words for a failed open, such as "unable to open database file", name neither the
/// file nor the cause, so the message checks the path itself for the usual causes.
struct StoreOpeningProblem {
    let error: StoreError
    /// The store as the user gave it; its description leaves a URI's password out.
    let location: StoreLocation

    /// SQLite's primary result codes of a file that cannot be opened or is not a database.
    private static let sqliteCannotOpen: Int32 = 14
    private static let sqliteNotADatabase: Int32 = 26

    var message: String {
        switch error {
        case .connectionFailed, .fileSystem, .invalidLocation:
            // These messages name the store, or the folder that could not be created, already.
            return error.description
        case .sqlite(let code, _, let sqliteMessage, _):
            guard case .sqlite(let path) = location else {
                return "The store \(location) cannot be opened. \(error.description)"
            }
            return Self.sqliteMessage(path: path, code: code, sqliteMessage: sqliteMessage)
        default:
            return "The store \(location) cannot be opened. \(error.description)"
        }
    }

    private static func sqliteMessage(path: String, code: Int32, sqliteMessage: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let file = (path as NSString).appendingPathComponent("hrbox.sqlite")
            return "The store \(path) is a folder, not an SQLite file. Set --store or HRBOX_STORE to the store's "
                + "file instead, such as \(file), and create a new store with `hrbox store init --store \(file)`."
        }

        // SQLite's messages are short clauses such as "file is not a database".
        let sqliteWords = "SQLite code \(code): \(sqliteMessage.trimmingCharacters(in: .whitespacesAndNewlines))"
        switch code & 0xff {
        case sqliteNotADatabase:
            return "The store \(path) is not an SQLite database (\(sqliteWords)). Check that --store or "
                + "HRBOX_STORE names hrbox's store file, and restore the file from a backup if it is damaged."
        case sqliteCannotOpen:
            return "The store \(path) cannot be opened (\(sqliteWords)). Check that the file and its folder "
                + "exist and that you may read and write both."
        default:
            return "The store \(path) cannot be opened (\(sqliteWords)). Check that the file is writable, and "
                + "restore it from a backup if it is damaged."
        }
    }
}
