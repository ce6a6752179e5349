/// A coding key the encoder and decoder make themselves: an array index or the `super` key.
struct CodingPathKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    /// True for an array index, which error messages write as `[3]`.
    let isIndex: Bool

    static let superKey = CodingPathKey(stringValue: "super")

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
        isIndex = true
    }

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
        isIndex = false
    }

    init?(intValue: Int) {
        self.init(index: intValue)
    }
}

/// Formats a coding path the way error messages name a field: `targets[0].personId`.
func describeCodingPath(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
        if let key = key as? CodingPathKey, key.isIndex, let index = key.intValue {
            text += "[\(index)]"
        } else {
            if !text.isEmpty {
                text += "."
            }
            text += key.stringValue
        }
    }
    return text
}
