import Foundation
import Testing

@testable import JSONRPC

@Suite struct LoggerTests {
    private func logged(level: Logger.Level, includePersonalData: Bool, _ write: (Logger) -> Void) throws -> [String] {
        let pipe = try TestPipe()
        defer { pipe.closeAll() }
        let logger = Logger(level: level, includePersonalData: includePersonalData, fileDescriptor: pipe.writeEnd)
        write(logger)
        logger.error("End of test.")
        let text = try DeadlineReader(fileDescriptor: pipe.readEnd).readText(containing: "End of test.")
        return text.split(separator: "\n").map(String.init)
    }

    @Test func lineHasTimestampAndLevel() throws {
        let lines = try logged(level: .info, includePersonalData: false) { $0.info("Started.") }
        #expect(lines.count == 2)
        let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info: Started\.$/#
        #expect(lines.first?.wholeMatch(of: pattern) != nil, "\(lines)")
    }

    @Test func levelFiltersDetail() throws {
        let lines = try logged(level: .warning, includePersonalData: false) { logger in
            logger.debug("Debug line.")
            logger.info("Info line.")
            logger.warning("Warning line.")
        }
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("warning: Warning line.") == true)
    }

    @Test func personalDataOffByDefault() throws {
        #expect(Logger().includePersonalData == false)
        let lines = try logged(level: .debug, includePersonalData: false) { logger in
            logger.logPersonalData(.info, "Looked up anna@example.org.")
        }
        #expect(lines.count == 1)
        #expect(!lines.joined().contains("anna@example.org"))
    }

    @Test func personalDataWrittenWhenEnabled() throws {
        let lines = try logged(level: .debug, includePersonalData: true) { logger in
            logger.logPersonalData(.info, "Looked up anna@example.org.")
            logger.logPersonalData(.debug, "Debug detail.")
        }
        #expect(lines.count == 3)
        #expect(lines.first?.hasSuffix("info: Looked up anna@example.org.") == true)
    }

    @Test func messageStaysOnOneLine() throws {
        let lines = try logged(level: .info, includePersonalData: false) { $0.warning("First\nsecond\r\nthird.") }
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("warning: First second  third.") == true)
    }
}
