import HRBoxProtocol

extension BoxRenderer {
    static func mainBody(for model: BoxModel, width: Int) -> Body {
        guard let lookup = model.lookup else { return Body() }
        var body = Body()

        body.header = [
            ScreenLine(" " + messageFacts(lookup.summary)),
        ]
        body.header += filedLines(lookup.filings, width: width)
        body.header += [
            ScreenLine(""),
            ScreenLine(" Participants", style: .heading),
        ]
        // The contact column is as wide as the widest contact, up to a little over half the line,
        // so that short addresses leave the person column more room.
        let contactWidth = min(
            lookup.participants.map { contactText($0).displayWidth }.max() ?? 0,
            (width - 11) * 11 / 20
        )
        body.list = lookup.participants.map { participantLine($0, contactWidth: max(contactWidth, 12)) }
        if lookup.participants.isEmpty {
            body.list = [ScreenLine("   The message names no sender or recipient.")]
        }

        body.footer = [ScreenLine("")] + personLines(model)
        return body
    }

    /// Date, direction, size and attachments, such as `2026-11-30 09:12 +01:00 · received · 4.2 KiB · 1 attachment`.
    static func messageFacts(_ summary: MessageSummary) -> String {
        var facts = [summary.date.map(readableTimestamp) ?? "no date"]
        facts.append(summary.direction == .received ? "received" : "sent")
        facts.append(readableSize(summary.size))
        switch summary.attachments.count {
        case 0: break
        case 1: facts.append("1 attachment")
        case let count: facts.append("\(count) attachments")
        }
        return facts.joined(separator: " · ")
    }

    /// Describes where the message is filed already in at most two lines, naming only the people when every filing does not fit.
    static func filedLines(_ filings: [Filing], width: Int) -> [ScreenLine] {
        var lines = " \(filedLine(filings))".wrapped(toWidth: width, indent: 1)
        if lines.count > 2 {
            lines = " \(filedSummaryLine(filings))".wrapped(toWidth: width, indent: 1, maximumLines: 2)
        }
        return lines.map { ScreenLine($0) }
    }

    /// Describes where the message is filed already, or that it is not filed yet.
    static func filedLine(_ filings: [Filing]) -> String {
        guard !filings.isEmpty else { return "Not filed yet." }
        let places = filings.map { filing in
            let under = filing.caseTitle.map { " under \"\($0)\"" } ?? ""
            return "for \(filing.personName)\(under) on \(filing.filedAt.prefix(10))"
        }
        return "Filed already " + places.joined(separator: "; ") + "."
    }

    /// Counts the filings and names their people, such as `Filed already 3 times for Anna Schmidt and Ben Okafor, first on 2026-11-02.`
    static func filedSummaryLine(_ filings: [Filing]) -> String {
        var names: [String] = []
        for filing in filings where !names.contains(filing.personName) {
            names.append(filing.personName)
        }
        let people = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        let times = String(count: filings.count, singular: "time", plural: "times")
        let first = filings.map { $0.filedAt.prefix(10) }.min().map { ", first on \($0)" } ?? ""
        return "Filed already \(times) for \(people)\(first)."
    }

    /// `From  Name <address>   person`, with the person's name, number and status, "unknown" or "your address".
    private static func participantLine(_ participant: Participant, contactWidth: Int) -> ScreenLine {
        let role: String
        switch participant.role {
        case .from: role = "From"
        case .to: role = "To"
        case .cc: role = "Cc"
        case .bcc: role = "Bcc"
        }

        var owner = participant.person?.details ?? "unknown"
        if participant.isOwnAddress {
            owner = participant.person.map { "\($0.details) · your address" } ?? "your address"
        }

        return ScreenLine("   " + role.padded(toWidth: 6) + contactText(participant).padded(toWidth: contactWidth) + "  " + owner)
    }

    /// `Name <address>`, or the address alone when it has no display name.
    private static func contactText(_ participant: Participant) -> String {
        guard let name = participant.name, !name.isEmpty else { return participant.address }
        return "\(name) <\(participant.address)>"
    }

    /// Builds the lines of the person and "file under", the second person, or the prompt to find or add a person.
    private static func personLines(_ model: BoxModel) -> [ScreenLine] {
        var lines: [ScreenLine] = []

        if let choice = model.person {
            lines.append(ScreenLine(" Person       " + choice.person.details))
            lines.append(ScreenLine(" File under   " + fileUnderLabel(choice.fileUnder)))
        } else {
            lines.append(ScreenLine(" Person       No person found for this message.", style: .heading))
            lines.append(ScreenLine(" Press c to search for a person or n to add a new person.", style: .highlighted))
        }

        if let second = model.secondPerson {
            lines.append(ScreenLine(" Second       " + second.person.details))
            lines.append(ScreenLine(" File under   " + fileUnderLabel(second.fileUnder)))
        } else {
            lines.append(ScreenLine(" Second       none"))
        }
        return lines
    }

    /// `personnel file`, or the case's title and type.
    static func fileUnderLabel(_ fileUnder: Case?) -> String {
        guard let fileUnder else { return "personnel file" }
        return "\"\(fileUnder.title)\" (\(fileUnder.caseType), since \(fileUnder.startDate))"
    }

    /// Formats an RFC 3339 timestamp as `2026-11-30 09:12 +01:00`, or returns the text itself when it has another form.
    static func readableTimestamp(_ timestamp: String) -> String {
        let characters = Array(timestamp)
        guard characters.count >= 19, characters[10] == "T" || characters[10] == " " else { return timestamp }

        let day = String(characters[0..<10])
        let time = String(characters[11..<16])
        var offset = characters[19...].drop { $0 == "." || $0.isNumber }
        if offset == ["Z"] {
            offset = ["U", "T", "C"]
        }
        return offset.isEmpty ? "\(day) \(time)" : "\(day) \(time) \(String(offset))"
    }

    /// Formats a byte count as `812 bytes`, `4.2 KiB` or `1.3 MiB`.
    static func readableSize(_ bytes: Int) -> String {
        if bytes < 1024 {
            return bytes == 1 ? "1 byte" : "\(bytes) bytes"
        }
        let kibibytes = Double(bytes) / 1024
        if kibibytes < 1024 {
            return oneDecimal(kibibytes) + " KiB"
        }
        return oneDecimal(kibibytes / 1024) + " MiB"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
