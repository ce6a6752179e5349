import Foundation

/// The pieces a Thunderbird test adds to its copy of the extension: a background page that imports
/// messages and acts on them through hrbox, and the messages themselves. They never ship in the extension.
enum ThunderbirdDriver {
    /// What the driver does once its messages are imported.
    enum Mode: String {
        /// Files the leave request through the extension's JSON-RPC module, as the popup's code does.
        case module
        /// Opens the popup page in a tab for the leave request, adds a case and a to-do in its forms,
        /// submitting each twice, and presses its Store button twice.
        case popup
        /// Opens the popup page for a message with many participants, checks the forms' input checks,
        /// focus and dark theme, and opens a message larger than hrbox accepts.
        case forms
        /// Opens the leave request in a message tab, opens the real toolbar popup and presses Store.
        case toolbar
        /// Opens the popup page and reports the state it settles in, for setups where hrbox cannot start.
        case open
    }

    /// The permissions the driver needs besides the extension's own.
    static let permissions = ["messagesImport", "accountsRead", "accountsFolders"]

    static let page = """
        <!DOCTYPE html>
        <meta charset="utf-8">
        <script type="module" src="driver.js"></script>

        """

    /// A leave request from Jürgen Weißmüller, his name in an encoded word and a Cc name in raw UTF-8,
    /// with a PDF attachment whose file name is encoded as in RFC 2231. Lines end in CRLF, as RFC 5322
    /// requires.
    static let leaveRequest = Data(
        [
            "Date: Mon, 30 Nov 2026 08:41:07 +0100",
            "From: =?UTF-8?Q?J=C3=BCrgen_Wei=C3=9Fm=C3=BCller?= <Juergen.Weissmueller@northwind.example>",
            "To: Northwind Tools HR <hr@northwind.example>",
            "Cc: Zoë Ålund <zoe.alund@example.org>",
            "Subject: =?UTF-8?B?VXJsYXVic2FudHJhZyBmw7xyIE3DpHJ6?=",
            "Message-ID: <leave-request-3@northwind.example>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b-4711\"",
            "",
            "--b-4711",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Hallo zusammen, anbei mein Urlaubsantrag für März. Grüße, Jürgen",
            "",
            "--b-4711",
            "Content-Type: application/pdf; name=\"Urlaubsantrag.pdf\"",
            "Content-Disposition: attachment; filename*=UTF-8''Urlaubsantrag%20M%C3%A4rz.pdf",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwgL1R5cGUgL0NhdGFsb2cgPj4KZW5kb2JqCiUlRU9GCg==",
            "--b-4711--",
            "",
        ].joined(separator: "\r\n").utf8)

    /// The number of Cc recipients of `manyParticipants`, besides its sender and one To recipient.
    static let manyParticipantsCc = 30

    /// A note from Tobias Brandt to HR with `manyParticipantsCc` colleagues on Cc, none of them a person.
    static let manyParticipants = Data(
        ([
            "Date: Tue, 1 Dec 2026 09:00:00 +0100",
            "From: Tobias Brandt <tobias.brandt@northwind.example>",
            "To: Northwind Tools HR <hr@northwind.example>",
            "Cc: " + (1...manyParticipantsCc).map { "Crew Member \($0) <crew\($0)@northwind.example>" }
                .joined(separator: ",\r\n "),
            "Subject: Shift plan for December",
            "Message-ID: <shift-plan-12@northwind.example>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "The shift plan for December is attached to the notice board.",
            "",
        ].joined(separator: "\r\n")).utf8)

    /// The line prefix of the driver's one result line on Thunderbird's standard output.
    static let marker = "HRBOX-TEST"

    /// The driver's files under `driver/` in the extension, by file name.
    static let scripts = [
        "driver.js": main,
        "helpers.js": helpers,
        "scenarios.js": scenarios,
    ]

    /// Imports the messages that `settings.json` names and runs the scenario of its mode.
    private static let main = #"""
        import { importMessage, importLargeMessage, report } from "./helpers.js";
        import { scenarios } from "./scenarios.js";

        async function main() {
          const settings = await (await fetch(messenger.runtime.getURL("driver/settings.json"))).json();
          const ids = {};
          for (const name of settings.messages) {
            ids[name] = await importMessage(name);
          }
          if (settings.largeMessageBytes) {
            ids.large = await importLargeMessage(settings.largeMessageBytes);
          }
          report("done", await scenarios[settings.mode](ids));
        }

        window.addEventListener("unhandledrejection", (event) =>
          report("failed", { message: `unhandled rejection: ${event.reason?.message ?? event.reason}` }),
        );
        main().catch((error) => report("failed", { message: String(error?.message ?? error) }));

        """#

    /// What every scenario uses: importing messages, opening the popup page and waiting for it.
    ///
    /// The driver ends by writing `HRBOX-TEST done BASE64` or `HRBOX-TEST failed BASE64` to the console,
    /// BASE64 being a JSON object in UTF-8, because Thunderbird prints console text with its own escapes
    /// for quotes and non-ASCII letters. Only the first such line counts.
    private static let helpers = #"""
        const DEADLINE_MILLISECONDS = 60000;

        export function report(outcome, details) {
          const bytes = new TextEncoder().encode(JSON.stringify(details));
          const base64 = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""));
          console.log(`HRBOX-TEST ${outcome} ${base64}`);
        }

        let folderId = null;

        async function testFolder() {
          if (folderId === null) {
            const local = (await messenger.accounts.list()).find((account) => account.type === "none");
            if (!local) {
              throw new Error("the profile has no Local Folders account");
            }
            // In Thunderbird 153 folders.create resolved to the Trash folder it created on the way, so
            // the new folder is looked up by its name.
            await messenger.folders.create(local.rootFolder.id, "HR test");
            const subfolders = await messenger.folders.getSubFolders(local.rootFolder.id, false);
            folderId = subfolders.find((candidate) => candidate.name === "HR test").id;
          }
          return folderId;
        }

        async function importFile(file) {
          const header = await messenger.messages.import(file, await testFolder(), {});
          return header.id;
        }

        // Imports driver/messages/NAME.eml and resolves to the message's id.
        export async function importMessage(name) {
          const response = await fetch(messenger.runtime.getURL(`driver/messages/${name}.eml`));
          return importFile(new File([await response.blob()], `${name}.eml`, { type: "message/rfc822" }));
        }

        // Imports a message of at least `bytes` bytes, built here so that the pack stays small.
        export async function importLargeMessage(bytes) {
          const header = "From: Tobias Brandt <tobias.brandt@northwind.example>\r\nSubject: Scans\r\n\r\n";
          const line = "A".repeat(998) + "\r\n";
          const block = line.repeat(1024);
          const parts = [header];
          for (let size = header.length; size < bytes; size += block.length) {
            parts.push(block);
          }
          return importFile(new File(parts, "large.eml", { type: "message/rfc822" }));
        }

        // Polls `probe` until it returns a truthy value, because the popup page signals nothing to the driver.
        export async function waitFor(what, probe) {
          const deadline = Date.now() + DEADLINE_MILLISECONDS;
          for (;;) {
            const value = probe();
            if (value) {
              return value;
            }
            if (Date.now() > deadline) {
              throw new Error(`timed out waiting for ${what}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }

        // Opens popup.html for `messageId` in a tab and resolves to its document once it is ready or failed.
        export async function openPopupPage(messageId) {
          const url = messenger.runtime.getURL(`popup/popup.html?messageId=${messageId}`);
          await messenger.tabs.create({ url });
          const view = await waitFor("the popup page", () =>
            messenger.extension.getViews({ type: "tab" }).find((candidate) => candidate.location.href === url),
          );
          await waitFor("the popup to be ready", () => ["ready", "failed"].includes(view.document.body?.dataset.state));
          return view.document;
        }

        // Actions on one popup document.
        export function popupActions(page) {
          const status = () => page.getElementById("status").textContent;
          const failed = () => page.getElementById("status").dataset.kind === "error";
          return {
            status,
            isShown: (id) => () => !page.getElementById(id).hidden,
            // The element with the focus, as its id or else its name.
            focused: () => page.activeElement?.id || page.activeElement?.name || page.activeElement?.tagName,
            // Acts, then waits until the popup is done; a failure throws the popup's error sentence.
            async step(what, act, isDone) {
              act();
              await waitFor(what, () => page.body.dataset.state !== "busy" && (isDone() || failed()));
              if (failed()) {
                throw new Error(`${what} failed: ${status()}`);
              }
            },
            // Acts and waits for the error sentence the action should give; resolves to it.
            async rejected(what, act) {
              act();
              await waitFor(what, () => page.body.dataset.state !== "busy" && failed());
              return status();
            },
          };
        }

        """#
}
