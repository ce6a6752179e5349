import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct SearchTests {
    @Test(arguments: StoreBackend.all) func rankingOrder(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let inside = try fixture.addPerson("Johanna", "Berg")
        let lastNameStart = try fixture.addPerson("Zoe", "Hannaford")
        let firstNameStart = try fixture.addPerson("Hanna", "Adler")
        let exactAddress = try fixture.addPerson("Zora", "Zeller", addresses: ["hanna@example.com"])
        let addressInside = try fixture.addPerson("Ulf", "Ulm", addresses: ["johanna@example.com"])

        let byName = try fixture.store.searchPeople("hanna", limit: 10)
        #expect(byName.map(\.id) == [firstNameStart.id, lastNameStart.id, inside.id, addressInside.id, exactAddress.id])

        let byAddress = try fixture.store.searchPeople("Hanna@Example.com", limit: 10)
        #expect(byAddress.map(\.id) == [exactAddress.id, addressInside.id])
    }

    @Test(arguments: StoreBackend.all) func employeeNumberExactFirst(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let longer = try fixture.addPerson("Anna", "Adler", employeeNumber: "10012")
        let exact = try fixture.addPerson("Zeno", "Zorn", employeeNumber: "1001")

        #expect(try fixture.store.searchPeople("1001", limit: 10).map(\.id) == [exact.id, longer.id])
    }

    @Test(arguments: StoreBackend.all) func tiesByLastThenFirstName(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let berta = try fixture.addPerson("Berta", "Schmidt")
        let anna = try fixture.addPerson("Anna", "Schmitz")
        let carla = try fixture.addPerson("Carla", "Schmidt")

        let found = try fixture.store.searchPeople("schmi", limit: 10)
        #expect(found.map(\.id) == [berta.id, carla.id, anna.id])
    }

    @Test(arguments: StoreBackend.all) func fullNameBothOrders(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")

        #expect(try fixture.store.searchPeople("anna schm", limit: 5) == [anna])
        #expect(try fixture.store.searchPeople("SCHMIDT  anna", limit: 5) == [anna])
        #expect(try fixture.store.searchPeople("anna\nschmidt", limit: 5) == [anna])
        #expect(try fixture.store.searchPeople("schmidt\nanna schmidt", limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func lastNameCommaFirstName(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let lena = try fixture.addPerson("Lena", "Novák")
        _ = try fixture.addPerson("Lena", "Berg")

        #expect(try fixture.store.searchPeople("Novak, Lena", limit: 10).map(\.id) == [lena.id])
        #expect(try fixture.store.searchPeople("novák, le", limit: 10).map(\.id) == [lena.id])
    }

    @Test(arguments: StoreBackend.all) func wildcardsMatchLiterally(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let percent = try fixture.addPerson("100%", "Sure")
        let underscore = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna_s@example.com"])
        try fixture.addPerson("Anna", "Sorge", addresses: ["annaXs@example.com"])

        #expect(try fixture.store.searchPeople("%", limit: 10) == [percent])
        #expect(try fixture.store.searchPeople("a_s", limit: 10) == [underscore])
    }

    @Test(arguments: StoreBackend.all) func diacriticsAndCaseIgnored(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let mueller = try fixture.addPerson("Jörg", "Müller")
        let rene = try fixture.addPerson("René", "Lefèvre")

        #expect(try fixture.store.searchPeople("muller", limit: 5) == [mueller])
        #expect(try fixture.store.searchPeople("JORG", limit: 5) == [mueller])
        #expect(try fixture.store.searchPeople("MÜLLER", limit: 5) == [mueller])
        #expect(try fixture.store.searchPeople("rene lefevre", limit: 5) == [rene])
        // The query may come with a combining accent instead of a precomposed letter.
        #expect(try fixture.store.searchPeople("Lefe\u{300}vre", limit: 5) == [rene])
    }

    @Test(arguments: StoreBackend.all) func emptyQueryFindsNothing(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        try fixture.addPerson("Anna", "Schmidt")

        #expect(try fixture.store.searchPeople("", limit: 5).isEmpty)
        #expect(try fixture.store.searchPeople("  \t", limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func limitApplies(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        for index in 1...5 {
            try fixture.addPerson("Anna", "Schmidt\(index)")
        }

        #expect(try fixture.store.searchPeople("anna", limit: 3).map(\.lastName) == ["Schmidt1", "Schmidt2", "Schmidt3"])
        #expect(throws: StoreError.self) {
            try fixture.store.searchPeople("anna", limit: 0)
        }
    }
}
