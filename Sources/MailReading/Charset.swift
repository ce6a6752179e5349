/// A charset this reader can decode: UTF-8, UTF-16, US-ASCII, or one of the single-byte charsets in
/// `SingleByteTables`.
///
/// Foundation on Linux decodes only a few single-byte charsets, so the reader carries its own tables.
/// NOTE: Multi-byte charsets other than UTF-8 and UTF-16 (Shift_JIS, EUC-JP, ISO-2022-JP, GB2312, GBK, Big5,
/// EUC-KR) are not supported; text in them is read with the unknown-charset fallback.
enum Charset: Hashable, Sendable {
    case utf8
    case usASCII
    case isoLatin1
    /// UTF-16 in the given byte order, or nil when a byte order mark decides and big-endian is the
    /// default (RFC 2781).
    case utf16(bigEndian: Bool?)
    /// A single-byte charset given by the scalars of its bytes 0x80...0xFF.
    case singleByte(name: String, upperHalf: [UInt16])

    /// Finds the charset a MIME label names, ignoring case, quotes and an RFC 2231 language suffix.
    ///
    /// Returns nil for an unknown label.
    init?(label: String) {
        let name = Self.normalized(label)

        if let charset = Self.fixedNames[name] {
            self = charset
            return
        }
        if let number = Self.isoPartNumber(name), let charset = Self.iso8859(part: number) {
            self = charset
            return
        }
        if let number = Self.windowsCodePage(name), let charset = Self.windows(codePage: number) {
            self = charset
            return
        }
        return nil
    }

    private static func normalized(_ label: String) -> String {
        var name = label.trimmingASCIIWhitespace().lowercased()
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
            name = String(name.dropFirst().dropLast())
        }
        if let star = name.firstIndex(of: "*") {
            name = String(name[..<star])
        }
        return name.trimmingASCIIWhitespace()
    }

    private static let fixedNames: [String: Charset] = [
        "utf-8": .utf8, "utf8": .utf8, "unicode-1-1-utf-8": .utf8,
        "us-ascii": .usASCII, "ascii": .usASCII, "ansi_x3.4-1968": .usASCII, "iso646-us": .usASCII,
        "us": .usASCII, "iso-ir-6": .usASCII, "cp367": .usASCII, "ibm367": .usASCII, "csascii": .usASCII,
        "utf-16": .utf16(bigEndian: nil), "utf16": .utf16(bigEndian: nil),
        "utf-16be": .utf16(bigEndian: true), "utf16be": .utf16(bigEndian: true),
        "utf-16le": .utf16(bigEndian: false), "utf16le": .utf16(bigEndian: false),
        "latin1": .isoLatin1, "l1": .isoLatin1, "cp819": .isoLatin1, "ibm819": .isoLatin1,
        "latin2": iso8859Table(2), "l2": iso8859Table(2),
        "latin3": iso8859Table(3), "l3": iso8859Table(3),
        "latin4": iso8859Table(4), "l4": iso8859Table(4),
        "cyrillic": iso8859Table(5),
        "arabic": iso8859Table(6),
        "greek": iso8859Table(7),
        "hebrew": iso8859Table(8),
        "latin5": iso8859Table(9), "l5": iso8859Table(9),
        "latin6": iso8859Table(10), "l6": iso8859Table(10),
        "tis-620": iso8859Table(11),
        "latin7": iso8859Table(13), "l7": iso8859Table(13),
        "latin8": iso8859Table(14), "l8": iso8859Table(14),
        "latin9": iso8859Table(15), "l9": iso8859Table(15),
        "latin10": iso8859Table(16), "l10": iso8859Table(16),
        "koi8-r": .singleByte(name: "koi8-r", upperHalf: SingleByteTables.koi8R),
        "koi8r": .singleByte(name: "koi8-r", upperHalf: SingleByteTables.koi8R),
        "cskoi8r": .singleByte(name: "koi8-r", upperHalf: SingleByteTables.koi8R),
        "koi8-u": .singleByte(name: "koi8-u", upperHalf: SingleByteTables.koi8U),
        "koi8u": .singleByte(name: "koi8-u", upperHalf: SingleByteTables.koi8U),
    ]

    private static func iso8859Table(_ part: Int) -> Charset {
        iso8859(part: part) ?? .isoLatin1
    }

    /// Reads N from `iso-8859-N`, `iso8859-N`, `iso_8859-N`, `iso8859_N` or `iso8859N`, with an
    /// optional `:year` or `-i`/`-e` suffix.
    private static func isoPartNumber(_ name: String) -> Int? {
        let prefixes = ["iso-8859-", "iso_8859-", "iso8859-", "iso8859_", "iso_8859_", "iso8859"]
        guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { return nil }

        let digits = name.dropFirst(prefix.count).prefix(while: { $0.isASCII && $0.isNumber })
        let rest = name.dropFirst(prefix.count + digits.count)
        guard rest.isEmpty || rest.hasPrefix(":") || rest == "-i" || rest == "-e" else { return nil }
        return Int(digits)
    }

    /// Reads N from `windows-N`, `cpN`, `cp-N`, `x-cpN` or `win-N`.
    private static func windowsCodePage(_ name: String) -> Int? {
        let prefixes = ["windows-", "x-cp", "cp-", "cp", "win-"]
        guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { return nil }

        let digits = name.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    private static func iso8859(part: Int) -> Charset? {
        let tables: [Int: [UInt16]] = [
            2: SingleByteTables.iso8859_2, 3: SingleByteTables.iso8859_3, 4: SingleByteTables.iso8859_4,
            5: SingleByteTables.iso8859_5, 6: SingleByteTables.iso8859_6, 7: SingleByteTables.iso8859_7,
            8: SingleByteTables.iso8859_8, 9: SingleByteTables.iso8859_9, 10: SingleByteTables.iso8859_10,
            11: SingleByteTables.iso8859_11, 13: SingleByteTables.iso8859_13, 14: SingleByteTables.iso8859_14,
            15: SingleByteTables.iso8859_15, 16: SingleByteTables.iso8859_16,
        ]
        if part == 1 {
            return .isoLatin1
        }
        guard let table = tables[part] else { return nil }
        return .singleByte(name: "iso-8859-\(part)", upperHalf: table)
    }

    private static func windows(codePage: Int) -> Charset? {
        let tables: [Int: [UInt16]] = [
            1250: SingleByteTables.windows1250, 1251: SingleByteTables.windows1251,
            1252: SingleByteTables.windows1252, 1253: SingleByteTables.windows1253,
            1254: SingleByteTables.windows1254, 1255: SingleByteTables.windows1255,
            1256: SingleByteTables.windows1256, 1257: SingleByteTables.windows1257,
            1258: SingleByteTables.windows1258,
        ]
        guard let table = tables[codePage] else { return nil }
        return .singleByte(name: "windows-\(codePage)", upperHalf: table)
    }
}
