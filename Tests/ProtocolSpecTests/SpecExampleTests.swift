import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

/// The method of each request in a message or batch, by id, for checking the responses.
private func methodsByID(in sent: JSONValue) -> [JSONValue: String] {
    var methods: [JSONValue: String] = [:]
    for message in sent.arrayValue ?? [sent] {
        if let id = message["id"], let method = message["method"]?.stringValue {
            methods[id] = method
        }
    }
    return methods
}

/// Returns the violations of a reply, single or batch, to what was sent.
private func violations(ofReply reply: JSONValue, to sent: JSONValue, catalog: SchemaCatalog) throws -> [String] {
    let methods = methodsByID(in: sent)
    var found: [String] = []
    for response in reply.arrayValue ?? [reply] {
        guard let id = response["id"], let method = methods[id] else {
            found.append("a response answers no request sent: \(response)")
            continue
        }
        found += try catalog.violations(ofResponse: response, to: method)
    }
    return found
}

/// Returns whether the spec shows -32602, invalid params, as the reply to the request.
private func answersInvalidParams(_ request: JSONValue, in reply: JSONValue?) -> Bool {
    guard let id = request["id"], let reply else {
        return false
    }
    let response = (reply.arrayValue ?? [reply]).first { $0["id"] == id }
    return response?["error"]?["code"] == JSONValue(-32602)
}

@Test func schemasLoad() throws {
    let catalog = try SchemaCatalog()

    for method in ["initialize", "shutdown"] + HRBoxMethods.names {
        for part in ["params", "result"] {
            let reference = "\(SchemaCatalog.document(of: method))#/$defs/\(part)"
            #expect(catalog.schemas.containsSchema(at: reference), "missing \(reference)")
        }
    }
}

@Test func specExamplesMatchSchemas() throws {
    let catalog = try SchemaCatalog()
    let session = try SpecSession(document: SpecDocument.load())
    #expect(session.steps.count >= 20, "the spec's session has only \(session.steps.count) steps")

    for step in session.steps {
        if let fragment = step.fragment {
            let method = try #require(step.sent["method"]?.stringValue)
            let found = try catalog.violations(ofFragment: fragment.members, of: method)
            #expect(found.isEmpty, "the fragment at line \(step.line) of protocol/README.md:\n\(found.joined(separator: "\n"))")
            continue
        }
        var found: [String] = []
        for message in step.sent.arrayValue ?? [step.sent] {
            let violations = try catalog.violations(ofSent: message)
            // A request the spec shows failing with invalid params must fail its params schema too.
            if answersInvalidParams(message, in: step.expected) {
                #expect(!violations.isEmpty, "the params at line \(step.line) get -32602 in the spec but match their schema")
            } else {
                found += violations
            }
        }
        for notification in step.expectedNotifications {
            found += try catalog.violations(ofSent: notification)
        }
        if let expected = step.expected {
            found += try violations(ofReply: expected, to: step.sent, catalog: catalog)
        }
        #expect(found.isEmpty, "the example at line \(step.line) of protocol/README.md:\n\(found.joined(separator: "\n"))")
    }
}

@Test func specSessionMatchesServer() throws {
    let catalog = try SchemaCatalog()
    let document = try SpecDocument.load()
    let session = try SpecSession(document: document)
    let folder = try TemporaryFolder()
    let server = try startServer(commands: document.setupCommands(), folder: folder)

    var comparison = ReplyComparison()
    for step in session.steps {
        try server.send(step.sent)
        guard step.expected != nil || step.fragment != nil else {
            continue
        }
        for expected in step.expectedNotifications {
            let notification = try server.receive()
            let found = try catalog.violations(ofSent: notification)
            #expect(found.isEmpty, "a notification before the reply at line \(step.line):\n\(found.joined(separator: "\n"))")
            let before = comparison.differences.count
            comparison.compare(spec: expected, real: notification)
            let differences = comparison.differences[before...]
            #expect(differences.isEmpty, "a notification before the reply at line \(step.line):\n\(differences.joined(separator: "\n"))")
        }
        let reply = try server.receive()

        let found = try violations(ofReply: reply, to: step.sent, catalog: catalog)
        #expect(found.isEmpty, "the reply to the example at line \(step.line):\n\(found.joined(separator: "\n"))")

        let before = comparison.differences.count
        if let fragment = step.fragment {
            let result = try #require(reply["result"]?.objectValue, "no result for the fragment at line \(step.line): \(reply)")
            for (name, value) in fragment.members {
                comparison.compare(spec: value, real: result[name] ?? .null, path: "$.result.\(name)", member: name)
            }
        } else if let expected = step.expected {
            comparison.compare(spec: expected, real: reply)
        }
        let differences = comparison.differences[before...]
        #expect(differences.isEmpty, "the reply to the example at line \(step.line):\n\(differences.joined(separator: "\n"))")
    }

    let end = try server.finish()
    #expect(end.status == 0, "hrbox serve exited with \(end.status); its log is \(folder.log.path)")
    #expect(end.unexpectedFrames.isEmpty, "frames after the last reply: \(end.unexpectedFrames)")
}

/// Runs the spec's setup commands on a new store in `folder` and starts the server they end with.
private func startServer(commands: [[String]], folder: TemporaryFolder) throws -> ServeProcess {
    var serve: [String]?
    for command in commands {
        guard command.first == "hrbox" else {
            throw SpecError("A setup command of the spec does not run hrbox: \(command.joined(separator: " "))")
        }
        // The spec calls the store S; the test gives it a path in its own folder.
        let arguments = command.dropFirst().map { $0 == "S" ? folder.store.path : $0 }
        if arguments.first == "serve" {
            serve = arguments
        } else {
            try runHRBox(arguments, errorLog: folder.log)
        }
    }
    guard let serve else {
        throw SpecError("The spec's setup commands do not start hrbox serve.")
    }
    return try ServeProcess(arguments: serve, errorLog: folder.log)
}

/// A fresh folder for one test's store and log, removed when the test ends.
final class TemporaryFolder {
    let url: URL
    let store: URL
    let log: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        store = url.appendingPathComponent("S.sqlite")
        log = url.appendingPathComponent("hrbox.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw SpecError("Cannot create the log file \(log.path).")
        }
    }

    deinit {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            print("Could not remove the test folder \(url.path): \(error)")
        }
    }
}

/// The frame that section 1 shows must count the bytes of its body and carry the spec's `initialize`.
@Test func framingExampleCountsBytes() throws {
    let document = try SpecDocument.load()
    let frame = try #require(document.blocks.first { $0.language.isEmpty && $0.text.contains(/^Content-Length: \d/) })
    let lines = frame.text.split(separator: "\n").map(String.init)
    try #require(lines.count == 3, "expected a header line, an empty line and a body at line \(frame.line)")

    let declared = try #require(lines[0].firstMatch(of: /^Content-Length: (\d+)\\r\\n$/).flatMap { Int($0.1) })
    #expect(lines[1] == #"\r\n"#)
    #expect(lines[2].utf8.count == declared)

    let body = try JSONValue(parsing: Array(lines[2].utf8))
    let session = try SpecSession(document: document)
    let initialize = try #require(session.steps.first { $0.sent["method"] == "initialize" })
    #expect(body == initialize.sent)
}
