import Foundation
import HRBoxProtocol

@testable import HRBoxTerminal

/// People, cases and messages the box tests share; every test builds its own service from them.
enum Fixtures {
    static let today = CalendarDate(year: 2026, month: 12, day: 1)!

    static let message = Array(
        "From: Anna Schmidt <anna.schmidt@example.com>\r\nTo: hr@example.com\r\nSubject: Sick note\r\n\r\nI am ill.\r\n".utf8
    )

    static let anna = Person(
        id: 1,
        firstName: "Anna",
        lastName: "Schmidt",
        addresses: ["anna.schmidt@example.com"],
        employeeNumber: "E-1042",
        status: .employee
    )

    static let ben = Person(
        id: 2,
        firstName: "Ben",
        lastName: "Okafor",
        addresses: ["ben.okafor@example.org"],
        employeeNumber: "E-2001",
        status: .employee
    )

    static let chen = Person(
        id: 3,
        firstName: "晓明",
        lastName: "陈",
        addresses: ["chen@example.cn"],
        status: .applicant
    )

    static let sickLeave = Case(
        id: 10,
        personId: 1,
        caseTypeId: 5,
        caseType: "Sick leave",
        title: "Sick leave 2026-11-30",
        status: .open,
        startDate: "2026-11-30"
    )

    static let sickLeaveType = CaseType(
        id: 5,
        name: "Sick leave",
        workflow: [
            WorkflowStep(title: "Ask for the doctor's note", dueAfterDays: 0),
            WorkflowStep(title: "Plan the return talk", dueAfterDays: 14, assignee: "bng"),
        ]
    )

    static let onboardingType = CaseType(id: 6, name: "Onboarding", workflow: [])

    static let colleagues = Colleagues.Result(
        colleagues: [
            Colleague(id: "mkeller", name: "Maria Keller"),
            Colleague(id: "bng", name: "Bao Ng"),
            Colleague(id: "jdoe", name: "Jo Doe"),
        ],
        me: "mkeller"
    )

    static func summary(subject: String? = "Sick note", direction: Direction = .received) -> MessageSummary {
        MessageSummary(
            subject: subject,
            date: "2026-11-30T09:12:00+01:00",
            messageId: "<note@example.com>",
            direction: direction,
            size: 4300,
            sha256: String(repeating: "ab", count: 32),
            attachments: ["note.pdf"]
        )
    }

    /// Builds the lookup of a received message from Anna to the user, with an unknown address in Cc.
    static func lookupFromAnna(filings: [Filing] = []) -> Lookup.Result {
        Lookup.Result(
            summary: summary(),
            participants: [
                Participant(role: .from, name: "Anna Schmidt", address: "anna.schmidt@example.com", isOwnAddress: false, person: anna),
                Participant(role: .to, name: "HR", address: "hr@example.com", isOwnAddress: true, person: nil),
                Participant(role: .cc, name: nil, address: "someone@example.net", isOwnAddress: false, person: nil),
            ],
            defaultPerson: anna,
            cases: [sickLeave],
            filings: filings
        )
    }

    /// Builds the lookup of a received message from a sender who is no person yet.
    static func lookupFromUnknownSender() -> Lookup.Result {
        Lookup.Result(
            summary: summary(subject: "Application"),
            participants: [
                Participant(role: .from, name: "Lena Vogt", address: "lena.vogt@example.de", isOwnAddress: false, person: nil),
                Participant(role: .to, name: "HR", address: "hr@example.com", isOwnAddress: true, person: nil),
            ],
            defaultPerson: nil,
            cases: [],
            filings: []
        )
    }

    /// Starts a session on `service` and runs its lookup.
    static func startedSession(_ service: FakeBoxService) -> BoxSession {
        var session = BoxSession(model: BoxModel(message: message, today: today), service: service)
        session.start()
        return session
    }
}

extension BoxSession {
    /// Presses each key in turn.
    mutating func press(_ keys: [Key]) {
        for key in keys {
            press(key)
        }
    }

    /// Types `text` character by character.
    mutating func type(_ text: String) {
        press(text.map { Key.character($0) })
    }

    /// The screen as the renderer draws it at 80x24.
    var screenText: String {
        BoxRenderer.frame(for: model, width: 80, height: 24).texts.joined(separator: "\n")
    }
}
