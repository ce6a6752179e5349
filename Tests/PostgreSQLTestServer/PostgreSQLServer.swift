import Foundation
import HRBoxStore

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for the whole test run, in a temporary folder, reachable only
/// through a Unix socket in that folder. It is stopped with `pg_ctl stop` when the test process exits.
///
/// initdb refuses to run as root, so under root the server's programs run as the `postgres` user.
/// The store tests and the end-to-end tests share it; each test takes a fresh database.
public final class PostgreSQLServer: Sendable {
    public let folder: URL
    let binaries: URL

    /// The server, started on first use; the failure is kept so that every test reports it.
    public static let shared: Result<PostgreSQLServer, PostgreSQLServerError> = start()

    /// The folder with initdb and pg_ctl of the newest PostgreSQL Debian installed, or nil.
    public static let binaryFolder: URL? = {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        guard let versions = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
            return nil
        }
        let sorted = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        return sorted
            .map { root.appendingPathComponent($0).appendingPathComponent("bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }()

    private init(folder: URL, binaries: URL) {
        self.folder = folder
        self.binaries = binaries
    }

    /// Creates an empty database and returns a store location that connects to it as `postgres`.
    public func createDatabase() throws -> StoreLocation {
        .postgresql(uri: try createDatabaseURI())
    }

    /// Creates an empty database and returns its URI, a value for `hrbox --store`.
    public func createDatabaseURI() throws -> String {
        let name = "hrbox_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try run("createdb", ["-h", folder.path, "-U", "postgres", name])
        return uri(database: name)
    }

    public func location(database: String) -> StoreLocation {
        .postgresql(uri: uri(database: database))
    }

    private func uri(database: String) -> String {
        "postgresql:///\(database)?host=\(folder.path)&user=postgres"
    }

    private static func start() -> Result<PostgreSQLServer, PostgreSQLServerError> {
        do {
            let server = try makeServer()
            stopAtExit = server
            atexit {
                PostgreSQLServer.stopAtExit?.stop()
            }
            return .success(server)
        } catch {
            return .failure(error)
        }
    }

    /// Starts a server of its own for one test, such as a test that restarts it; the test calls
    /// ``remove()`` at its end.
    public static func startPrivate() throws(PostgreSQLServerError) -> PostgreSQLServer {
        try makeServer()
    }

    /// Stops the server the way an administrator does before maintenance: `pg_ctl stop -m fast`,
    /// which ends every client's connection.
    public func stopFast() throws {
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "fast", "-w", "stop"])
    }

    /// Starts the server again after ``stopFast()``, on the same socket and data.
    public func startAgain() throws {
        try startServer()
    }

    /// Stops a server of ``startPrivate()`` and deletes its folder.
    public func remove() {
        stop()
    }

    private static func makeServer() throws(PostgreSQLServerError) -> PostgreSQLServer {
        guard let binaries = binaryFolder else {
            throw PostgreSQLServerError("initdb is missing under /usr/lib/postgresql/*/bin. Install the postgresql package.")
        }
        // Unix socket paths are limited to about 100 bytes, so the folder sits right under /tmp.
        let folder = URL(fileURLWithPath: "/tmp/hrbox-pg-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            if getuid() == 0 {
                guard let user = getpwnam("postgres") else {
                    throw PostgreSQLServerError("the tests run as root, but there is no postgres user to run initdb as.")
                }
                guard chown(folder.path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
                    throw PostgreSQLServerError("chown of \(folder.path) failed: \(String(cString: strerror(errno)))")
                }
            }
            let server = PostgreSQLServer(folder: folder, binaries: binaries)
            let data = folder.appendingPathComponent("data").path
            try server.run("initdb", [
                "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync",
                "--no-instructions",
            ])
            try server.startServer()
            return server
        } catch let error as PostgreSQLServerError {
            throw error
        } catch {
            throw PostgreSQLServerError("cannot create \(folder.path): \(error)")
        }
    }

    private func startServer() throws {
        try run("pg_ctl", [
            "-D", folder.appendingPathComponent("data").path, "-l", folder.appendingPathComponent("server.log").path,
            "-w", "-o",
            "-c listen_addresses='' -k \(folder.path) -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start",
        ])
    }

    /// The server to stop when the process exits; set once, before atexit registers the handler.
    nonisolated(unsafe) private static var stopAtExit: PostgreSQLServer?

    private func stop() {
        do {
            try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
            try FileManager.default.removeItem(at: folder)
        } catch {
            FileHandle.standardError.write(Data("Stopping the test PostgreSQL server failed: \(error)\n".utf8))
        }
    }

    /// Runs one of the server's programs, as `postgres` when the tests run as root, with its output
    /// in a file of the folder rather than on the test process's stdout.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process, whose waitUntilExit hung after
    /// `pg_ctl start` had exited (Swift 6.3.1 on Linux).
    private func run(_ program: String, _ arguments: [String]) throws {
        let executable = binaries.appendingPathComponent(program).path
        // The shell moves into the folder first, since the postgres user may not read the test's directory.
        let inFolder = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder.path, executable] + arguments
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + inFolder : inFolder
        let outputPath = folder.appendingPathComponent("\(program).out").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw PostgreSQLServerError("cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw PostgreSQLServerError("waiting for \(program) failed: \(String(cString: strerror(errno)))")
            }
        }

        // WEXITSTATUS: the exit status sits in bits 8 to 15, and the low 7 bits are 0 for a normal exit.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw PostgreSQLServerError("\(program) failed with wait status \(status): \(text)")
        }
    }
}

public struct PostgreSQLServerError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
