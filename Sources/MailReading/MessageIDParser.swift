/// Reads the msg-ids of Message-ID, In-Reply-To and References (RFC 5322 section 3.6.4).
enum MessageIDParser {
    /// Returns every `<...>` id in the value in order, with its angle brackets and without white space.
    ///
    /// Comments and the words of the obsolete syntax between ids are skipped. A value of one word
    /// without angle brackets is taken as a bare id, as lenient readers do, and reported.
    static func parse(_ value: String, field: String, defects: inout DefectList) -> [String] {
        var ids: [String] = []
        var insideID = false
        var id = String.UnicodeScalarView()
        var commentDepth = 0

        for scalar in value.unicodeScalars {
            if insideID {
                if scalar == ">" {
                    finish(id, into: &ids, field: field, defects: &defects)
                    insideID = false
                } else if !ASCII.isWhitespace(scalar) {
                    id.append(scalar)
                }
            } else if commentDepth > 0 {
                if scalar == "(" { commentDepth += 1 }
                if scalar == ")" { commentDepth -= 1 }
            } else if scalar == "(" {
                commentDepth = 1
            } else if scalar == "<" {
                insideID = true
                id = String.UnicodeScalarView()
            }
        }

        if insideID {
            defects.add(.invalidMessageID, "A message id has no closing angle bracket; it was ignored.", field: field, fragment: value)
        }
        if ids.isEmpty, !value.unicodeScalars.contains("<") {
            readBareID(value, into: &ids, field: field, defects: &defects)
        }
        return ids
    }

    private static func finish(_ id: String.UnicodeScalarView, into ids: inout [String], field: String, defects: inout DefectList) {
        if id.isEmpty {
            defects.add(.invalidMessageID, "A message id is empty; it was ignored.", field: field)
        } else {
            ids.append("<" + String(id) + ">")
        }
    }

    private static func readBareID(_ value: String, into ids: inout [String], field: String, defects: inout DefectList) {
        let bare = value.trimmingASCIIWhitespace()
        guard !bare.isEmpty else { return }

        if bare.unicodeScalars.contains(where: ASCII.isWhitespace) || bare.unicodeScalars.contains("(") {
            defects.add(.invalidMessageID, "The field holds no message id.", field: field, fragment: value)
        } else {
            defects.add(.invalidMessageID, "A message id has no angle brackets; they were added.", field: field, fragment: value)
            ids.append("<" + bare + ">")
        }
    }
}
