import Foundation

/// `hrbox message export REF`: writes a stored message's bytes, exactly as filed.
struct MessageExportCommand: Command {
    static let words = ["message", "export"]
    static let summary = "Write a filed message's raw bytes to stdout or a file."
    static let usage = """
        Usage: hrbox message export REF [--output FILE] [--store PATH]

        REF is the message's number as `hrbox person show` lists it ("ref 12"). The bytes are
        written exactly as they were filed, so a mail client can open the result.

        Options:
          --output FILE  Write to FILE (created with mode 0600) instead of stdout.
        \(Locations.usage)
        """

    let reference: Int64
    let output: String?
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        output = try arguments.option("--output")
        let text = try arguments.requiredPositional("the message's REF number")
        guard let reference = Int64(text.trimmingPrefix("#")), reference > 0 else {
            throw UsageError("REF must be a message number such as 12, found \"\(text)\"", command: Self.name)
        }
        self.reference = reference
    }

    func run() throws -> Int32 {
        let store = try locations.openExistingStore()
        guard let bytes = try store.rawMessage(ref: reference) else {
            printToStandardError("hrbox message export: no message has the ref \(reference).")
            return ExitStatus.failure
        }
        if let output {
            guard FileManager.default.createFile(
                atPath: output, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
            else {
                printToStandardError("hrbox message export: cannot write \(output); check the folder exists and is writable.")
                return ExitStatus.failure
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        return ExitStatus.success
    }
}
