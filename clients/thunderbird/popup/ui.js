// Small helpers over the popup's page: its state, the status line, and which part is shown and focused.

import { HRBoxError } from "../hrbox-rpc.js";
import { invalidParamsSentence } from "./text.js";

// The JSON-RPC error code of a request whose params hrbox rejected.
const INVALID_PARAMS = -32602;

// The button that opened the form shown now, which gets the focus back when the form closes.
let formOpener = null;

// The element to focus once the page is ready, because a control in a disabled fieldset takes no focus.
let pendingFocus = null;

export function element(id) {
  return document.getElementById(id);
}

// Marks the page "loading", "busy", "ready" or "failed", and disables every form control while it is
// not ready, so that neither a click nor Enter sends a second request while one runs. The test driver
// waits for "ready" before it presses a button.
export function setState(state) {
  document.body.dataset.state = state;
  for (const controls of document.querySelectorAll("fieldset.controls")) {
    controls.disabled = state !== "ready";
  }
  if (state === "ready" && pendingFocus) {
    pendingFocus.focus();
    pendingFocus = null;
  }
}

// Focuses `target` now, or as soon as the page is ready again.
export function focusWhenReady(target) {
  if (document.body.dataset.state === "ready") {
    target?.focus();
  } else {
    pendingFocus = target;
  }
}

export function isBusy() {
  return document.body.dataset.state === "busy";
}

export function showStatus(sentence) {
  const status = element("status");
  status.textContent = sentence;
  status.dataset.kind = "info";
}

// Empties the status line, so that a note or error of one action is gone when the next one starts.
export function clearStatus() {
  showStatus("");
}

// Shows an error as a sentence. An error that hrbox or this extension raised carries one already, and
// hrbox's invalid-params errors are reworded to name the form's field. Anything else is Thunderbird's
// own message, so it gets a sentence around it, never a stack.
export function showError(error) {
  const status = element("status");
  if (error instanceof HRBoxError) {
    status.textContent = error.code === INVALID_PARAMS ? invalidParamsSentence(error.message) : error.message;
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

// Returns the form shown now, or null while the box is shown.
export function openFormElement() {
  return document.querySelector("body > form:not([hidden])");
}

// Shows the form `id` in place of the box, clears the status line and focuses the form's first field.
// `opener` is the button that opened it, focused again by `closeForm`.
export function openForm(id, opener) {
  formOpener = opener;
  clearStatus();
  showPart(id);
  focusWhenReady(firstField(element(id)));
}

// Shows the box again and gives the focus back to the button that opened the form.
export function closeForm() {
  showPart("box");
  const opener = formOpener;
  formOpener = null;
  focusWhenReady(opener);
}

// Returns the field of `form` named `name`, or its first field when it has none of that name.
export function fieldNamed(form, name) {
  const field = name ? form.elements[name] : null;
  return field instanceof Element ? field : firstField(form);
}

function firstField(form) {
  return form.querySelector("input:not([type=hidden]), select, textarea");
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
