import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import MailReading

/// A message read from a ``MessageSource``, with what the store and the replies need of it.
struct LoadedMessage {
    let mail: MailMessage
    /// SHA-256 of the message's own bytes: its identity in the store.
    let sha256: String
    let direction: Direction

    /// The message as the store keeps it.
    var record: MessageRecord {
        MessageRecord(mail: mail, direction: direction, sha256: sha256)
    }
}

/// Reads the raw bytes a client sent, inline or from a file, and parses them as a message.
enum MessageLoader {
    static func load(_ source: MessageSource, context: ServerContext) throws(ResponseError) -> LoadedMessage {
        let bytes: [UInt8]
        switch source {
        case .base64(let text):
            bytes = try decodeBase64(text)
        case .path(let path):
            bytes = try readFile(path, maxBytes: context.maxMessageBytes)
        }

        guard !bytes.isEmpty else {
            throw DomainError.messageUnreadable(
                "it is empty", advice: "Send the whole raw message, its header fields and its body.")
        }
        let mail = MailMessage(bytes: bytes)
        guard !mail.headerFields.isEmpty else {
            throw DomainError.messageUnreadable(
                "no header fields were found",
                advice: "Send the raw message with its header fields. In mutt, unset pipe_decode.")
        }

        let direction: Direction =
            switch mail.direction(ownAddressKeys: context.ownAddressKeys) {
            case .sent: .sent
            case .received: .received
            }
        return LoadedMessage(mail: mail, sha256: SHA256.hex(mail.ownBytes), direction: direction)
    }

    private static func decodeBase64(_ text: String) throws(ResponseError) -> [UInt8] {
        guard let bytes = MessageBase64.decode(text) else {
            throw DomainError.messageUnreadable(
                "the \"base64\" member is not valid base64",
                advice: "Encode the raw message's bytes in base64 (RFC 4648), or send {\"path\": ...} instead.")
        }
        return bytes
    }

    /// Reads a message file, following symbolic links. At most `maxBytes` are read, whatever size the
    /// file had when it was checked, so a file that grows meanwhile cannot exhaust memory.
    private static func readFile(_ path: String, maxBytes: Int) throws(ResponseError) -> [UInt8] {
        let size = try regularFileSize(path)
        guard size <= maxBytes else {
            throw DomainError.messageUnreadable(
                "the file has \(size) bytes, more than the limit of \(maxBytes)",
                advice: "Start hrbox serve with a larger --max-message-bytes.", path: path)
        }

        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DomainError.messageUnreadable(
                "the file cannot be opened",
                advice: "Check that the server's user may read it.", path: path)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // Reading one byte past the limit detects a file that grew after the size check.
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw DomainError.messageUnreadable(
                "reading the file failed (\(error.localizedDescription))",
                advice: "Check the file and send the request again.", path: path)
        }
        guard data.count <= maxBytes else {
            throw DomainError.messageUnreadable(
                "the file grew past the limit of \(maxBytes) bytes while it was read",
                advice: "Send the request again when the file is complete.", path: path)
        }
        return [UInt8](data)
    }

    /// Checks that `path` names a regular file, following symbolic links as opening it does, and returns its size in bytes.
    ///
    /// A pipe, device or socket is rejected because reading it may block the server or never end.
    private static func regularFileSize(_ path: String) throws(ResponseError) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw DomainError.messageUnreadable(
                    "no file exists at the given path",
                    advice: "Check the path. A relative path starts from the folder the server runs in.", path: path)
            }
            throw DomainError.messageUnreadable(
                "the file's size cannot be read (\(String(cString: strerror(code))))",
                advice: "Check that the server's user may read the file and its folder.", path: path)
        }

        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return Int(status.st_size)
        case S_IFDIR:
            throw DomainError.messageUnreadable(
                "the path names a folder, not a message file",
                advice: "Give the path of the message file itself.", path: path)
        default:
            throw DomainError.messageUnreadable(
                "the path names a pipe, device or socket, not a message file",
                advice: "Save the message to a file and give the path of that file.", path: path)
        }
    }
}
