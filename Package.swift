// swift-tools-version:6.0
import PackageDescription

// Layers, each its own target:
//   HRBoxProtocol  params and results of every `hrbox/` method (Codable values, no I/O)
//   JSONRPC        JSON values, LSP base-protocol framing, dispatch and lifecycle
//   MailReading    headers, addresses, encoded words and MIME of a raw message
//   HRBoxStore     the store in SQLite or PostgreSQL: people, personnel files, cases, to-dos
//   HRBoxImport    CSV files of people, colleagues and case types, imported all or nothing
//   HRBoxServer    one handler per `hrbox/` method, wired to the store and the mail reader
//   HRBoxClient    spawns `hrbox serve` and calls its methods (used by `hrbox box` and the demo)
//   JSONSchema     validates JSON values against the JSON Schemas of protocol/schemas (used by tests)
//   HRBoxTerminal  the HR box drawn on a terminal for mutt, neomutt and aerc
//   HRBoxConformance  runs the conformance suite of protocol/conformance against any server command
//   hrbox          the executable: parses arguments and runs one subcommand
//
// Release builds link the Swift runtime statically when built with
// `swift build -c release --static-swift-stdlib`, as the README says; a linker
// flag here cannot do it because SwiftPM then leaves out Foundation's C shims.
let package = Package(
    name: "hrbox",
    products: [
        .executable(name: "hrbox", targets: ["hrbox"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libpq's headers only: HRBoxStore loads libpq.so.5 with dlopen on the first PostgreSQL store.
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "HRBoxProtocol"),
        .target(name: "JSONRPC"),
        .target(name: "MailReading"),
        .target(name: "HRBoxStore", dependencies: ["CSQLite", "CLibPQ", "HRBoxProtocol", "MailReading"]),
        .target(name: "HRBoxImport", dependencies: ["HRBoxProtocol", "MailReading", "HRBoxStore"]),
        .target(
            name: "HRBoxServer",
            dependencies: ["HRBoxProtocol", "JSONRPC", "MailReading", "HRBoxStore", "HRBoxImport"]
        ),
        .target(name: "HRBoxClient", dependencies: ["HRBoxProtocol", "JSONRPC"]),
        .target(name: "JSONSchema", dependencies: ["JSONRPC", "HRBoxProtocol"]),
        .target(name: "HRBoxTerminal", dependencies: ["HRBoxProtocol", "HRBoxClient"]),
        .target(name: "HRBoxConformance", dependencies: ["HRBoxClient", "JSONRPC"]),
        .executableTarget(
            name: "hrbox",
            dependencies: [
                "HRBoxProtocol", "JSONRPC", "MailReading", "HRBoxStore", "HRBoxImport",
                "HRBoxServer", "HRBoxClient", "HRBoxTerminal", "HRBoxConformance",
            ]
        ),
        // Not a product: bench/run-reading builds and runs it.
        .executableTarget(name: "ReadingBenchmark", dependencies: ["MailReading"], path: "bench/ReadingBenchmark"),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "MailReadingTests", dependencies: ["MailReading"], resources: [.copy("Fixtures")]),
        // hrbox: one test files a message through `hrbox serve` into a PostgreSQL store.
        // Not a product: the throwaway PostgreSQL server of the store and end-to-end tests.
        .target(name: "PostgreSQLTestServer", dependencies: ["HRBoxStore"], path: "Tests/PostgreSQLTestServer"),
        .testTarget(
            name: "HRBoxStoreTests",
            dependencies: ["HRBoxStore", "HRBoxProtocol", "HRBoxClient", "hrbox", "PostgreSQLTestServer"]
        ),
        .testTarget(name: "HRBoxImportTests", dependencies: ["HRBoxImport", "HRBoxProtocol"]),
        .testTarget(name: "HRBoxTerminalTests", dependencies: ["HRBoxTerminal", "HRBoxProtocol"]),
        .testTarget(
            name: "HRBoxServerTests",
            dependencies: ["HRBoxServer", "HRBoxStore", "HRBoxImport", "HRBoxProtocol", "JSONRPC", "MailReading"]
        ),
        .testTarget(name: "ConformanceTests", dependencies: ["HRBoxConformance", "JSONRPC", "hrbox"]),
        .testTarget(
            name: "ProtocolSpecTests",
            dependencies: ["hrbox", "JSONSchema", "JSONRPC", "HRBoxProtocol"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["hrbox", "HRBoxClient", "HRBoxProtocol", "JSONRPC", "PostgreSQLTestServer"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds reach generic types, such as the coding containers of the protocol's Codable
// values, through metadata accessor functions that pass the conformances resolved at compile time.
// By default the compiler emits mangled type names instead, and the runtime then scans all of
// the executable's 6,000 protocol conformances to resolve each such type once per process. In
// `hrbox serve` that cost 2.4 of 7.4 million instructions for initialize alone (callgrind), and
// mail clients pay it on every key press because each starts a new process.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(
            ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
            .when(configuration: .release)),
    ]
}
