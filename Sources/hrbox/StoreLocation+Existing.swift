import Foundation
import HRBoxStore

extension StoreLocation {
    /// Throws ``StoreMissing`` when this is an SQLite file that does not exist.
    ///
    /// Commands call it before opening a store that they must not create. A PostgreSQL database is not
    /// created by opening it, so only an SQLite file is checked.
    func requireExisting() throws(StoreMissing) {
        if case .sqlite(let path) = self, !FileManager.default.fileExists(atPath: path) {
            throw StoreMissing(path: path)
        }
    }
}
