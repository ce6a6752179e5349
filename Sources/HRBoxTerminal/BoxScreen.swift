import HRBoxProtocol

/// The view below the title bar: the main screen, or one step of an action in progress.
enum BoxScreen: Equatable, Sendable {
    case main
    case help
    case fileUnder(FileUnderChooser)
    case personPicker(PersonPicker)
    case newPerson(NewPersonForm)
    case caseTypePicker(CaseTypePicker)
    case caseForm(CaseForm)
    /// The case just started and the to-dos its workflow created; any key returns to the main screen.
    case caseStarted(AddCase.Result)
    case todoForm(TodoForm)
}

/// The "file under" list of one person: entry 0 is the personnel file itself, entry N the Nth open case.
struct FileUnderChooser: Equatable, Sendable {
    var slot: FilingSlot
    var highlighted: Int
}
