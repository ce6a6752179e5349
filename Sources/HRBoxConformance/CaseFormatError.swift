import JSONRPC

/// A case file that does not follow the case format of `protocol/conformance/README.md`.
public struct CaseFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or the case's name when the case did not come from a file.
    public var source: String
    /// Where in the file, such as `cases[2].input[0]`; empty for the whole file.
    public var path: String
    public var reason: String

    public init(source: String = "", path: String, _ reason: String) {
        self.source = source
        self.path = path
        self.reason = reason
    }

    public var description: String {
        let place = [source, path].filter { !$0.isEmpty }.joined(separator: ": ")
        return "\(place.isEmpty ? "" : place + ": ")\(reason). See protocol/conformance/README.md for the case format."
    }

    /// Returns the error with `prefix` put before its path, for reporting a nested member.
    func nested(under prefix: String) -> CaseFormatError {
        var copy = self
        copy.path = path.isEmpty ? prefix : (path.hasPrefix("[") ? prefix + path : "\(prefix).\(path)")
        return copy
    }
}

extension CaseFormatError {
    /// Parses each element of an array with `parse`, naming the element's index in an error.
    static func parseElements<Element>(
        _ elements: [JSONValue],
        under path: String,
        _ parse: (JSONValue) throws(CaseFormatError) -> Element
    ) throws(CaseFormatError) -> [Element] {
        var parsed: [Element] = []
        for (index, element) in elements.enumerated() {
            do {
                parsed.append(try parse(element))
            } catch {
                throw error.nested(under: "\(path)[\(index)]")
            }
        }
        return parsed
    }
}
