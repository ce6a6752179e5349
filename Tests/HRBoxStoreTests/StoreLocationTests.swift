import Foundation
@testable import HRBoxStore
import Testing

@Suite struct StoreLocationTests {
    @Test func schemesPickBackend() {
        #expect(StoreLocation("postgresql://db.example/hr") == .postgresql(uri: "postgresql://db.example/hr"))
        #expect(StoreLocation("postgres://db.example/hr") == .postgresql(uri: "postgres://db.example/hr"))
        #expect(StoreLocation("PostgreSQL://db.example/hr") == .postgresql(uri: "PostgreSQL://db.example/hr"))
        #expect(StoreLocation("/var/hr/hrbox.sqlite") == .sqlite(path: "/var/hr/hrbox.sqlite"))
        #expect(StoreLocation("stores/postgresql.sqlite") == .sqlite(path: "stores/postgresql.sqlite"))
        #expect(StoreLocation("postgresql:store") == .sqlite(path: "postgresql:store"))
    }

    @Test func defaultLocationFromEnvironment() {
        #expect(StoreLocation.defaultLocation(environment: ["HRBOX_STORE": "postgres:///hr", "HOME": "/home/a"])
            == .postgresql(uri: "postgres:///hr"))
        #expect(StoreLocation.defaultLocation(environment: ["HOME": "/home/a"])
            == .sqlite(path: "/home/a/.local/share/hrbox/hrbox.sqlite"))
    }

    @Test func descriptionHidesPasswords() {
        let cases: [(uri: String, expected: String)] = [
            ("postgresql://anna:s3cret@db.example:5432/hr?sslmode=require",
             "postgresql://anna:***@db.example:5432/hr?sslmode=require"),
            ("postgresql://anna@db.example/hr", "postgresql://anna@db.example/hr"),
            ("postgresql://db.example/hr?user=anna&password=s3cret&sslmode=verify-full",
             "postgresql://db.example/hr?user=anna&password=***&sslmode=verify-full"),
            ("postgres://anna:p@ss@db.example/hr", "postgres://anna:***@db.example/hr"),
            ("postgresql:///hr?host=/run/postgresql", "postgresql:///hr?host=/run/postgresql"),
        ]
        for (uri, expected) in cases {
            let location = StoreLocation(uri)
            #expect(location.description == expected)
            #expect(!"\(location)".contains("s3cret"))
        }
    }

    @Test func passwordsFoundInBothPlaces() {
        let location = StoreLocation("postgresql://anna:first@db.example/hr?password=second")
        #expect(location.passwords == ["first", "second"])
        #expect(StoreLocation("/tmp/hrbox.sqlite").passwords.isEmpty)
    }

    @Test func connectionErrorHidesPassword() throws {
        let missingFolder = FileManager.default.temporaryDirectory.appendingPathComponent("no-server-\(UUID().uuidString)")
        let location = StoreLocation("postgresql://anna:s3cret@/hr?host=\(missingFolder.path)&connect_timeout=2")

        let error = try #require(throws: StoreError.self) {
            try Store(location: location)
        }

        guard case .connectionFailed(let store, let reason) = error else {
            Issue.record("expected connectionFailed, got \(error)")
            return
        }
        #expect(store.contains("anna:***@"))
        #expect(!reason.isEmpty)
        #expect(!error.description.contains("s3cret"))
        #expect(!error.redactedDescription.contains("s3cret"))
        #expect(!String(describing: error).contains("s3cret"))
    }

    @Test func unencodedPasswordCharactersHidden() {
        let cases: [(uri: String, expected: String)] = [
            ("postgresql://hr:S3c/ret@/hrbox?host=/run/postgresql", "postgresql://hr:***@/hrbox?host=/run/postgresql"),
            ("postgresql://hr:S3c?ret@db.example/hrbox", "postgresql://hr:***@db.example/hrbox"),
            ("postgresql://hr:a@b/c?d@db.example/hrbox", "postgresql://hr:***@db.example/hrbox"),
            ("postgresql:///hrbox?user=hr&password=S3c@ret", "postgresql:///hrbox?user=hr&password=***"),
        ]
        for (uri, expected) in cases {
            let location = StoreLocation(uri)
            #expect(location.description == expected)
            #expect(!location.description.contains("S3c"), "\(location)")
            #expect(!location.description.contains("ret@"), "\(location)")
        }
    }

    @Test func mistypedSchemesRejected() throws {
        let values = [
            "postgres:/hr:S3cret@/db",
            "postgresql:hr:S3cret@db.example/db",
            "postgress://hr:S3cret@db.example/db",
            "postgresq://hr:S3cret@/db",
            "mysql://hr:S3cret@db.example/db",
        ]

        for value in values {
            let error = try #require(throws: StoreError.self) {
                try StoreLocation(validating: value)
            }
            let opening = try #require(throws: StoreError.self) {
                try Store(location: StoreLocation(value))
            }

            guard case .invalidLocation(let shown) = error else {
                Issue.record("expected invalidLocation for \(value), got \(error)")
                continue
            }
            #expect(!shown.contains("S3cret"), "\(shown)")
            #expect(shown.contains("hr:***@"), "\(shown)")
            #expect(error.description.contains("postgresql://"), "\(error)")
            #expect(error.description.contains("SQLite file"), "\(error)")
            #expect(!error.redactedDescription.contains("S3cret"))
            #expect(!opening.description.contains("S3cret"), "\(opening)")
        }
        #expect(try StoreLocation(validating: "stores/postgresql.sqlite") == .sqlite(path: "stores/postgresql.sqlite"))
        #expect(try StoreLocation(validating: "postgres:///hr") == .postgresql(uri: "postgres:///hr"))
        #expect(!FileManager.default.fileExists(atPath: "postgres:"))
        #expect(!FileManager.default.fileExists(atPath: "postgress:"))
    }
}

@Suite struct PlaceholderTests {
    @Test func questionMarksNumbered() {
        #expect(PostgreSQLPlaceholders.translate("SELECT a FROM t WHERE b = ? AND c = ?") == "SELECT a FROM t WHERE b = $1 AND c = $2")
    }

    @Test func numberedKeepTheirNumber() {
        #expect(PostgreSQLPlaceholders.translate("WHERE a = ?1 OR b = ?1 LIMIT ?2") == "WHERE a = $1 OR b = $1 LIMIT $2")
    }

    @Test func literalsAndCommentsUntouched() {
        #expect(PostgreSQLPlaceholders.translate("SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = ?")
            == "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = $1")
        #expect(PostgreSQLPlaceholders.translate("SELECT 1 -- why?\nWHERE x = ?") == "SELECT 1 -- why?\nWHERE x = $1")
    }
}
