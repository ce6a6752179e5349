import Foundation

/// A failed system call, with the `errno` it left.
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The attempted operation, such as `read from file descriptor 0`.
    public let operation: String
    public let errorNumber: Int32

    public init(_ operation: String, errorNumber: Int32 = errno) {
        self.operation = operation
        self.errorNumber = errorNumber
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errorNumber))) (errno \(errorNumber))"
    }
}
