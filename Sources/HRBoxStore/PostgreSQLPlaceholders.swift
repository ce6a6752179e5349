/// Rewrites the store's `?` placeholders into PostgreSQL's `$1`, `$2`, ...
enum PostgreSQLPlaceholders {
    /// Turns each `?` into the next `$N`, counting from 1, and `?N` into `$N`. A `?` inside a string
    /// literal, a quoted identifier or a `--` comment stays as it is.
    static func translate(_ sql: String) -> String {
        var output = ""
        var next = 1
        var characters = Array(sql).makeIterator()
        var pending = characters.next()

        while let character = pending {
            pending = characters.next()
            switch character {
            case "'", "\"":
                output.append(character)
                // A doubled quote inside a literal closes and reopens it, which copying both keeps intact.
                while let inside = pending {
                    output.append(inside)
                    pending = characters.next()
                    if inside == character {
                        break
                    }
                }
            case "-" where pending == "-":
                output.append(character)
                while let inside = pending {
                    output.append(inside)
                    pending = characters.next()
                    if inside == "\n" {
                        break
                    }
                }
            case "?":
                var digits = ""
                while let digit = pending, digit.isASCII, digit.isNumber {
                    digits.append(digit)
                    pending = characters.next()
                }
                if digits.isEmpty {
                    output += "$\(next)"
                    next += 1
                } else {
                    output += "$" + digits
                }
            default:
                output.append(character)
            }
        }
        return output
    }
}
