import Foundation
import HRBoxProtocol

/// The colleague and client making a change, as the audit trail records them.
public struct AuditActor: Sendable, Equatable {
    /// The id of the colleague making the change, or nil when the user names none.
    public var colleague: String?
    /// The client's name from `initialize`, or the command such as `hrbox people import`.
    public var client: String?

    public init(colleague: String?, client: String?) {
        self.colleague = colleague
        self.client = client
    }
}

/// The person, case, message or to-do one audit event is about, with its details.
///
/// Callers must keep message bytes and bodies out of `details`.
public struct AuditSubject: Sendable, Equatable {
    public var personId: Int64?
    public var caseId: Int64?
    public var messageRef: Int64?
    public var todoId: Int64?
    public var details: [String: String]

    public init(
        personId: Int64? = nil,
        caseId: Int64? = nil,
        messageRef: Int64? = nil,
        todoId: Int64? = nil,
        details: [String: String] = [:]
    ) {
        self.personId = personId
        self.caseId = caseId
        self.messageRef = messageRef
        self.todoId = todoId
        self.details = details
    }
}

extension Store {
    /// The maximum number of events ``auditEvents(personId:limit:)`` returns, whatever limit the caller requests.
    public static let maximumAuditEvents = 10_000

    /// Adds an event to the audit trail.
    ///
    /// Call it inside the ``write(_:)`` that makes the change, so that the change and its event are
    /// committed together or not at all.
    public func recordAudit(_ action: AuditAction, by actor: AuditActor, about subject: AuditSubject) throws(StoreError) {
        let details = try Store.auditDetailsJSON(subject.details)

        try write { () throws(StoreError) -> Void in
            try connection.execute(
                """
                INSERT INTO audit_events (recorded_at, colleague, client, action, person_id, case_id, message_ref,
                    todo_id, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(now()), SQLValue(actor.colleague), SQLValue(actor.client), .text(action.rawValue),
                    SQLValue(subject.personId), SQLValue(subject.caseId), SQLValue(subject.messageRef),
                    SQLValue(subject.todoId), .text(details),
                ]
            )
        }
    }

    /// Returns the audit trail, newest first.
    /// - Parameters:
    ///   - personId: Only events about this person; nil for all.
    ///   - limit: The most events to return, from 1 to ``maximumAuditEvents``.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for a limit out of range, ``StoreError/personNotFound(_:)``.
    public func auditEvents(personId: Int64?, limit: Int) throws(StoreError) -> [AuditEvent] {
        guard (1...Store.maximumAuditEvents).contains(limit) else {
            throw .invalidValue(field: "limit", reason: "\(limit) is out of range. Give 1 to \(Store.maximumAuditEvents).")
        }
        if let personId {
            _ = try requirePerson(id: personId)
        }
        let select = "SELECT id, recorded_at, colleague, client, action, person_id, case_id, message_ref, todo_id, "
            + "details FROM audit_events"
        guard let personId else {
            return try connection.query(select + " ORDER BY id DESC LIMIT ?", [SQLValue(limit)], row: Store.auditEvent)
        }
        return try connection.query(
            select + " WHERE person_id = ? ORDER BY id DESC LIMIT ?",
            [.integer(personId), SQLValue(limit)],
            row: Store.auditEvent
        )
    }

    /// Writes an audit event's details as the `details` column stores them: JSON with sorted keys.
    static func auditDetailsJSON(_ details: [String: String]) throws(StoreError) -> String {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(details), as: UTF8.self)
        } catch {
            throw .invalidValue(field: "details", reason: "the audit details cannot be written as JSON: \(error)")
        }
    }

    private static func auditEvent(_ row: any SQLRow) throws(StoreError) -> AuditEvent {
        guard let action = AuditAction(rawValue: row.text(4)) else {
            throw .unreadableValue(table: "audit_events", column: "action", value: row.text(4))
        }
        let detailsText = row.text(9)
        let details: [String: String]
        do {
            details = try JSONDecoder().decode([String: String].self, from: Data(detailsText.utf8))
        } catch {
            throw .unreadableValue(table: "audit_events", column: "details", value: detailsText)
        }
        return AuditEvent(
            id: row.integer(0),
            recordedAt: row.text(1),
            colleague: row.optionalText(2),
            client: row.optionalText(3),
            action: action,
            personId: row.optionalInteger(5),
            caseId: row.optionalInteger(6),
            messageRef: row.optionalInteger(7),
            todoId: row.optionalInteger(8),
            details: details
        )
    }
}
