import JSONRPC

/// Compares the server's replies with the spec's, allowing the values the spec declares variable.
///
/// The spec says that times of filings and to-dos, the server's version and the wording of error
/// messages may differ from one session to another. A time may differ, but the same time in the spec
/// must stand for the same time in the replies, so a repeated filing still has to return the first
/// filing's `filedAt`.
/// NOTE: Dates computed from today (a case without `startDate`) are compared exactly. No example of
/// the spec leaves `startDate` out, and one that did would need a rule here.
struct ReplyComparison {
    /// Members whose values are instants at which the server did something.
    static let instantMembers: Set<String> = ["filedAt", "createdAt", "doneAt", "recordedAt"]
    /// Paths, from the response, of values that may take any string.
    static let anyStringPaths: Set<String> = ["$.result.serverInfo.version", "$.error.message"]

    /// The instant each of the spec's instants stood for so far.
    private var instants: [String: String] = [:]
    private(set) var differences: [String] = []

    /// Compares one reply, or one member of a reply at `path`.
    mutating func compare(spec: JSONValue, real: JSONValue, path: String = "$", member: String? = nil) {
        if Self.anyStringPaths.contains(Self.withoutIndexes(path)), spec.stringValue != nil, real.stringValue != nil {
            return
        }
        if let member, Self.instantMembers.contains(member), let specInstant = spec.stringValue,
            let realInstant = real.stringValue
        {
            compareInstant(spec: specInstant, real: realInstant, path: path)
            return
        }

        switch (spec, real) {
        case (.object(let specMembers), .object(let realMembers)):
            compareMembers(spec: specMembers, real: realMembers, path: path)
        case (.array(let specElements), .array(let realElements)):
            guard specElements.count == realElements.count else {
                differences.append("\(path): the spec shows \(specElements.count) elements, the server sent \(realElements.count)")
                return
            }
            for (index, (specElement, realElement)) in zip(specElements, realElements).enumerated() {
                compare(spec: specElement, real: realElement, path: "\(path)[\(index)]")
            }
        default:
            if spec != real {
                differences.append("\(path): the spec shows \(Self.text(spec)), the server sent \(Self.text(real))")
            }
        }
    }

    private mutating func compareMembers(spec: JSONObject, real: JSONObject, path: String) {
        for name in spec.keys where real[name] == nil {
            differences.append("\(path).\(name): the spec shows it, the server left it out")
        }
        for name in real.keys where spec[name] == nil {
            differences.append("\(path).\(name): the server sent it, the spec leaves it out")
        }
        for (name, specValue) in spec {
            if let realValue = real[name] {
                compare(spec: specValue, real: realValue, path: "\(path).\(name)", member: name)
            }
        }
    }

    private mutating func compareInstant(spec: String, real: String, path: String) {
        if let bound = instants[spec] {
            if bound != real {
                differences.append("\(path): the spec's \(spec) stood for \(bound) before, the server sent \(real)")
            }
        } else {
            instants[spec] = real
        }
    }

    /// Removes array indexes from a path, so that `$[1].error.message` in a batch matches `$.error.message`.
    private static func withoutIndexes(_ path: String) -> String {
        path.replacing(/\[\d+\]/, with: "")
    }

    private static func text(_ value: JSONValue) -> String {
        (try? value.serializedText()) ?? "\(value)"
    }
}
