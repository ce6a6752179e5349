import Foundation
import HRBoxProtocol
import Testing

@testable import HRBoxTerminal

@Suite("Renderer")
struct BoxRendererTests {
    static let sizes = [(80, 24), (20, 6), (41, 12), (132, 43), (200, 60)]

    /// Sessions on every screen of the box, each with wide and accented text in it.
    static func sessionsOnEveryScreen() -> [(String, BoxSession)] {
        var lookup = Fixtures.lookupFromAnna()
        lookup.summary.subject = "Krankmeldung für Zoë 陈晓明 und ein sehr langer Betreff, der nicht in die Zeile passt"
        lookup.participants.append(
            Participant(role: .cc, name: "陈晓明", address: "chen@example.cn", isOwnAddress: false, person: Fixtures.chen)
        )
        let service = FakeBoxService(lookup: lookup)
        service.caseTypeList = [Fixtures.sickLeaveType, Fixtures.onboardingType]
        service.colleagueList = Fixtures.colleagues
        service.searchResults["陈"] = [Fixtures.chen]

        let main = Fixtures.startedSession(service)
        var screens = [("main", main)]
        let keysByScreen: [(String, [Key])] = [
            ("help", [.character("?")]),
            ("file under", [.character("f")]),
            ("person picker", [.character("c"), .character("陈"), .enter]),
            ("new person", [.character("n")]),
            ("case types", [.character("a")]),
            ("case form", [.character("a"), .character("1")]),
            ("case form start date", [.character("a"), .character("1"), .tab, .control("u"), .character("-"), .character("3")]),
            ("case started", [.character("a"), .character("1"), .enter]),
            ("to-do form", [.character("t"), .tab, .tab]),
        ]
        for (name, keys) in keysByScreen {
            var session = main
            session.press(keys)
            screens.append((name, session))
        }
        return screens
    }

    @Test func linesFitEverySize() {
        for (name, session) in Self.sessionsOnEveryScreen() {
            for (width, height) in Self.sizes {
                let frame = BoxRenderer.frame(for: session.model, width: width, height: height)
                #expect(frame.lines.count == height, "\(name) at \(width)x\(height)")
                for line in frame.texts {
                    #expect(line.displayWidth <= width, "\(name) at \(width)x\(height): \(line)")
                }
                if let cursor = frame.cursor {
                    #expect(cursor.row < height, "\(name) at \(width)x\(height)")
                    #expect(cursor.column < width, "\(name) at \(width)x\(height)")
                }
            }
        }
    }

    @Test func wideCharactersShownWhole() {
        let sessions = Self.sessionsOnEveryScreen()
        let main = sessions[0].1
        let frame = BoxRenderer.frame(for: main.model, width: 80, height: 24)

        let chenLine = frame.texts.first { $0.contains("chen@example.cn") }
        #expect(chenLine?.contains("陈晓明 <chen@example.cn>") == true)
        #expect(chenLine?.contains("陈 · applicant") == true || chenLine?.contains("晓明 陈 · applicant") == true)
        #expect(frame.texts[0].hasPrefix(" hrbox · Krankmeldung für Zoë 陈晓明"))
        #expect(frame.texts[0].hasSuffix("…"))
    }

    @Test func keyHelpOnMainScreen() {
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))
        let frame = BoxRenderer.frame(for: session.model, width: 80, height: 24)
        let keyLines = frame.lines.filter { $0.style == .keys }.map(\.text).joined(separator: " ")

        for hint in ["s store", "f file under", "c change person", "2 second person", "n new person", "a add case", "t add to-do", "? help", "q quit"] {
            #expect(keyLines.contains(hint), "\(hint)")
        }
        #expect(frame.lines.suffix(2).allSatisfy { $0.style == .keys })
    }

    @Test func keyHelpOnEveryScreen() {
        for (name, session) in Self.sessionsOnEveryScreen() {
            let frame = BoxRenderer.frame(for: session.model, width: 80, height: 24)
            #expect(frame.lines.last?.style == .keys, "\(name)")
            #expect(frame.lines.last?.text.trimmingCharacters(in: .whitespaces).isEmpty == false, "\(name)")
        }
    }

    @Test func filedAlreadyInHeader() {
        let filing = Filing(
            messageRef: 4, personId: 1, personName: "Anna Schmidt", caseId: 10, caseTitle: "Sick leave 2026-11-30",
            direction: .received, filedAt: "2026-12-01T08:30:00Z", filedBy: "mkeller"
        )
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna(filings: [filing])))

        #expect(session.screenText.contains("Filed already for Anna Schmidt under \"Sick leave 2026-11-30\" on 2026-12-01."))
    }

    @Test func filedAlreadyWrapsAtWidth120() {
        let filings = [
            Filing(
                messageRef: 4, personId: 1, personName: "Anna Schmidt", caseId: 10, caseTitle: "Sick leave 2026-11-30",
                direction: .received, filedAt: "2026-12-01T08:30:00Z", filedBy: "mkeller"
            ),
            Filing(
                messageRef: 4, personId: 4, personName: "Daniel Fischer", caseId: 11, caseTitle: "Return to work after the sick leave",
                direction: .received, filedAt: "2026-12-01T08:30:00Z", filedBy: "mkeller"
            ),
        ]
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna(filings: filings)))

        let lines = BoxRenderer.frame(for: session.model, width: 120, height: 30).texts
        #expect(lines[2].hasPrefix(" Filed already for Anna Schmidt under \"Sick leave 2026-11-30\" on 2026-12-01;"))
        #expect(lines[3].hasSuffix(" after the sick leave\" on 2026-12-01."))
        #expect(lines[2...3].joined().contains("for Daniel Fischer under \"Return to work"))
        #expect(!lines[2].hasSuffix("…"))
    }

    @Test func filedAlreadyManyShortened() {
        let filings = (1...6).map { number in
            Filing(
                messageRef: 4, personId: Int64(number), personName: "Person Number \(number)", caseId: nil,
                caseTitle: "A case with a long title \(number)", direction: .received,
                filedAt: "2026-11-0\(number)T08:30:00Z", filedBy: nil
            )
        }
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna(filings: filings)))

        let lines = BoxRenderer.frame(for: session.model, width: 120, height: 30).texts
        #expect(
            lines[2] == " Filed already 6 times for Person Number 1, Person Number 2, Person Number 3, Person Number 4, "
                + "Person Number 5 and"
        )
        #expect(lines[3] == " Person Number 6, first on 2026-11-01.")
    }

    @Test func longStatusWrapsNotCut() {
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))
        let text = "Filed already in Anna Schmidt's personnel file under \"Sick leave 2026-11-30\" on 2026-12-01. "
            + "Stored in Daniel Fischer's personnel file under \"Return to work after the sick leave\"."
        var model = session.model
        model.status = .info(text)

        let status = BoxRenderer.frame(for: model, width: 120, height: 30).texts.suffix(3).prefix(2)
        #expect(status.joined(separator: " ").split(separator: " ").joined(separator: " ") == text)
    }

    @Test func notFiledInHeader() {
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))

        let screen = session.screenText
        #expect(screen.contains("Not filed yet."))
        #expect(screen.contains("2026-11-30 09:12 +01:00 · received · 4.2 KiB · 1 attachment"))
    }

    @Test func participantsWithPeopleAndOwnAddress() {
        let session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))
        let lines = BoxRenderer.frame(for: session.model, width: 100, height: 24).texts

        let from = lines.first { $0.contains("anna.schmidt@example.com") }
        #expect(from?.contains("From") == true)
        #expect(from?.contains("Anna Schmidt · E-1042 · employee") == true)
        #expect(lines.first { $0.contains("hr@example.com") }?.contains("your address") == true)
        #expect(lines.first { $0.contains("someone@example.net") }?.contains("unknown") == true)
        #expect(lines.contains { $0.hasPrefix(" File under   personnel file") })
    }

    @Test func helpFitsSmallTerminal() {
        var session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))
        session.press(.character("?"))

        let screen = BoxRenderer.frame(for: session.model, width: 80, height: 24).texts
        #expect(!screen.contains { $0.hasPrefix("   … ") })
        #expect(screen.contains { $0.contains("Quit and print what was done.") })
        #expect(screen.contains { $0.contains("Ctrl-C quits from anywhere.") })
    }

    @Test func controlCharactersNeverDrawn() {
        var lookup = Fixtures.lookupFromAnna()
        lookup.summary.subject = "Hello\u{1B}]0;owned\u{07}\u{1B}[2J"
        let session = Fixtures.startedSession(FakeBoxService(lookup: lookup))

        let frame = BoxRenderer.frame(for: session.model, width: 80, height: 24)
        for line in frame.texts {
            #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(line)")
        }
    }

    @Test func longListKeepsHighlightInView() {
        var lookup = Fixtures.lookupFromAnna()
        lookup.cases = (1...30).map { number in
            Case(
                id: Int64(100 + number), personId: 1, caseTypeId: 5, caseType: "Sick leave", title: "Case \(number)",
                status: .open, startDate: "2026-01-01"
            )
        }
        var session = Fixtures.startedSession(FakeBoxService(lookup: lookup))

        session.press([.character("f"), .end])

        let frame = BoxRenderer.frame(for: session.model, width: 80, height: 24)
        let highlighted = frame.lines.filter { $0.style == .highlighted }
        #expect(highlighted.count == 1)
        #expect(highlighted.first?.text.contains("\"Case 30\"") == true)
    }

    @Test func cursorInSearchField() {
        var session = Fixtures.startedSession(FakeBoxService(lookup: Fixtures.lookupFromAnna()))
        session.press(.character("c"))
        session.type("陈a")

        let frame = BoxRenderer.frame(for: session.model, width: 80, height: 24)
        let cursor = frame.cursor
        #expect(cursor?.row == 2)
        #expect(frame.texts[2] == " Search: 陈a")
        #expect(cursor?.column == " Search: 陈a".displayWidth)
    }

    @Test func workingShownDuringCall() {
        var model = BoxModel(message: Fixtures.message, today: Fixtures.today)
        let effects = model.start()

        #expect(effects.contains { if case .call = $0 { true } else { false } })
        #expect(BoxRenderer.frame(for: model, width: 80, height: 24).texts.contains(" Working..."))
    }
}
