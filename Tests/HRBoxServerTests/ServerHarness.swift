import Foundation
import HRBoxImport
import HRBoxProtocol
import HRBoxServer
import HRBoxStore
import JSONRPC
import Synchronization
import Testing

/// A clock that returns a fixed instant until a test moves it on.
final class ManualClock: Sendable {
    /// 2026-12-04T09:12:41Z.
    static let start = Date(timeIntervalSince1970: 1_796_375_561)

    private let current = Mutex(ManualClock.start)

    func read() -> Date {
        current.withLock { $0 }
    }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}

/// An `HRBoxServer` on a store in a temporary folder of its own, removed when the harness goes away.
///
/// The server runs for the colleague `mkeller` with the own address `hr@northwind.example`. The
/// harness keeps a second connection to the same store, so that tests can fill it and check what
/// the server wrote.
final class ServerHarness {
    static let colleague = "mkeller"
    static let ownAddress = "hr@northwind.example"
    /// The size limit of `{"path": ...}` message sources, small so that a test can exceed it cheaply.
    static let maxMessageBytes = 64 * 1024

    let directory: URL
    let storePath: String
    let clock = ManualClock()
    let store: Store
    let server: HRBoxServer

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        storePath = directory.appendingPathComponent("hrbox.sqlite").path

        let clock = self.clock
        store = try Store(path: storePath, clock: { clock.read() })
        server = Self.makeServer(storePath: storePath, clock: clock)
        _ = try server.initialize(params: JSONValueEncoder().encode(InitializeParams(clientInfo: ClientInfo(name: "tests"))))
    }

    deinit {
        do {
            try FileManager.default.removeItem(at: directory)
        } catch {
            print("Could not remove the test folder \(directory.path): \(error)")
        }
    }

    /// Creates a server for the harness's user on another store, or with a log that writes somewhere.
    static func makeServer(
        storePath: String,
        clock: ManualClock,
        log: Logger = Logger.silent,
        configuration: UserConfiguration = UserConfiguration(colleague: colleague, addresses: [ownAddress])
    ) -> HRBoxServer {
        HRBoxServer(
            storePath: storePath,
            configuration: configuration,
            maxMessageBytes: maxMessageBytes,
            log: log,
            clock: { clock.read() })
    }

    // MARK: Calling the server

    /// Calls `Method` with params encoded as a client would, and decodes its result.
    func call<Method: HRBoxMethod>(_ method: Method.Type, _ params: Method.Params) throws -> Method.Result {
        try server.call(method, params)
    }

    /// Calls `Method` with params it must reject, and returns the error.
    func failure<Method: HRBoxMethod>(_ method: Method.Type, _ params: Method.Params) throws -> ResponseError {
        try server.failure(method, params)
    }

    /// Calls a method by name with raw params it must reject, and returns the error.
    func failure(method: String, params: JSONValue?) throws -> ResponseError {
        try server.failure(method: method, params: params)
    }

    // MARK: Test data

    /// Imports the team of ``TeamData``: colleagues first, because case types name them as assignees.
    func importTeam() throws {
        _ = try CSVImport.importColleagues(from: write("colleagues.csv", TeamData.colleagues), into: store)
        _ = try CSVImport.importPeople(
            from: write("people.csv", TeamData.people), into: store, auditedAs: AuditActor(colleague: nil, client: "tests"))
        _ = try CSVImport.importCaseTypes(from: write("case-types.csv", TeamData.caseTypes), into: store)
    }

    /// Writes bytes to a file in the harness's folder and returns its path.
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// The person who owns the address, who must exist.
    func person(_ address: String) throws -> Person {
        try #require(try store.person(ownerOf: address), "no person owns \(address)")
    }

    /// The case type with the name, which must exist.
    func caseType(_ name: String) throws -> CaseType {
        try #require(try store.caseTypes().first { $0.name == name }, "no case type is named \(name)")
    }

    /// Starts a case through the store, as an earlier session would have.
    func startCase(_ caseTypeName: String, for person: Person, on startDate: String) throws -> Case {
        let caseType = try caseType(caseTypeName)
        let (started, _) = try store.startCase(
            personId: person.id, caseTypeId: caseType.id, title: nil, startDate: startDate, startedBy: Self.colleague)
        return started
    }

    /// Files the message through the server and returns the result.
    @discardableResult
    func file(_ text: String, for targets: [FilingTarget]) throws -> StoreMessage.Result {
        try call(StoreMessage.self, StoreMessage.Params(message: .inline(text), targets: targets))
    }

    /// Returns whether the store contains any message at all. The store counts message references up from 1.
    func hasStoredMessages() throws -> Bool {
        try store.rawMessage(ref: 1) != nil
    }
}

extension HRBoxServer {
    /// Handles a request with a context that is never cancelled and has no progress token.
    func handle(method: String, params: JSONValue?) throws(ResponseError) -> JSONValue {
        try handle(method: method, params: params, context: RequestContext(method: method))
    }

    /// Calls `Method` as the transport would, with a context that is never cancelled unless the test passes one.
    func call<Method: HRBoxMethod>(
        _ method: Method.Type, _ params: Method.Params, context: RequestContext? = nil
    ) throws -> Method.Result {
        let result = try handle(
            method: Method.name, params: JSONValueEncoder().encode(params),
            context: context ?? RequestContext(method: Method.name))
        return try JSONValueDecoder().decode(Method.Result.self, from: result)
    }

    func failure<Method: HRBoxMethod>(
        _ method: Method.Type, _ params: Method.Params, context: RequestContext? = nil
    ) throws -> ResponseError {
        try failure(method: Method.name, params: JSONValueEncoder().encode(params), context: context)
    }

    func failure(method: String, params: JSONValue?, context: RequestContext? = nil) throws -> ResponseError {
        try #require(throws: ResponseError.self) {
            try self.handle(method: method, params: params, context: context ?? RequestContext(method: method))
        }
    }
}

extension MessageSource {
    /// Encodes the message's UTF-8 bytes in base64, as a client sends them inline.
    static func inline(_ text: String) -> MessageSource {
        inline(bytes: Array(text.utf8))
    }

    static func inline(bytes: [UInt8]) -> MessageSource {
        .base64(Data(bytes).base64EncodedString())
    }
}

/// Raw messages written the way mail clients store them: CRLF line endings and ASCII headers.
enum TestMail {
    static func message(
        from: String,
        to: [String] = [ServerHarness.ownAddress],
        cc: [String] = [],
        bcc: [String] = [],
        subject: String = "Sick note",
        body: String = "I am ill until Friday."
    ) -> String {
        var lines = ["From: \(from)"]
        if !to.isEmpty {
            lines.append("To: \(to.joined(separator: ", "))")
        }
        if !cc.isEmpty {
            lines.append("Cc: \(cc.joined(separator: ", "))")
        }
        if !bcc.isEmpty {
            lines.append("Bcc: \(bcc.joined(separator: ", "))")
        }
        lines += [
            "Subject: \(subject)",
            "Date: Thu, 26 Nov 2026 07:14:12 +0100",
            "Message-ID: <\(subject.filter(\.isLetter).lowercased())@mail.northwind.example>",
            "",
            body,
            "",
        ]
        return lines.joined(separator: "\r\n")
    }
}

/// A small team of Northwind Tools as CSV files, in the formats `hrbox import` reads.
enum TeamData {
    static let colleagues = """
        id,name,address
        mkeller,Mara Keller,mara.keller@northwind.example
        pweiss,Paul Weiss,paul.weiss@northwind.example
        sarslan,Selin Arslan,selin.arslan@northwind.example

        """

    /// Daniel Fischer has two addresses. Lena Novak, an applicant, has no employee number.
    static let people = """
        first_name,last_name,addresses,employee_number,department,job_title,status
        Tobias,Brandt,tobias.brandt@northwind.example,NW-1042,Production,Machine operator,employee
        Lena,Novak,lena.novak@example.org,,Engineering,Process engineer,applicant
        Daniel,Fischer,daniel.fischer@northwind.example;d.fischer@example.net,NW-1015,Engineering,Head of process engineering,employee

        """

    /// Sick leave has three steps, one with an assignee of its own. Reference letter has no steps.
    static let caseTypes = """
        case_type,step,due_after_days,assignee
        Sick leave,File the doctor's certificate,0,
        Sick leave,Tell payroll about the absence,1,pweiss
        Sick leave,Ask about the return to work,5,
        Reference letter,,,

        """
}
