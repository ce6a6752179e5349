// The HR box for the displayed message: looks the message up in hrbox, shows its participants and the
// person found, and stores it for one or two people. forms.js contains the forms that change whom it is
// stored for and that add people, cases and to-dos.

import { HRBoxConnection, HRBoxError } from "../hrbox-rpc.js";
import { readMessageSource } from "../raw-message.js";
import { installForms } from "./forms.js";
import * as text from "./text.js";
import { element, fillSelect, setState, showError, showPart, showStatus } from "./ui.js";

const CLIENT_NAME = "thunderbird-hrbox";

// What the popup works on. `targets` lists the person the message is stored for and, when the user
// chose one, a second person; each with that person's open cases and the chosen case's id or null.
const box = {
  hrbox: null,
  message: null,
  lookup: null,
  targets: [],
};

// The operations forms.js needs from the box.
const controller = {
  box,
  run,
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
    window.addEventListener("pagehide", () => box.hrbox.close());

    box.lookup = await box.hrbox.request("hrbox/lookup", { message: box.message });
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
    box.targets.splice(1);
    render();
  });

  element("status").textContent = box.lookup.defaultPerson
    ? ""
    : "No person found for this message. Change the person or add a new one.";
  render();
  showPart("box");
  setState("ready");
}

// Runs one user action: dims the buttons, shows its error as a sentence, and makes the box usable again.
async function run(action) {
  setState("busy");
  try {
    await action();
  } catch (error) {
    showError(error);
  }
  setState(box.hrbox.closedError ? "failed" : "ready");
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
  box.lookup = await box.hrbox.request("hrbox/lookup", { message: box.message });
  render();
}

function render() {
  const { summary, participants, filings } = box.lookup;
  element("subject").textContent = summary.subject ?? "(no subject)";
  element("facts").textContent = text.messageFacts(summary);
  element("filed").textContent = text.filedLine(filings);
  renderParticipants(participants);
  renderTarget("first", box.targets[0]);
  renderTarget("second", box.targets[1]);

  element("second-target").hidden = box.targets.length < 2;
  element("choose-second").disabled = box.targets.length === 0;
  element("store").disabled = box.targets.length === 0;
  element("add-case").disabled = box.targets.length === 0;
}

function renderParticipants(participants) {
  const rows = participants.map((participant) => {
    const row = document.createElement("tr");
    for (const [className, value] of [
      ["role", text.roleLabel(participant.role)],
      ["contact", text.contact(participant)],
      ["owner", text.owner(participant)],
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
    row.append(Object.assign(document.createElement("td"), { textContent: "The message names no sender or recipient." }));
    rows.push(row);
  }
  element("participants").tBodies[0].replaceChildren(...rows);
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
