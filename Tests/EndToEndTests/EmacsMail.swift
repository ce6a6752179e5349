import Foundation

/// Folders of Emacs packages that Debian installs, which `emacs -Q` leaves off the load path.
enum DebianEmacsPackage {
    /// The folder of the package `name`, such as `notmuch` or `mu4e`, or nil when it is not installed.
    /// Of several versions, the one whose folder sorts last is taken.
    static func folder(_ name: String) -> String? {
        let packages = "/usr/share/emacs/site-lisp/elpa"
        // A missing folder means that no Emacs package is installed there, this one included.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packages)) ?? []
        return names.sorted().last { $0.hasPrefix("\(name)-") }.map { "\(packages)/\($0)" }
    }
}

/// Creates the Maildir `name` in `folder`, with `cur`, `new` and `tmp`, and returns its path.
@discardableResult
private func makeMaildir(_ name: String, in folder: TemporaryFolder) throws -> String {
    for subfolder in ["cur", "new", "tmp"] {
        try FileManager.default.createDirectory(
            atPath: folder.path("\(name)/\(subfolder)"), withIntermediateDirectories: true)
    }
    return folder.path(name)
}

/// A Maildir holding the sick note of the Emacs test, in a mu database that `mu init` and `mu index` built.
struct MuMail {
    let sickNoteFile: String
    let environment: [String: String]

    /// Writes the Maildir, with the sent, drafts and trash folders mu4e requires, and indexes it.
    init(in folder: TemporaryFolder, mu: String) throws {
        try makeMaildir("Mail/INBOX", in: folder)
        for special in ["sent", "drafts", "trash"] {
            try makeMaildir("Mail/\(special)", in: folder)
        }
        sickNoteFile = try folder.write("Mail/INBOX/cur/1764137652.1.hrbox-test:2,S", NotmuchMail.sickNote)
        try FileManager.default.createDirectory(atPath: folder.path("home"), withIntermediateDirectories: true)
        let muHome = folder.path("mu")
        environment = [
            "HOME": folder.path("home"),
            "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
            "HRBOX_TEST_MU_HOME": muHome,
        ]

        let steps = [
            ["init", "--maildir=\(folder.path("Mail"))", "--muhome=\(muHome)", "--my-address=hr@northwind.example"],
            ["index", "--muhome=\(muHome)"],
        ]
        for arguments in steps {
            let output = try runProgram(mu, arguments, environment: environment)
            guard output.status == 0 else {
                throw SetupError("mu \(arguments[0]) failed: \(output.standardError)")
            }
        }
    }
}

/// A folder of Maildirs for Gnus's nnmaildir back end: the group INBOX with the sick note, whose lines
/// end in LF, and the invitation, whose lines end in CRLF.
struct GnusMail {
    let sickNoteFile: String
    let invitationFile: String
    let environment: [String: String]

    init(in folder: TemporaryFolder) throws {
        try makeMaildir("Gnus/INBOX", in: folder)
        sickNoteFile = try folder.write("Gnus/INBOX/cur/1764137652.1.hrbox-test:2,S", NotmuchMail.sickNote)
        invitationFile = try folder.write("Gnus/INBOX/cur/1764493320.2.hrbox-test:2,S", SampleData.invitation)
        try FileManager.default.createDirectory(atPath: folder.path("home"), withIntermediateDirectories: true)
        environment = [
            "HOME": folder.path("home"),
            "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
            "HRBOX_TEST_GNUS_MAIL": folder.path("Gnus"),
        ]
    }
}
