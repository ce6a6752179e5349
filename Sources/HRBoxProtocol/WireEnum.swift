/// An enum that travels as one of a fixed set of strings.
///
/// Decoding a string that names no case fails with a reason that lists the valid ones, such as
/// `expected one of "employee", "applicant", "formerEmployee", found "former employee"`, in place
/// of the standard library's text, which names the Swift type instead.
public protocol WireEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension WireEnum {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let valid = Self.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "expected one of \(valid), found \"\(text)\""))
        }
        self = value
    }
}
