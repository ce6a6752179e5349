// The HR box for the displayed message: looks the message up in hrbox, shows its participants and the
// person found, and stores it for one or two people. forms.js contains the forms that change whom it is
// stored for and that add people, cases and to-dos.

import { HRBoxConnection, HRBoxError } from "../hrbox-rpc.js";
import { readMessageSource } from "../raw-message.js";
import { installForms } from "./forms.js";
import * as text from "./text.js";
import {
  clearStatus,
  element,
  fieldNamed,
  fillSelect,
  focusWhenReady,
  isBusy,
  openFormElement,
  setState,
  showError,
  showPart,
  showStatus,
} from "./ui.js";

const CLIENT_NAME = "thunderbird-hrbox";

// The participants listed before the rest hide behind "and N more".
const PARTICIPANTS_SHOWN_FIRST = 20;

// The participants hrbox/lookup returns at most, so that its reply stays under native messaging's 1 MiB.
const PARTICIPANTS_REQUESTED = 100;

// The popup's state. `targets` lists the person the message is stored for and, when the user chose
// one, a second person. Each target has that person's open cases and the chosen case's id or null.
const box = {
  hrbox: null,
  message: null,
  lookup: null,
  targets: [],
  showAllParticipants: false,
};

// The operations forms.js needs from the box.
const controller = {
  box,
  run,
  isBusy,
  request: (method, params) => box.hrbox.request(method, params),
  setTarget,
  refreshLookup,
  render,
};

start();

async function start() {
  setState("loading");
  try {
    const messageId = await displayedMessageId();
    box.message = await readMessage(messageId);
    box.hrbox = await HRBoxConnection.open(CLIENT_NAME, messenger.runtime.getManifest().version);
    box.hrbox.onClose = connectionClosed;
    // close() never rejects, so a popup that goes away leaves no unhandled rejection behind.
    window.addEventListener("pagehide", () => box.hrbox.close());

    box.lookup = await lookUp();
    const person = box.lookup.defaultPerson;
    if (person) {
      box.targets = [{ person, cases: box.lookup.cases, caseId: null }];
    }
  } catch (error) {
    showError(error);
    setState("failed");
    return;
  }

  installForms(controller);
  element("store").addEventListener("click", () => run(storeMessage));
  element("first-file-under").addEventListener("change", (event) => chooseCase(0, event.target.value));
  element("second-file-under").addEventListener("change", (event) => chooseCase(1, event.target.value));
  element("remove-second").addEventListener("click", () => {
    clearStatus();
    box.targets.splice(1);
    render();
  });
  element("more-participants").addEventListener("click", () => {
    box.showAllParticipants = !box.showAllParticipants;
    render();
  });

  element("status").textContent = box.lookup.defaultPerson
    ? ""
    : "No person found for this message. Change the person or add a new one.";
  render();
  showPart("box");
  focusWhenReady(element("subject"));
  setState("ready");
}

// Runs one user action: clears the last note, disables the controls, shows the action's error as a
// sentence, and makes the box usable again. An action asked for while another runs is dropped, as
// a second Enter or click would otherwise send its request twice.
async function run(action) {
  if (isBusy()) {
    return;
  }
  const focused = document.activeElement;
  clearStatus();
  setState("busy");
  try {
    await action();
  } catch (error) {
    showError(error);
    const form = openFormElement();
    focusWhenReady(form ? fieldNamed(form, error.field ?? fieldOfInvalidParams(error)) : focused);
  }
  setState(box.hrbox.closedError ? "failed" : "ready");
}

// The param that hrbox's invalid-params error names, such as "startDate", or null.
function fieldOfInvalidParams(error) {
  if (!(error instanceof HRBoxError) || error.code !== -32602) {
    return null;
  }
  return /^Invalid params:\s*([A-Za-z]+)/.exec(error.message)?.[1] ?? null;
}

// Looks the message up, asking for at most PARTICIPANTS_REQUESTED participants.
function lookUp() {
  return box.hrbox.request("hrbox/lookup", { message: box.message, maxParticipants: PARTICIPANTS_REQUESTED });
}

// The id of the message the popup is for: `?messageId=N` when a page opened the popup in a tab,
// else the message shown in the active tab.
async function displayedMessageId() {
  const fromQuery = new URLSearchParams(location.search).get("messageId");
  if (fromQuery) {
    return Number(fromQuery);
  }

  const [tab] = await messenger.tabs.query({ active: true, currentWindow: true });
  // Thunderbird 153 gives an array to a Manifest V2 extension. Manifest V3 is documented to give a
  // MessageList, whose `messages` is the array.
  const shown = await messenger.messageDisplay.getDisplayedMessages(tab.id);
  const messages = Array.isArray(shown) ? shown : shown.messages;
  if (messages.length !== 1) {
    throw new HRBoxError("Select one message to file: the HR box works on one message at a time.");
  }
  return messages[0].id;
}

async function readMessage(messageId) {
  try {
    return await readMessageSource(messageId);
  } catch (error) {
    if (error instanceof HRBoxError) {
      throw error;
    }
    throw new HRBoxError(`Thunderbird could not read the message: ${error.message}`);
  }
}

function connectionClosed(error) {
  showError(error);
  setState("failed");
}

async function storeMessage() {
  if (box.targets.length === 0) {
    throw new HRBoxError("No person to store for. Change the person or add a new one first.");
  }
  const targets = box.targets.map((target) =>
    target.caseId === null ? { personId: target.person.id } : { personId: target.person.id, caseId: target.caseId },
  );
  const result = await box.hrbox.request("hrbox/store", { message: box.message, targets });
  await refreshLookup();
  showStatus(text.storedSentence(result, box.targets));
}

// Makes `person` the first (index 0) or second (index 1) person, filed in the personnel file until a
// case is chosen.
async function setTarget(index, person) {
  const other = box.targets[1 - index];
  if (other && other.person.id === person.id) {
    const which = index === 0 ? "second" : "first";
    throw new HRBoxError(`${text.fullName(person)} is the ${which} person already. Choose someone else.`);
  }
  const { cases } = await box.hrbox.request("hrbox/cases", { personId: person.id });
  box.targets[Math.min(index, box.targets.length)] = { person, cases, caseId: null };
  render();
}

function chooseCase(index, value) {
  box.targets[index].caseId = value === "" ? null : Number(value);
}

// Looks the message up again, for participants that now belong to a new person and for new filings.
async function refreshLookup() {
  box.lookup = await lookUp();
  render();
}

function render() {
  const { summary, participants, filings } = box.lookup;
  // hrbox lists at most maxParticipants; participantCount is how many the message names.
  const participantCount = box.lookup.participantCount;
  element("subject").textContent = summary.subject ?? "(no subject)";
  element("facts").textContent = text.messageFacts(summary);
  element("filed").textContent = text.filedLine(filings);
  renderParticipants(participants, participantCount);
  renderTarget("first", box.targets[0]);
  renderTarget("second", box.targets[1]);

  element("second-target").hidden = box.targets.length < 2;
  element("choose-second").disabled = box.targets.length === 0;
  element("store").disabled = box.targets.length === 0;
  element("add-case").disabled = box.targets.length === 0;
}

// Lists the first PARTICIPANTS_SHOWN_FIRST participants and a button for the rest, which lists all
// that hrbox returned.
function renderParticipants(participants, total) {
  const listed = box.showAllParticipants ? participants : participants.slice(0, PARTICIPANTS_SHOWN_FIRST);
  const rows = listed.map((someone) => {
    const row = document.createElement("tr");
    for (const [className, value] of [
      ["role", text.roleLabel(someone.role)],
      ["participant", text.participant(someone)],
      ["owner", text.owner(someone)],
    ]) {
      const cell = document.createElement("td");
      cell.className = className;
      cell.textContent = value;
      row.append(cell);
    }
    return row;
  });
  if (rows.length === 0) {
    const row = document.createElement("tr");
    const cell = Object.assign(document.createElement("td"), { textContent: "The message names no sender or recipient." });
    cell.colSpan = 3;
    row.append(cell);
    rows.push(row);
  }
  const unreturned = total - participants.length;
  if (box.showAllParticipants && unreturned > 0) {
    const row = document.createElement("tr");
    const cell = Object.assign(document.createElement("td"), {
      className: "quiet",
      textContent: `and ${unreturned} more that the HR box does not list`,
    });
    cell.colSpan = 3;
    row.append(cell);
    rows.push(row);
  }
  element("participants").tBodies[0].replaceChildren(...rows);

  const more = element("more-participants");
  more.hidden = total <= PARTICIPANTS_SHOWN_FIRST;
  more.textContent = box.showAllParticipants ? "Show fewer" : `and ${total - listed.length} more`;
  more.setAttribute("aria-expanded", String(box.showAllParticipants));
}

function renderTarget(which, target) {
  const label = element(`${which}-person`);
  const select = element(`${which}-file-under`);
  if (!target) {
    label.textContent = which === "first" ? "No person found for this message." : "";
    fillSelect(select, [], null);
    select.disabled = true;
    return;
  }
  label.textContent = text.personDetails(target.person);
  const choices = [{ value: "", label: "personnel file" }].concat(
    target.cases.map((someCase) => ({ value: someCase.id, label: text.caseLabel(someCase) })),
  );
  fillSelect(select, choices, target.caseId ?? "");
  select.disabled = false;
}
