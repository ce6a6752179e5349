import HRBoxProtocol

/// Step two of starting a case: the title and the start date that the workflow's due dates count from.
struct CaseForm: Equatable, Sendable {
    enum Field: CaseIterable, Equatable, Sendable {
        case title
        case startDate
    }

    /// The person the case is for: the person or the second person.
    var slot: FilingSlot
    var caseType: CaseType
    /// Prefilled with the case type's name and the start date.
    var title: TextField
    /// `YYYY-MM-DD`, or `-N` for N days before today; prefilled with today.
    var startDate: TextField
    var focus: Field = .title
    /// True once the user edited the title, so that a new start date no longer rewrites it.
    var titleEdited = false

    init(slot: FilingSlot, caseType: CaseType, today: CalendarDate) {
        self.slot = slot
        self.caseType = caseType
        self.title = TextField(Self.defaultTitle(caseType, startDate: today))
        self.startDate = TextField(today.description)
    }

    /// Returns the title the form suggests, such as `Sick leave 2026-11-30`.
    static func defaultTitle(_ caseType: CaseType, startDate: CalendarDate) -> String {
        "\(caseType.name) \(startDate)"
    }

    mutating func moveFocus(by offset: Int) {
        let fields = Field.allCases
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + offset + fields.count) % fields.count]
    }

    /// Applies an editing key to the focused field and returns true, or returns false for a key that does not edit.
    ///
    /// While the title is the suggested one, a start date that parses rewrites the date in it.
    mutating func editFocusedField(with key: Key, today: CalendarDate) -> Bool {
        switch focus {
        case .title:
            guard title.edit(with: key) else { return false }
            titleEdited = true
        case .startDate:
            guard startDate.edit(with: key) else { return false }
            if !titleEdited, case .success(let day) = parsedStartDate(today: today) {
                title = TextField(Self.defaultTitle(caseType, startDate: day))
            }
        }
        return true
    }

    /// Parses the start date field into a day, or returns the problem with it.
    func parsedStartDate(today: CalendarDate) -> Result<CalendarDate, CaseForm.Problem> {
        let text = startDate.trimmed
        guard !text.isEmpty else {
            return .failure(Problem(field: .startDate, message: "Type a start date as YYYY-MM-DD, or -N for N days back from today."))
        }

        switch DateEntry.parse(text, today: today, direction: .earlier) {
        case .success(let day):
            return .success(day)
        case .failure(let problem):
            let message = DateEntry.message(for: problem, label: "start date", text: text, direction: .earlier)
            return .failure(Problem(field: .startDate, message: message))
        }
    }

    /// A field the form cannot be sent with, and what to do about it.
    struct Problem: Error, Equatable {
        var field: Field
        var message: String
    }
}

extension BoxModel {
    mutating func openCaseForm(_ caseType: CaseType, for slot: FilingSlot) -> [BoxEffect] {
        screen = .caseForm(CaseForm(slot: slot, caseType: caseType, today: today))
        return [.redraw]
    }

    mutating func handleCaseFormKey(_ key: Key, form: CaseForm) -> [BoxEffect] {
        var form = form

        switch key {
        case .escape:
            status = nil
            return showCaseTypes(caseTypes ?? [form.caseType], for: form.slot)
        case .enter:
            return startCase(form)
        case .tab, .down:
            form.moveFocus(by: 1)
        case .backTab, .up:
            form.moveFocus(by: -1)
        default:
            guard form.editFocusedField(with: key, today: today) else { return [] }
        }
        screen = .caseForm(form)
        return [.redraw]
    }

    private mutating func startCase(_ form: CaseForm) -> [BoxEffect] {
        var form = form
        guard let choice = filingChoice(in: form.slot) else {
            return fail("A case needs a person. Press Esc twice, then c to search for a person.")
        }
        let title = form.title.trimmed
        guard !title.isEmpty else {
            form.focus = .title
            screen = .caseForm(form)
            return fail("Type a title for the case.")
        }

        let startDate: CalendarDate
        switch form.parsedStartDate(today: today) {
        case .failure(let problem):
            form.focus = problem.field
            screen = .caseForm(form)
            return fail(problem.message)
        case .success(let day):
            startDate = day
        }

        status = nil
        let params = AddCase.Params(
            personId: choice.person.id,
            caseTypeId: form.caseType.id,
            title: title,
            startDate: startDate.description
        )
        return call(.addCase(params), expecting: .addCase(form.slot, personName: choice.person.nameWithNumber))
    }
}
