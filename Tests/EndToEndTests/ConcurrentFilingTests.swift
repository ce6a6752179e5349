import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

/// Many `hrbox serve` processes writing one store at once, each pipelining its requests.
@Suite("concurrent hrbox serve processes")
struct ConcurrentFilingTests {
    static let filingProcesses = 20
    static let addressProcesses = 8
    static let sharedAddresses = 20

    /// One filing: a stored message in a person's personnel file, under a case or none.
    struct FilingKey: Hashable, CustomStringConvertible {
        var messageRef: Int64
        var personId: Int64
        var caseId: Int64?

        var description: String {
            "message \(messageRef) for person \(personId), case \(caseId.map(String.init) ?? "none")"
        }
    }

    @Test("20 processes file 500 messages on SQLite")
    func filingOnSQLite() throws {
        try fileConcurrently(on: .sqlite)
    }

    @Test(
        "20 processes file 500 messages on PostgreSQL",
        .enabled(
            if: StoreBackend.postgreSQL.isAvailable,
            "initdb is missing under /usr/lib/postgresql/*/bin; install the postgresql package to run it"))
    func filingOnPostgreSQL() throws {
        try fileConcurrently(on: .postgreSQL)
    }

    @Test("racing addAddress and removeAddress on SQLite")
    func addressRaceOnSQLite() throws {
        try raceForAddresses(on: .sqlite)
    }

    @Test(
        "racing addAddress and removeAddress on PostgreSQL",
        .enabled(
            if: StoreBackend.postgreSQL.isAvailable,
            "initdb is missing under /usr/lib/postgresql/*/bin; install the postgresql package to run it"))
    func addressRaceOnPostgreSQL() throws {
        try raceForAddresses(on: .postgreSQL)
    }

    // MARK: Filing

    private func fileConcurrently(on backend: StoreBackend) throws {
        let folder = try TemporaryFolder()
        let fixture = try ConcurrentFilingFixture(backend: backend, folder: folder)

        let servers = try (0..<Self.filingProcesses).map { process in
            var script = try RequestScript(clientName: "concurrent filer \(process)")
            for index in fixture.messages.indices.shuffled() {
                let planned = fixture.messages[index]
                try script.add(
                    StoreMessage.self, id: index,
                    StoreMessage.Params(message: .path(planned.path), targets: planned.targets))
            }
            try script.addShutdown()
            return try ScriptedServe(
                script: script, storeArguments: fixture.storeArguments, folder: folder, name: "filer\(process)")
        }
        for server in servers {
            let status = try server.waitForExit()
            #expect(status == 0, "hrbox serve ended with status \(status); see \(server.logPath)")
        }

        let messageRefs = try checkFilingReplies(of: servers, fixture: fixture)
        try #require(messageRefs.count == fixture.messages.count)
        let expected = Set(
            fixture.messages.indices.flatMap { index in
                fixture.messages[index].targets.map {
                    FilingKey(messageRef: messageRefs[index], personId: $0.personId, caseId: $0.caseId)
                }
            })
        try checkPersonnelFiles(fixture: fixture, expected: expected, folder: folder)

        if backend == .sqlite, SQLiteShell.isAvailable {
            let store = fixture.storeArguments[1]
            #expect(try SQLiteShell.rows("PRAGMA integrity_check", store: store) == [["ok"]])
            #expect(try SQLiteShell.count("SELECT COUNT(*) FROM messages", store: store) == fixture.messages.count)
            #expect(
                try SQLiteShell.count("SELECT COUNT(DISTINCT sha256) FROM messages", store: store)
                    == fixture.messages.count)
            #expect(try SQLiteShell.count("SELECT COUNT(*) FROM filings", store: store) == expected.count)
        }
    }

    /// Checks that every request got a result, that each message has one reference in every process,
    /// and that exactly one process made each filing first.
    /// - Returns: Each message's reference, by its number in the fixture.
    private func checkFilingReplies(
        of servers: [ScriptedServe], fixture: ConcurrentFilingFixture
    ) throws -> [Int64] {
        var refsByMessage: [Int: Set<Int64>] = [:]
        var firstFilings: [String: Int] = [:]
        var errors: [String] = []

        for server in servers {
            let replies = try server.repliesByID()
            for (index, planned) in fixture.messages.enumerated() {
                guard let reply = replies[index] else {
                    errors.append("no reply to message \(index) in \(server.outputPath)")
                    continue
                }
                switch try decodeReply(reply, as: StoreMessage.self) {
                case .failure(let error):
                    errors.append("message \(index): \(error.code) \(error.message)")
                case .success(let result):
                    refsByMessage[index, default: []].insert(result.messageRef)
                    #expect(result.filings.count == planned.targets.count, "message \(index)")
                    for (position, outcome) in result.filings.enumerated() where !outcome.alreadyFiled {
                        firstFilings["\(index)/\(position)", default: 0] += 1
                    }
                }
            }
        }
        // A -32016 here means a writer gave up waiting for the store, which concurrent filing must never do.
        #expect(errors.isEmpty, "\(errors.count) failed requests, first: \(errors.prefix(5))")

        var refs: [Int64] = []
        for (index, planned) in fixture.messages.enumerated() {
            let seen = refsByMessage[index] ?? []
            #expect(seen.count == 1, "message \(index) got the references \(seen.sorted())")
            refs.append(seen.first ?? -1)
            for position in planned.targets.indices {
                let count = firstFilings["\(index)/\(position)"] ?? 0
                #expect(count == 1, "message \(index), target \(position) was filed first by \(count) processes")
            }
        }
        #expect(Set(refs).count == fixture.messages.count, "two messages share a reference")
        return refs
    }

    /// Reads every person's personnel file through a new process and compares its filings with `expected`.
    private func checkPersonnelFiles(
        fixture: ConcurrentFilingFixture, expected: Set<FilingKey>, folder: TemporaryFolder
    ) throws {
        let reader = try ServeSession(arguments: fixture.storeArguments, errorLog: folder.path("reader.log"))
        _ = try reader.request("initialize", ["clientInfo": ["name": "concurrent filing check"]])
        try reader.notify("initialized", [:])

        var found: [FilingKey] = []
        for personId in fixture.personIds {
            let file = try reader.call(PersonnelFile.self, PersonnelFile.Params(personId: personId))
            found += file.messages.map { FilingKey(messageRef: $0.messageRef, personId: personId, caseId: $0.caseId) }
        }
        _ = try reader.request("shutdown")
        try reader.notify("exit")
        _ = try reader.finish()

        let foundSet = Set(found)
        #expect(found.count == foundSet.count, "\(found.count - foundSet.count) filings appear twice")
        let missing = expected.subtracting(foundSet)
        let unexpected = foundSet.subtracting(expected)
        #expect(missing.isEmpty, "\(missing.count) filings missing, such as \(missing.prefix(3))")
        #expect(unexpected.isEmpty, "\(unexpected.count) filings not planned, such as \(unexpected.prefix(3))")
    }

    // MARK: Addresses

    private func raceForAddresses(on backend: StoreBackend) throws {
        let folder = try TemporaryFolder()
        let fixture = try ConcurrentFilingFixture(backend: backend, folder: folder)
        let addresses = (0..<Self.sharedAddresses).map { "shared-\($0)-box@example.org" }

        let added = try runAddressRound(AddAddress.self, addresses: addresses, fixture: fixture, folder: folder)
        var winners: [String: Int] = [:]
        for (address, outcomes) in added {
            let successes = outcomes.filter { if case .success(let result) = $0.result { result.added } else { false } }
            #expect(successes.count == 1, "\(address) was added to \(successes.count) people")
            winners[address] = successes.first?.process
            for outcome in outcomes {
                if case .failure(let error) = outcome.result {
                    #expect(error.code == HRBoxErrorCode.addressTaken, "\(address): \(error.code) \(error.message)")
                }
            }
        }

        let removed = try runAddressRound(RemoveAddress.self, addresses: addresses, fixture: fixture, folder: folder)
        for (address, outcomes) in removed {
            let successes = outcomes.filter { if case .success = $0.result { true } else { false } }
            #expect(successes.map(\.process) == [winners[address]].compactMap { $0 }, "\(address)")
            for outcome in outcomes {
                if case .failure(let error) = outcome.result {
                    #expect(error.code == HRBoxErrorCode.addressNotFound, "\(address): \(error.code) \(error.message)")
                }
            }
        }

        let check = try searchPeople("box@example.org", fixture: fixture, folder: folder)
        #expect(check.isEmpty, "shared addresses left behind with \(check)")
    }

    /// What one process got back for one address.
    struct AddressOutcome<Output> {
        var process: Int
        var result: Result<Output, ResponseError>
    }

    /// Starts one process per person racing to give their person, or take from them, every address.
    /// - Returns: Each process's outcome, by address.
    private func runAddressRound<Method: HRBoxMethod>(
        _ method: Method.Type, addresses: [String], fixture: ConcurrentFilingFixture, folder: TemporaryFolder
    ) throws -> [String: [AddressOutcome<Method.Result>]] where Method.Params == AddAddress.Params {
        let servers = try (0..<Self.addressProcesses).map { process in
            var script = try RequestScript(clientName: "address racer \(process)")
            for index in addresses.indices.shuffled() {
                try script.add(
                    method, id: index,
                    AddAddress.Params(personId: fixture.personIds[process], address: addresses[index]))
            }
            try script.addShutdown()
            return try ScriptedServe(
                script: script, storeArguments: fixture.storeArguments, folder: folder,
                name: "\(Method.name.dropFirst(6))\(process)")
        }

        var outcomes: [String: [AddressOutcome<Method.Result>]] = [:]
        for (process, server) in servers.enumerated() {
            let status = try server.waitForExit()
            #expect(status == 0, "hrbox serve ended with status \(status); see \(server.logPath)")
            let replies = try server.repliesByID()
            for (index, address) in addresses.enumerated() {
                let reply = try #require(replies[index], "no reply for \(address) in \(server.outputPath)")
                outcomes[address, default: []].append(
                    AddressOutcome(process: process, result: try decodeReply(reply, as: method)))
            }
        }
        return outcomes
    }

    /// Returns the ids of the people `hrbox/searchPeople` finds for `query`.
    private func searchPeople(
        _ query: String, fixture: ConcurrentFilingFixture, folder: TemporaryFolder
    ) throws -> [Int64] {
        let reader = try ServeSession(arguments: fixture.storeArguments, errorLog: folder.path("search.log"))
        _ = try reader.request("initialize", ["clientInfo": ["name": "address race check"]])
        try reader.notify("initialized", [:])
        let people = try reader.call(SearchPeople.self, SearchPeople.Params(query: query)).people
        _ = try reader.request("shutdown")
        try reader.notify("exit")
        _ = try reader.finish()
        return people.map(\.id)
    }
}
