import HRBoxProtocol

/// A date typed into a form: `YYYY-MM-DD`, or a sign and a number of days counted from today.
///
/// The to-do form counts forward (`+3` is three days from today) and the case form backward
/// (`-3` is three days ago), so each form names the direction it accepts.
enum DateEntry {
    /// The largest number of days a relative date may count, about ten years.
    static let maximumDays = 3650

    /// The way a relative date counts from today.
    enum Direction: Equatable, Sendable {
        /// `+N`: N days after today.
        case later
        /// `-N`: N days before today.
        case earlier

        var sign: Character {
            self == .later ? "+" : "-"
        }

        /// The phrase for counting N days in this direction, such as `from today`.
        var countPhrase: String {
            self == .later ? "from today" : "back from today"
        }
    }

    /// The reason typed text is no date.
    enum Problem: Error, Equatable {
        /// The text is neither `YYYY-MM-DD` with a day that exists nor the sign followed by digits.
        case invalid
        /// The text is the sign followed by a number of days above ``DateEntry/maximumDays``.
        case outOfRange
    }

    /// Parses `text` as `YYYY-MM-DD`, or as the sign of `direction` followed by a number of days from `today`.
    static func parse(_ text: String, today: CalendarDate, direction: Direction) -> Result<CalendarDate, Problem> {
        if let day = CalendarDate(parsing: text) {
            return .success(day)
        }

        guard text.first == direction.sign else { return .failure(.invalid) }
        let digits = text.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(.invalid)
        }
        // A run of digits too long for Int is still a number of days, just far too many.
        guard let days = Int(digits), days <= maximumDays else { return .failure(.outOfRange) }

        let day = direction == .later ? today.adding(days: days) : today.subtracting(days: days)
        return day.map { .success($0) } ?? .failure(.outOfRange)
    }

    /// Returns the status line sentence that names what is wrong with `text` and what to type instead.
    ///
    /// - Parameters:
    ///   - label: The field's name in a sentence, such as `due date`.
    ///   - direction: The direction the field counts, which decides the sign the sentence suggests.
    static func message(for problem: Problem, label: String, text: String, direction: Direction) -> String {
        switch problem {
        case .invalid:
            return "The \(label) \"\(text)\" is invalid. Type YYYY-MM-DD, or \(direction.sign)N for N days \(direction.countPhrase)."
        case .outOfRange:
            return "The \(label) \"\(text)\" is out of range, because \(direction.sign)N counts 0 to \(maximumDays) days "
                + "\(direction.countPhrase). Type a smaller N, or the date as YYYY-MM-DD."
        }
    }

    /// True when `text` uses the relative form, so a form can show the resulting date beside it.
    static func isRelative(_ text: String) -> Bool {
        text.first == "+" || text.first == "-"
    }
}
