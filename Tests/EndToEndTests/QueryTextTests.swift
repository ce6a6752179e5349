@testable import hrbox
import Testing

@Suite struct QueryTextTests {
    @Test(
        "unquoted trims white space and quotation marks",
        arguments: [
            ("Tobias", "Tobias"),
            ("  \"Tobias\"\t", "Tobias"),
            ("\u{201C}Tobias Brandt\u{201D}", "Tobias Brandt"),
            ("'O'Connor'", "O'Connor"),
            ("\u{2018} Jean-Luc \u{2019}", "Jean-Luc"),
            ("a", "a"),
            ("\"a", "a"),
            ("Zoë\u{0301}\"", "Zoë\u{0301}"),
        ])
    func unquotedTrims(input: String, expected: String) {
        #expect(QueryCommand.unquoted(input) == expected)
    }

    @Test("unquoted empties text of marks only", arguments: ["", " ", "\"\"", "\u{201C} \u{201D}", "'\n'"])
    func unquotedEmpty(input: String) {
        #expect(QueryCommand.unquoted(input) == "")
    }

    @Test func unquotedKeepsInnerMarks() {
        #expect(QueryCommand.unquoted("\"Anna \"Nan\" Berg\"") == "Anna \"Nan\" Berg")
    }
}
