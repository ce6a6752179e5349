/// The start of a message's body text, for showing before it is filed.
enum PreviewText {
    /// How many characters a preview keeps.
    static let maximumLength = 300
    /// How many decoded bytes of a text/plain part are read; more than enough for the preview.
    private static let plainByteLimit = 16 * 1024
    /// How many decoded bytes of a text/html part are read, as markup can take far more room than text.
    private static let htmlByteLimit = 256 * 1024

    /// Returns the first characters of the body part `BodyText.sourcePart(in:)` chooses, with each run
    /// of white space made one space, or an empty text when there is no such part.
    static func make(from tree: MIMETree, defects: inout DefectList) -> String {
        guard let part = BodyText.sourcePart(in: tree) else { return "" }

        let byteLimit = part.contentType == "text/html" ? htmlByteLimit : plainByteLimit
        let text = BodyText.text(of: part, in: tree, byteLimit: byteLimit, htmlScalarLimit: maximumLength * 8, defects: &defects)
        return BodyText.collapsed(text, maximumCharacters: maximumLength)
    }
}
