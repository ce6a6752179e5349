import Foundation
import HRBoxImport
import HRBoxProtocol
import HRBoxStore
import Testing

/// A store and a directory for CSV files, removed when the fixture goes away.
final class ImportFixture {
    /// Who the tests' imports are recorded as in the audit trail.
    static let actor = AuditActor(colleague: "mkeller", client: "hrbox people import")

    let directory: URL
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-import-\(UUID().uuidString)")
        store = try Store(path: directory.appendingPathComponent("hrbox.sqlite").path)
    }

    deinit {
        do {
            try FileManager.default.removeItem(at: directory)
        } catch {
            print("Could not remove the test directory \(directory.path): \(error)")
        }
    }

    /// Writes the text to a file in the fixture's directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Imports the text as people.csv and returns the error it must throw.
    func peopleError(_ text: String) throws -> ImportError {
        let path = try write("people.csv", text)
        return try #require(throws: ImportError.self) {
            try CSVImport.importPeople(from: path, into: store, auditedAs: ImportFixture.actor)
        }
    }

    func everyone() throws -> [Person] {
        var people: [Person] = []
        var id: Int64 = 1
        while let person = try store.person(id: id) {
            people.append(person)
            id += 1
        }
        return people
    }
}
