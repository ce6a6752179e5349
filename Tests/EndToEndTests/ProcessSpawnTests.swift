import Foundation
import HRBoxClient
import Testing

@Suite("ProcessSpawn")
struct ProcessSpawnTests {
    @Test("child starts with no blocked signals")
    func childSignalMask() throws {
        // Block SIGTERM on this thread only, as a test runner's threads may, and restore it afterwards.
        // grep reads its own mask; a shell would clear the mask when it starts.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        var previous = sigset_t()
        try #require(pthread_sigmask(SIG_BLOCK, &blocked, &previous) == 0)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }

        let output = try runProgram("/bin/grep", ["^SigBlk:", "/proc/self/status"])
        #expect(output.status == 0)
        let mask = output.text.split(separator: "\t").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(mask.flatMap { UInt64($0, radix: 16) } == 0, "the child's blocked signals: \(output.text)")
    }
}
