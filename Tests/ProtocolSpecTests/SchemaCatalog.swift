import JSONRPC
import JSONSchema

/// The schemas of protocol/schemas, and which of them a message must satisfy.
struct SchemaCatalog {
    let schemas: SchemaSet

    init() throws {
        schemas = try SchemaSet(directory: Repository.schemas)
    }

    /// Returns the document with a method's params and result: `hrbox/lookup` is in `hrbox.lookup.json`,
    /// and `$/cancelRequest` in `cancelRequest.json`.
    static func document(of method: String) -> String {
        let name = method.hasPrefix("$/") ? String(method.dropFirst(2)) : method
        return name.replacingOccurrences(of: "/", with: ".") + ".json"
    }

    /// Returns the violations of a request or notification, its params included. Absent params are
    /// checked as null, since the server treats the two alike.
    func violations(ofSent message: JSONValue) throws -> [String] {
        let isRequest = message["id"] != nil
        var found = try check(message, "jsonrpc.json#/$defs/\(isRequest ? "request" : "notification")")
        guard let method = message["method"]?.stringValue else {
            return found
        }
        let params = "\(Self.document(of: method))#/$defs/params"
        guard schemas.containsSchema(at: params) else {
            return found + ["\(method): no schema at \(params)"]
        }
        found += try check(message["params"] ?? .null, params, label: "\(method) params")
        return found
    }

    /// Returns the violations of a response to a request for `method`, its result or error included.
    func violations(ofResponse response: JSONValue, to method: String) throws -> [String] {
        var found = try check(response, "jsonrpc.json#/$defs/response")
        if let result = response["result"] {
            let reference = "\(Self.document(of: method))#/$defs/result"
            guard schemas.containsSchema(at: reference) else {
                return found + ["\(method): no schema at \(reference)"]
            }
            found += try check(result, reference, label: "\(method) result")
        }
        return found
    }

    /// Returns the violations of members of a result that the spec shows on their own.
    func violations(ofFragment members: JSONObject, of method: String) throws -> [String] {
        var found: [String] = []
        for (name, value) in members {
            let reference = "\(Self.document(of: method))#/$defs/result/properties/\(name)"
            guard schemas.containsSchema(at: reference) else {
                found.append("\(method): the result has no member \(name) at \(reference)")
                continue
            }
            found += try check(value, reference, label: "\(method) result member \(name)")
        }
        return found
    }

    private func check(_ value: JSONValue, _ reference: String, label: String? = nil) throws -> [String] {
        try schemas.validate(value, against: reference).map { "\(label ?? reference): \($0)" }
    }
}
