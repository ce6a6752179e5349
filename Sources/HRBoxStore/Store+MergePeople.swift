import HRBoxProtocol

/// The destination person each source person is merged into, or the conflicts that stop the merge.
struct PeopleMergePlan {
    /// Source person ids to destination person ids, for the source people who match one person.
    var matches: [Int64: Int64] = [:]
    var conflicts: [StoreMergeConflict] = []
}

extension Store {
    /// Matches every source person to destination people by address lookup key and by employee number
    /// ignoring case, and collects every source person who matches more than one.
    func planPeopleMerge(from source: Store) throws(StoreError) -> PeopleMergePlan {
        var plan = PeopleMergePlan()
        try source.forEachRow(of: "people") { (person) throws(StoreError) -> Void in
            let sourceId = person.integer("id") ?? 0
            var matches: [StoreMergeConflict.Match] = []

            let addresses = try source.connection.query(
                "SELECT address, lookup_key FROM addresses WHERE person_id = ? ORDER BY position", [.integer(sourceId)]
            ) { (address: $0.text(0), lookupKey: $0.text(1)) }
            for address in addresses {
                let owner = try connection.queryFirst(
                    "SELECT person_id FROM addresses WHERE lookup_key = ?", [.text(address.lookupKey)]
                ) { $0.integer(0) }
                if let owner {
                    matches.append(.init(destinationPersonId: owner, key: .address(address.address)))
                }
            }
            if let number = person.text("employee_number") {
                let owner = try connection.queryFirst(
                    "SELECT id FROM people WHERE lower(employee_number) = lower(?)", [.text(number)]
                ) { $0.integer(0) }
                if let owner {
                    matches.append(.init(destinationPersonId: owner, key: .employeeNumber(number)))
                }
            }

            let owners = Set(matches.map(\.destinationPersonId))
            if owners.count > 1 {
                let ordered = matches.enumerated().sorted {
                    ($0.element.destinationPersonId, $0.offset) < ($1.element.destinationPersonId, $1.offset)
                }
                plan.conflicts.append(StoreMergeConflict(sourcePersonId: sourceId, matches: ordered.map(\.element)))
            } else if let owner = owners.first {
                plan.matches[sourceId] = owner
            }
        }
        return plan
    }

    /// Adds the source people without a match and their addresses, and gives each matched person
    /// the source's addresses they lack, after their own.
    func mergePeople(from source: Store, plan: PeopleMergePlan, into state: inout MergeState) throws(StoreError) {
        state.beginTable("people")
        try source.forEachRow(of: "people") { (person) throws(StoreError) -> Void in
            let sourceId = person.integer("id") ?? 0
            guard let match = plan.matches[sourceId] else {
                state.people[sourceId] = try insertRow(person)
                state.count { $0.added += 1 }
                return
            }
            state.people[sourceId] = match
            state.count { $0.matched += 1 }

            let number = try connection.queryFirst(
                "SELECT employee_number FROM people WHERE id = ?", [.integer(match)]
            ) { $0.optionalText(0) } ?? nil
            if let sourceNumber = person.text("employee_number"), sourceNumber.lowercased() != number?.lowercased() {
                state.notes.append(
                    "Source person \(sourceId) (employee number \(sourceNumber)) matches destination person \(match) "
                        + "(employee number \(number ?? "none")); the destination's employee number is kept.")
            }
        }

        state.beginTable("addresses")
        var gainedAddresses: Set<Int64> = []
        try source.forEachRow(of: "addresses") { (address) throws(StoreError) -> Void in
            guard let sourceId = address.integer("person_id"), let personId = state.people[sourceId] else {
                throw .invalidValue(
                    field: "addresses",
                    reason: "the source has an address of person \(address.integer("person_id") ?? 0), who does not exist. "
                        + "Remove that address from the source, then merge again.")
            }
            var merged = address
            merged["person_id"] = .integer(personId)
            guard plan.matches[sourceId] != nil else {
                try insertRow(merged)
                state.count { $0.added += 1 }
                return
            }

            let owned = try connection.queryFirst(
                "SELECT 1 FROM addresses WHERE lookup_key = ?", [address["lookup_key"]]
            ) { _ in true } ?? false
            if owned {
                state.count { $0.skipped += 1 }
                return
            }
            merged["position"] = .integer(try connection.queryFirst(
                "SELECT COALESCE(max(position) + 1, 0) FROM addresses WHERE person_id = ?", [.integer(personId)]
            ) { $0.integer(0) } ?? 0)
            try insertRow(merged)
            gainedAddresses.insert(personId)
            state.count { $0.added += 1 }
        }
        for personId in gainedAddresses.sorted() {
            _ = try refreshSearchText(of: personId)
        }
    }
}
