import Foundation

/// One mail case of `Fixtures/mail-cases`: a raw message and the reading it should get.
struct MailCaseFixture {
    let name: String
    let message: [UInt8]
    /// The decoded `.expected.json`; see the README beside the cases for its fields.
    let expected: [String: Any]

    static var directory: URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("mail-cases")
    }

    /// The names of every case (the file names without `.eml`), sorted.
    static var names: [String] {
        guard let directory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func load(_ name: String) throws -> MailCaseFixture {
        guard let directory else { throw FixtureError.missingDirectory }

        let message = try Data(contentsOf: directory.appendingPathComponent("\(name).eml"))
        let json = try Data(contentsOf: directory.appendingPathComponent("\(name).expected.json"))
        guard let expected = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw FixtureError.notAnObject(name)
        }
        return MailCaseFixture(name: name, message: Array(message), expected: expected)
    }

    enum FixtureError: Error {
        case missingDirectory
        case notAnObject(String)
    }

    func string(_ key: String) -> String? {
        expected[key] as? String
    }

    func strings(_ key: String) -> [String]? {
        expected[key] as? [String]
    }

    func objects(_ key: String) -> [[String: Any]]? {
        expected[key] as? [[String: Any]]
    }

    /// Tells whether the key is present with a JSON null.
    func isNull(_ key: String) -> Bool {
        expected[key] is NSNull
    }
}
