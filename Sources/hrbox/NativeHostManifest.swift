import Foundation

/// The native messaging host manifest that lets Thunderbird start hrbox for the hrbox extension.
///
/// Thunderbird reads `NAME.json` from its host folders, checks that `name` equals the file's name and that
/// the calling extension is listed in `allowed_extensions`, and then starts `path` with pipes on stdin and
/// stdout.
struct NativeHostManifest: Codable, Equatable {
    /// The host's name, which the extension passes to `runtime.connectNative`.
    static let hostName = "hrbox"
    /// The id in `browser_specific_settings.gecko.id` of `clients/thunderbird/manifest.json`.
    static let defaultExtensionID = "thunderbird@hrbox"
    static let fileName = "\(hostName).json"

    var name: String
    var description: String
    /// The absolute path of the hrbox executable.
    var path: String
    var type: String
    var allowedExtensions: [String]

    enum CodingKeys: String, CodingKey {
        case name, description, path, type
        case allowedExtensions = "allowed_extensions"
    }

    init(executablePath: String, extensionID: String) {
        name = Self.hostName
        description = "hrbox files email into HR records"
        path = executablePath
        type = "stdio"
        allowedExtensions = [extensionID]
    }

    /// Returns the manifest as pretty-printed JSON that ends in a line break.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Returns whether `id` has the form Thunderbird accepts for an extension id: `name@domain`
    /// or a GUID in braces, such as `{9a0c6e2b-7c1d-4a53-8f1e-2b4d5c6e7f80}`.
    static func isValidExtensionID(_ id: String) -> Bool {
        let emailForm = #"^[A-Za-z0-9._-]*@[A-Za-z0-9._-]+$"#
        let guidForm = #"^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$"#
        return id.range(of: emailForm, options: .regularExpression) != nil
            || id.range(of: guidForm, options: .regularExpression) != nil
    }
}
