import Foundation

/// A mail folder that `hrbox file` back-files: a Maildir or an mbox file.
enum FileMailbox: Equatable {
    /// A Maildir folder: the messages are the files in its `new` and `cur` folders.
    case maildir(String)
    /// An mbox file: messages follow each other, each starting with a "From " separator line.
    case mbox(String)

    /// The folder or file as the user gave it.
    var path: String {
        switch self {
        case .maildir(let path), .mbox(let path): path
        }
    }

    /// Lists the messages in the order they are filed. A Maildir's come from `new` then `cur`, each
    /// sorted by file name, which starts with the delivery time. An mbox file's come in file order.
    /// - Parameter maxMessageBytes: A message larger than this is not read; its loading fails.
    /// - Throws: ``FileMailboxError`` when the folder or file cannot be read at all.
    func messages(maxMessageBytes: Int) throws(FileMailboxError) -> [FileMailboxMessage] {
        switch self {
        case .maildir(let path):
            try Self.maildirMessages(in: path, maxMessageBytes: maxMessageBytes)
        case .mbox(let path):
            try Self.mboxMessages(in: path, maxMessageBytes: maxMessageBytes)
        }
    }

    private static func maildirMessages(in folder: String, maxMessageBytes: Int) throws(FileMailboxError)
        -> [FileMailboxMessage]
    {
        guard isFolder(folder) else {
            let reason = FileManager.default.fileExists(atPath: folder)
                ? "the path names a file, not a folder; for an mbox file use --mbox"
                : "no folder exists at this path"
            throw FileMailboxError(path: folder, reason: reason)
        }
        let subfolders = ["new", "cur"].map { (folder as NSString).appendingPathComponent($0) }
        guard subfolders.contains(where: isFolder) else {
            throw FileMailboxError(
                path: folder, reason: "the folder has neither a new nor a cur folder, so it is not a Maildir. "
                    + "Give the Maildir itself, the folder that contains cur, new and tmp")
        }

        var messages: [FileMailboxMessage] = []
        for subfolder in subfolders where isFolder(subfolder) {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: subfolder)
            } catch {
                throw FileMailboxError(path: subfolder, reason: "the folder cannot be listed (\(error.localizedDescription))")
            }
            // Names starting with a dot are not messages in a Maildir, by the convention of its writers.
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = (subfolder as NSString).appendingPathComponent(name)
                messages.append(FileMailboxMessage(name: file) { () throws(FileMailboxError) in
                    try readMessageFile(file, maxBytes: maxMessageBytes)
                })
            }
        }
        return messages
    }

    private static func mboxMessages(in file: String, maxMessageBytes: Int) throws(FileMailboxError)
        -> [FileMailboxMessage]
    {
        guard !isFolder(file) else {
            throw FileMailboxError(path: file, reason: "the path names a folder; for a Maildir use --maildir")
        }
        let contents: Data
        do {
            // Mapped, so that only the message being filed needs to be in memory.
            contents = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        } catch {
            throw FileMailboxError(path: file, reason: "the file cannot be read (\(error.localizedDescription))")
        }
        let ranges = contents.withUnsafeBytes { Self.mboxMessageRanges(in: $0) }
        guard !ranges.isEmpty || contents.isEmpty else {
            throw FileMailboxError(
                path: file, reason: "the file does not start with a \"From \" line, so it is not an mbox file")
        }

        return ranges.enumerated().map { position, range in
            FileMailboxMessage(name: "\(file), message \(position + 1)") { () throws(FileMailboxError) in
                guard range.count <= maxMessageBytes else {
                    throw FileMailboxError(
                        path: file, reason: "message \(position + 1) has \(range.count) bytes, more than the limit of "
                            + "\(maxMessageBytes)")
                }
                return [UInt8](contents[range])
            }
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// One message of a ``FileMailbox``, read only when it is filed.
struct FileMailboxMessage {
    /// The message's file, or the mbox file and the message's position in it.
    let name: String
    /// Reads the message's bytes.
    let load: () throws(FileMailboxError) -> [UInt8]
}

/// A mailbox, or one message of it, that cannot be read, with the reason and what to do.
struct FileMailboxError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String {
        "\(path): \(reason)"
    }
}
