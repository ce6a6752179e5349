/// Takes the `workDoneToken` member out of a request's params, as LSP's `WorkDoneProgressParams`
/// define it, so that a handler's params types need not know it.
enum WorkDoneToken {
    static let member = "workDoneToken"

    /// Returns the params without the token, and the token.
    ///
    /// Only params given as an object can carry a token. A token must be a string or an integer;
    /// `null` counts as no token, as `"params": null` counts as no params.
    /// - Throws: ``ResponseError/invalidParams(_:)`` naming `workDoneToken` for a token of another type.
    static func split(_ params: JSONValue?) throws(ResponseError) -> (params: JSONValue?, token: JSONValue?) {
        guard case .object(var object)? = params, let token = object.removeValue(forKey: member) else {
            return (params, nil)
        }

        switch token {
        case .null:
            return (.object(object), nil)
        case .string:
            return (.object(object), token)
        case .number where token.int64Value != nil:
            return (.object(object), token)
        case .number(let literal):
            throw .invalidParams("\(member) must be a string or an integer, found the number \(literal)")
        default:
            throw .invalidParams("\(member) must be a string or an integer, found \(token.kindDescription)")
        }
    }
}
