// Small helpers over the popup's page: its state, the status line and which part is shown.

import { HRBoxError } from "../hrbox-rpc.js";

export function element(id) {
  return document.getElementById(id);
}

// Marks the page "loading", "busy", "ready" or "failed". The CSS dims buttons while it is not ready,
// and the test driver waits for "ready" before it presses a button.
export function setState(state) {
  document.body.dataset.state = state;
}

export function showStatus(sentence) {
  const status = element("status");
  status.textContent = sentence;
  status.dataset.kind = "info";
}

// Shows an error as a sentence. An error that hrbox or this extension raised carries one already;
// anything else is Thunderbird's own message, so it gets a sentence around it, never a stack.
export function showError(error) {
  const status = element("status");
  if (error instanceof HRBoxError) {
    status.textContent = error.message;
  } else {
    status.textContent = `The HR box failed: ${error?.message ?? error}. Close it and open it again.`;
  }
  status.dataset.kind = "error";
}

// Shows the box, or one of the forms instead of it.
export function showPart(id) {
  for (const part of document.querySelectorAll("body > main, body > form")) {
    part.hidden = part.id !== id;
  }
}

// Replaces a select's options with `items`, each `{value, label}`, and selects `selected`.
export function fillSelect(select, items, selected) {
  select.replaceChildren(
    ...items.map((item) => {
      const option = document.createElement("option");
      option.value = String(item.value);
      option.textContent = item.label;
      option.selected = String(item.value) === String(selected);
      return option;
    }),
  );
}
