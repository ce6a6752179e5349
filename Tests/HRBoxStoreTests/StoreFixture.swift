import Foundation
import HRBoxProtocol
import HRBoxStore
import PostgreSQLTestServer
import Synchronization

/// A clock for tests that starts at a fixed instant and moves one minute on at every reading.
final class TickingClock: Sendable {
    private let current: Mutex<Date>

    init(start: Date = Date(timeIntervalSince1970: 1_717_200_000)) {
        current = Mutex(start)
    }

    func read() -> Date {
        current.withLock { date in
            defer { date += 60 }
            return date
        }
    }
}

/// The database behind the stores of a test that runs once per backend.
enum StoreBackend: String, Sendable, CustomStringConvertible {
    case sqlite
    case postgresql

    var description: String {
        rawValue
    }

    /// Both backends, or SQLite alone when PostgreSQL is not installed and `CI` is not `true`.
    /// Under CI, a missing PostgreSQL makes every PostgreSQL test fail instead.
    static let all: [StoreBackend] = {
        if PostgreSQLServer.binaryFolder != nil || ProcessInfo.processInfo.environment["CI"] == "true" {
            return [.sqlite, .postgresql]
        }
        FileHandle.standardError.write(Data(
            "Skipping the PostgreSQL runs of the store tests: initdb is missing under /usr/lib/postgresql/*/bin.\n".utf8))
        return [.sqlite]
    }()
}

/// A store in a directory of its own, or in a fresh database of the test PostgreSQL server.
/// The directory is removed when the fixture goes away; the database goes with the server.
final class StoreFixture {
    let backend: StoreBackend
    let directory: URL
    /// The SQLite file, also set for PostgreSQL fixtures, where nothing is stored there.
    let path: String
    let location: StoreLocation
    let clock = TickingClock()
    let store: Store

    init(_ backend: StoreBackend = .sqlite) throws {
        self.backend = backend
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-store-\(UUID().uuidString)")
        path = directory.appendingPathComponent("data/hrbox.sqlite").path
        switch backend {
        case .sqlite:
            location = .sqlite(path: path)
        case .postgresql:
            location = try PostgreSQLServer.shared.get().createDatabase()
        }
        let clock = self.clock
        store = try Store(location: location, clock: { clock.read() })
    }

    /// Opens the fixture's store through a second connection.
    func openAgain() throws -> Store {
        try Store(location: location)
    }

    deinit {
        guard FileManager.default.fileExists(atPath: directory.path) else {
            return
        }
        do {
            try FileManager.default.removeItem(at: directory)
        } catch {
            print("Could not remove the test directory \(directory.path): \(error)")
        }
    }

    @discardableResult
    func addPerson(
        _ firstName: String,
        _ lastName: String,
        addresses: [String] = [],
        employeeNumber: String? = nil
    ) throws -> Person {
        try store.addPerson(NewPerson(
            firstName: firstName,
            lastName: lastName,
            addresses: addresses,
            employeeNumber: employeeNumber,
            status: .employee
        ))
    }

    /// Adds a colleague and a case type with the given workflow, and returns the case type.
    func addCaseType(_ name: String, workflow: [WorkflowStep] = []) throws -> CaseType {
        try store.upsertColleague(Colleague(id: "mkeller", name: "Maria Keller"))
        return try store.upsertCaseType(CaseTypeDefinition(name: name, workflow: workflow))
    }

    func message(_ text: String, date: Date? = nil) -> MessageRecord {
        MessageRecord(
            bytes: Array(text.utf8),
            messageId: nil,
            subject: text,
            date: nil,
            sortInstant: date,
            direction: .received
        )
    }
}
