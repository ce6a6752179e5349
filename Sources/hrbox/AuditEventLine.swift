import HRBoxProtocol

/// One audit event as the line `hrbox audit` prints, such as
/// `2026-12-04 10:31:10 +01:00  filed  person #7 Tobias Brandt, case #2, message 5  by mkeller via thunderbird-hrbox`.
struct AuditEventLine {
    let event: AuditEvent
    /// The full name of the event's person, or nil when the event concerns no person or the store lost them.
    let personName: String?

    var text: String {
        let time = LocalTime.text(fromRFC3339: event.recordedAt) ?? event.recordedAt
        let subject = subjectText.isEmpty ? "" : "  " + subjectText
        let details = event.details.isEmpty ? "" : "  (" + detailsText + ")"
        return "\(time)  \(Self.actionText(event.action))\(subject)\(details)  by \(colleagueText) via \(clientText)"
    }

    private var subjectText: String {
        var parts: [String] = []
        if let personId = event.personId {
            parts.append("person #\(personId)" + (personName.map { " \($0)" } ?? ""))
        }
        if let caseId = event.caseId {
            parts.append("case #\(caseId)")
        }
        if let messageRef = event.messageRef {
            parts.append("message \(messageRef)")
        }
        if let todoId = event.todoId {
            parts.append("to-do #\(todoId)")
        }
        return parts.joined(separator: ", ")
    }

    /// The details in key order, so that the same event always prints the same line.
    private var detailsText: String {
        event.details.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    private var colleagueText: String {
        event.colleague ?? "no colleague"
    }

    private var clientText: String {
        event.client ?? "an unnamed client"
    }

    static func actionText(_ action: AuditAction) -> String {
        switch action {
        case .filed:
            return "filed"
        case .unfiled:
            return "unfiled"
        case .moved:
            return "moved"
        case .personAdded:
            return "person added"
        case .personUpdated:
            return "person updated"
        case .addressAdded:
            return "address added"
        case .addressRemoved:
            return "address removed"
        case .caseStarted:
            return "case started"
        case .todoAdded:
            return "to-do added"
        case .todoDone:
            return "to-do done"
        case .storeCopied:
            return "store copied"
        }
    }
}
