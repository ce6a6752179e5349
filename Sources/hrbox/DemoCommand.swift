import Foundation
import HRBoxClient
import HRBoxImport
import HRBoxProtocol
import HRBoxServer
import HRBoxStore

/// `hrbox demo`: a new store in a temporary folder, the sample data of `examples/`, every sample message
/// filed through a real `hrbox serve`, and the resulting personnel files.
struct DemoCommand: Command {
    static let words = ["demo"]
    static let summary = "File the sample messages of examples/ into a new store and print the personnel files."
    static let usage = """
        Usage: hrbox demo [--examples DIR]

        Creates a store in a new temporary folder, imports DIR/people.csv, DIR/colleagues.csv and
        DIR/case-types.csv, starts `hrbox serve` with DIR/config as the user's configuration, and
        looks up and files every DIR/*.eml message the way the HR box does. DIR/demo-plan.csv says
        which messages start a case or plan a to-do. Prints each step and the personnel files, and
        leaves the store in place so you can try `hrbox person show` and `hrbox box` on it.

        Options:
          --examples DIR  The folder of sample data (default: ./examples).
        """

    let examplesFolder: String

    init(parsing arguments: inout Arguments) throws(UsageError) {
        examplesFolder = try arguments.option("--examples") ?? "examples"
    }

    func run() throws -> Int32 {
        let examples = URL(fileURLWithPath: examplesFolder, isDirectory: true)
        guard FileManager.default.fileExists(atPath: examples.appendingPathComponent("people.csv").path) else {
            printToStandardError(
                "hrbox demo: no people.csv in \(examplesFolder). Run the demo from the hrbox checkout, "
                    + "or pass --examples PATH/TO/hrbox/examples.")
            return ExitStatus.usage
        }

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hrbox-demo-\(UUID().uuidString.prefix(8).lowercased())", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let storePath = folder.appendingPathComponent("hrbox.sqlite").path
        let configPath = examples.appendingPathComponent("config").path
        print("hrbox demo: a new store at \(storePath)")

        try importSampleData(from: examples, storePath: storePath, configPath: configPath)
        let plan = try DemoPlan.load(from: examples.appendingPathComponent("demo-plan.csv"))
        let messages = try FileManager.default.contentsOfDirectory(atPath: examples.path)
            .filter { $0.hasSuffix(".eml") }
            .sorted()

        let client = try HRBoxClient(
            executable: HRBoxClient.currentExecutablePath(),
            arguments: ["serve", "--store", storePath, "--config", configPath],
            clientName: "hrbox demo")
        var demo = DemoRun(client: client, plan: plan)
        for name in messages {
            try demo.file(message: examples.appendingPathComponent(name), named: name)
        }
        try demo.fileFirstAgain()
        try demo.printPersonnelFiles()
        _ = try client.close()

        // The paths are absolute, since hrbox need not be on PATH yet and the user may change folders.
        let hrbox = HRBoxClient.currentExecutablePath()
        let sample = examples.appendingPathComponent(messages.first ?? "01-sick-note.eml").path
        print("")
        print("The store stays at \(storePath). Try:")
        print("  \(hrbox) person show --store \(storePath) \"\(demo.firstFiledLastName ?? "Brandt")\"")
        print("  \(hrbox) box --store \(storePath) --config \(configPath) < \(sample)")
        print("  \(hrbox) search --store \(storePath) \"\(demo.firstFiledLastName ?? "Brandt")\"")
        print("  \(hrbox) audit --store \(storePath)")
        return ExitStatus.success
    }

    /// Imports the sample data, recording the people in the audit trail as added by the colleague of
    /// the demo's configuration through `hrbox demo`, like the filings that follow.
    private func importSampleData(from examples: URL, storePath: String, configPath: String) throws {
        let store = try Store(path: storePath)
        let actor = AuditActor(
            colleague: try UserConfiguration.load(path: configPath, mustExist: true).colleague, client: "hrbox demo")
        let colleagues = try CSVImport.importColleagues(
            from: examples.appendingPathComponent("colleagues.csv").path, into: store)
        let caseTypes = try CSVImport.importCaseTypes(
            from: examples.appendingPathComponent("case-types.csv").path, into: store)
        let people = try CSVImport.importPeople(
            from: examples.appendingPathComponent("people.csv").path, into: store, auditedAs: actor)
        print(
            "Imported \(people.added) people, \(colleagues.added) colleagues and \(caseTypes.added) case types "
                + "from \(examplesFolder)/.")
    }
}
