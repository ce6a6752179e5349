import Foundation
import JSONRPC

/// The repository's files that the spec test reads.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let spec = root.appendingPathComponent("protocol/README.md")
    static let schemas = root.appendingPathComponent("protocol/schemas")
}

/// A failure to read the spec or to run its session, with what the spec author has to fix.
struct SpecError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A fenced code block of the spec with the HTML comment that may stand on the line before it.
struct CodeBlock {
    /// The line of the opening fence, counting from 1.
    var line: Int
    /// The word after the opening fence, such as `json` or `sh`; empty for a plain fence.
    var language: String
    var text: String
    /// The text of an `<!-- example: ... -->` comment right before the block.
    var annotation: String?
}

/// The spec's code blocks, in the order they appear.
struct SpecDocument {
    var blocks: [CodeBlock]

    init(text: String) throws {
        let lines = text.components(separatedBy: "\n")
        blocks = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```") else {
                index += 1
                continue
            }
            let opening = index
            index += 1
            while index < lines.count, !lines[index].hasPrefix("```") {
                index += 1
            }
            guard index < lines.count else {
                throw SpecError("The code block at line \(opening + 1) has no closing fence.")
            }
            blocks.append(
                CodeBlock(
                    line: opening + 1,
                    language: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces),
                    text: lines[(opening + 1)..<index].joined(separator: "\n"),
                    annotation: Self.annotation(before: opening, in: lines)))
            index += 1
        }
    }

    static func load() throws -> SpecDocument {
        try SpecDocument(text: String(contentsOf: Repository.spec, encoding: .utf8))
    }

    /// Returns the annotation on the last non-empty line before `fence`, if that line is one.
    private static func annotation(before fence: Int, in lines: [String]) -> String? {
        guard let previous = lines[..<fence].last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return nil
        }
        let trimmed = previous.trimmingCharacters(in: .whitespaces)
        let prefix = "<!-- example:"
        guard trimmed.hasPrefix(prefix), trimmed.hasSuffix("-->") else {
            return nil
        }
        return String(trimmed.dropFirst(prefix.count).dropLast(3)).trimmingCharacters(in: .whitespaces)
    }

    /// Parses every ```json block.
    func jsonBlocks() throws -> [(block: CodeBlock, value: JSONValue)] {
        try blocks.filter { $0.language == "json" }.map { block in
            do {
                return (block, try JSONValue(parsing: Array(block.text.utf8)))
            } catch {
                throw SpecError("The json block at line \(block.line) is not valid JSON: \(error)")
            }
        }
    }

    /// Returns the commands that set up the examples' store and start the server, split into words.
    /// They are the first ```sh block whose every line runs `hrbox`.
    func setupCommands() throws -> [[String]] {
        let commands = blocks.first { block in
            block.language == "sh" && block.text.split(separator: "\n").allSatisfy { $0.hasPrefix("hrbox ") }
        }
        guard let commands else {
            throw SpecError("The spec has no ```sh block of hrbox commands that set up the examples.")
        }
        return commands.text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }
}
