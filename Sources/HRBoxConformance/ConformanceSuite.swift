import Foundation
import JSONRPC

/// The cases of a suite folder, read from its JSON files.
public enum ConformanceSuite {
    /// Reads every `.json` file in `folder`, in name order, and returns their cases in that order.
    ///
    /// A file holds one case object, or an object `{"cases": [...]}` with a small group of them.
    ///
    /// - Throws: ``CaseFormatError`` for a file that cannot be read or parsed, a case that breaks
    ///   the format, or a name used twice.
    public static func load(folder: String) throws(CaseFormatError) -> [ConformanceCase] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw CaseFormatError(source: folder, path: "", "cannot list the folder: \(error.localizedDescription)")
        }
        guard !names.isEmpty else {
            throw CaseFormatError(source: folder, path: "", "the folder has no .json case files")
        }

        var cases: [ConformanceCase] = []
        var seenNames: Set<String> = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CaseFormatError(source: name, path: "", "cannot read the file")
            }
            for found in try parse(Array(data), file: name) {
                guard seenNames.insert(found.name).inserted else {
                    throw CaseFormatError(source: name, path: "name", "the name \"\(found.name)\" is used by another case")
                }
                cases.append(found)
            }
        }
        return cases
    }

    /// Reads the cases of one file's bytes.
    public static func parse(_ bytes: [UInt8], file: String) throws(CaseFormatError) -> [ConformanceCase] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw CaseFormatError(source: file, path: "", "not valid JSON: \(error)")
        }

        guard let group = value["cases"] else {
            return [try ConformanceCase(parsing: value, file: file)]
        }
        guard let elements = group.arrayValue, value.objectValue?.count == 1 else {
            throw CaseFormatError(source: file, path: "cases", "a group file must be {\"cases\": [...]} and nothing else")
        }
        var cases: [ConformanceCase] = []
        for element in elements {
            cases.append(try ConformanceCase(parsing: element, file: file))
        }
        return cases
    }
}
