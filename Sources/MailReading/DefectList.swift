/// The defects of one reading, without repeats and up to a fixed count.
///
/// The cap keeps a hostile message (say, a million malformed address entries) from growing the list
/// without bound.
struct DefectList: Sendable {
    static let maximumCount = 100

    private(set) var defects: [MailDefect] = []
    private var seen: Set<MailDefect> = []
    private var overflowed = false

    mutating func add(_ defect: MailDefect) {
        guard !seen.contains(defect) else { return }

        guard defects.count < Self.maximumCount else {
            if !overflowed {
                overflowed = true
                defects.append(
                    MailDefect(
                        kind: .tooManyDefects,
                        message: "More than \(Self.maximumCount) defects were found; the rest were left out."
                    )
                )
            }
            return
        }

        seen.insert(defect)
        defects.append(defect)
    }

    mutating func add(_ kind: MailDefect.Kind, _ message: String, field: String? = nil, part: String? = nil, fragment: String? = nil) {
        add(MailDefect(kind: kind, message: message, field: field, part: part, fragment: fragment))
    }
}
