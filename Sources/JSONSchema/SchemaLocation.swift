import Foundation

/// A place in a schema document: the document's name and a JSON Pointer (RFC 6901) into it.
struct SchemaLocation: Sendable, Hashable, CustomStringConvertible {
    var document: String
    var tokens: [String]

    func appending(_ token: String) -> SchemaLocation {
        SchemaLocation(document: document, tokens: tokens + [token])
    }

    func appending(_ index: Int) -> SchemaLocation {
        appending(String(index))
    }

    /// The location in `$ref` form, such as `types.json#/$defs/Person`.
    var description: String {
        let pointer = tokens.map { "/" + Self.escape($0) }.joined()
        return "\(document)#\(pointer)"
    }

    /// Resolves a `$ref` value against the document this location is in.
    ///
    /// Accepts `#/a/b` in the same document, `FILE.json` for another document's root and
    /// `FILE.json#/a/b`; returns nil for any other form, such as an absolute URI.
    func resolving(reference: String) -> SchemaLocation? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let documentPart = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        guard !documentPart.contains(":"), !documentPart.contains("/") else {
            return nil
        }
        guard fragment.isEmpty || fragment.hasPrefix("/") else {
            return nil
        }
        let tokens = fragment.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            Self.unescape(String($0))
        }
        return SchemaLocation(document: documentPart.isEmpty ? document : documentPart, tokens: Array(tokens))
    }

    private static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func unescape(_ token: String) -> String {
        token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}
