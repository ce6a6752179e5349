import MailReading

/// Times repeated readings of one message.
enum Measurement {
    /// How long one run keeps reading, so that short readings are timed over many repetitions.
    static let runDuration = Duration.milliseconds(200)

    /// Reads `message` in `runs` runs and returns the median messages per second of the runs.
    ///
    /// Each run reads the message until `runDuration` has passed, at least once.
    static func medianMessagesPerSecond(_ message: [UInt8], runs: Int) -> Double {
        var rates: [Double] = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            var readings = 0
            var checksum = 0
            repeat {
                checksum &+= summary(of: MailMessage(bytes: message))
                readings += 1
            } while clock.now - start < runDuration
            rates.append(Double(readings) / seconds(clock.now - start))
            keep(checksum)
        }
        return median(rates)
    }

    /// Returns the seconds one reading of `message` takes, the median of `runs` readings.
    static func medianSeconds(_ message: [UInt8], runs: Int) -> Double {
        let clock = ContinuousClock()
        var durations: [Double] = []
        for _ in 0..<runs {
            var checksum = 0
            let duration = clock.measure {
                checksum = summary(of: MailMessage(bytes: message))
            }
            durations.append(seconds(duration))
            keep(checksum)
        }
        return median(durations)
    }

    /// Returns a number that depends on the whole reading, so the optimizer cannot drop the work.
    private static func summary(of message: MailMessage) -> Int {
        message.to.count + message.attachments.count + message.previewText.utf8.count + message.defects.count
            + (message.subject?.utf8.count ?? 0)
    }

    /// Stores a checksum where the optimizer must assume it is read.
    private static func keep(_ checksum: Int) {
        withExtendedLifetime(checksum) {}
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (wholeSeconds, attoseconds) = duration.components
        return Double(wholeSeconds) + Double(attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
