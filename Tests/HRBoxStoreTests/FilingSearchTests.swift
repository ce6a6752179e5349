import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct FilingSearchTests {
    @Test(arguments: StoreBackend.all) func findsBodyWordAndAttachmentName(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let contract = fixture.message(MailText.message(
            subject: "Papers", body: "Please find the signed Arbeitsvertrag enclosed.", attachment: "Zeugnis-2024.pdf"))
        let holiday = fixture.message(MailText.message(subject: "Holiday", body: "Two weeks in August."))
        let filed = try fixture.store.file(contract, targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        _ = try fixture.store.file(holiday, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        let byBody = try fixture.store.searchFiled("arbeitsvertrag", personId: nil, limit: 10)
        let byAttachment = try fixture.store.searchFiled("zeugnis", personId: anna.id, limit: 10)

        #expect(byBody.map(\.messageRef) == [filed.messageRef])
        #expect(byBody.first?.snippet.contains("[Arbeitsvertrag]") == true)
        #expect(byBody.first?.filings.map(\.personId) == [anna.id])
        #expect(byBody.first?.subject == contract.subject)
        #expect(byAttachment.map(\.messageRef) == [filed.messageRef])
    }

    @Test(arguments: StoreBackend.all) func prefixAndDiacritics(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let message = fixture.message(MailText.message(
            subject: "Kündigung", body: "Hallo", from: "Jörg Müller <joerg@example.com>"))
        _ = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        #expect(try fixture.store.searchFiled("kundig", personId: nil, limit: 10).count == 1)
        #expect(try fixture.store.searchFiled("MULLER jorg", personId: nil, limit: 10).count == 1)
        #expect(try fixture.store.searchFiled("joerg@example", personId: nil, limit: 10).count == 1)
        #expect(try fixture.store.searchFiled("muller absent", personId: nil, limit: 10).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func sharpSMatchesDoubleS(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let message = fixture.message(MailText.message(subject: "Zeugnis Weißmüller", body: "Grüße aus Gießen"))
        _ = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        let folded = try fixture.store.searchFiled("Weissmuller", personId: nil, limit: 10)

        #expect(folded.count == 1)
        #expect(folded.first?.snippet.contains("[Weißmüller]") == true)
        #expect(try fixture.store.searchFiled("WEISSMÜLLER", personId: nil, limit: 10).count == 1)
        #expect(try fixture.store.searchFiled("weißmüller", personId: nil, limit: 10).count == 1)
        #expect(try fixture.store.searchFiled("giessen grusse", personId: nil, limit: 10).count == 1)
    }

    @Test(arguments: StoreBackend.all) func snippetOnOneLine(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let plain = fixture.message(MailText.message(subject: "One", body: "Hello", from: "Jörg Müller <joerg@example.com>"))
        let bracketed = fixture.message(MailText.message(subject: "Two", body: "Hello", from: "Ute [HR] <ute@example.com>"))
        _ = try fixture.store.file(plain, targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        _ = try fixture.store.file(bracketed, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        let jorg = try #require(try fixture.store.searchFiled("jorg", personId: nil, limit: 10).first)
        let ute = try #require(try fixture.store.searchFiled("ute", personId: nil, limit: 10).first)

        #expect(jorg.snippet == "[Jörg] Müller · joerg@example.com · HR · hr@example.org")
        #expect(ute.snippet == "⟦Ute⟧ [HR] · ⟦ute⟧@example.com · HR · hr@example.org")
    }

    @Test(arguments: StoreBackend.all) func syntaxIsSearchedAsText(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        _ = try fixture.store.file(
            fixture.message(MailText.message(subject: "Notes", body: "Meeting AND review")),
            targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        for query in ["\"meeting", "subject:notes", "meeting OR", "(review", "NEAR(meeting", "review\"\""] {
            let hits = try fixture.store.searchFiled(query, personId: nil, limit: 10)
            #expect(hits.count <= 1, "query \(query)")
        }
        #expect(try fixture.store.searchFiled("notes:review", personId: nil, limit: 10).count == 1)
        #expect(throws: StoreError.self) { try fixture.store.searchFiled(" *- ", personId: nil, limit: 10) }
    }

    @Test(arguments: StoreBackend.all) func limitsToPersonAndFiled(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Kraus")
        _ = try fixture.store.file(
            fixture.message(MailText.message(subject: "Salary", body: "x")),
            targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        _ = try fixture.store.keepMessage(fixture.message(MailText.message(subject: "Salary kept", body: "y")))

        #expect(try fixture.store.searchFiled("salary", personId: nil, limit: 10).count == 1)
        #expect(try fixture.store.searchFiled("salary", personId: ben.id, limit: 10).isEmpty)
        #expect(throws: StoreError.self) { try fixture.store.searchFiled("salary", personId: 999, limit: 10) }
        #expect(throws: StoreError.self) { try fixture.store.searchFiled("salary", personId: nil, limit: 0) }
    }

    @Test(arguments: StoreBackend.all) func rankedByRelevance(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let weak = try fixture.store.file(
            fixture.message(MailText.message(subject: "Misc", body: "one mention of overtime among many other words here")),
            targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        let strong = try fixture.store.file(
            fixture.message(MailText.message(subject: "Overtime", body: "overtime overtime")),
            targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        let hits = try fixture.store.searchFiled("overtime", personId: nil, limit: 10)

        #expect(hits.map(\.messageRef) == [strong.messageRef, weak.messageRef])
    }
}
