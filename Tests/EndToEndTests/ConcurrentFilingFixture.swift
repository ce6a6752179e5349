import Foundation
import HRBoxProtocol
import JSONRPC

/// A store with 30 people, ten of them with a case, and 500 messages in a folder, each with the
/// filings a test means to make for it.
struct ConcurrentFilingFixture {
    static let peopleCount = 30
    static let messageCount = 500
    static let peopleWithCase = 10

    /// A message file and the places it is meant to be filed in, its sender first.
    struct PlannedMessage {
        var path: String
        var targets: [FilingTarget]
    }

    let storeArguments: [String]
    let personIds: [Int64]
    let messages: [PlannedMessage]

    /// Imports the people, colleagues and case types into a new store of `backend`, starts a case for
    /// each of the first ten people and writes the messages.
    init(backend: StoreBackend, folder: TemporaryFolder) throws {
        let store = try backend.makeStore(in: folder)
        let config = try folder.write("config", SampleData.configuration)
        storeArguments = ["--store", store, "--config", config]
        try Self.importRecords(into: store, folder: folder)

        let setup = try ServeSession(arguments: storeArguments, errorLog: folder.path("setup.log"))
        _ = try setup.request("initialize", ["clientInfo": ["name": "concurrent filing setup"]])
        try setup.notify("initialized", [:])
        personIds = try (0..<Self.peopleCount).map { index in
            let found = try setup.call(SearchPeople.self, SearchPeople.Params(query: Self.employeeNumber(index)))
            guard found.people.count == 1, let person = found.people.first else {
                throw SetupError("expected one person with \(Self.employeeNumber(index)), found \(found.people.count)")
            }
            return person.id
        }
        let caseTypes = try setup.call(CaseTypes.self, NoParams()).caseTypes
        guard let sickLeave = caseTypes.first(where: { $0.name == "Sick leave" }) else {
            throw SetupError("the case type Sick leave was not imported")
        }
        var caseIds: [Int64] = []
        for personId in personIds.prefix(Self.peopleWithCase) {
            let started = try setup.call(AddCase.self, AddCase.Params(personId: personId, caseTypeId: sickLeave.id))
            caseIds.append(started.case.id)
        }
        _ = try setup.request("shutdown")
        try setup.notify("exit")
        _ = try setup.finish()

        messages = try Self.writeMessages(in: folder, personIds: personIds, caseIds: caseIds)
    }

    static func employeeNumber(_ index: Int) -> String {
        "CW-\(1000 + index)"
    }

    static func address(_ index: Int) -> String {
        "worker\(index)@northwind.example"
    }

    private static func importRecords(into store: String, folder: TemporaryFolder) throws {
        var people = "first_name,last_name,addresses,employee_number,department,job_title,status\n"
        for index in 0..<peopleCount {
            people += "Worker,Number\(index),\(address(index)),\(employeeNumber(index)),Production,Operator,employee\n"
        }
        let imports = [
            ("colleagues", try folder.write("colleagues.csv", SampleData.colleagues)),
            ("case-types", try folder.write("case-types.csv", SampleData.caseTypes)),
            ("people", try folder.write("people.csv", people)),
        ]
        for (kind, file) in imports {
            let output = try runHRBox([kind, "import", file, "--store", store])
            guard output.status == 0 else {
                throw SetupError("hrbox \(kind) import failed: \(output.standardError)")
            }
        }
    }

    /// Writes message `index` from person `index % 30`. Every third copies another person, who gets
    /// a filing too, and every fifth from a person with a case is filed under that case as well.
    private static func writeMessages(
        in folder: TemporaryFolder, personIds: [Int64], caseIds: [Int64]
    ) throws -> [PlannedMessage] {
        try (0..<messageCount).map { index in
            let sender = index % peopleCount
            var copied = (index * 7 + 3) % peopleCount
            if copied == sender {
                copied = (copied + 1) % peopleCount
            }
            let copyLine = index % 3 == 0 ? "Cc: \(address(copied))\r\n" : ""
            let text =
                "Date: Wed, 02 Dec 2026 09:00:00 +0100\r\n"
                + "From: Worker Number\(sender) <\(address(sender))>\r\n"
                + "To: Northwind Tools HR <hr@northwind.example>\r\n" + copyLine
                + "Subject: Shift report \(index)\r\n"
                + "Message-ID: <shift-report-\(index)@northwind.example>\r\n\r\n"
                + "Shift report number \(index) from worker \(sender).\r\n"
            let path = try folder.write("messages/\(index).eml", text)

            var targets = [FilingTarget(personId: personIds[sender])]
            if index % 3 == 0 {
                targets.append(FilingTarget(personId: personIds[copied]))
            }
            if index % 5 == 0, sender < caseIds.count {
                targets.append(FilingTarget(personId: personIds[sender], caseId: caseIds[sender]))
            }
            return PlannedMessage(path: path, targets: targets)
        }
    }
}
