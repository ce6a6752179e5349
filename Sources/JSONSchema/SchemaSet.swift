import Foundation
import JSONRPC

/// JSON Schema documents (draft 2020-12) that refer to each other by file name, and a validator for them.
///
/// The validator evaluates the keywords a protocol's schemas need and no more. Every schema is checked
/// when the set is created: a keyword outside ``supportedKeywords``, a keyword value of the wrong
/// shape or a `$ref` that leads nowhere makes the set fail to load, so that a schema can never mean
/// less than it says. `$ref` takes `#/…` within a document and `FILE.json` or `FILE.json#/…` for a
/// document of the same set. `$id`, and with it resolution against URIs, is not supported.
public struct SchemaSet: Sendable {
    /// The keywords that constrain an instance.
    public static let assertionKeywords: Set<String> = [
        "type", "enum", "const",
        "minimum", "maximum",
        "minLength", "maxLength", "pattern", "format",
        "items", "prefixItems", "minItems", "maxItems", "uniqueItems",
        "properties", "required", "additionalProperties",
        "allOf", "anyOf", "oneOf", "not",
        "$ref",
    ]

    /// Keywords that describe or hold schemas without constraining the instance where they stand.
    public static let annotationKeywords: Set<String> = ["$schema", "$defs", "$comment", "title", "description"]

    public static var supportedKeywords: Set<String> { assertionKeywords.union(annotationKeywords) }

    /// The only `$schema` value accepted.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// How many `$ref`s validation follows in a row before it reports a reference loop.
    public static let maxReferenceDepth = 64

    private let documents: [String: JSONValue]

    /// Creates the set from documents keyed by the name other documents use in `$ref`, such as `types.json`.
    ///
    /// - Throws: ``SchemaError`` for the first schema that uses an unsupported keyword, gives a keyword
    ///   a value of the wrong shape, or refers to a schema that does not exist.
    public init(documents: [String: JSONValue]) throws(SchemaError) {
        self.documents = documents

        var checker = SchemaChecker()
        for name in documents.keys.sorted() {
            try checker.check(documents[name] ?? .null, at: SchemaLocation(document: name, tokens: []))
        }
        for (reference, location) in checker.references {
            guard let target = location.resolving(reference: reference), checker.schemaLocations.contains(target)
            else {
                throw .unresolvedReference(reference, at: location.description)
            }
        }
    }

    /// Loads every `*.json` file of a folder, each named by its file name.
    public init(directory: URL) throws(SchemaError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        } catch {
            throw .unreadableFile(path: directory.path, reason: error.localizedDescription)
        }

        var documents: [String: JSONValue] = [:]
        for name in names {
            let file = directory.appendingPathComponent(name)
            let bytes: Data
            do {
                bytes = try Data(contentsOf: file)
            } catch {
                throw .unreadableFile(path: file.path, reason: error.localizedDescription)
            }
            do {
                documents[name] = try JSONValue(parsing: bytes)
            } catch {
                throw .invalidJSON(document: name, reason: String(describing: error))
            }
        }
        try self.init(documents: documents)
    }

    /// The names of the documents, sorted.
    public var documentNames: [String] {
        documents.keys.sorted()
    }

    /// Returns whether `reference`, such as `hrbox.lookup.json#/$defs/result`, names a schema of the set.
    public func containsSchema(at reference: String) -> Bool {
        guard let location = Self.location(of: reference) else {
            return false
        }
        return schema(at: location) != nil
    }

    /// Validates an instance against the schema that `reference` names, such as `types.json#/$defs/Person`.
    ///
    /// - Returns: every violation found, empty when the instance is valid.
    /// - Throws: ``SchemaError/unresolvedReference(_:at:)`` when `reference` names no schema, and
    ///   ``SchemaError/referenceTooDeep(_:at:)`` for a schema that refers to itself without end.
    public func validate(_ instance: JSONValue, against reference: String) throws(SchemaError) -> [SchemaViolation] {
        guard let location = Self.location(of: reference), let root = schema(at: location) else {
            throw .unresolvedReference(reference, at: "the validate(_:against:) call")
        }
        let evaluator = SchemaEvaluator(schemas: self)
        return try evaluator.evaluate(instance, against: root, at: location, path: "$", referenceDepth: 0)
    }

    /// Returns the value at a location, or nil when the document or a pointer token does not exist.
    func schema(at location: SchemaLocation) -> JSONValue? {
        guard var value = documents[location.document] else {
            return nil
        }
        for token in location.tokens {
            switch value {
            case .object(let object):
                guard let member = object[token] else {
                    return nil
                }
                value = member
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else {
                    return nil
                }
                value = elements[index]
            default:
                return nil
            }
        }
        return value
    }

    /// Reads a reference given from outside the set, which must name its document.
    private static func location(of reference: String) -> SchemaLocation? {
        guard !reference.hasPrefix("#") else {
            return nil
        }
        return SchemaLocation(document: "", tokens: []).resolving(reference: reference)
    }
}
