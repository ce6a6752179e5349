/// Reads the Date field (RFC 5322 section 3.3 with the obsolete forms of section 4.3).
///
/// Accepted: an optional day name, `6 Jan 2025` or the asctime order `Jan 6 09:00:00 2025`, two- and
/// three-digit years, missing seconds, comments anywhere, and the zone names UT, GMT, Z and the
/// North American ones of RFC 5322. Other zone names and a missing zone give UTC and a defect.
enum DateParser {
    private enum Token: Equatable {
        case number(String)
        case word(String)
        case symbol(Unicode.Scalar)
    }

    private struct Reader {
        let tokens: [Token]
        var index = 0

        var current: Token? { index < tokens.count ? tokens[index] : nil }

        mutating func take() -> Token? {
            defer { index += 1 }
            return current
        }

        mutating func skip(_ symbol: Unicode.Scalar) {
            if current == .symbol(symbol) { index += 1 }
        }

        mutating func number(maximumDigits: Int) -> Int? {
            guard case .number(let digits)? = current, digits.count <= maximumDigits else { return nil }
            index += 1
            return Int(digits)
        }
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    /// Offsets in hours of the zone names RFC 5322 section 4.3 defines.
    private static let zoneNames: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    static func parse(_ value: String, defects: inout DefectList) -> MailDate? {
        var reader = Reader(tokens: tokenize(value))

        var weekday: Int?
        if case .word(let word)? = reader.current, let index = dayNames.firstIndex(of: String(word.prefix(3))) {
            weekday = index
            reader.index += 1
            reader.skip(",")
        }

        guard let (year, month, day, time) = readDayMonthYearTime(&reader),
            (1...12).contains(month), (1...MailDate.daysInMonth(month, year: year)).contains(day),
            (1...9999).contains(year),
            (0...23).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second)
        else {
            defects.add(.invalidDate, "The Date field is not a valid RFC 5322 date; the message has no date.", field: "Date", fragment: value)
            return nil
        }

        if let weekday, weekday != weekdayIndex(year: year, month: month, day: day) {
            defects.add(.invalidDate, "The weekday does not match the date; the date was used.", field: "Date", fragment: value)
        }

        let offset = readZone(&reader, value: value, defects: &defects)
        return MailDate(
            year: year, month: month, day: day,
            hour: time.hour, minute: time.minute, second: time.second,
            utcOffsetSeconds: offset
        )
    }

    /// Returns the weekday of a date in the proleptic Gregorian calendar, 0 for Monday to 6 for Sunday.
    private static func weekdayIndex(year: Int, month: Int, day: Int) -> Int {
        // Days since 1970-01-01, a Thursday, by the days-from-civil method that starts years in March.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return ((days % 7) + 7 + 3) % 7
    }

    /// Reads `day month year time`, `day-month-year time` or the asctime order `month day time year`.
    private static func readDayMonthYearTime(
        _ reader: inout Reader
    ) -> (year: Int, month: Int, day: Int, time: (hour: Int, minute: Int, second: Int))? {
        if let day = reader.number(maximumDigits: 2) {
            reader.skip("-")
            guard let month = readMonth(&reader) else { return nil }
            reader.skip("-")
            guard let year = readYear(&reader), let time = readTime(&reader) else { return nil }
            return (year, month, day, time)
        }

        guard let month = readMonth(&reader), let day = reader.number(maximumDigits: 2),
            let time = readTime(&reader), let year = readYear(&reader)
        else { return nil }
        return (year, month, day, time)
    }

    private static func readMonth(_ reader: inout Reader) -> Int? {
        guard case .word(let word)? = reader.current, word.count >= 3,
            let index = monthNames.firstIndex(of: String(word.prefix(3)))
        else { return nil }
        reader.index += 1
        return index + 1
    }

    /// Reads a year; two digits mean 2000-2049 for 00-49 and 1950-1999 for 50-99, three digits add 1900.
    private static func readYear(_ reader: inout Reader) -> Int? {
        guard case .number(let digits)? = reader.current, let year = Int(digits), digits.count >= 2, digits.count <= 4 else {
            return nil
        }
        reader.index += 1
        switch digits.count {
        case 2: return year < 50 ? 2000 + year : 1900 + year
        case 3: return 1900 + year
        default: return year
        }
    }

    private static func readTime(_ reader: inout Reader) -> (hour: Int, minute: Int, second: Int)? {
        guard let hour = reader.number(maximumDigits: 2), reader.take() == .symbol(":"),
            let minute = reader.number(maximumDigits: 2)
        else { return nil }

        var second = 0
        if reader.current == .symbol(":") {
            reader.index += 1
            guard let value = reader.number(maximumDigits: 2) else { return nil }
            second = value
        }
        return (hour, minute, second)
    }

    /// Reads `+hhmm`, `-hhmm` (also `+hh:mm`) or a zone name, in seconds east of UTC.
    private static func readZone(_ reader: inout Reader, value: String, defects: inout DefectList) -> Int {
        switch reader.take() {
        case .symbol(let sign)? where sign == "+" || sign == "-":
            if let offset = readNumericOffset(&reader), offset <= 23 * 3600 + 59 * 60 {
                return sign == "-" ? -offset : offset
            }
        case .word(let name)?:
            if let hours = zoneNames[name] {
                return hours * 3600
            }
        case nil:
            defects.add(.unknownTimeZone, "The Date field has no time zone; UTC was assumed.", field: "Date", fragment: value)
            return 0
        default:
            break
        }
        defects.add(.unknownTimeZone, "The Date field has an unknown time zone; UTC was assumed.", field: "Date", fragment: value)
        return 0
    }

    private static func readNumericOffset(_ reader: inout Reader) -> Int? {
        guard case .number(let digits)? = reader.current else { return nil }
        reader.index += 1

        var hours: Int?
        var minutes: Int?
        if digits.count == 4 {
            hours = Int(digits.prefix(2))
            minutes = Int(digits.suffix(2))
        } else if digits.count == 2, reader.current == .symbol(":") {
            reader.index += 1
            hours = Int(digits)
            minutes = reader.number(maximumDigits: 2)
        }
        guard let hours, let minutes, minutes < 60 else { return nil }
        return hours * 3600 + minutes * 60
    }

    /// Splits the value into numbers, lower-cased words and symbols, leaving out white space and comments.
    private static func tokenize(_ value: String) -> [Token] {
        var tokens: [Token] = []
        var commentDepth = 0
        var number = ""
        var word = ""

        func finishRuns() {
            if !number.isEmpty { tokens.append(.number(number)) }
            if !word.isEmpty { tokens.append(.word(word.lowercased())) }
            number = ""
            word = ""
        }

        for scalar in value.unicodeScalars {
            if scalar == "(" {
                finishRuns()
                commentDepth += 1
            } else if scalar == ")" {
                commentDepth = max(0, commentDepth - 1)
            } else if commentDepth > 0 {
                continue
            } else if ("0"..."9").contains(scalar) {
                if !word.isEmpty { finishRuns() }
                number.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic {
                if !number.isEmpty { finishRuns() }
                word.unicodeScalars.append(scalar)
            } else {
                finishRuns()
                if !ASCII.isWhitespace(scalar) {
                    tokens.append(.symbol(scalar))
                }
            }
        }
        finishRuns()
        return tokens
    }
}
