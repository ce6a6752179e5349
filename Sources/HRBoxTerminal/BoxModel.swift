import Foundation
import HRBoxProtocol

/// The HR box's state and logic, free of I/O.
///
/// The I/O layer passes in keys and the outcomes of service calls and runs the ``BoxEffect``s that
/// come back. At most one service call runs at a time: after a `.call` effect the model waits for
/// ``receive(_:)`` before it requests the next one.
public struct BoxModel: Sendable {
    /// Whether the box could read the message.
    enum Phase: Equatable, Sendable {
        case lookingUp
        case ready
        /// The lookup failed, so the box has nothing to work on; the text is the error for stderr.
        case failed(String)
    }

    /// The call the model waits for, with what it needs to use the result.
    enum PendingCall: Equatable, Sendable {
        case lookup
        case store([FilingChoice])
        case search(query: String)
        case cases(FilingSlot, personId: Int64)
        case addPerson(NewPerson)
        /// A search for the person who owns the address or employee number the server rejected.
        case conflictOwner(NewPersonForm.Conflict)
        case caseTypes(FilingSlot)
        case addCase(FilingSlot, personName: String)
        case colleagues
        case addTodo
    }

    /// The message exactly as the mail client piped it, in base64 as every request carries it.
    let messageSource: MessageSource
    /// The day that `+N` due dates, `-N` start dates and the prefilled case start date count from.
    let today: CalendarDate

    var phase: Phase = .lookingUp
    var lookup: Lookup.Result?
    var person: FilingChoice?
    var secondPerson: FilingChoice?
    var screen: BoxScreen = .main
    var status: StatusMessage?
    var pendingCall: PendingCall?
    var caseTypes: [CaseType]?
    var colleagues: Colleagues.Result?

    /// One line per thing done, such as `hrbox: stored for Anna Schmidt (E-1042)`, printed to stdout on quit.
    public internal(set) var summary: [String] = []

    public init(message: [UInt8], today: CalendarDate) {
        self.messageSource = .base64(Data(message).base64EncodedString())
        self.today = today
    }

    /// The exit status for the executable: 0 unless the box could not work on the message.
    public var exitStatus: Int32 {
        if case .failed = phase { return 1 }
        return 0
    }

    /// The reason the box could not work, for stderr, or nil when it could.
    public var failure: String? {
        if case .failed(let reason) = phase { return reason }
        return nil
    }

    /// Asks for the lookup that everything else builds on.
    public mutating func start() -> [BoxEffect] {
        call(.lookup(Lookup.Params(message: messageSource)), expecting: .lookup)
    }

    /// Handles a key press and returns what the I/O layer should do.
    public mutating func handle(_ key: Key) -> [BoxEffect] {
        if key == .control("c") {
            return [.quit]
        }
        if key == .control("l") {
            return [.redraw]
        }
        guard pendingCall == nil else { return [] }

        switch phase {
        case .lookingUp:
            return []
        case .failed:
            return key == .escape || key == .character("q") ? [.quit] : []
        case .ready:
            break
        }

        switch screen {
        case .main:
            return handleMainKey(key)
        case .help, .caseStarted:
            screen = .main
            return [.redraw]
        case .fileUnder(let chooser):
            return handleFileUnderKey(key, chooser: chooser)
        case .personPicker(let picker):
            return handlePersonPickerKey(key, picker: picker)
        case .newPerson(let form):
            return handleNewPersonKey(key, form: form)
        case .caseTypePicker(let picker):
            return handleCaseTypePickerKey(key, picker: picker)
        case .caseForm(let form):
            return handleCaseFormKey(key, form: form)
        case .todoForm(let form):
            return handleTodoKey(key, form: form)
        }
    }

    /// Takes the outcome of the call the model asked for last and returns what to do next.
    public mutating func receive(_ outcome: Result<ServiceResult, BoxServiceError>) -> [BoxEffect] {
        guard let call = pendingCall else { return [] }
        pendingCall = nil

        switch outcome {
        case .success(let result):
            return receive(result, for: call)
        case .failure(let error):
            return receiveFailure(error, for: call)
        }
    }

    /// Records the pending call and returns the effects that make it.
    mutating func call(_ request: ServiceRequest, expecting pending: PendingCall) -> [BoxEffect] {
        pendingCall = pending
        return [.redraw, .call(request)]
    }

    /// Shows `text` as an error on the status line.
    mutating func fail(_ text: String) -> [BoxEffect] {
        status = .error(text)
        return [.redraw]
    }
}
