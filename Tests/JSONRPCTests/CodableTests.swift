import Testing

@testable import JSONRPC

// Shapes like the hrbox protocol's, written here because this test target depends on JSONRPC only.

private enum Status: String, Codable, Equatable {
    case employee
    case formerEmployee
}

private struct Target: Codable, Equatable {
    var personId: Int64
    var caseId: Int64?
}

private enum Source: Codable, Equatable {
    case base64(String)
    case path(String)

    private enum CodingKeys: String, CodingKey {
        case base64
        case path
    }

    /// Accepts an object with exactly one known member, to exercise errors thrown by a type's own decoder.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            let context = DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected exactly one of \"base64\" or \"path\""
            )
            throw DecodingError.dataCorrupted(context)
        }
        let text = try container.decode(String.self, forKey: key)
        self = key == .base64 ? .base64(text) : .path(text)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .base64(let text):
            try container.encode(text, forKey: .base64)
        case .path(let path):
            try container.encode(path, forKey: .path)
        }
    }
}

private struct StoreParams: Codable, Equatable {
    var message: Source
    var targets: [Target]
}

private struct Person: Codable, Equatable {
    var id: Int64
    var firstName: String
    var addresses: [String]
    var employeeNumber: String?
    var status: Status
    var score: Double
    var tags: [String: Int]
    var matrix: [[UInt8]]
    var extra: JSONValue?
}

private struct Empty: Codable, Equatable {}

private struct Counts: Codable, Equatable {
    var small: Int8
    var unsigned: UInt32
    var flag: Bool
    var ratio: Float
}

@Suite struct CodableTests {
    private let encoder = JSONValueEncoder()
    private let decoder = JSONValueDecoder()

    private func decodingError<T: Decodable>(_ type: T.Type, _ text: String) throws -> String? {
        let value = try JSONValue(parsing: Array(text.utf8))
        do {
            _ = try decoder.decode(type, from: value)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func storeParamsRoundTrip() throws {
        let params = StoreParams(message: .base64("RnJvbTog"), targets: [Target(personId: 7), Target(personId: 8, caseId: 3)])
        let value = try encoder.encode(params)
        #expect(try value.serializedText() == #"{"message":{"base64":"RnJvbTog"},"targets":[{"personId":7},{"personId":8,"caseId":3}]}"#)
        #expect(try decoder.decode(StoreParams.self, from: value) == params)
    }

    @Test func personRoundTrip() throws {
        let person = Person(
            id: Int64.max,
            firstName: "Zoë",
            addresses: ["zoe@example.org", "Z.Doe@Example.org"],
            employeeNumber: nil,
            status: .formerEmployee,
            score: 0.1,
            tags: ["a": 1],
            matrix: [[0, 255], []],
            extra: ["literal": .number("1.50"), "list": [nil, true]]
        )
        let value = try encoder.encode(person)
        #expect(value["employeeNumber"] == nil)
        #expect(value["id"] == .number("9223372036854775807"))
        #expect(value["status"] == "formerEmployee")
        #expect(value["score"] == .number("0.1"))
        #expect(value["extra"]?["literal"] == .number("1.50"))
        #expect(value.objectValue?.keys == ["id", "firstName", "addresses", "status", "score", "tags", "matrix", "extra"])
        #expect(try decoder.decode(Person.self, from: value) == person)
    }

    @Test func scalarsRoundTrip() throws {
        let counts = Counts(small: -128, unsigned: UInt32.max, flag: false, ratio: 0.25)
        #expect(try decoder.decode(Counts.self, from: try encoder.encode(counts)) == counts)
        #expect(try encoder.encode([1.5, -0.0]) == [.number("1.5"), .number("-0.0")])
        #expect(try decoder.decode([String?].self, from: ["a", nil]) == ["a", nil])
        #expect(try decoder.decode(Int?.self, from: .null) == nil)
    }

    @Test func emptyStructEncodesAsEmptyObject() throws {
        #expect(try encoder.encode(Empty()) == .object([:]))
        #expect(try encoder.encode(Empty()).serializedText() == "{}")
        #expect(try decoder.decode(Empty.self, from: ["ignored": 1]) == Empty())
    }

    @Test func absentParamsDecodeAsEmptyObject() throws {
        #expect(try decoder.decode(Empty.self, fromParams: nil) == Empty())
        #expect(try decoder.decode(Target?.self, fromParams: ["personId": 1]) == Target(personId: 1))
    }

    @Test func optionalMembersAcceptAbsentAndNull() throws {
        #expect(try decoder.decode(Target.self, from: ["personId": 1]) == Target(personId: 1))
        #expect(try decoder.decode(Target.self, from: ["personId": 1, "caseId": nil]) == Target(personId: 1))
        #expect(try decoder.decode(Target.self, from: ["personId": 1, "unknown": "x"]) == Target(personId: 1))
    }

    @Test func integersDecodeOnlyFromIntegerLiterals() throws {
        #expect(try decodingError(Target.self, #"{"personId": 1.0}"#) == "personId: expected an integer, found a number with a fraction or exponent")
        #expect(try decodingError(Target.self, #"{"personId": 1e2}"#) == "personId: expected an integer, found a number with a fraction or exponent")
        #expect(
            try decodingError(Target.self, #"{"personId": 9223372036854775808}"#)
                == "personId: expected an integer from -9223372036854775808 to 9223372036854775807, found one out of that range"
        )
        #expect(try decodingError(Counts.self, #"{"small": 128, "unsigned": 1, "flag": true, "ratio": 1}"#) == "small: expected an integer from -128 to 127, found one out of that range")
        #expect(try decodingError(Counts.self, #"{"small": 1, "unsigned": -1, "flag": true, "ratio": 1}"#) == "unsigned: expected an integer from 0 to 4294967295, found one out of that range")
    }

    @Test func errorsNameTheFieldByPath() throws {
        let valid = #"{"base64": "eA=="}"#
        #expect(try decodingError(StoreParams.self, #"{"message": \#(valid), "targets": [{"personId": "7"}]}"#) == "targets[0].personId: expected an integer, found a string")
        #expect(try decodingError(StoreParams.self, #"{"message": \#(valid), "targets": [{"personId": 1}, {"caseId": 2}]}"#) == #"targets[1].personId: missing required field "personId""#)
        #expect(try decodingError(StoreParams.self, #"{"targets": []}"#) == #"message: missing required field "message""#)
        #expect(try decodingError(StoreParams.self, #"{"message": "x", "targets": []}"#) == "message: expected an object, found a string")
        #expect(try decodingError(StoreParams.self, #"{"message": {}, "targets": []}"#) == #"message: expected exactly one of "base64" or "path""#)
        #expect(try decodingError(StoreParams.self, #"{"message": \#(valid), "targets": {}}"#) == "targets: expected an array, found an object")
        #expect(try decodingError(StoreParams.self, #"{"message": \#(valid), "targets": [null]}"#) == "targets[0]: expected an object, found null")
        #expect(try decodingError(StoreParams.self, "[]") == "expected an object, found an array")
        #expect(try decodingError(Person.self, #"{"id": 1, "firstName": null}"#) == "firstName: expected a string, found null")
        #expect(try decodingError(Counts.self, #"{"small": 1, "unsigned": 1, "flag": "yes", "ratio": 1}"#) == "flag: expected a boolean, found a string")
        #expect(try decodingError(Counts.self, #"{"small": 1, "unsigned": 1, "flag": true, "ratio": 1e300}"#) == "ratio: number too large for a Float")
        #expect(try decodingError([[Int]].self, "[[1], [2, true]]") == "[1][1]: expected an integer, found a boolean")
    }

    @Test func decodingErrorIsUsableAsInvalidParams() throws {
        let error = JSONDecodingError(path: "targets[0].personId", reason: "expected an integer, found a string")
        #expect(ResponseError.invalidParams(error.description).message == "Invalid params: targets[0].personId: expected an integer, found a string")
    }

    @Test func encoderRejectsNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try encoder.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try encoder.encode(Float.infinity) }
    }
}
