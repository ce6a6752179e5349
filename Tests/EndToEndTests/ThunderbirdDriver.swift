import Foundation

/// The pieces a Thunderbird test adds to its copy of the extension: a background page that imports a
/// message and files it through hrbox, and the message itself. They never ship in the extension.
enum ThunderbirdDriver {
    /// How the driver files the message.
    enum Mode: String {
        /// Through the extension's JSON-RPC module, as the popup's code does.
        case module
        /// By opening the extension's popup page in a tab, adding a case and a to-do in its forms, and
        /// pressing its Store button.
        case popup
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

    /// The line prefix of the driver's one result line on Thunderbird's standard output.
    static let marker = "HRBOX-TEST"

    /// The driver. It ends by writing `HRBOX-TEST done BASE64` or `HRBOX-TEST failed BASE64` to the
    /// console, BASE64 being a JSON object in UTF-8, because Thunderbird prints console text with its
    /// own escapes for quotes and non-ASCII letters.
    static let script = #"""
        import { HRBoxConnection } from "../hrbox-rpc.js";
        import { readMessageSource } from "../raw-message.js";

        const DEADLINE_MILLISECONDS = 60000;

        function report(outcome, details) {
          const bytes = new TextEncoder().encode(JSON.stringify(details));
          const base64 = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""));
          console.log(`HRBOX-TEST ${outcome} ${base64}`);
        }

        async function importMessage() {
          const response = await fetch(messenger.runtime.getURL("driver/message.eml"));
          const file = new File([await response.blob()], "message.eml", { type: "message/rfc822" });

          const local = (await messenger.accounts.list()).find((account) => account.type === "none");
          if (!local) {
            throw new Error("the profile has no Local Folders account");
          }
          // In Thunderbird 153 folders.create resolved to the Trash folder it created on the way, so
          // the new folder is looked up by its name.
          await messenger.folders.create(local.rootFolder.id, "HR test");
          const subfolders = await messenger.folders.getSubFolders(local.rootFolder.id, false);
          const folder = subfolders.find((candidate) => candidate.name === "HR test");
          const header = await messenger.messages.import(file, folder.id, {});
          return header.id;
        }

        async function fileThroughModule(messageId) {
          const message = await readMessageSource(messageId);
          const hrbox = await HRBoxConnection.open("thunderbird-hrbox-test", "1");
          const lookup = await hrbox.request("hrbox/lookup", { message });
          if (!lookup.defaultPerson) {
            throw new Error("hrbox/lookup found no default person");
          }
          const stored = await hrbox.request("hrbox/store", {
            message,
            targets: [{ personId: lookup.defaultPerson.id }],
          });
          await hrbox.close();
          return {
            messageRef: stored.messageRef,
            personId: lookup.defaultPerson.id,
            subject: lookup.summary.subject,
            attachments: lookup.summary.attachments,
          };
        }

        async function fileThroughPopup(messageId) {
          const url = messenger.runtime.getURL(`popup/popup.html?messageId=${messageId}`);
          await messenger.tabs.create({ url });
          const popup = await waitFor("the popup page", () =>
            messenger.extension.getViews({ type: "tab" }).find((view) => view.location.href === url),
          );
          const page = popup.document;
          const status = () => page.getElementById("status").textContent;
          await waitFor("the popup to be ready", () => ["ready", "failed"].includes(page.body?.dataset.state));
          if (page.body.dataset.state === "failed") {
            return { state: "failed", status: status() };
          }

          const person = page.getElementById("first-person").textContent;
          const isShown = (id) => () => !page.getElementById(id).hidden;
          // Presses a button or submits a form, then waits until the popup is done; a failure throws the
          // popup's error sentence.
          const step = async (what, act, isDone) => {
            act();
            const failed = () => page.getElementById("status").dataset.kind === "error";
            await waitFor(what, () => page.body.dataset.state !== "busy" && (isDone() || failed()));
            if (failed()) {
              throw new Error(`${what} failed: ${status()}`);
            }
          };

          await step("opening the case form", () => page.getElementById("add-case").click(), isShown("case-form"));
          await step("starting the case", () => page.getElementById("case-form").requestSubmit(), isShown("box"));
          const caseStatus = status();

          await step("opening the to-do form", () => page.getElementById("add-todo").click(), isShown("todo-form"));
          const todoForm = page.getElementById("todo-form");
          todoForm.elements.title.value = "Check the remaining leave days";
          todoForm.elements.due.value = "2026-12-01";
          page.querySelector('#shared-with input[value="pweiss"]').checked = true;
          await step("planning the to-do", () => todoForm.requestSubmit(), isShown("box"));
          const todoStatus = status();

          await step("storing", () => page.getElementById("store").click(), () => status().startsWith("Stored"));
          return {
            person,
            caseStatus,
            todoStatus,
            state: page.body.dataset.state,
            status: status(),
            filed: page.getElementById("filed").textContent,
          };
        }

        // Polls `probe` until it returns a truthy value, because the popup page signals nothing to the driver.
        async function waitFor(what, probe) {
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

        async function main() {
          const settings = await (await fetch(messenger.runtime.getURL("driver/settings.json"))).json();
          const messageId = await importMessage();
          const result = settings.mode === "popup" ? await fileThroughPopup(messageId) : await fileThroughModule(messageId);
          report("done", result);
        }

        main().catch((error) => report("failed", { message: String(error?.message ?? error) }));

        """#
}
