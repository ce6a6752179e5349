import HRBoxProtocol
import Testing

@testable import HRBoxTerminal

@Suite("Cases and to-dos")
struct BoxCaseAndTodoTests {
    static let workflowTodos = [
        Todo(
            id: 31, title: "Ask for the doctor's note", due: "2026-12-01", assignee: "mkeller", sharedWith: [],
            personId: 1, caseId: 900, messageRef: nil, done: false, createdAt: "2026-12-01T10:00:00Z",
            createdBy: "mkeller", workflowStep: 1
        ),
        Todo(
            id: 32, title: "Plan the return talk", due: "2026-12-15", assignee: "bng", sharedWith: [],
            personId: 1, caseId: 900, messageRef: nil, done: false, createdAt: "2026-12-01T10:00:00Z",
            createdBy: "mkeller", workflowStep: 2
        ),
    ]

    @Test func addCaseShowsTodosAndSelectsCase() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.onboardingType, Fixtures.sickLeaveType]
        service.workflowTodos = Self.workflowTodos
        var session = Fixtures.startedSession(service)

        session.press(.character("a"))
        #expect(service.calls.last == .caseTypes)

        session.press(.character("2"))
        guard case .caseForm(let form) = session.model.screen else {
            Issue.record("expected the case form, got \(session.model.screen)")
            return
        }
        #expect(form.title.text == "Sick leave 2026-12-01")
        #expect(form.startDate.text == "2026-12-01")

        session.press(.enter)
        let expected = AddCase.Params(personId: 1, caseTypeId: 5, title: "Sick leave 2026-12-01", startDate: "2026-12-01")
        #expect(service.calls.last == .addCase(expected))
        let screen = session.screenText
        #expect(screen.contains("Ask for the doctor's note"))
        #expect(screen.contains("2026-12-15  Plan the return talk"))
        #expect(session.model.person?.fileUnder?.id == 900)
        #expect(session.model.status == .info("Started case \"Sick leave 2026-12-01\" with 2 to-dos."))
        #expect(session.model.summary == ["hrbox: started case \"Sick leave 2026-12-01\" for Anna Schmidt (E-1042) with 2 to-dos"])

        session.press(.enter)
        session.press(.character("s"))
        #expect(service.storeCalls.first?.targets == [FilingTarget(personId: 1, caseId: 900)])
    }

    @Test func addCaseLoadsCaseTypesOnce() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.sickLeaveType]
        var session = Fixtures.startedSession(service)

        session.press([.character("a"), .escape, .character("a")])

        #expect(service.calls.filter { $0 == .caseTypes }.count == 1)
        #expect(session.model.screen == .caseTypePicker(CaseTypePicker(slot: .person, caseTypes: [Fixtures.sickLeaveType])))
    }

    @Test func addCaseEditsTitle() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.sickLeaveType]
        var session = Fixtures.startedSession(service)

        session.press([.character("a"), .enter, .control("u")])
        session.type("Krankmeldung März")
        session.press(.enter)

        #expect(
            service.calls.last
                == .addCase(AddCase.Params(personId: 1, caseTypeId: 5, title: "Krankmeldung März", startDate: "2026-12-01"))
        )
    }

    @Test func addCaseNeedsPerson() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        var session = Fixtures.startedSession(service)

        session.press(.character("a"))

        #expect(!service.calls.contains(.caseTypes))
        #expect(session.model.status?.isError == true)
    }

    @Test func addTodoWithAssigneeSharedAndRelativeDue() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.colleagueList = Fixtures.colleagues
        var session = Fixtures.startedSession(service)

        session.press([.character("f"), .character("1"), .character("t")])
        #expect(service.calls.last == .colleagues)
        guard case .todoForm(let form) = session.model.screen else {
            Issue.record("expected the to-do form, got \(session.model.screen)")
            return
        }
        #expect(form.title.text == "Sick note")
        #expect(form.assignee == 0)

        session.press(.tab)
        session.type("+3")
        session.press([.tab, .character("2"), .tab, .character("1"), .character("3"), .enter])

        let expected = AddTodo.Params(
            title: "Sick note",
            due: "2026-12-04",
            assignee: "bng",
            sharedWith: ["mkeller", "jdoe"],
            personId: 1,
            caseId: 10,
            message: session.model.messageSource
        )
        #expect(service.calls.last == .addTodo(expected))
        #expect(session.model.status == .info("Planned to-do \"Sick note\" for Bao Ng, due 2026-12-04."))
        #expect(session.model.summary == ["hrbox: planned to-do \"Sick note\" for Bao Ng, due 2026-12-04"])
        #expect(session.model.screen == .main)
    }

    @Test func addTodoDefaultsToMe() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.colleagueList = Fixtures.colleagues
        var session = Fixtures.startedSession(service)

        session.press([.character("t"), .enter])

        let params = try #require(service.addTodoCalls.last)
        #expect(params.assignee == "mkeller")
        #expect(params.due == nil)
        #expect(params.sharedWith == nil)
        #expect(params.caseId == nil)
    }

    @Test func addTodoSharedToggleWithSpace() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.colleagueList = Fixtures.colleagues
        var session = Fixtures.startedSession(service)

        session.press([.character("t"), .backTab, .right, .character(" "), .right, .character(" "), .character("2"), .enter])

        let params = try #require(service.addTodoCalls.last)
        #expect(params.sharedWith == ["jdoe"])
    }

    @Test func addTodoRejectsInvalidDue() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.colleagueList = Fixtures.colleagues
        var session = Fixtures.startedSession(service)

        session.press([.character("t"), .tab])
        session.type("2026-02-30")
        session.press(.enter)

        #expect(session.model.status == .error("The due date \"2026-02-30\" is invalid. Type YYYY-MM-DD, or +N for N days from today."))
        #expect(service.addTodoCalls.isEmpty)
        guard case .todoForm(let form) = session.model.screen else {
            Issue.record("expected the to-do form to stay open, got \(session.model.screen)")
            return
        }
        #expect(form.focus == .due)
    }

    @Test func addTodoAbsoluteDue() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.colleagueList = Fixtures.colleagues
        var session = Fixtures.startedSession(service)

        session.press([.character("t"), .tab])
        session.type("2027-01-15")
        session.press(.enter)

        let params = try #require(service.addTodoCalls.last)
        #expect(params.due == "2027-01-15")
    }

    @Test func addCaseStartDateDaysAgo() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.sickLeaveType]
        var session = Fixtures.startedSession(service)

        session.press([.character("a"), .character("1"), .tab, .control("u")])
        session.type("-3")

        let screen = session.screenText
        #expect(screen.contains("Start date       -3  (2026-11-28)"))
        #expect(screen.contains("Title            Sick leave 2026-11-28"))
        #expect(screen.contains("2026-11-28  Ask for the doctor's note · on the start day"))
        #expect(screen.contains("2026-12-12  Plan the return talk · 14 days after the start · bng"))

        session.press(.enter)
        let expected = AddCase.Params(personId: 1, caseTypeId: 5, title: "Sick leave 2026-11-28", startDate: "2026-11-28")
        #expect(service.calls.last == .addCase(expected))
        #expect(session.screenText.contains("It starts on 2026-11-28. s now files the message under this case."))
    }

    @Test func addCaseStartDateAbsolute() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.sickLeaveType]
        var session = Fixtures.startedSession(service)

        session.press([.character("a"), .character("1"), .control("u")])
        session.type("Krank")
        session.press([.tab, .control("u")])
        session.type("2026-11-23")
        session.press(.enter)

        let expected = AddCase.Params(personId: 1, caseTypeId: 5, title: "Krank", startDate: "2026-11-23")
        #expect(service.calls.last == .addCase(expected))
    }

    @Test func addCaseRejectsBadStartDate() {
        let cases: [(String, String)] = [
            ("-5000", "The start date \"-5000\" is out of range, because -N counts 0 to 3650 days back from today."),
            ("+3", "The start date \"+3\" is invalid. Type YYYY-MM-DD, or -N for N days back from today."),
            ("2026-02-29", "The start date \"2026-02-29\" is invalid."),
            ("", "Type a start date as YYYY-MM-DD, or -N for N days back from today."),
        ]
        for (typed, problem) in cases {
            let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
            service.caseTypeList = [Fixtures.sickLeaveType]
            var session = Fixtures.startedSession(service)

            session.press([.character("a"), .character("1"), .tab, .control("u")])
            session.type(typed)
            session.press([.up, .enter])

            #expect(session.model.status?.isError == true, "\(typed)")
            #expect(session.model.status?.text.hasPrefix(problem) == true, "\(typed): \(session.model.status?.text ?? "")")
            #expect(!service.calls.contains { if case .addCase = $0 { true } else { false } }, "\(typed)")
            guard case .caseForm(let form) = session.model.screen else {
                Issue.record("expected the case form to stay open, got \(session.model.screen)")
                continue
            }
            #expect(form.focus == .startDate, "\(typed)")
        }
    }

    @Test func addCaseKeepsEditedTitle() throws {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [Fixtures.sickLeaveType]
        var session = Fixtures.startedSession(service)

        session.press([.character("a"), .character("1"), .backspace])
        session.type("9")
        session.press([.tab, .control("u")])
        session.type("-1")

        guard case .caseForm(let form) = session.model.screen else {
            Issue.record("expected the case form, got \(session.model.screen)")
            return
        }
        #expect(form.title.text == "Sick leave 2026-12-09")
    }

    @Test func workflowDaysSingularAndPlural() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.caseTypeList = [
            CaseType(
                id: 7, name: "Return", workflow: [
                    WorkflowStep(title: "Call", dueAfterDays: 1),
                    WorkflowStep(title: "Talk", dueAfterDays: 2),
                ])
        ]
        var session = Fixtures.startedSession(service)

        session.press([.character("a"), .character("1")])

        let screen = session.screenText
        #expect(screen.contains("2026-12-02  Call · 1 day after the start"))
        #expect(screen.contains("2026-12-03  Talk · 2 days after the start"))
        #expect(!screen.contains("1 days"))
    }

    @Test func addTodoNeedsPerson() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromUnknownSender())
        service.colleagueList = Fixtures.colleagues
        var session = Fixtures.startedSession(service)

        session.press(.character("t"))

        #expect(
            session.model.status
                == .error("Choose a person first (c to search, n to add one), so the to-do shows in their personnel file.")
        )
        #expect(session.model.screen == .main)
        #expect(!service.calls.contains(.colleagues))
        #expect(service.addTodoCalls.isEmpty)
    }

    /// Starts a session on the message from Anna, opens the to-do form and types `due` into its due date field.
    static func todoFormSession(typingDue due: String) -> (FakeBoxService, BoxSession) {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.colleagueList = Fixtures.colleagues
        var session = Fixtures.startedSession(service)
        session.press([.character("t"), .tab])
        session.type(due)
        return (service, session)
    }

    @Test func addTodoDueOutOfRange() {
        for typed in ["+3651", "+99999999999999999999999"] {
            var (service, session) = Self.todoFormSession(typingDue: typed)

            session.press(.enter)

            let expected = "The due date \"\(typed)\" is out of range, because +N counts 0 to 3650 days from today. "
                + "Type a smaller N, or the date as YYYY-MM-DD."
            #expect(session.model.status == .error(expected))
            #expect(service.addTodoCalls.isEmpty)
        }
    }

    @Test func addTodoDueAtRangeEnd() throws {
        var (service, session) = Self.todoFormSession(typingDue: "+3650")

        session.press(.enter)

        let params = try #require(service.addTodoCalls.last)
        #expect(params.due == "2036-11-28")
    }

    @Test func addTodoPastDueWarns() throws {
        var (service, session) = Self.todoFormSession(typingDue: "2020-01-01")

        #expect(session.screenText.contains("Due              2020-01-01  (in the past)"))
        session.press(.enter)

        let params = try #require(service.addTodoCalls.last)
        #expect(params.due == "2020-01-01")
        let status = try #require(session.model.status)
        #expect(!status.isError)
        #expect(status.text.hasSuffix("The due date 2020-01-01 is in the past."))
    }

    @Test func addTodoDueTodayNoWarning() throws {
        var (_, session) = Self.todoFormSession(typingDue: "+0")

        session.press(.enter)

        #expect(session.model.status == .info("Planned to-do \"Sick note\" for Maria Keller, due 2026-12-01."))
    }

    @Test func summaryKeepsUnknownColleagueId() {
        let service = FakeBoxService(lookup: Fixtures.lookupFromAnna())
        service.colleagueList = Colleagues.Result(colleagues: [], me: "pweiss")
        var session = Fixtures.startedSession(service)

        session.press([.character("t"), .enter])

        #expect(session.model.summary == ["hrbox: planned to-do \"Sick note\" for pweiss"])
    }
}
