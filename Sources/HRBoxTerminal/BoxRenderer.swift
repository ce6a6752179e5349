/// Turns a ``BoxModel`` into a ``Frame`` for a terminal of a given size; pure, so tests can read every screen.
///
/// A frame is a title bar, the body of the current screen, the status line and the key help. When rows
/// run short the body gives way first: its list scrolls to keep the highlighted entry in view.
public enum BoxRenderer {
    /// The smallest size the box lays out for; a smaller terminal gets this layout cut to fit.
    static let minimumWidth = 20
    static let minimumHeight = 6

    public static func frame(for model: BoxModel, width: Int, height: Int) -> Frame {
        let layoutWidth = max(width, minimumWidth)
        let body = body(for: model, width: layoutWidth)
        let bottom = statusLines(for: model, width: layoutWidth) + keyLines(hints(for: model), width: layoutWidth)
        let title = ScreenLine(" hrbox · " + (model.lookup?.summary.subject ?? "(no subject)"), style: .title)

        let bodyRows = max(height, minimumHeight) - 1 - bottom.count
        let fitted = fit(body, rows: bodyRows)
        var lines = [title] + fitted.lines
        lines += Array(repeating: ScreenLine(""), count: max(0, bodyRows - fitted.lines.count))
        lines += bottom

        let visible = lines.prefix(max(height, 0)).map { finish($0, width: width) }
        let cursor = fitted.cursor.map { ScreenPosition(row: $0.row + 1, column: min($0.column, max(width - 1, 0))) }
        return Frame(lines: Array(visible), cursor: cursor.flatMap { $0.row < visible.count ? $0 : nil })
    }

    /// The part of the screen between the title and the status line.
    struct Body {
        /// Lines shown first and kept whole as long as rows allow.
        var header: [ScreenLine] = []
        /// Lines that scroll when rows run short.
        var list: [ScreenLine] = []
        /// The index in `list` that must stay in view.
        var focus: Int?
        /// Lines shown after the list.
        var footer: [ScreenLine] = []
        /// The cursor, by row in `header` and column.
        var cursor: ScreenPosition?
    }

    private static func body(for model: BoxModel, width: Int) -> Body {
        switch model.phase {
        case .lookingUp:
            return Body(header: [ScreenLine(" Reading the message...")])
        case .failed(let reason):
            return failureBody(reason, width: width)
        case .ready:
            break
        }

        switch model.screen {
        case .main:
            return mainBody(for: model, width: width)
        case .help:
            return helpBody(width: width)
        case .fileUnder(let chooser):
            return fileUnderBody(for: model, chooser: chooser)
        case .personPicker(let picker):
            return personPickerBody(picker)
        case .newPerson(let form):
            return newPersonBody(form)
        case .caseTypePicker(let picker):
            return caseTypePickerBody(for: model, picker: picker)
        case .caseForm(let form):
            return caseFormBody(for: model, form: form)
        case .caseStarted(let started):
            return caseStartedBody(for: model, started: started)
        case .todoForm(let form):
            return todoFormBody(for: model, form: form)
        }
    }

    private static func failureBody(_ reason: String, width: Int) -> Body {
        var header = [ScreenLine(" The box cannot work on this message.", style: .heading)]
        header += " \(reason)".wrapped(toWidth: width, indent: 1).map { ScreenLine($0) }
        return Body(header: header)
    }

    /// Returns the lines of `body` that fit in `rows`: the header first, then the footer, then a window of the list.
    private static func fit(_ body: Body, rows: Int) -> (lines: [ScreenLine], cursor: ScreenPosition?) {
        guard rows > 0 else { return ([], nil) }

        // On a short screen blank spacer lines give way first, so that a few list entries stay in view.
        var body = body
        if body.header.count + body.footer.count + min(body.list.count, 3) > rows {
            body.footer.removeAll { $0.text.isEmpty }
            if body.cursor == nil {
                body.header.removeAll { $0.text.isEmpty }
            }
        }
        let header = Array(body.header.prefix(rows))
        let footer = Array(body.footer.prefix(rows - header.count))
        let listRows = rows - header.count - footer.count
        let cursor = body.cursor.flatMap { $0.row < header.count ? $0 : nil }
        return (header + window(of: body.list, focus: body.focus, rows: listRows) + footer, cursor)
    }

    /// At most `rows` lines of `list`, around `focus` when there is one, marking what is left out.
    private static func window(of list: [ScreenLine], focus: Int?, rows: Int) -> [ScreenLine] {
        guard rows > 0 else { return [] }
        guard list.count > rows else { return list }

        guard let focus else {
            let hidden = list.count - (rows - 1)
            return Array(list.prefix(rows - 1)) + [ScreenLine("   … \(hidden) more")]
        }
        let first = min(max(focus - rows / 2, 0), list.count - rows)
        return Array(list[first..<(first + rows)])
    }

    /// Builds the status line: "Working..." during a call, else the last outcome or error.
    ///
    /// The status wraps to at most three rows, and one that needs more ends in "…" on the third.
    private static func statusLines(for model: BoxModel, width: Int) -> [ScreenLine] {
        if model.pendingCall != nil {
            return [ScreenLine(" Working...")]
        }
        guard let status = model.status else { return [ScreenLine("")] }
        let style: LineStyle = status.isError ? .error : .plain
        return " \(status.text)".wrapped(toWidth: width, indent: 1, maximumLines: 3).map { ScreenLine($0, style: style) }
    }

    /// Packs the key hints into as few rows as the width allows.
    static func keyLines(_ hints: [KeyHint], width: Int) -> [ScreenLine] {
        var rows: [String] = []
        var row = ""
        for hint in hints {
            let candidate = row.isEmpty ? " " + hint.text : row + "  " + hint.text
            if candidate.displayWidth > width, !row.isEmpty {
                rows.append(row)
                row = " " + hint.text
            } else {
                row = candidate
            }
        }
        if !row.isEmpty {
            rows.append(row)
        }
        return rows.map { ScreenLine($0, style: .keys) }
    }

    /// Replaces control characters and cuts the line to the width; lines drawn in reverse video are filled to the whole width.
    private static func finish(_ line: ScreenLine, width: Int) -> ScreenLine {
        let text = line.text.withoutControlCharacters
        switch line.style {
        case .title, .highlighted, .keys:
            return ScreenLine(text.padded(toWidth: width), style: line.style)
        case .plain, .heading, .error:
            return ScreenLine(text.truncated(toWidth: width), style: line.style)
        }
    }
}
