/// A fault found while reading a message: the reader went on with a fallback and reports what it did.
public struct MailDefect: Sendable, Hashable {
    /// A stable name for each kind of fault, for code that reacts to some of them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A line in the header section was neither a field nor a folded continuation.
        case invalidHeaderLine
        /// A header line ended with a CR that no LF follows; the CR was read as a line end.
        case bareCarriageReturn
        /// A header line was longer than the 998 octets RFC 5322 allows; it was read in full.
        case headerLineTooLong
        /// A header field held bytes that are not UTF-8; they were read as windows-1252.
        case nonUTF8Header
        /// A field that may appear once appeared again; the first one is used.
        case duplicateField
        /// A required field (From or Date) is missing.
        case missingField
        /// An address list entry has no addr-spec with an @domain; it was dropped.
        case addressWithoutDomain
        /// An address list entry is `<>`, an empty path; it was dropped.
        case emptyAddress
        /// An address list entry is not RFC 5322 syntax, but an address was still read from it.
        case malformedAddress
        /// An address field lists more mailboxes than `AddressListParser.maximumAddressCount` (10,000);
        /// the rest were not read.
        case tooManyAddresses
        /// A group has no closing `;`.
        case unterminatedGroup
        /// A quoted string, comment or domain literal is not closed.
        case unterminatedToken
        /// The Date field cannot be read as an RFC 5322 date.
        case invalidDate
        /// The Date field names a time zone it has no offset for; UTC was used.
        case unknownTimeZone
        /// The Message-ID, In-Reply-To or References field contains text that is not a msg-id.
        case invalidMessageID
        /// An encoded word (RFC 2047) is malformed; its text was kept as written.
        case invalidEncodedWord
        /// A charset label is unknown; the text was read as UTF-8, or as windows-1252 when not UTF-8.
        case unknownCharset
        /// Text is not valid in its declared charset; it was read with a fallback charset.
        case charsetMismatch
        /// A Content-Type or Content-Disposition field cannot be read; defaults were used.
        case invalidContentType
        /// RFC 2231 parameter sections are missing or malformed; what could be read was used.
        case invalidParameter
        /// A multipart part has no boundary parameter or no delimiter line.
        case missingBoundary
        /// A multipart part ends without its closing delimiter line.
        case missingClosingBoundary
        /// Parts nest deeper than the reader's limit; the deeper parts were not read.
        case nestingTooDeep
        /// A Content-Transfer-Encoding is unknown; the body was taken as it is.
        case unknownTransferEncoding
        /// Base64 or quoted-printable content contains characters outside its alphabet; they were skipped.
        case invalidTransferEncoding
        /// More defects were found than are kept; the rest were left out.
        case tooManyDefects
    }

    public let kind: Kind
    /// A short English sentence without personal data: the fault and what the reader did instead.
    public let message: String
    /// The header field the fault is in, such as `From`, or nil for faults in the body.
    public let field: String?
    /// The MIME part path of the body the fault is in, such as `2.1` (see `Attachment.partPath`), or
    /// nil for faults in a header field or in the structure of a multipart body.
    public let part: String?
    /// The text the fault is about, as written. It may contain names or addresses, so keep it out of logs.
    public let fragment: String?

    public init(kind: Kind, message: String, field: String? = nil, part: String? = nil, fragment: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
        self.part = part
        self.fragment = fragment
    }
}
