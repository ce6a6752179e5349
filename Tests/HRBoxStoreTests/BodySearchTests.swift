import HRBoxProtocol
import HRBoxStore
import Testing

/// Search over the body text beyond the preview.
@Suite struct BodySearchTests {
    @Test(arguments: StoreBackend.all) func wordAfterPreviewFound(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let filler = String(repeating: "lorem ipsum dolor ", count: 120)
        let message = fixture.message(MailText.message(subject: "Notes", body: filler + "Arbeitszeugnis attached."))
        let filed = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        let hits = try fixture.store.searchFiled("arbeitszeugnis", personId: nil, limit: 10)

        #expect(filler.count > 2000)
        #expect(hits.map(\.messageRef) == [filed.messageRef])
        #expect(hits.first?.snippet.contains("[Arbeitszeugnis]") == true)
    }
}
