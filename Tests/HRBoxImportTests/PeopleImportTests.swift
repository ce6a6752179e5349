import HRBoxImport
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct PeopleImportTests {
    static let goodFile = """
        # Monthly export from the HR system
        Status,Last Name,first-name,ADDRESSES,employee_number,department,job_title

        employee,Schmidt,Anna,anna@example.com; a.schmidt@example.org,1001,Sales,Account manager
        Former Employee,Meier,Ben,,1002,,
        applicant,Öztürk,Deniz,deniz@example.net,,,
        former_employee,Lang,Eva,eva@example.com,1003,IT,
        """

    @Test func goodFileAddsPeople() throws {
        let fixture = try ImportFixture()
        let path = try fixture.write("people.csv", Self.goodFile)

        let summary = try CSVImport.importPeople(from: path, into: fixture.store, auditedAs: ImportFixture.actor)

        #expect(summary == ImportSummary(added: 4))
        let anna = try #require(try fixture.store.person(employeeNumber: "1001"))
        #expect(anna.firstName == "Anna")
        #expect(anna.addresses == ["anna@example.com", "a.schmidt@example.org"])
        #expect(anna.department == "Sales")
        #expect(anna.jobTitle == "Account manager")
        #expect(anna.status == .employee)
        let ben = try #require(try fixture.store.person(employeeNumber: "1002"))
        #expect(ben.addresses.isEmpty)
        #expect(ben.department == nil)
        #expect(ben.status == .formerEmployee)
        #expect(try fixture.store.person(ownerOf: "deniz@example.net")?.status == .applicant)
        #expect(try fixture.store.person(ownerOf: "eva@example.com")?.status == .formerEmployee)
    }

    @Test func reimportChangesNothing() throws {
        let fixture = try ImportFixture()
        let path = try fixture.write("people.csv", Self.goodFile)
        _ = try CSVImport.importPeople(from: path, into: fixture.store, auditedAs: ImportFixture.actor)
        let before = try fixture.everyone()

        let summary = try CSVImport.importPeople(from: path, into: fixture.store, auditedAs: ImportFixture.actor)

        #expect(summary == ImportSummary(unchanged: 4))
        #expect(try fixture.everyone() == before)
    }

    @Test func reimportUpdatesByEmployeeNumber() throws {
        let fixture = try ImportFixture()
        _ = try CSVImport.importPeople(
            from: fixture.write("people.csv", Self.goodFile), into: fixture.store, auditedAs: ImportFixture.actor
        )
        let anna = try #require(try fixture.store.person(employeeNumber: "1001"))
        try fixture.store.updatePerson(id: anna.id, with: NewPerson(
            firstName: "Anna", lastName: "Schmidt", addresses: anna.addresses + ["anna@private.example"],
            employeeNumber: "1001", department: "Sales", jobTitle: "Account manager", status: .employee))
        let changed = """
            first_name,last_name,addresses,employee_number,department,status
            Anna,Schmidt-Berg,anna@example.com,1001,Marketing,employee
            """

        let summary = try CSVImport.importPeople(
            from: fixture.write("changed.csv", changed), into: fixture.store, auditedAs: ImportFixture.actor
        )

        #expect(summary == ImportSummary(updated: 1))
        let updated = try #require(try fixture.store.person(id: anna.id))
        #expect(updated.lastName == "Schmidt-Berg")
        #expect(updated.department == "Marketing")
        #expect(updated.jobTitle == "Account manager", "a column the file leaves out keeps the stored value")
        #expect(updated.addresses == ["anna@example.com", "a.schmidt@example.org", "anna@private.example"])
    }

    @Test func importAudited() throws {
        let fixture = try ImportFixture()
        _ = try CSVImport.importPeople(
            from: fixture.write("people.csv", Self.goodFile), into: fixture.store, auditedAs: ImportFixture.actor)
        let anna = try #require(try fixture.store.person(employeeNumber: "1001"))
        let changed = """
            first_name,last_name,addresses,employee_number,department,status
            Anna,Schmidt-Berg,anna.schmidt@example.com,1001,,employee
            """

        _ = try CSVImport.importPeople(
            from: fixture.write("changed.csv", changed), into: fixture.store, auditedAs: ImportFixture.actor)

        let events = try fixture.store.auditEvents(personId: anna.id, limit: 10)
        #expect(events.map(\.action) == [.addressAdded, .personUpdated, .personAdded])
        let added = try #require(events.last)
        #expect(added.details == ["addresses": "anna@example.com, a.schmidt@example.org"])
        #expect(added.client == "hrbox people import")
        let updated = try #require(events.dropFirst().first)
        #expect(updated.details == [
            "lastName.old": "Schmidt", "lastName.new": "Schmidt-Berg",
            "mainAddress.old": "anna@example.com", "mainAddress.new": "anna.schmidt@example.com",
        ])
        #expect(updated.colleague == "mkeller")
        #expect(events.first?.details == ["address": "anna.schmidt@example.com"])
    }

    @Test func emptyCellsKeepStoredValues() throws {
        let fixture = try ImportFixture()
        _ = try CSVImport.importPeople(
            from: fixture.write("people.csv", Self.goodFile), into: fixture.store, auditedAs: ImportFixture.actor
        )
        let partial = """
            first_name,last_name,addresses,employee_number,department,job_title,status
            Anna,Schmidt,,1001,,,employee
            """

        let summary = try CSVImport.importPeople(
            from: fixture.write("partial.csv", partial), into: fixture.store, auditedAs: ImportFixture.actor
        )

        #expect(summary == ImportSummary(unchanged: 1))
        let anna = try #require(try fixture.store.person(employeeNumber: "1001"))
        #expect(anna.department == "Sales")
        #expect(anna.jobTitle == "Account manager")
        #expect(anna.addresses == ["anna@example.com", "a.schmidt@example.org"])
    }

    @Test func mistypedNumberRejected() throws {
        let fixture = try ImportFixture()
        _ = try CSVImport.importPeople(
            from: fixture.write("people.csv", Self.goodFile), into: fixture.store, auditedAs: ImportFixture.actor
        )
        let before = try fixture.everyone()

        let error = try fixture.peopleError(
            """
            first_name,last_name,addresses,employee_number,status
            Carl,Vogel,carl@example.com,1001,employee
            """)

        #expect(error.problems.map(\.line) == [2])
        #expect(error.problems.first?.field == "employee_number")
        #expect(error.problems.first?.message.contains("1001 belongs to Anna Schmidt") == true)
        #expect(error.problems.first?.message.contains("Carl Vogel") == true)
        #expect(try fixture.everyone() == before)
    }

    @Test func numberMatchesWhateverCase() throws {
        let fixture = try ImportFixture()
        let first = """
            first_name,last_name,addresses,employee_number,status
            Tobias,Brandt,tobias@example.com,NW-1042,employee
            """
        _ = try CSVImport.importPeople(
            from: fixture.write("first.csv", first), into: fixture.store, auditedAs: ImportFixture.actor
        )

        let again = """
            first_name,last_name,addresses,employee_number,status
            Tobias,Brandt,tobias@example.com,nw-1042,formerEmployee
            """
        let summary = try CSVImport.importPeople(
            from: fixture.write("again.csv", again), into: fixture.store, auditedAs: ImportFixture.actor
        )

        #expect(summary == ImportSummary(updated: 1))
        #expect(try fixture.everyone().count == 1)
        #expect(try fixture.store.person(employeeNumber: "NW-1042")?.status == .formerEmployee)
    }

    @Test func numberTwiceInFileWhateverCase() throws {
        let fixture = try ImportFixture()

        let error = try fixture.peopleError(
            """
            first_name,last_name,addresses,employee_number,status
            Tobias,Brandt,,NW-1042,employee
            Lena,Novak,,nw-1042,applicant
            """)

        #expect(error.problems.map(\.line) == [3])
        #expect(error.problems.first?.message.contains("appears on line 2 already") == true)
        #expect(try fixture.everyone().isEmpty)
    }

    @Test func applicantBecomesEmployee() throws {
        let fixture = try ImportFixture()
        let applicant = try fixture.store.addPerson(NewPerson(
            firstName: "Deniz", lastName: "Öztürk", addresses: ["deniz@example.net"], status: .applicant))
        let file = """
            first_name,last_name,addresses,employee_number,status
            Deniz,Öztürk,Deniz@Example.net,1004,employee
            """

        let summary = try CSVImport.importPeople(
            from: fixture.write("people.csv", file), into: fixture.store, auditedAs: ImportFixture.actor
        )

        #expect(summary == ImportSummary(updated: 1))
        let employee = try #require(try fixture.store.person(id: applicant.id))
        #expect(employee.employeeNumber == "1004")
        #expect(employee.status == .employee)
        #expect(employee.addresses == ["Deniz@Example.net"])
    }

    @Test func addressOfAnotherPersonNamesOwner() throws {
        let fixture = try ImportFixture()
        let anna = try fixture.store.addPerson(NewPerson(
            firstName: "Anna", lastName: "Schmidt", addresses: ["anna@example.com"], employeeNumber: "1001", status: .employee))

        let error = try fixture.peopleError("""
            first_name,last_name,addresses,status
            Ben,Meier,ben@example.com,employee
            Anne,Schmidt,ANNA@example.com,applicant
            """)

        #expect(error.problems == [ImportError.Problem(
            line: 3, field: "addresses",
            message: "ANNA@example.com belongs to Anna Schmidt (person \(anna.id)) already. Remove it from this row, or, if "
                + "the row is that person, give the row the employee number 1001.")])
        #expect(error.description.contains("people.csv:3: addresses: ANNA@example.com belongs to Anna Schmidt (person \(anna.id)) already"))
        #expect(try fixture.store.person(ownerOf: "ben@example.com") == nil)
    }

    @Test func eachBadLineStoresNothing() throws {
        let header = "first_name,last_name,addresses,employee_number,status\nZoe,Good,zoe@example.com,2000,employee\n"
        let cases: [(rows: String, line: Int?, field: String?, message: String)] = [
            ("Anna,Schmidt,anna.example.com,,employee", 3, "addresses", "\"anna.example.com\" is not an email address (expected name@domain)."),
            ("Anna,Schmidt,,,intern", 3, "status", "\"intern\" is not a status (expected employee, applicant or former employee)."),
            (",,,,employee", 3, "first_name", "both names are empty. Give a first name, a last name or both."),
            ("Anna,Schmidt,zoe@example.com,,employee", 3, "addresses", "zoe@example.com appears on line 2 already. An address belongs to one person only."),
            ("Anna,Schmidt,,2000,employee", 3, "employee_number", "2000 appears on line 2 already. Keep one row per person."),
            ("Anna,Schmidt,,employee", 3, nil, "the row has 4 fields, but the header names 5 columns. Check for a missing or extra comma, and quote values that contain commas."),
            ("Anna,\"Schmidt\"x,,,employee", 3, nil, "a quoted field goes on after its closing quote. Double each \" inside the quotes, as \"\"."),
            ("Anna,\"Schmidt,,,employee", 3, nil, "the quoted field that starts on this line has no closing quote. Add the closing \" and double each \" inside the field."),
        ]

        for bad in cases {
            let fixture = try ImportFixture()
            let error = try fixture.peopleError(header + bad.rows)

            #expect(error.problems == [ImportError.Problem(line: bad.line, field: bad.field, message: bad.message)], "\(bad.rows)")
            let location = bad.field.map { "people.csv:\(bad.line ?? 0): \($0): " } ?? "people.csv:\(bad.line ?? 0): "
            #expect(error.description.contains(location), "\(bad.rows)")
            #expect(try fixture.everyone().isEmpty, "\(bad.rows)")
        }
    }

    @Test func headerProblems() throws {
        let fixture = try ImportFixture()

        let unknown = try fixture.peopleError("first_name,last_name,email,status\nAnna,Schmidt,a@example.com,employee\n")
        let missing = try fixture.peopleError("# people\nfirst_name,last_name\nAnna,Schmidt\n")
        let twice = try fixture.peopleError("first_name,First Name,last_name,status\n")
        let empty = try fixture.peopleError("# nothing here\n\n")

        #expect(unknown.problems.map(\.line) == [1])
        #expect(unknown.problems.first?.message.contains("unknown column \"email\"") == true)
        #expect(unknown.problems.first?.message.contains("first_name, last_name, addresses, employee_number, department, job_title, status") == true)
        #expect(missing.problems == [ImportError.Problem(
            line: 2, field: nil,
            message: "the column status is missing. Add it; these columns are required: first_name, last_name, status.")])
        #expect(twice.problems.first?.message == "the column first_name appears twice. Remove one of them.")
        #expect(empty.problems.map(\.line) == [nil])
    }

    @Test func quotedLineBreaksShiftLines() throws {
        let fixture = try ImportFixture()
        let error = try fixture.peopleError("""
            first_name,last_name,addresses,department,status
            Anna,Schmidt,,"Sales,
            North ""A""
            and South",employee
            Ben,Meier,ben(at)example.com,,employee
            """)

        #expect(error.problems.map(\.line) == [5])
        #expect(error.description.contains("people.csv:5: addresses: "))
    }

    @Test func quotedFieldsKeepContent() throws {
        let fixture = try ImportFixture()
        let file = "first_name,last_name,department,status\r\nAnna,Schmidt,\"Sales, \"\"North\"\"\r\nand South\",employee\r\n"

        _ = try CSVImport.importPeople(
            from: fixture.write("people.csv", file), into: fixture.store, auditedAs: ImportFixture.actor
        )

        #expect(try fixture.everyone().first?.department == "Sales, \"North\"\r\nand South")
    }

    @Test func byteOrderMarkIgnored() throws {
        let fixture = try ImportFixture()
        let path = try fixture.write("people.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("first_name,last_name,status\nAnna,Schmidt,employee\n".utf8))

        let summary = try CSVImport.importPeople(from: path, into: fixture.store, auditedAs: ImportFixture.actor)

        #expect(summary == ImportSummary(added: 1))
        #expect(try fixture.everyone().first?.firstName == "Anna")
    }

    @Test func invalidUTF8NamesLines() throws {
        let fixture = try ImportFixture()
        let text = Array("first_name,last_name,status\nAnna,Schmidt,employee\nJ".utf8) + [0xF6]
            + Array("rg,M".utf8) + [0xFC] + Array("ller,employee\nBen,Meier,employee\n".utf8)
        let path = try fixture.write("people.csv", bytes: text)

        let error = try #require(throws: ImportError.self) {
            try CSVImport.importPeople(from: path, into: fixture.store, auditedAs: ImportFixture.actor)
        }

        #expect(error.problems.map(\.line) == [3])
        #expect(error.problems.first?.message.contains("not valid UTF-8") == true)
        #expect(try fixture.everyone().isEmpty)
    }

    @Test func reportsAllBadLinesUpToLimit() throws {
        let fixture = try ImportFixture()
        let rows = (1...25).map { "Person,\($0),nobody-\($0),employee" }.joined(separator: "\n")

        let error = try fixture.peopleError("first_name,last_name,addresses,status\n" + rows)

        #expect(error.problems.count == 20)
        #expect(error.problems.first?.line == 2)
        #expect(error.problems.last?.line == 21)
        #expect(error.unlistedCount == 5)
        #expect(error.description.contains("5 more problems are not listed."))
        #expect(error.description.hasSuffix("nothing was imported. Fix the lines above and import the file again."))
    }

    @Test func missingFileExplained() throws {
        let fixture = try ImportFixture()
        let path = fixture.directory.appendingPathComponent("absent.csv").path

        let error = try #require(throws: ImportError.self) {
            try CSVImport.importPeople(from: path, into: fixture.store, auditedAs: ImportFixture.actor)
        }

        #expect(error.problems.first?.line == nil)
        #expect(error.description.hasPrefix("\(path): no such file; check the path"))
        #expect(error.description.hasSuffix("\(path): nothing was imported."))
    }
}
