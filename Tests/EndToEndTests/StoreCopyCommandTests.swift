import Foundation
import Testing

@Suite("hrbox store copy")
struct StoreCopyCommandTests {
    @Test("copy, then second copy rejected", arguments: [StoreBackend.sqlite, .postgreSQL])
    func copyThenReject(_ backend: StoreBackend) throws {
        try #require(backend.isAvailable, "initdb is missing; install the postgresql package")
        let folder = try TemporaryFolder()
        let (source, config) = try SampleData.prepare(in: folder)
        // makeStore's SQLite path is the sample store's own, so the SQLite copy goes beside it.
        let destination = backend == .sqlite
            ? folder.path("copy/hrbox.sqlite") : withPassword(try backend.makeStore(in: folder))

        let copied = try runHRBox(["store", "copy", "--from", source, "--to", destination, "--config", config])

        #expect(copied.status == 0, "stderr: \(copied.standardError)")
        #expect(copied.text.contains("  people: 3"), "stdout: \(copied.text)")
        #expect(copied.text.contains("  colleagues: 2"))
        #expect(copied.standardError.contains("Copied 3 rows of people."))
        #expect(!copied.text.contains("secret-pw"))
        #expect(!copied.standardError.contains("secret-pw"))
        let shownPerson = try runHRBox(["person", "show", "NW-1042", "--store", destination])
        #expect(shownPerson.status == 0, "stderr: \(shownPerson.standardError)")
        #expect(shownPerson.text.hasPrefix("Tobias Brandt"))

        let again = try runHRBox(["store", "copy", "--from", source, "--to", destination, "--config", config])

        #expect(again.status == 1)
        #expect(again.standardError.contains("3 people"), "stderr: \(again.standardError)")
        #expect(again.standardError.contains("--merge"))
        #expect(!again.standardError.contains("secret-pw"))
    }

    @Test("merging into a copy adds nothing")
    func mergeIntoCopy() throws {
        let folder = try TemporaryFolder()
        let (source, config) = try SampleData.prepare(in: folder)
        let destination = folder.path("copy/hrbox.sqlite")
        let copied = try runHRBox(["store", "copy", "--from", source, "--to", destination, "--config", config])
        try #require(copied.status == 0, "stderr: \(copied.standardError)")

        let merged = try runHRBox(["store", "copy", "--from", source, "--to", destination, "--merge", "--config", config])

        #expect(merged.status == 0, "stderr: \(merged.standardError)")
        #expect(merged.text.contains("  people: 3 matched, 0 added, 0 skipped"), "stdout: \(merged.text)")
        #expect(merged.text.contains("  colleagues: 2 matched, 0 added, 0 skipped"))
        #expect(merged.text.contains("Search entries added for 0 messages."))
    }

    @Test("missing source rejected")
    func missingSource() throws {
        let folder = try TemporaryFolder()
        let destination = folder.path("copy.sqlite")

        let copied = try runHRBox(["store", "copy", "--from", folder.path("absent.sqlite"), "--to", destination])

        #expect(copied.status == 1)
        #expect(copied.standardError.contains("no store exists at"), "stderr: \(copied.standardError)")
        #expect(!FileManager.default.fileExists(atPath: destination))
    }
}

/// Adds a password to a PostgreSQL URI, which the test server's trust authentication ignores, so that
/// the test can check that hrbox prints it nowhere. An SQLite path is returned unchanged.
private func withPassword(_ store: String) -> String {
    guard store.hasPrefix("postgresql://") else {
        return store
    }
    return store + "&password=secret-pw"
}
