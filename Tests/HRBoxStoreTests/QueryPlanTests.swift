import HRBoxProtocol
@testable import HRBoxStore
import Testing

/// SQLite's plans for the statements that run once per row of a people import, which must search
/// an index rather than scan a table.
@Suite struct QueryPlanTests {
    @Test func employeeNumberLookupSearchesIndex() throws {
        let fixture = try StoreFixture(.sqlite)
        _ = try fixture.addPerson("Tobias", "Brandt", employeeNumber: "NW-1042")

        let plan = try queryPlan(of: Store.personIdByEmployeeNumber, in: fixture.store, values: [.text("nw-1042"), .text("NW-1042")])

        #expect(plan.contains { $0.contains("SEARCH people USING INDEX people_by_employee_key") }, "plan: \(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "plan: \(plan)")
    }

    @Test func addressOwnerLookupSearchesIndex() throws {
        let fixture = try StoreFixture(.sqlite)
        _ = try fixture.addPerson("Tobias", "Brandt", addresses: ["tobias@example.com"])

        let plan = try queryPlan(of: Store.personIdByAddressKey, in: fixture.store, values: [.text("tobias@example.com")])

        #expect(plan.contains { $0.hasPrefix("SEARCH addresses USING INDEX") }, "plan: \(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "plan: \(plan)")
    }

    /// Returns the `detail` column of each step of SQLite's plan for `sql`.
    private func queryPlan(of sql: String, in store: Store, values: [SQLValue]) throws -> [String] {
        try store.connection.query("EXPLAIN QUERY PLAN " + sql, values) { $0.text(3) }
    }
}
