import Foundation
import HRBoxProtocol
import HRBoxStore

/// `hrbox query TEXT`: people for address completion, in the format of mutt's `query_command` or
/// aerc's `address-book-cmd`.
///
/// Mail clients run it after every pause in typing, so it reads the store directly and read-only,
/// without starting `hrbox serve`. It searches the completion indexes of schema version 3 first and
/// reads every person only when the indexes find fewer people than the limit.
struct QueryCommand: Command {
    static let words = ["query"]
    static let summary = "Print people matching a name, address or employee number, for address completion."
    static let usage = """
        Usage: hrbox query TEXT [--format mutt|aerc] [--limit N] [--store PATH]

        Prints one line per address of each person whose first or last name starts with TEXT
        (each further word of TEXT starting another word of the name), whose address starts with
        TEXT, or whose employee number is TEXT. Then, up to the limit, the people whose name,
        address or employee number contains TEXT, as the HR box's search finds them.
        Letter case, diacritics, apostrophes and quotation marks around TEXT do not count; "o"
        matches "ø", "ss" matches "ß" and a hyphen matches a space. TEXT may have at most 200
        characters; an empty TEXT finds nobody.

        Options:
          --format mutt  For mutt's and neomutt's query_command (the default): a first line of
                         text, then address<TAB>name<TAB>employee number and kind per line.
                         Exit status 1 when nobody matches.
          --format aerc  For aerc's address-book-cmd: address<TAB>name per line, nothing else.
                         Exit status 0 when nobody matches.
          --limit N      At most N people, 1 to 1000 (default 30).
          --store PATH   As below. The store must exist: query creates and upgrades nothing.
                         A store of an older schema version answers too, more slowly, until
                         any other hrbox command opens it and so upgrades it.
        \(Locations.usage)
        """

    enum Format: String {
        case mutt
        case aerc
    }

    static let defaultLimit = 30
    static let maxLimit = 1000

    let text: String
    let format: Format
    let limit: Int
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        let formatName = try arguments.option("--format") ?? Format.mutt.rawValue
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("--format must be mutt or aerc, found \"\(formatName)\"", command: Self.name)
        }
        self.format = format

        let limitText = try arguments.option("--limit") ?? String(Self.defaultLimit)
        guard let limit = Int(limitText), (1...Self.maxLimit).contains(limit) else {
            throw UsageError(
                "--limit must be a whole number from 1 to \(Self.maxLimit), found \"\(limitText)\"", command: Self.name)
        }
        self.limit = limit

        var words = [try arguments.requiredPositional("TEXT (the start of a name or address, or an employee number)")]
        while let word = arguments.positional() {
            words.append(word)
        }
        text = Self.unquoted(words.joined(separator: " "))
    }

    /// The maximum length of a query, in characters. A name, an address or an employee number is far
    /// shorter, so a longer text is a pasted mistake.
    static let maxTextLength = 200

    /// The maximum length of the query text repeated in a line of output, in characters.
    static let maxEchoLength = 40

    /// The quotation marks taken off both ends of the query, because a query typed in quotes, such
    /// as "Tobias", means the name inside them.
    private static let quotationMarks: Set<Character> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"]

    /// Returns `text` without white space and quotation marks at either end.
    ///
    /// It slices between two indexes rather than reversing the text twice, because the reversed
    /// views are generic types that the runtime resolves on first use. That cost every query 1.5
    /// million instructions.
    static func unquoted(_ text: String) -> String {
        let isKept: (Character) -> Bool = { !$0.isWhitespace && !quotationMarks.contains($0) }
        guard let first = text.firstIndex(where: isKept), let last = text.lastIndex(where: isKept) else {
            return ""
        }
        return String(text[first...last])
    }

    /// Returns the query as lines of output repeat it: at most ``maxEchoLength`` characters.
    var echoedText: String {
        text.count > Self.maxEchoLength ? text.prefix(Self.maxEchoLength) + "…" : text
    }

    func run() throws -> Int32 {
        if let problem = queryProblem() {
            return reject(problem)
        }
        let store = try openStore()
        let people = try store.completePeople(text, limit: limit)
        let lines = people.flatMap { person in
            person.addresses.map { address in
                AddressBookLine(address: address, person: person).text(for: format)
            }
        }

        var output = ""
        switch format {
        case .mutt:
            guard !lines.isEmpty else {
                print("hrbox: no person matches \"\(echoedText)\"")
                return ExitStatus.failure
            }
            let count = people.count == 1 ? "1 person matches" : "\(people.count) people match"
            let capped = people.count == limit ? " (the first \(limit); type more to narrow)" : ""
            output = "hrbox: \(count) \"\(echoedText)\"\(capped)\n"
        case .aerc:
            break
        }
        output += lines.map { $0 + "\n" }.joined()
        FileHandle.standardOutput.write(Data(output.utf8))
        return ExitStatus.success
    }

    /// Returns what is wrong with a query that is not searched, or nil for one that is.
    private func queryProblem() -> String? {
        if text.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) {
            return "type the start of a name or address, or an employee number, to find a person"
        }
        if text.count > Self.maxTextLength {
            return "the query is \(text.count) characters long, more than the \(Self.maxTextLength) searched; "
                + "type the start of a name or address, or an employee number"
        }
        return nil
    }

    /// Prints `problem` as the first line with exit status 1, which mutt shows for a query without
    /// matches. For aerc it prints nothing, because aerc's address-book-cmd expects exit status 0 and no lines.
    private func reject(_ problem: String) -> Int32 {
        switch format {
        case .mutt:
            print("hrbox: \(problem)")
            return ExitStatus.failure
        case .aerc:
            return ExitStatus.success
        }
    }

    /// Opens the store read-only, after checking that it exists and has the tables completion reads.
    ///
    /// A store of an older version is read as it is rather than rejected, because completion needs no
    /// table or column of later versions. The mail client runs this while the user types, where an
    /// error would show on every key. The store is upgraded the next time another command opens it,
    /// such as `hrbox file` or `hrbox serve`.
    private func openStore() throws -> Store {
        let location = try StoreLocation(validating: locations.storePath)
        try location.requireExisting()
        let store = try Store(readingExisting: location)
        let found = try store.storedSchemaVersion()
        guard (Store.oldestSchemaForCompletion...Store.schemaVersion).contains(found) else {
            throw StoreSchemaMismatch(
                store: location.description, found: found, oldest: Store.oldestSchemaForCompletion, newest: Store.schemaVersion)
        }
        return store
    }
}

/// One address of a person as a completion line.
struct AddressBookLine {
    let address: String
    let person: Person

    /// Returns the line without its line break. Tabs and line breaks in a field become spaces, since
    /// they separate fields and lines.
    func text(for format: QueryCommand.Format) -> String {
        let name = Self.field(person.fullName)
        switch format {
        case .mutt:
            let number = person.employeeNumber.map { Self.field($0) + ", " } ?? ""
            return "\(Self.field(address))\t\(name)\t\(number)\(person.status.label)"
        case .aerc:
            return "\(Self.field(address))\t\(name)"
        }
    }

    private static func field(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}

/// A store whose schema version `hrbox query` cannot read, which it will not migrate.
struct StoreSchemaMismatch: Error, CustomStringConvertible {
    let store: String
    let found: Int
    /// The range of versions `hrbox query` reads.
    let oldest: Int
    let newest: Int

    var description: String {
        if found == 0 {
            return "the store at \(store) has no hrbox tables. Check --store or HRBOX_STORE, or import people first."
        }
        if found < oldest {
            return "the store at \(store) has schema version \(found), older than the \(oldest) that query reads. "
                + "Run `hrbox audit --limit 1` once with the same --store or HRBOX_STORE: opening the store there upgrades it."
        }
        return "the store at \(store) has schema version \(found), newer than the \(newest) this hrbox reads. Upgrade hrbox."
    }
}
