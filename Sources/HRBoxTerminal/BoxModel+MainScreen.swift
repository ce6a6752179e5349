import HRBoxProtocol

extension BoxModel {
    /// The keys of the main screen, each starting one action.
    func mainScreenKeys() -> [KeyHint] {
        var keys = [KeyHint("s", "store"), KeyHint("f", "file under")]
        if secondPerson != nil {
            keys.append(KeyHint("F", "second's file under"))
        }
        keys += [
            KeyHint("c", "change person"),
            KeyHint("2", secondPerson == nil ? "second person" : "clear second"),
            KeyHint("n", "new person"),
            KeyHint("a", "add case"),
        ]
        if secondPerson != nil {
            keys.append(KeyHint("A", "second's case"))
        }
        keys += [
            KeyHint("t", "add to-do"),
            KeyHint("?", "help"),
            KeyHint("q", "quit"),
        ]
        return keys
    }

    mutating func handleMainKey(_ key: Key) -> [BoxEffect] {
        status = nil
        switch key {
        case .character("q"), .escape:
            return [.quit]
        case .character("?"):
            screen = .help
            return [.redraw]
        case .character("s"):
            return storeMessage()
        case .character("f"):
            return openFileUnder(for: .person)
        case .character("F"):
            return openFileUnder(for: .secondPerson)
        case .character("c"):
            return openPersonPicker(for: .person)
        case .character("2"):
            if let second = secondPerson {
                secondPerson = nil
                status = .info("\(second.person.fullName) is no longer the second person.")
                return [.redraw]
            }
            return openPersonPicker(for: .secondPerson)
        case .character("n"):
            return openNewPersonForm()
        case .character("a"):
            return openCaseTypePicker(for: .person)
        case .character("A"):
            return openCaseTypePicker(for: .secondPerson)
        case .character("t"):
            return openTodoForm()
        default:
            return fail("That key does nothing here. Press ? for help.")
        }
    }
}
