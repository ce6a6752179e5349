import Foundation
import MailReading

// Measures how fast MailReading reads messages. bench/README.md describes how to run it.

let usage = """
    Usage: ReadingBenchmark [--runs N] [--scaling]

    Prints messages per second for reading a generated 20 KB message and a generated 2 MB
    message with an attachment, each the median of N runs (default 15) of 200 ms.
    --scaling instead reads messages built to provoke more than linear work at two sizes and
    prints how much longer the larger one takes; about 4 means linear.
    """

var runs = 15
var scaling = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--runs":
        guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
            FileHandle.standardError.write(Data("--runs expects a positive number of runs.\n\(usage)\n".utf8))
            exit(2)
        }
        runs = value
    case "--scaling":
        scaling = true
    case "--help", "-h":
        print(usage)
        exit(0)
    default:
        FileHandle.standardError.write(Data("Unknown argument \"\(argument)\".\n\(usage)\n".utf8))
        exit(2)
    }
}

if scaling {
    let smallCount = 5_000
    print("shape                               small (ms)   4x larger (ms)   ratio")
    for shape in HostileMessages.shapes {
        let small = Measurement.medianSeconds(shape.make(smallCount), runs: runs)
        let large = Measurement.medianSeconds(shape.make(smallCount * 4), runs: runs)
        let name = shape.name.padding(toLength: 36, withPad: " ", startingAt: 0)
        print(name + String(format: "%10.2f   %14.2f   %5.1f", small * 1000, large * 1000, large / small))
    }
} else {
    let samples: [(String, [UInt8])] = [
        ("20 KB text message", SampleMessages.textMessage(targetBytes: 20 * 1024)),
        ("2 MB message with attachment", SampleMessages.messageWithAttachment(targetBytes: 2 * 1024 * 1024)),
    ]
    print("Median of \(runs) runs of \(Measurement.runDuration) each.")
    for (name, message) in samples {
        let rate = Measurement.medianMessagesPerSecond(message, runs: runs)
        let megabytesPerSecond = rate * Double(message.count) / 1_000_000
        print("\(name) (\(message.count) bytes): " + String(format: "%.0f messages/s, %.1f MB/s", rate, megabytesPerSecond))
    }
}
