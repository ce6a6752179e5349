import Foundation
import HRBoxProtocol
import HRBoxStore

extension CSVImport {
    /// Imports `case-types.csv`: one row per workflow step, in order, with the columns `case_type`,
    /// `step`, `due_after_days` (a whole number, 0 when empty) and `assignee` (a colleague id, or
    /// empty for the colleague who starts the case). A case type without steps is one row with an empty step.
    /// Each case type replaces the workflow of the stored case type with its name, ignoring letter case.
    public static func importCaseTypes(from path: String, into store: Store) throws(ImportError) -> ImportSummary {
        let known = ["case_type", "step", "due_after_days", "assignee"]
        return try run(path: path, known: known, required: ["case_type", "step"], into: store) {
            (rows, problems) throws(StoreError) -> ImportSummary in
            var caseTypes: [CaseTypeRows] = []
            for row in rows {
                guard let name = try caseTypeName(of: row, store: store, problems: &problems) else {
                    continue
                }
                let key = name.folding(options: [.caseInsensitive], locale: nil)
                if !caseTypes.contains(where: { $0.key == key }) {
                    caseTypes.append(CaseTypeRows(key: key, name: name, firstLine: row.line))
                }
                if let step = workflowStep(of: row, problems: &problems), let index = caseTypes.firstIndex(where: { $0.key == key }) {
                    caseTypes[index].workflow.append(step)
                }
            }
            guard problems.isEmpty else {
                return ImportSummary()
            }

            var summary = ImportSummary()
            let stored = try store.caseTypes()
            for caseType in caseTypes {
                let existing = stored.first { $0.name.folding(options: [.caseInsensitive], locale: nil) == caseType.key }
                if let existing, existing.name == caseType.name, existing.workflow == caseType.workflow {
                    summary.unchanged += 1
                    continue
                }
                do throws(StoreError) {
                    try store.upsertCaseType(CaseTypeDefinition(name: caseType.name, workflow: caseType.workflow))
                    if existing == nil {
                        summary.added += 1
                    } else {
                        summary.updated += 1
                    }
                } catch {
                    let columns = ["name": "case_type", "workflow": "step", "dueAfterDays": "due_after_days"]
                    try record(error, line: caseType.firstLine, fields: columns, in: &problems)
                }
            }
            return summary
        }
    }

    /// Returns the row's case type name after checking the row's case type and assignee, or nil
    /// when the case type is missing.
    private static func caseTypeName(
        of row: CSVTable.Row,
        store: Store,
        problems: inout ProblemList
    ) throws(StoreError) -> String? {
        let assignee = row["assignee"]
        if !assignee.isEmpty, try store.colleague(id: assignee) == nil {
            problems.add(line: row.line, field: "assignee", "no colleague has the id \"\(assignee)\". Add them to colleagues.csv and import it first, or leave the assignee empty.")
        }
        guard !row["case_type"].isEmpty else {
            problems.add(line: row.line, field: "case_type", "the case type is empty. Give the name of the case type this step belongs to.")
            return nil
        }
        return row["case_type"]
    }

    /// Returns the row's workflow step, or nil for a row without one or with a bad due_after_days.
    private static func workflowStep(of row: CSVTable.Row, problems: inout ProblemList) -> WorkflowStep? {
        let title = row["step"]
        let days = row["due_after_days"]
        let assignee = row["assignee"]
        guard !title.isEmpty else {
            if !days.isEmpty || !assignee.isEmpty {
                problems.add(line: row.line, field: "step", "the step is empty, but due_after_days or assignee is set. Give the step's title, or clear them for a case type without steps.")
            }
            return nil
        }

        var dueAfterDays = 0
        if !days.isEmpty {
            guard days.allSatisfy(\.isASCII), days.allSatisfy(\.isNumber), let number = Int(days),
                number <= Store.maximumDueAfterDays
            else {
                problems.add(line: row.line, field: "due_after_days", "\"\(days)\" is not a whole number of days from 0 to \(Store.maximumDueAfterDays).")
                return nil
            }
            dueAfterDays = number
        }
        return WorkflowStep(title: title, dueAfterDays: dueAfterDays, assignee: assignee.isEmpty ? nil : assignee)
    }
}

/// The rows of one case type in `case-types.csv`, grouped by its name ignoring letter case.
private struct CaseTypeRows {
    var key: String
    /// The name as its first row writes it.
    var name: String
    var firstLine: Int
    var workflow: [WorkflowStep] = []
}
