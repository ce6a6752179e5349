import CLibPQ

#if canImport(Glibc)
import Glibc
#endif

/// The libpq functions the store calls, looked up in libpq.so.5 at run time.
///
/// hrbox does not link libpq: loading it and its dependencies (libssl, GSSAPI, LDAP) at every start
/// would cost every SQLite user. ``shared`` loads it once, on the first use of a PostgreSQL store.
// @unchecked Sendable: safe because every field is an immutable C function pointer into a library
// that is never unloaded.
struct LibPQ: @unchecked Sendable {
    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer
    typealias NoticeProcessor = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void

    let connectdb: @convention(c) (UnsafePointer<CChar>?) -> Connection?
    let finish: @convention(c) (Connection?) -> Void
    let status: @convention(c) (Connection?) -> ConnStatusType
    let transactionStatus: @convention(c) (Connection?) -> PGTransactionStatusType
    let consumeInput: @convention(c) (Connection?) -> Int32
    let errorMessage: @convention(c) (Connection?) -> UnsafeMutablePointer<CChar>?
    let setClientEncoding: @convention(c) (Connection?, UnsafePointer<CChar>?) -> Int32
    let setNoticeProcessor: @convention(c) (Connection?, NoticeProcessor?, UnsafeMutableRawPointer?) -> NoticeProcessor?
    let execParams: @convention(c) (
        Connection?,
        UnsafePointer<CChar>?,
        Int32,
        UnsafePointer<Oid>?,
        UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafePointer<Int32>?,
        UnsafePointer<Int32>?,
        Int32
    ) -> Result?
    let resultStatus: @convention(c) (Result?) -> ExecStatusType
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let tupleCount: @convention(c) (Result?) -> Int32
    let commandTuples: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let getValue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let getLength: @convention(c) (Result?, Int32, Int32) -> Int32
    let getIsNull: @convention(c) (Result?, Int32, Int32) -> Int32
    let clear: @convention(c) (Result?) -> Void

    /// The library's file name: the soname of libpq 10 and later, installed by Debian's `libpq5`.
    static let fileName = "libpq.so.5"

    /// libpq, or the reason it could not be loaded. Loaded on first use; a failure is not retried.
    static let shared: Swift.Result<LibPQ, LibPQLoadError> = load()

    private static func load() -> Swift.Result<LibPQ, LibPQLoadError> {
        guard let library = dlopen(fileName, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            return .failure(LibPQLoadError(reason: reason))
        }
        do {
            let symbols = Symbols(library: library)
            return .success(LibPQ(
                connectdb: try symbols.function("PQconnectdb"),
                finish: try symbols.function("PQfinish"),
                status: try symbols.function("PQstatus"),
                transactionStatus: try symbols.function("PQtransactionStatus"),
                consumeInput: try symbols.function("PQconsumeInput"),
                errorMessage: try symbols.function("PQerrorMessage"),
                setClientEncoding: try symbols.function("PQsetClientEncoding"),
                setNoticeProcessor: try symbols.function("PQsetNoticeProcessor"),
                execParams: try symbols.function("PQexecParams"),
                resultStatus: try symbols.function("PQresultStatus"),
                resultErrorField: try symbols.function("PQresultErrorField"),
                tupleCount: try symbols.function("PQntuples"),
                commandTuples: try symbols.function("PQcmdTuples"),
                getValue: try symbols.function("PQgetvalue"),
                getLength: try symbols.function("PQgetlength"),
                getIsNull: try symbols.function("PQgetisnull"),
                clear: try symbols.function("PQclear")
            ))
        } catch {
            return .failure(error)
        }
    }
}

/// A failure to load libpq.so.5, with the dynamic loader's message as the reason.
struct LibPQLoadError: Error {
    let reason: String
}

/// Looks up functions in a library opened with dlopen.
private struct Symbols {
    let library: UnsafeMutableRawPointer

    /// Returns the function named `name`, typed as `T`, which must match its C declaration in libpq-fe.h.
    func function<T>(_ name: String) throws(LibPQLoadError) -> T {
        guard let symbol = dlsym(library, name) else {
            throw LibPQLoadError(reason: "\(LibPQ.fileName) has no function \(name); it may be older than libpq 10")
        }
        return unsafeBitCast(symbol, to: T.self)
    }
}
