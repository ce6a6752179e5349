import Testing

@testable import JSONRPC

/// A value that writes each of `keys` in order, with its position as the value, through one keyed container.
private struct RepeatedKeys: Encodable {
    let keys: [String]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingPathKey.self)
        for (position, key) in keys.enumerated() {
            try container.encode(position, forKey: CodingPathKey(stringValue: key))
        }
    }
}

@Suite struct RepeatedKeyEncodingTests {
    @Test func repeatedKeyKeepsFirstPlace() throws {
        let value = try JSONValueEncoder().encode(RepeatedKeys(keys: ["a", "b", "a"]))

        let object = try #require(value.objectValue)
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 2)
        #expect(object["b"] == 1)
    }

    @Test func largeObjectKeepsOrder() throws {
        let keys = (0..<100).map { "key\($0)" }
        let value = try JSONValueEncoder().encode(RepeatedKeys(keys: keys + ["key5", "key99"]))

        let object = try #require(value.objectValue)
        #expect(object.keys == keys)
        #expect(object["key5"] == 100)
        #expect(object["key99"] == 101)
        #expect(object["key50"] == 50)
    }
}
