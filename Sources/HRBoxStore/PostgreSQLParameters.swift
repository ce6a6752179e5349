#if canImport(Glibc)
import Glibc
#endif

/// The values of one statement in the arrays `PQexecParams` takes, in C memory freed by ``deallocate()``.
///
/// Numbers and text go in PostgreSQL's text format, bytes in binary format so that any byte survives.
struct PostgreSQLParameters {
    /// The type of each value: int8, float8 or bytea, or 0 to let the server infer it from the statement.
    var types: [UInt32] = []
    var values: [UnsafePointer<CChar>?] = []
    var lengths: [Int32] = []
    /// 0 for text format, 1 for binary.
    var formats: [Int32] = []

    init(_ sqlValues: [SQLValue], sql: String) throws(StoreError) {
        for value in sqlValues {
            switch value {
            case .null:
                append(type: 0, text: nil)
            case .integer(let number):
                append(type: 20, text: String(number))
            case .real(let number):
                append(type: 701, text: PostgreSQLParameters.text(of: number))
            case .text(let text):
                guard !text.utf8.contains(0) else {
                    deallocate()
                    throw .invalidValue(field: "text", reason: "it contains a NUL character, which PostgreSQL cannot store.")
                }
                append(type: 0, text: text)
            case .blob(let bytes):
                // A null pointer would mean NULL, so even zero bytes get a buffer.
                guard let buffer = malloc(max(bytes.count, 1)) else {
                    deallocate()
                    throw .invalidValue(field: "message", reason: "there is no memory for \(bytes.count) bytes.")
                }
                bytes.withUnsafeBytes { source in
                    if let base = source.baseAddress {
                        memcpy(buffer, base, source.count)
                    }
                }
                types.append(17)
                values.append(UnsafePointer(buffer.assumingMemoryBound(to: CChar.self)))
                lengths.append(Int32(bytes.count))
                formats.append(1)
            }
        }
    }

    func deallocate() {
        for value in values {
            free(UnsafeMutablePointer(mutating: value))
        }
    }

    private mutating func append(type: UInt32, text: String?) {
        types.append(type)
        values.append(text.map { UnsafePointer(strdup($0)) })
        lengths.append(0)
        formats.append(0)
    }

    /// Returns a double in a form float8 reads back exactly: Swift's shortest round-trip digits,
    /// with PostgreSQL's spelling of infinity and NaN.
    private static func text(of number: Double) -> String {
        if number.isNaN {
            return "NaN"
        }
        if number.isInfinite {
            return number < 0 ? "-Infinity" : "Infinity"
        }
        return number.description
    }
}
