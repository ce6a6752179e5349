import Foundation
import JSONRPC

/// What a ```json block of the spec shows.
enum SpecExample {
    case request(id: Int, message: JSONValue)
    case notification(JSONValue)
    /// A notification the server sends, such as `$/progress`, before the reply to the request above it.
    case serverNotification(JSONValue)
    case response(id: Int, message: JSONValue)
    /// An array of requests and notifications, sent as one frame.
    case batch(JSONValue)
    case batchResponse(JSONValue)
    /// Members of the result of request `of`, as the spec shows them when the request is sent again.
    case fragment(JSONObject, of: Int)
}

/// One thing the client does in the spec's session, with the reply the spec shows for it.
struct SessionStep {
    /// The spec's line of the block the step comes from, for messages that point at it.
    var line: Int
    var sent: JSONValue
    /// The spec's reply, nil for a notification.
    var expected: JSONValue?
    /// For a fragment, the result members the spec shows; `sent` is then the original request with a new id.
    var fragment: Fragment?
    /// The notifications the server sends before its reply, as the spec shows them.
    var expectedNotifications: [JSONValue] = []
}

/// Members of a result that the spec shows without the rest of the response.
struct Fragment {
    var members: JSONObject
    /// The id of the spec's request whose result they belong to.
    var request: Int
}

/// The spec's examples as one session in the order the spec says they ran.
///
/// Requests run in the order of their ids. A notification runs after the request whose block comes
/// before it in the text. A block can state where it runs with a comment on the line before it:
/// `<!-- example: replayed after request 4 -->` places a batch, and
/// `<!-- example: fragment of the result of request 2, replayed after request 5 -->` marks a block that
/// shows some members of a result; the test sends that request again at that point.
struct SpecSession {
    private(set) var examples: [(line: Int, example: SpecExample)] = []
    private(set) var steps: [SessionStep] = []

    init(document: SpecDocument) throws {
        var requests: [Int: (line: Int, message: JSONValue)] = [:]
        var responses: [Int: JSONValue] = [:]
        var serverNotifications: [Int: [JSONValue]] = [:]
        /// Steps that run after a request, by that request's id; 0 runs before every request.
        var following: [Int: [SessionStep]] = [:]
        var lastRequest = 0
        var openBatch: (line: Int, message: JSONValue, after: Int)?

        for (block, value) in try document.jsonBlocks() {
            let example = try Self.classify(value, block: block)
            examples.append((block.line, example))
            let placement = try Self.placement(of: block)

            switch example {
            case .request(let id, let message):
                guard requests[id] == nil else {
                    throw SpecError("The request at line \(block.line) reuses the id \(id) of the one at line \(requests[id]?.line ?? 0).")
                }
                requests[id] = (block.line, message)
                lastRequest = id
            case .serverNotification(let message):
                guard lastRequest > 0 else {
                    throw SpecError("The server notification at line \(block.line) follows no request.")
                }
                serverNotifications[lastRequest, default: []].append(message)
            case .notification(let message):
                following[placement ?? lastRequest, default: []].append(SessionStep(line: block.line, sent: message))
            case .response(let id, let message):
                guard responses[id] == nil else {
                    throw SpecError("The response at line \(block.line) repeats the id \(id).")
                }
                responses[id] = message
            case .batch(let message):
                guard let placement else {
                    throw SpecError("The batch at line \(block.line) needs a comment such as <!-- example: replayed after request 4 -->.")
                }
                openBatch = (block.line, message, placement)
            case .batchResponse(let message):
                guard let batch = openBatch else {
                    throw SpecError("The batch response at line \(block.line) follows no batch.")
                }
                following[batch.after, default: []].append(SessionStep(line: batch.line, sent: batch.message, expected: message))
                openBatch = nil
            case .fragment(let members, let id):
                guard let placement else {
                    throw SpecError("The fragment at line \(block.line) must say after which request it is replayed.")
                }
                following[placement, default: []].append(
                    SessionStep(line: block.line, sent: .null, fragment: Fragment(members: members, request: id)))
            }
        }

        try assemble(requests: requests, responses: responses, serverNotifications: serverNotifications, following: following)
    }

    private mutating func assemble(
        requests: [Int: (line: Int, message: JSONValue)],
        responses: [Int: JSONValue],
        serverNotifications: [Int: [JSONValue]],
        following: [Int: [SessionStep]]
    ) throws {
        steps = following[0] ?? []
        for id in requests.keys.sorted() {
            guard let request = requests[id] else {
                continue
            }
            guard let response = responses[id] else {
                throw SpecError("The request \(id) at line \(request.line) has no response in the spec.")
            }
            steps.append(SessionStep(
                line: request.line, sent: request.message, expected: response,
                expectedNotifications: serverNotifications[id] ?? []))

            for var step in following[id] ?? [] {
                if let fragment = step.fragment {
                    step.sent = try Self.repeatedRequest(fragment, requests: requests, line: step.line)
                }
                steps.append(step)
            }
        }
        if let unpaired = Set(responses.keys).subtracting(requests.keys).min() {
            throw SpecError("The response with id \(unpaired) answers no request of the spec.")
        }
    }

    /// Returns the request a fragment shows part of, with an id no request of the spec uses.
    private static func repeatedRequest(
        _ fragment: Fragment,
        requests: [Int: (line: Int, message: JSONValue)],
        line: Int
    ) throws -> JSONValue {
        guard case .object(var request)? = requests[fragment.request]?.message else {
            throw SpecError("The fragment at line \(line) names a request the spec does not show.")
        }
        request["id"] = .string("fragment-at-line-\(line)")
        return .object(request)
    }

    // MARK: - Reading blocks

    private static func classify(_ value: JSONValue, block: CodeBlock) throws -> SpecExample {
        if let annotation = block.annotation, let match = annotation.firstMatch(of: /^fragment of the result of request (\d+)/) {
            guard case .object(let members) = value, let id = Int(match.1) else {
                throw SpecError("The fragment at line \(block.line) must be an object of result members.")
            }
            return .fragment(members, of: id)
        }

        switch value {
        case .object(let object) where object["method"]?.stringValue == "$/progress":
            return .serverNotification(value)
        case .object(let object) where object["method"] != nil:
            guard object["id"] != nil else {
                return .notification(value)
            }
            return .request(id: try numericID(object, line: block.line), message: value)
        case .object(let object) where object["result"] != nil || object["error"] != nil:
            return .response(id: try numericID(object, line: block.line), message: value)
        case .array(let elements) where !elements.isEmpty && elements.allSatisfy({ $0["method"] != nil }):
            return .batch(value)
        case .array(let elements) where !elements.isEmpty && elements.allSatisfy({ $0["result"] != nil || $0["error"] != nil }):
            return .batchResponse(value)
        default:
            throw SpecError(
                "The json block at line \(block.line) is neither a request, a response, a notification nor a batch. "
                    + "Put <!-- example: fragment of the result of request N, replayed after request M --> before it.")
        }
    }

    /// Returns the id of a message of the numbered session, which the spec writes as an integer.
    private static func numericID(_ message: JSONObject, line: Int) throws -> Int {
        guard let id = message["id"]?.intValue, id > 0 else {
            throw SpecError("The message at line \(line) needs a positive integer id to have a place in the session.")
        }
        return id
    }

    /// Returns the request a block's annotation places it after, or nil without an annotation.
    private static func placement(of block: CodeBlock) throws -> Int? {
        guard let annotation = block.annotation else {
            return nil
        }
        guard let match = annotation.firstMatch(of: /replayed after request (\d+)$/), let id = Int(match.1) else {
            throw SpecError("The comment before line \(block.line) is not one the spec test reads: \(annotation)")
        }
        return id
    }
}
