import Foundation

/// One way an instance fails its schema.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// The instance value that failed, such as `$.targets[0].personId`; `$` is the whole instance.
    public var instancePath: String
    /// The keyword that failed, such as `type` or `required`.
    public var keyword: String
    /// The keyword's location in the schemas, such as `hrbox.store.json#/$defs/params/properties/targets`.
    public var schemaLocation: String
    /// The reason, such as `expected an integer, found a string`.
    public var message: String
    /// For `anyOf` and `oneOf` when no subschema matched: how each one failed.
    public var reasons: [SchemaViolation]

    public init(
        instancePath: String,
        keyword: String,
        schemaLocation: String,
        message: String,
        reasons: [SchemaViolation] = []
    ) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.schemaLocation = schemaLocation
        self.message = message
        self.reasons = reasons
    }

    public var description: String {
        var text = "\(instancePath): \(keyword): \(message) (\(schemaLocation))"
        for reason in reasons {
            text += "\n    " + reason.description.replacingOccurrences(of: "\n", with: "\n    ")
        }
        return text
    }
}
