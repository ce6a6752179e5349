extension BoxRenderer {
    /// Lists the keys the current screen handles, for the help line.
    static func hints(for model: BoxModel) -> [KeyHint] {
        switch model.phase {
        case .lookingUp:
            return [KeyHint("Ctrl-C", "quit")]
        case .failed:
            return [KeyHint("q", "quit")]
        case .ready:
            break
        }

        switch model.screen {
        case .main:
            return model.mainScreenKeys()
        case .help, .caseStarted:
            return [KeyHint("any key", "back")]
        case .fileUnder:
            return [KeyHint("0-9", "choose"), KeyHint("↑↓ Enter", "choose"), KeyHint("a", "add case"), KeyHint("Esc", "back")]
        case .personPicker(let picker):
            var hints = [KeyHint("Enter", picker.searchedQuery == picker.query.trimmed ? "pick" : "search")]
            if picker.digitsPick || picker.query.text.isEmpty {
                hints.append(KeyHint("1-9", "pick"))
            }
            return hints + [KeyHint("↑↓", "move"), KeyHint("Ctrl-U", "clear"), KeyHint("Esc", "back")]
        case .newPerson(let form) where form.conflictOwner != nil:
            return [KeyHint("Enter", "pick that person"), KeyHint("Esc", "edit the form")]
        case .newPerson:
            return [KeyHint("Tab ↑↓", "field"), KeyHint("←→", "status"), KeyHint("Enter", "add person"), KeyHint("Esc", "cancel")]
        case .caseTypePicker:
            return [KeyHint("1-9", "pick"), KeyHint("↑↓ Enter", "pick"), KeyHint("Esc", "back")]
        case .caseForm:
            return [KeyHint("Tab ↑↓", "field"), KeyHint("Ctrl-U", "clear"), KeyHint("Enter", "start case"), KeyHint("Esc", "back")]
        case .todoForm(let form):
            var hints = [KeyHint("Tab ↑↓", "field")]
            switch form.focus {
            case .assignee:
                hints += [KeyHint("←→ 1-9", "assignee")]
            case .sharedWith:
                hints += [KeyHint("1-9", "toggle"), KeyHint("←→ Space", "move, toggle")]
            case .title, .due:
                hints += [KeyHint("Ctrl-U", "clear")]
            }
            return hints + [KeyHint("Enter", "add to-do"), KeyHint("Esc", "cancel")]
        }
    }

    static func helpBody(width: Int) -> Body {
        let keys: [(String, String)] = [
            ("s", "Store the message for the person, and for the second person if chosen."),
            ("f", "File under: 0 personnel file, 1-9 or ↑↓ Enter a case, a adds a case."),
            ("F", "File under for the second person."),
            ("c", "Change person: a digit picks a participant; type to search, then Enter."),
            ("2", "Store for a second person as well; 2 again clears it."),
            ("n", "Add a new person, prefilled from the unknown sender or recipient."),
            ("a", "Add a case: case type, title, start date YYYY-MM-DD or -N days ago."),
            ("A", "Add a case for the second person."),
            ("t", "Add a to-do: title, due YYYY-MM-DD or +N days, assignee, shared with."),
            ("?", "Show this help."),
            ("q Esc", "Quit and print what was done."),
        ]
        let notes = [
            "Lists: digits pick, ↑↓ move, Enter picks. Forms: Tab or ↑↓ moves between fields, ←→ changes a choice, Space toggles, Enter sends. Esc goes back.",
            "Backspace deletes a character and Ctrl-U clears a field. Digits pick while the search field is empty, so type a space first to search for a number.",
            "Ctrl-L redraws the screen and Ctrl-C quits from anywhere.",
        ]

        var body = Body(header: [ScreenLine(" Keys of the HR box", style: .heading)])
        for (key, text) in keys {
            let lines = text.wrapped(toWidth: width - 8)
            body.list.append(ScreenLine(" " + key.padded(toWidth: 7) + lines[0]))
            body.list += lines.dropFirst().map { ScreenLine(String(repeating: " ", count: 8) + $0) }
        }
        body.list.append(ScreenLine(""))
        for note in notes {
            body.list += " \(note)".wrapped(toWidth: width, indent: 1).map { ScreenLine($0) }
        }
        return body
    }
}
