import Foundation
import HRBoxProtocol

extension Store {
    /// The largest `dueAfterDays` of a workflow step: about one hundred years.
    public static let maximumDueAfterDays = 36_525

    /// Adds a case type, or replaces the workflow of the case type with the same name, ignoring letter case.
    ///
    /// Cases already started from the case type keep the to-dos its old workflow created.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for an empty name or step title, or a
    ///   `dueAfterDays` outside 0...``maximumDueAfterDays``; ``StoreError/colleagueNotFound(_:)`` for an
    ///   unknown assignee.
    @discardableResult
    public func upsertCaseType(_ definition: CaseTypeDefinition) throws(StoreError) -> CaseType {
        let name = definition.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw .invalidValue(field: "name", reason: "a case type needs a name.")
        }
        let steps = try Store.validatedSteps(definition.workflow, caseType: name)

        return try write { () throws(StoreError) -> CaseType in
            for assignee in Set(steps.compactMap(\.assignee)).sorted() {
                try requireColleague(id: assignee)
            }

            let nameKey = SearchText.foldCase(name)
            let existingId = try connection.queryFirst(
                "SELECT id FROM case_types WHERE name_key = ?",
                [.text(nameKey)]
            ) { $0.integer(0) }

            let id: Int64
            if let existingId {
                id = existingId
                try connection.execute("UPDATE case_types SET name = ? WHERE id = ?", [.text(name), .integer(id)])
                try connection.execute("DELETE FROM workflow_steps WHERE case_type_id = ?", [.integer(id)])
            } else {
                id = try connection.insert(
                    "INSERT INTO case_types (name, name_key) VALUES (?, ?) RETURNING id",
                    [.text(name), .text(nameKey)]
                )
            }

            for (offset, step) in steps.enumerated() {
                try connection.execute(
                    """
                    INSERT INTO workflow_steps (case_type_id, position, title, due_after_days, assignee)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                    [.integer(id), SQLValue(offset + 1), .text(step.title), SQLValue(step.dueAfterDays), SQLValue(step.assignee)]
                )
            }
            return CaseType(id: id, name: name, workflow: steps)
        }
    }

    /// Returns every case type with its workflow, by name.
    public func caseTypes() throws(StoreError) -> [CaseType] {
        let rows = try connection.query("SELECT id, name FROM case_types ORDER BY name_key, id") { row in
            (id: row.integer(0), name: row.text(1))
        }
        var caseTypes: [CaseType] = []
        for row in rows {
            caseTypes.append(CaseType(id: row.id, name: row.name, workflow: try workflow(ofCaseType: row.id)))
        }
        return caseTypes
    }

    /// Returns the case type with the id and its workflow, or nil when there is none.
    public func caseType(id: Int64) throws(StoreError) -> CaseType? {
        let name = try connection.queryFirst("SELECT name FROM case_types WHERE id = ?", [.integer(id)]) { $0.text(0) }
        guard let name else {
            return nil
        }
        return CaseType(id: id, name: name, workflow: try workflow(ofCaseType: id))
    }

    private func workflow(ofCaseType id: Int64) throws(StoreError) -> [WorkflowStep] {
        try connection.query(
            "SELECT title, due_after_days, assignee FROM workflow_steps WHERE case_type_id = ? ORDER BY position",
            [.integer(id)]
        ) { row in
            WorkflowStep(title: row.text(0), dueAfterDays: Int(row.integer(1)), assignee: row.optionalText(2))
        }
    }

    /// Trims titles and assignees, turns an empty assignee into nil, and checks each step.
    private static func validatedSteps(_ steps: [WorkflowStep], caseType: String) throws(StoreError) -> [WorkflowStep] {
        var valid: [WorkflowStep] = []
        for (offset, step) in steps.enumerated() {
            let title = step.title.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !title.isEmpty else {
                throw .invalidValue(
                    field: "workflow",
                    reason: "step \(offset + 1) of the case type \(caseType) needs a title."
                )
            }
            guard (0...maximumDueAfterDays).contains(step.dueAfterDays) else {
                throw .invalidValue(
                    field: "dueAfterDays",
                    reason: "\(step.dueAfterDays) days for step \(offset + 1) of the case type \(caseType) "
                        + "is out of range. Give 0 to \(maximumDueAfterDays) days."
                )
            }
            let assignee = step.assignee?.trimmingCharacters(in: .whitespacesAndNewlines)
            valid.append(WorkflowStep(
                title: title,
                dueAfterDays: step.dueAfterDays,
                assignee: assignee?.isEmpty == false ? assignee : nil
            ))
        }
        return valid
    }
}
