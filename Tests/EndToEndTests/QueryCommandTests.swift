import Foundation
import Testing

@Suite("hrbox query")
struct QueryCommandTests {
    @Test("name prefix ignores case and diacritics")
    func namePrefix() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        let found = try runHRBox(["query", "JURG", "--store", store])

        #expect(found.status == 0, "stderr: \(found.standardError)")
        #expect(
            found.text == """
                hrbox: 1 person matches "JURG"
                juergen.weissmueller@northwind.example\tJürgen Weißmüller\tNW-1187, employee
                jw@example.net\tJürgen Weißmüller\tNW-1187, employee

                """)
    }

    @Test("several words each start a name word")
    func severalWords() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        let found = try runHRBox(["query", "Tob", "bra", "--store", store])
        let missed = try runHRBox(["query", "tobias novak", "--store", store])

        #expect(found.status == 0, "stderr: \(found.standardError)")
        #expect(found.text.contains("tobias.brandt@northwind.example\tTobias Brandt\tNW-1042, employee\n"))
        #expect(missed.status == 1)
    }

    @Test("address prefix and employee number")
    func addressAndNumber() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        let byAddress = try runHRBox(["query", "LENA.NOV", "--store", store])
        let byNumber = try runHRBox(["query", "nw-1042", "--store", store])
        let byNumberPrefix = try runHRBox(["query", "NW-10", "--store", store])

        #expect(byAddress.text.hasSuffix("lena.novak@example.org\tLena Novak\tapplicant\n"), "\(byAddress.text)")
        #expect(byNumber.text.hasSuffix("tobias.brandt@northwind.example\tTobias Brandt\tNW-1042, employee\n"))
        #expect(byNumberPrefix.status == 0, "the search finds the number's start inside it")
        #expect(byNumberPrefix.text.contains("\tTobias Brandt\tNW-1042, employee\n"), "\(byNumberPrefix.text)")
    }

    @Test("folded letters and apostrophes")
    func foldedLetters() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)
        try QueryFixture.addPeople(QueryFixture.foldingNames, in: folder, store: store)

        let cases: [(query: String, name: String)] = [
            ("ode", "Sigrid Ødegård"), ("ODEG", "Sigrid Ødegård"), ("weiss", "Jürgen Weißmüller"),
            ("oconnor", "Siobhan O'Connor"), ("o'connor", "Siobhan O'Connor"), ("O\u{2019}Connor", "Siobhan O'Connor"),
            ("jean-luc", "Jean-Luc van Dijk"), ("jean luc", "Jean-Luc van Dijk"), ("yilmaz", "Fatma Yılmaz"),
        ]
        for (query, name) in cases {
            let found = try runHRBox(["query", query, "--store", store])
            #expect(found.status == 0, "\(query): \(found.standardError)")
            #expect(found.text.contains("\t\(name)\t"), "\(query): \(found.text)")
        }
    }

    @Test("inside a name as search finds")
    func insideName() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)
        try QueryFixture.addPeople(QueryFixture.foldingNames, in: folder, store: store)

        let berg = try runHRBox(["query", "berg", "--store", store])
        let connor = try runHRBox(["query", "connor", "--store", store])
        let luc = try runHRBox(["query", "luc", "--format", "aerc", "--store", store])

        #expect(berg.status == 0, "stderr: \(berg.standardError)")
        let bergLines = berg.text.split(separator: "\n")
        #expect(bergLines.first == "hrbox: 2 people match \"berg\"")
        #expect(bergLines.dropFirst().first?.contains("\tJonas Berg\t") == true, "the name's start comes first")
        #expect(berg.text.contains("henrik.sjoberg@northwind.example\tHenrik Sjöberg\t"), "\(berg.text)")
        #expect(connor.text.contains("\tSiobhan O'Connor\t"), "\(connor.text)")
        #expect(luc.text == "jl.vandijk@example.org\tJean-Luc van Dijk\n")
    }

    @Test("quoted query is searched unquoted")
    func quotedQuery() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        let straight = try runHRBox(["query", "\"Tobias\"", "--store", store])
        let curly = try runHRBox(["query", "\u{201C}Tobias\u{201D}", "--store", store])

        #expect(straight.status == 0, "stderr: \(straight.standardError)")
        #expect(straight.text.hasPrefix("hrbox: 1 person matches \"Tobias\"\n"), "\(straight.text)")
        #expect(curly.text == straight.text)
    }

    @Test("empty query says what to type")
    func emptyQuery() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        for query in ["", "  ", "\"\""] {
            let mutt = try runHRBox(["query", query, "--store", store])
            let aerc = try runHRBox(["query", query, "--format", "aerc", "--store", store])
            #expect(mutt.status == 1, "\(query)")
            #expect(mutt.text == "hrbox: type the start of a name or address, or an employee number, to find a person\n")
            #expect(aerc.status == 0, "\(query)")
            #expect(aerc.text.isEmpty, "\(query)")
        }
    }

    @Test("long query is cut in output")
    func longQuery() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        let huge = try runHRBox(["query", String(repeating: "a", count: 100_000), "--store", store])
        let long = try runHRBox(["query", String(repeating: "z", count: 150), "--store", store])

        #expect(huge.status == 1)
        #expect(huge.text == "hrbox: the query is 100000 characters long, more than the 200 searched; "
            + "type the start of a name or address, or an employee number\n")
        #expect(long.status == 1)
        #expect(long.text == "hrbox: no person matches \"\(String(repeating: "z", count: 40))…\"\n")
    }

    /// A store of version 3 holds keys folded before apostrophes and "ø" were folded.
    @Test(
        "version 3 keys refolded on upgrade",
        .enabled(if: SQLiteShell.isAvailable, "needs sqlite3 (apt-get install sqlite3)"))
    func version3Keys() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)
        try QueryFixture.addPeople(QueryFixture.foldingNames, in: folder, store: store)
        _ = try SQLiteShell.rows(
            """
            UPDATE people SET last_key = 'o''connor', search_text = 'o''connor' WHERE last_name = 'O''Connor';
            UPDATE people SET last_key = 'ødegard', search_text = 'ødegard' WHERE last_name = 'Ødegård';
            PRAGMA user_version = 3;
            """,
            store: store)
        let before = try runHRBox(["query", "oconnor", "--store", store])

        let upgrade = try runHRBox(["audit", "--limit", "1", "--store", store])
        let oconnor = try runHRBox(["query", "oconnor", "--store", store])
        let odeg = try runHRBox(["query", "odeg", "--store", store])

        #expect(before.status == 1, "the old key misses: \(before.text)")
        #expect(upgrade.status == 0, "\(upgrade.standardError)")
        #expect(try SQLiteShell.count("PRAGMA user_version", store: store) == 4)
        #expect(oconnor.text.contains("\tSiobhan O'Connor\t"), "\(oconnor.text)")
        #expect(odeg.text.contains("\tSigrid Ødegård\t"), "\(odeg.text)")
    }

    @Test("no match exits 1 for mutt")
    func noMatchMutt() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        let found = try runHRBox(["query", "zzz", "--store", store])

        #expect(found.status == 1)
        #expect(found.text == "hrbox: no person matches \"zzz\"\n")
    }

    @Test("aerc format has no header")
    func aercFormat() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)

        let found = try runHRBox(["query", "lena", "--format", "aerc", "--store", store])
        let none = try runHRBox(["query", "zzz", "--format", "aerc", "--store", store])

        #expect(found.status == 0)
        #expect(found.text == "lena.novak@example.org\tLena Novak\n")
        #expect(none.status == 0)
        #expect(none.text.isEmpty)
    }

    @Test("limit caps the people")
    func limit() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)
        let twoAnnas = try folder.write(
            "annas.csv",
            """
            first_name,last_name,addresses,employee_number,department,job_title,status
            Anna,Berg,anna.berg@example.org,,,,applicant
            Anna,Adler,anna.adler@example.org;a.adler@example.net,,,,employee

            """)
        _ = try runHRBox(["people", "import", twoAnnas, "--store", store])

        let found = try runHRBox(["query", "anna", "--limit", "1", "--store", store])
        let invalid = try runHRBox(["query", "a", "--limit", "0", "--store", store])

        #expect(found.status == 0, "stderr: \(found.standardError)")
        let lines = found.text.split(separator: "\n")
        #expect(lines.first == "hrbox: 1 person matches \"anna\" (the first 1; type more to narrow)")
        #expect(lines.dropFirst() == ["anna.adler@example.org\tAnna Adler\temployee", "a.adler@example.net\tAnna Adler\temployee"])
        #expect(invalid.status == 2)
        #expect(invalid.standardError.contains("--limit must be a whole number from 1 to 1000"))
    }

    @Test("missing store is an error")
    func missingStore() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("typo/hrbox.sqlite")

        let found = try runHRBox(["query", "anna", "--store", store])

        #expect(found.status == 1)
        #expect(found.standardError.contains("no store exists at \(store)"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("typo")))
    }

    /// A store of the previous release is version 2 without the completion indexes.
    @Test(
        "version 2 store answers, not migrated",
        .enabled(if: SQLiteShell.isAvailable, "needs sqlite3 (apt-get install sqlite3)"))
    func version2Store() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)
        let current = try runHRBox(["query", "jurg", "--store", store])
        _ = try SQLiteShell.rows(
            """
            DROP INDEX people_by_first_key; DROP INDEX people_by_last_key; DROP INDEX people_by_employee_key;
            DROP INDEX addresses_by_search_key; PRAGMA user_version = 2;
            """,
            store: store)

        let found = try runHRBox(["query", "jurg", "--store", store])

        #expect(found.status == 0, "\(found.standardError)")
        #expect(found.standardError.isEmpty)
        #expect(found.text == current.text)
        #expect(try SQLiteShell.count("PRAGMA user_version", store: store) == 2)
        #expect(try SQLiteShell.count("SELECT count(*) FROM sqlite_master WHERE name = 'people_by_first_key'", store: store) == 0)
    }

    @Test(
        "newer store is an error",
        .enabled(if: SQLiteShell.isAvailable, "needs sqlite3 (apt-get install sqlite3)"))
    func newerStore() throws {
        let folder = try TemporaryFolder()
        let store = try QueryFixture.store(in: folder, backend: .sqlite)
        _ = try SQLiteShell.rows("PRAGMA user_version = 99", store: store)

        let found = try runHRBox(["query", "lena", "--store", store])

        #expect(found.status == 1)
        #expect(found.text.isEmpty)
        #expect(found.standardError.contains("has schema version 99, newer than the"), "\(found.standardError)")
        #expect(found.standardError.contains("Upgrade hrbox."), "\(found.standardError)")
    }

    @Test(
        "store without tables is an error",
        .enabled(if: SQLiteShell.isAvailable, "needs sqlite3 (apt-get install sqlite3)"))
    func emptyStore() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("empty.sqlite")
        _ = try SQLiteShell.rows("CREATE TABLE unrelated (x)", store: store)

        let found = try runHRBox(["query", "lena", "--store", store])

        #expect(found.status == 1)
        #expect(found.standardError.contains("has no hrbox tables"), "\(found.standardError)")
        #expect(try SQLiteShell.count("PRAGMA user_version", store: store) == 0)
    }

    @Test(
        "PostgreSQL store answers the same",
        .enabled(
            if: StoreBackend.postgreSQL.isAvailable,
            "initdb is missing under /usr/lib/postgresql/*/bin; install the postgresql package to run it"))
    func postgreSQL() throws {
        let folder = try TemporaryFolder()
        let sqlite = try QueryFixture.store(in: folder, backend: .sqlite)
        let postgreSQL = try QueryFixture.store(in: folder, backend: .postgreSQL)

        try QueryFixture.addPeople(QueryFixture.foldingNames, in: folder, store: sqlite)
        try QueryFixture.addPeople(QueryFixture.foldingNames, in: folder, store: postgreSQL)

        for query in [["JURG"], ["tob", "bra"], ["lena.nov"], ["nw-1042"], ["zzz"], ["ode"], ["berg"], ["o’connor"]] {
            let expected = try runHRBox(["query"] + query + ["--store", sqlite])
            let found = try runHRBox(["query"] + query + ["--store", postgreSQL])
            #expect(found.status == expected.status, "\(query): \(found.standardError)")
            #expect(found.text == expected.text, "\(query)")
        }
    }
}

/// A store with the sample people, for `hrbox query`.
enum QueryFixture {
    static func store(in folder: TemporaryFolder, backend: StoreBackend) throws -> String {
        let store = try backend.makeStore(in: folder)
        let people = try folder.write("people.csv", SampleData.people)
        let imported = try runHRBox(["people", "import", people, "--store", store])
        guard imported.status == 0 else {
            throw SetupError("hrbox people import failed: \(imported.standardError)")
        }
        return store
    }

    /// People whose names have an apostrophe, a hyphen, letters Unicode does not decompose, or a
    /// name inside another, which the sample people lack.
    static let foldingNames = """
        first_name,last_name,addresses,employee_number,department,job_title,status
        Siobhan,O'Connor,s.oconnor@example.org,,,,applicant
        Jean-Luc,van Dijk,jl.vandijk@example.org,,,,employee
        Sigrid,Ødegård,sigrid.odegard@example.org,NW-0874,,,former employee
        Jonas,Berg,jonas.berg@northwind.example,NW-1099,,,employee
        Henrik,Sjöberg,henrik.sjoberg@northwind.example,NW-1071,,,employee
        Fatma,Yılmaz,fatma.yilmaz@northwind.example,NW-1203,,,employee

        """

    static func addPeople(_ csv: String, in folder: TemporaryFolder, store: String) throws {
        let people = try folder.write("more-people.csv", csv)
        let imported = try runHRBox(["people", "import", people, "--store", store])
        guard imported.status == 0 else {
            throw SetupError("hrbox people import failed: \(imported.standardError)")
        }
    }
}
