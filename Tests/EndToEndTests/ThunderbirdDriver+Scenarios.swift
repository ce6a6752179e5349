extension ThunderbirdDriver {
    /// One function per `Mode`, each resolving to the details the test checks.
    static let scenarios = #"""
        import { HRBoxConnection } from "../hrbox-rpc.js";
        import { readMessageSource } from "../raw-message.js";
        import { invalidParamsSentence } from "../popup/text.js";
        import { openPopupPage, popupActions, waitFor } from "./helpers.js";

        export const scenarios = { module: fileThroughModule, popup: fileThroughPopup, forms, toolbar, open };

        async function fileThroughModule(ids) {
          const message = await readMessageSource(ids["leave-request"]);
          const hrbox = await HRBoxConnection.open("thunderbird-hrbox-test", "1");
          const lookup = await hrbox.request("hrbox/lookup", { message });
          if (!lookup.defaultPerson) {
            throw new Error("hrbox/lookup found no default person");
          }
          const stored = await hrbox.request("hrbox/store", {
            message,
            targets: [{ personId: lookup.defaultPerson.id }],
          });
          const closed = await hrbox.close();
          return {
            messageRef: stored.messageRef,
            personId: lookup.defaultPerson.id,
            subject: lookup.summary.subject,
            attachments: lookup.summary.attachments,
            closed,
          };
        }

        async function fileThroughPopup(ids) {
          const page = await openPopupPage(ids["leave-request"]);
          const { status, isShown, focused, step } = popupActions(page);
          if (page.body.dataset.state === "failed") {
            throw new Error(`the popup failed: ${status()}`);
          }
          const details = { person: page.getElementById("first-person").textContent, focusOnOpen: focused() };

          await step("opening the case form", () => page.getElementById("add-case").click(), isShown("case-form"));
          details.focusInCaseForm = focused();
          details.workflow = [...page.querySelectorAll("#workflow li")].map((item) => item.textContent);
          const caseForm = page.getElementById("case-form");
          await step("starting the case", () => {
            caseForm.requestSubmit();
            caseForm.requestSubmit();
          }, isShown("box"));
          details.caseStatus = status();
          details.focusAfterCase = focused();

          await step("opening the to-do form", () => page.getElementById("add-todo").click(), isShown("todo-form"));
          details.statusInTodoForm = status();
          const todoForm = page.getElementById("todo-form");
          const assignee = todoForm.elements.assignee;
          details.assignees = [...assignee.options].map((option) => option.textContent);
          details.assigneeShown = assignee.selectedOptions[0]?.textContent ?? null;
          todoForm.elements.title.value = "Check the remaining leave days";
          todoForm.elements.due.value = "2026-12-01";
          page.querySelector('#shared-with input[value="pweiss"]').checked = true;
          await step("planning the to-do", () => {
            todoForm.requestSubmit();
            todoForm.requestSubmit();
          }, isShown("box"));
          details.todoStatus = status();

          await step("storing", () => page.getElementById("store").click(), () => status().startsWith("Stored"));
          details.status = status();
          details.filed = page.getElementById("filed").textContent;
          await step("storing again", () => page.getElementById("store").click(), () => status().startsWith("Filed"));
          details.storedAgain = status();
          details.state = page.body.dataset.state;
          return details;
        }

        async function forms(ids) {
          const page = await openPopupPage(ids["many-participants"]);
          const { status, isShown, focused, step, rejected } = popupActions(page);
          if (page.body.dataset.state === "failed") {
            throw new Error(`the popup failed: ${status()}`);
          }
          const details = {};
          const rows = () => page.querySelectorAll("#participants tbody tr").length;
          const more = page.getElementById("more-participants");
          details.headerCells = [...page.querySelectorAll("#participants thead th")].map((cell) => cell.textContent);
          details.rowsFirst = rows();
          details.moreButton = more.hidden ? null : more.textContent;
          details.linkContrast = contrastOnCanvas(page, more);
          details.prefersDark = page.defaultView.matchMedia("(prefers-color-scheme: dark)").matches;
          more.click();
          details.rowsExpanded = rows();
          details.moreExpanded = more.getAttribute("aria-expanded");

          const personForm = page.getElementById("person-form");
          await step("opening the person form", () => page.getElementById("add-person").click(), isShown("person-form"));
          details.focusInPersonForm = focused();
          personForm.elements.addresses.value = "quinn@example.net;\nnot an address";
          details.badAddress = await rejected("adding a person with a bad address", () => personForm.requestSubmit());
          details.focusAfterBadAddress = focused();
          page.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
          details.formShownAfterEscape = !personForm.hidden;
          details.focusAfterEscape = focused();

          await step("opening the to-do form", () => page.getElementById("add-todo").click(), isShown("todo-form"));
          details.statusInTodoForm = status();
          details.focusInTodoForm = focused();
          details.emptyTitle = await rejected("adding a to-do without a title", () =>
            page.getElementById("todo-form").requestSubmit(),
          );
          details.focusAfterEmptyTitle = focused();
          page.querySelector("#todo-form .cancel").click();
          details.focusAfterCancel = focused();

          const caseForm = page.getElementById("case-form");
          await step("opening the case form", () => page.getElementById("add-case").click(), isShown("case-form"));
          details.statusInCaseForm = status();
          caseForm.elements.startDate.value = "";
          details.emptyStartDate = await rejected("starting a case without a start date", () => caseForm.requestSubmit());
          details.focusAfterEmptyStartDate = focused();

          details.invalidParams = await invalidParamsReply();

          if (ids.large !== undefined) {
            const large = await openPopupPage(ids.large);
            details.largeState = large.body.dataset.state;
            details.largeStatus = large.getElementById("status").textContent;
          }
          return details;
        }

        // Sends hrbox/addCase with a start date in the wrong form and returns the popup's sentence for
        // hrbox's reply.
        async function invalidParamsReply() {
          const hrbox = await HRBoxConnection.open("thunderbird-hrbox-test", "1");
          try {
            await hrbox.request("hrbox/addCase", { personId: 1, caseTypeId: 1, startDate: "30.11.2026" });
            return { code: null, sentence: "hrbox accepted the start date 30.11.2026" };
          } catch (error) {
            return { code: error.code, sentence: invalidParamsSentence(error.message) };
          } finally {
            await hrbox.close();
          }
        }

        // The WCAG contrast ratio of `element`'s text colour on the page's Canvas colour.
        function contrastOnCanvas(page, element) {
          const probe = page.createElement("div");
          probe.style.background = "Canvas";
          page.body.append(probe);
          const canvas = page.defaultView.getComputedStyle(probe).backgroundColor;
          probe.remove();
          const text = page.defaultView.getComputedStyle(element).color;
          const lighter = Math.max(luminance(text), luminance(canvas));
          const darker = Math.min(luminance(text), luminance(canvas));
          return { text, canvas, ratio: (lighter + 0.05) / (darker + 0.05) };
        }

        function luminance(rgb) {
          const [red, green, blue] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map((part) => {
            const channel = Number(part) / 255;
            return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
        }

        // Opens the leave request in a message tab and the extension's popup from its toolbar button,
        // as a user does, then presses Store in it.
        async function toolbar(ids) {
          const tab = await messenger.messageDisplay.open({ messageId: ids["leave-request"], location: "tab", active: true });
          await waitForDisplayed(tab.id);
          const opened = await messenger.messageDisplayAction.openPopup();
          const view = await waitFor("the toolbar popup", () => messenger.extension.getViews({ type: "popup" })[0]);
          await waitFor("the popup to be ready", () => ["ready", "failed"].includes(view.document.body?.dataset.state));
          const page = view.document;
          const { status, step, focused } = popupActions(page);
          if (page.body.dataset.state === "failed") {
            throw new Error(`the popup failed: ${status()}`);
          }
          const details = { opened, person: page.getElementById("first-person").textContent, focusOnOpen: focused() };
          await step("storing", () => page.getElementById("store").click(), () => status().startsWith("Stored"));
          details.status = status();
          return details;
        }

        async function waitForDisplayed(tabId) {
          const deadline = Date.now() + 30000;
          for (;;) {
            const shown = await messenger.messageDisplay.getDisplayedMessages(tabId);
            const messages = Array.isArray(shown) ? shown : shown.messages;
            if (messages.length === 1) {
              return;
            }
            if (Date.now() > deadline) {
              throw new Error("timed out waiting for the message tab to show the message");
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }

        async function open(ids) {
          const page = await openPopupPage(ids["leave-request"]);
          return { state: page.body.dataset.state, status: page.getElementById("status").textContent };
        }

        """#
}
