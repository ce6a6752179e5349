import Foundation
import HRBoxProtocol
import HRBoxStore
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

/// A store in a directory of its own, removed when the fixture goes away.
final class StoreFixture {
    let directory: URL
    let path: String
    let clock = TickingClock()
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-store-\(UUID().uuidString)")
        path = directory.appendingPathComponent("data/hrbox.sqlite").path
        let clock = self.clock
        store = try Store(path: path, clock: { clock.read() })
    }

    deinit {
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
