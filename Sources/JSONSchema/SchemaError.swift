/// A schema that cannot be used: unreadable, not JSON, using a keyword the validator does not support,
/// or referring to a schema that does not exist.
///
/// Validation never reports a problem of the schema as a violation of the instance, so that a broken
/// schema cannot pass or fail an instance silently.
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The schema file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The schema file is not valid JSON.
    case invalidJSON(document: String, reason: String)
    /// The schema uses a keyword that ``SchemaSet`` does not evaluate.
    case unsupportedKeyword(String, at: String)
    /// A keyword's value has the wrong shape, such as `"required": "id"`.
    case invalidKeywordValue(String, at: String, expected: String)
    /// A `$ref` names a document or a location that does not exist.
    case unresolvedReference(String, at: String)
    /// Following `$ref`s went deeper than ``SchemaSet/maxReferenceDepth`` without reaching a schema that
    /// checks the instance, as with a schema that refers to itself.
    case referenceTooDeep(String, at: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "Cannot read the schema file \(path): \(reason)."
        case .invalidJSON(let document, let reason):
            return "The schema \(document) is not valid JSON: \(reason)."
        case .unsupportedKeyword(let keyword, let location):
            return "The keyword \"\(keyword)\" at \(location) is not supported. "
                + "Remove it or express the rule with the supported keywords."
        case .invalidKeywordValue(let keyword, let location, let expected):
            return "The keyword \"\(keyword)\" at \(location) is invalid: expected \(expected)."
        case .unresolvedReference(let reference, let location):
            return "The $ref \"\(reference)\" at \(location) names no schema. "
                + "Refer to #/$defs/NAME or FILE.json#/$defs/NAME in the same folder."
        case .referenceTooDeep(let reference, let location):
            return "Following the $ref \"\(reference)\" at \(location) nests too deep; the schema probably refers to itself."
        }
    }
}
