/// One JSON-RPC 2.0 message: a request, a notification or a response.
public enum JSONRPCMessage: Sendable, Equatable {
    /// A request that gets a reply. A nil `id` stands for `"id": null`, which gets a reply with a null id.
    case request(id: RequestID?, method: String, params: JSONValue?)
    /// A request without an `id` member, which never gets a reply.
    case notification(method: String, params: JSONValue?)
    /// A reply to a request. A nil `id` stands for `"id": null`, as in errors about unreadable requests.
    case response(id: RequestID?, result: Result<JSONValue, ResponseError>)
}

/// A message that breaks JSON-RPC 2.0's rules, with the id for the error reply when one could be read.
public struct InvalidMessage: Error, Sendable, Equatable {
    public let id: RequestID?
    public let error: ResponseError

    public init(id: RequestID?, error: ResponseError) {
        self.id = id
        self.error = error
    }
}

/// The content of one frame: a single message or a batch, each message valid or not.
public enum JSONRPCPayload: Sendable, Equatable {
    case single(Result<JSONRPCMessage, InvalidMessage>)
    /// A non-empty array of messages, that gets one array of replies.
    case batch([Result<JSONRPCMessage, InvalidMessage>])
}

// MARK: - Reading

extension JSONRPCPayload {
    /// Reads a single message or a batch from a parsed frame body.
    ///
    /// An empty array is one invalid request, as JSON-RPC 2.0 requires.
    public init(_ value: JSONValue) {
        guard case .array(let elements) = value else {
            self = .single(JSONRPCMessage.read(value))
            return
        }
        if elements.isEmpty {
            self = .single(.failure(InvalidMessage(id: nil, error: .invalidRequest("the batch is an empty array"))))
        } else {
            self = .batch(elements.map(JSONRPCMessage.read))
        }
    }
}

extension JSONRPCMessage {
    /// Reads one message and checks it against JSON-RPC 2.0.
    ///
    /// `"jsonrpc"` must be the string `"2.0"`, `method` a string, `params` an object or an array, and
    /// `id` a number, a string or null. Two leniencies serve real clients: `"params": []` counts as
    /// absent params because Lua and Neovim encode an empty object as `[]`, and `"params": null`
    /// counts as absent because several LSP client libraries send it. Other members are ignored.
    public static func read(_ value: JSONValue) -> Result<JSONRPCMessage, InvalidMessage> {
        guard case .object(let object) = value else {
            return invalid(nil, "expected a request object, found \(value.kindDescription)")
        }

        let idMember = object["id"]
        let id = idMember.flatMap(RequestID.init)
        if let idMember, id == nil, !idMember.isNull {
            return invalid(nil, "\"id\" must be a number, a string or null, found \(idMember.kindDescription)")
        }
        guard object["jsonrpc"] == .string("2.0") else {
            return invalid(id, "\"jsonrpc\" must be the string \"2.0\"")
        }

        if let method = object["method"] {
            return readCall(object, method: method, id: id, hasID: idMember != nil)
        }
        guard idMember != nil else {
            return invalid(nil, "a message needs \"method\", or \"id\" with \"result\" or \"error\"")
        }
        return readResponse(object, id: id)
    }

    private static func readCall(
        _ object: JSONObject,
        method: JSONValue,
        id: RequestID?,
        hasID: Bool
    ) -> Result<JSONRPCMessage, InvalidMessage> {
        guard case .string(let name) = method else {
            return invalid(id, "\"method\" must be a string, found \(method.kindDescription)")
        }

        let params: JSONValue?
        switch object["params"] {
        case nil, .null?, .array([])?:
            params = nil
        case let structured? where structured.arrayValue != nil || structured.objectValue != nil:
            params = structured
        case let other?:
            return invalid(id, "\"params\" must be an object or an array, found \(other.kindDescription)")
        }

        if hasID {
            return .success(.request(id: id, method: name, params: params))
        }
        return .success(.notification(method: name, params: params))
    }

    private static func readResponse(_ object: JSONObject, id: RequestID?) -> Result<JSONRPCMessage, InvalidMessage> {
        switch (object["result"], object["error"]) {
        case (let result?, nil):
            return .success(.response(id: id, result: .success(result)))
        case (nil, let error?):
            guard let responseError = ResponseError(error) else {
                return invalid(id, "\"error\" must be an object with an integer \"code\" and a string \"message\"")
            }
            return .success(.response(id: id, result: .failure(responseError)))
        case (nil, nil):
            return invalid(id, "a response needs \"result\" or \"error\"")
        case (.some, .some):
            return invalid(id, "a response has either \"result\" or \"error\", not both")
        }
    }

    private static func invalid(_ id: RequestID?, _ why: String) -> Result<JSONRPCMessage, InvalidMessage> {
        .failure(InvalidMessage(id: id, error: .invalidRequest(why)))
    }
}

// MARK: - Writing

extension JSONRPCMessage {
    /// The message as a JSON object, members in the order `jsonrpc`, `id`, `method`, `params`, `result`, `error`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["jsonrpc": "2.0"]
        switch self {
        case .request(let id, let method, let params):
            object["id"] = id?.jsonValue ?? .null
            object["method"] = .string(method)
            object["params"] = params
        case .notification(let method, let params):
            object["method"] = .string(method)
            object["params"] = params
        case .response(let id, .success(let result)):
            object["id"] = id?.jsonValue ?? .null
            object["result"] = result
        case .response(let id, .failure(let error)):
            object["id"] = id?.jsonValue ?? .null
            object["error"] = error.jsonValue
        }
        return .object(object)
    }
}

extension ResponseError {
    /// Reads an error object; returns nil unless `code` is an integer and `message` a string.
    public init?(_ value: JSONValue) {
        guard let code = value["code"]?.intValue, let message = value["message"]?.stringValue else {
            return nil
        }
        self.init(code: code, message: message, data: value["data"])
    }

    /// The error object as a JSON-RPC response carries it; `data` is left out when nil.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["code": JSONValue(code), "message": .string(message)]
        object["data"] = data
        return .object(object)
    }
}
