import Foundation

/// People, colleagues, case types, a user and messages written for the end-to-end tests.
enum SampleData {
    static let people = """
        first_name,last_name,addresses,employee_number,department,job_title,status
        Tobias,Brandt,tobias.brandt@northwind.example,NW-1042,Production,Machine operator,employee
        Lena,Novak,lena.novak@example.org,,Engineering,Process engineer,applicant
        Jürgen,Weißmüller,juergen.weissmueller@northwind.example;jw@example.net,NW-1187,Logistics,Team lead,employee

        """

    static let colleagues = """
        id,name,address
        mkeller,Mara Keller,mara.keller@northwind.example
        pweiss,Paul Weiss,paul.weiss@northwind.example

        """

    static let caseTypes = """
        case_type,step,due_after_days,assignee
        Sick leave,File the doctor's certificate,0,
        Sick leave,Tell payroll about the absence,1,pweiss
        Sick leave,Ask about the return to work,5,

        """

    static let configuration = """
        colleague = mkeller
        address = hr@northwind.example

        """

    /// A sick note from Tobias Brandt, his address written in mixed case, with a non-ASCII subject.
    /// Its lines end in LF, as delivery agents write Maildir files, and mutt and neomutt pipe such a file
    /// unchanged. A CRLF file reaches the pipe with the header's closing blank line as a bare LF.
    static let sickNote = Data(
        """
        Date: Thu, 26 Nov 2026 07:14:12 +0100
        From: =?UTF-8?Q?Tobias_Brandt?= <Tobias.Brandt@Northwind.EXAMPLE>
        To: Northwind Tools HR <hr@northwind.example>
        Subject: =?UTF-8?Q?Krankmeldung_f=C3=BCr_n=C3=A4chste_Woche?=
        Message-ID: <sick-note-1@northwind.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Hello HR team, I am off sick next week. Grüße, Tobias

        """.utf8)

    /// An invitation HR sent to the applicant Lena Novak.
    static let invitation = crlf(
        """
        Date: Mon, 30 Nov 2026 10:02:00 +0100
        From: Mara Keller <hr@northwind.example>
        To: Lena Novak <lena.novak@example.org>
        Cc: juergen.weissmueller@northwind.example
        Subject: Your interview on 8 December
        Message-ID: <invite-7@northwind.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=us-ascii

        Dear Ms Novak, we would like to invite you to an interview.

        """)

    private static func crlf(_ text: String) -> Data {
        Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// Creates a store in `folder` with the sample people, colleagues and case types, and the user's config file.
    static func prepare(in folder: TemporaryFolder) throws -> (store: String, config: String) {
        let store = folder.path("store/hrbox.sqlite")
        let config = try folder.write("config", configuration)
        let imports = [
            ("colleagues", try folder.write("colleagues.csv", colleagues)),
            ("case-types", try folder.write("case-types.csv", caseTypes)),
            ("people", try folder.write("people.csv", people)),
        ]
        for (kind, file) in imports {
            let output = try runHRBox([kind, "import", file, "--store", store])
            guard output.status == 0 else {
                throw SetupError("hrbox \(kind) import failed: \(output.standardError)")
            }
        }
        return (store, config)
    }
}

struct SetupError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
