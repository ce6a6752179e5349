import JSONRPC

extension ConformanceCase {
    private static let memberNames: Set<String> = [
        "name", "rule", "transport", "prelude", "input", "write", "closeInput", "expect",
    ]

    /// Reads a case from its JSON form, as `protocol/conformance/README.md` describes it.
    ///
    /// - Throws: ``CaseFormatError`` naming the member that is missing, unknown or of the wrong kind.
    public init(parsing value: JSONValue, file: String = "") throws(CaseFormatError) {
        guard let object = value.objectValue else {
            throw CaseFormatError(source: file, path: "", "a case must be an object, found \(value.kindDescription)")
        }
        if let unknown = object.keys.first(where: { !Self.memberNames.contains($0) }) {
            throw CaseFormatError(source: file, path: unknown, "unknown member")
        }

        do {
            self.init(
                name: try Self.string(object, "name"),
                rule: try Self.string(object, "rule"),
                transport: try Self.choice(object, "transport", default: ConformanceTransport.lsp),
                startsAfterPrelude: try Self.bool(object, "prelude", default: false),
                input: try Self.input(object),
                writeMode: try Self.choice(object, "write", default: WriteMode.all),
                closesInput: try Self.bool(object, "closeInput", default: true),
                expectedFrames: try Self.expectedFrames(object),
                expectedExitStatus: try Self.exitStatus(object),
                file: file)
        } catch {
            var located = error
            located.source = object["name"]?.stringValue.map { "\(file) \"\($0)\"" } ?? file
            throw located
        }
    }

    private static func string(_ object: JSONObject, _ key: String) throws(CaseFormatError) -> String {
        guard let value = object[key] else {
            throw CaseFormatError(path: key, "missing required member")
        }
        guard let text = value.stringValue, !text.isEmpty else {
            throw CaseFormatError(path: key, "expected a non-empty string, found \(value.kindDescription)")
        }
        return text
    }

    private static func bool(_ object: JSONObject, _ key: String, default fallback: Bool) throws(CaseFormatError) -> Bool {
        guard let value = object[key] else {
            return fallback
        }
        guard let flag = value.boolValue else {
            throw CaseFormatError(path: key, "expected true or false, found \(value.kindDescription)")
        }
        return flag
    }

    /// Reads a member that names one of an enumeration's cases, or returns `fallback` when it is absent.
    private static func choice<Value: RawRepresentable & CaseIterable>(
        _ object: JSONObject,
        _ key: String,
        default fallback: Value
    ) throws(CaseFormatError) -> Value where Value.RawValue == String {
        guard let value = object[key] else {
            return fallback
        }
        guard let choice = value.stringValue.flatMap(Value.init(rawValue:)) else {
            let names = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw CaseFormatError(path: key, "expected one of \(names), found \(value)")
        }
        return choice
    }

    private static func input(_ object: JSONObject) throws(CaseFormatError) -> [InputPiece] {
        guard let value = object["input"] else {
            throw CaseFormatError(path: "input", "missing required member")
        }
        guard let elements = value.arrayValue else {
            throw CaseFormatError(path: "input", "expected an array of pieces, found \(value.kindDescription)")
        }
        return try CaseFormatError.parseElements(elements, under: "input") { value throws(CaseFormatError) in
            try InputPiece(parsing: value)
        }
    }

    private static func expectation(_ object: JSONObject) throws(CaseFormatError) -> JSONObject {
        guard let value = object["expect"] else {
            throw CaseFormatError(path: "expect", "missing required member")
        }
        guard let expectation = value.objectValue else {
            throw CaseFormatError(path: "expect", "expected an object with frames and exitStatus")
        }
        if let unknown = expectation.keys.first(where: { $0 != "frames" && $0 != "exitStatus" }) {
            throw CaseFormatError(path: "expect.\(unknown)", "unknown member")
        }
        return expectation
    }

    private static func expectedFrames(_ object: JSONObject) throws(CaseFormatError) -> [JSONPattern] {
        guard let value = try expectation(object)["frames"] else {
            throw CaseFormatError(path: "expect.frames", "missing required member; write [] for no frames")
        }
        guard let elements = value.arrayValue else {
            throw CaseFormatError(path: "expect.frames", "expected an array of patterns, found \(value.kindDescription)")
        }
        return try CaseFormatError.parseElements(elements, under: "expect.frames") { value throws(CaseFormatError) in
            try JSONPattern(parsing: value)
        }
    }

    private static func exitStatus(_ object: JSONObject) throws(CaseFormatError) -> Int32 {
        guard let value = try expectation(object)["exitStatus"] else {
            throw CaseFormatError(path: "expect.exitStatus", "missing required member")
        }
        guard let status = value.int64Value, (0...255).contains(status) else {
            throw CaseFormatError(path: "expect.exitStatus", "expected an integer from 0 to 255, found \(value)")
        }
        return Int32(status)
    }
}
