import Foundation
import HRBoxStore

/// Imports the CSV files HR staff write or export: people, colleagues and case types.
///
/// Each import is all or nothing. It runs in one store transaction, and any bad row stops the whole
/// file from being stored, with every bad line reported (up to ``ImportError/maximumProblems``).
public enum CSVImport {
    /// Reads the file, runs `importRows` on its rows inside one transaction, and rolls back when a row had a problem.
    /// - Parameter importRows: Stores the rows; it adds a problem for each bad row and goes on with the next.
    static func run(
        path: String,
        known: [String],
        required: [String],
        into store: Store,
        importRows: ([CSVTable.Row], inout ProblemList) throws(StoreError) -> ImportSummary
    ) throws(ImportError) -> ImportSummary {
        let table = try readTable(path: path, known: known, required: required)

        do {
            return try store.transaction {
                var problems = ProblemList()
                let summary = try importRows(table.rows, &problems)
                guard problems.isEmpty else {
                    throw problems.error(file: path)
                }
                return summary
            }
        } catch let error as ImportError {
            throw error
        } catch let error as StoreError {
            throw ImportError(file: path, problems: [ImportError.Problem(line: nil, field: nil, message: error.description)])
        } catch {
            throw ImportError(file: path, problems: [ImportError.Problem(line: nil, field: nil, message: "\(error)")])
        }
    }

    /// Reads the whole file; a pipe such as `/dev/stdin` works too.
    private static func readFile(_ path: String) throws(ImportError) -> [UInt8] {
        func failure(_ message: String) -> ImportError {
            ImportError(file: path, problems: [ImportError.Problem(line: nil, field: nil, message: message)])
        }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw failure("no such file; check the path")
        }
        guard !isFolder.boolValue else {
            throw failure("is a folder; name the CSV file inside it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure("cannot be opened; check that you may read it")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw failure("cannot be read: \(error.localizedDescription)")
        }
    }

    private static func readTable(path: String, known: [String], required: [String]) throws(ImportError) -> CSVTable {
        let bytes = try readFile(path)

        do {
            return try CSVTable(records: CSVParser.records(of: bytes), known: known, required: required)
        } catch {
            throw error.problems.error(file: path)
        }
    }

    /// Adds a store error about one row to the problems, or rethrows one that stops the whole import,
    /// such as a failing disk.
    /// - Parameter fields: The CSV column for each field name the store uses in ``StoreError/invalidValue(field:reason:)``.
    static func record(
        _ error: StoreError,
        line: Int,
        fields: [String: String],
        in problems: inout ProblemList
    ) throws(StoreError) {
        switch error {
        case .invalidValue(let field, let reason):
            problems.add(line: line, field: fields[field] ?? field, reason)
        case .addressTaken(let address, let owner):
            let sameness = owner.employeeNumber.map { "give the row the employee number \($0)" }
                ?? "give the row the same first and last name, with this address first"
            problems.add(
                line: line, field: "addresses",
                "\(address) belongs to \(owner.fullName) (person \(owner.id)) already. Remove it from this row, or, if "
                    + "the row is that person, \(sameness).")
        case .employeeNumberTaken(let number, let owner):
            problems.add(line: line, field: "employee_number", "\(number) belongs to \(owner.fullName) (person \(owner.id)) already. Check the number.")
        case .colleagueNotFound(let id):
            problems.add(line: line, field: "assignee", "no colleague has the id \"\(id)\". Add them to colleagues.csv and import it first.")
        case .personNotFound, .caseNotFound, .caseTypeNotFound, .messageNotFound, .addressNotFound, .filingNotFound,
            .todoNotFound:
            problems.add(line: line, field: nil, error.description)
        case .newerSchema, .unreadableValue, .fileSystem, .sqlite, .rollbackFailed, .postgresql, .uniqueViolation,
            .writeConflict, .connectionFailed, .permissionDenied, .connectionLost,
            .invalidLocation:
            throw error
        }
    }
}
