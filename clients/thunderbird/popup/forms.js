// The HR box's forms: search for a person (to change the person or add a second one), add a new
// person, add a case and add a to-do. Each form replaces the box while it is open.

import { HRBoxError } from "../hrbox-rpc.js";
import * as text from "./text.js";
import { closeForm, element, fillSelect, openForm, openFormElement, showStatus } from "./ui.js";

// The lists that change rarely, fetched the first time a form needs them.
const catalog = { caseTypes: null, colleagues: null, me: null };

// An address as the forms accept it: something before and after one @, without spaces. hrbox checks
// the address again when it stores it.
const ADDRESS_PATTERN = /^[^\s@]+@[^\s@]+$/;

// Wires the box's buttons to the forms. `controller` gives the box's state and operations.
export function installForms(controller) {
  for (const cancel of document.querySelectorAll("form .cancel")) {
    cancel.addEventListener("click", closeForm);
  }
  // Escape closes an open form first; only with the box shown does it reach Thunderbird, which then
  // closes the popup.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && openFormElement() && !controller.isBusy()) {
      event.preventDefault();
      event.stopPropagation();
      closeForm();
    }
  });
  installSearch(controller);
  installNewPerson(controller);
  installNewCase(controller);
  installNewTodo(controller);
}

// An error for input the popup rejects before sending it: `field` names the form field to focus.
function invalidInput(field, sentence) {
  const error = new HRBoxError(sentence);
  error.field = field;
  return error;
}

function installSearch(controller) {
  const form = element("search-form");
  const results = element("search-results");
  // The index of the target the chosen person becomes: 0 to change the person, 1 for a second one.
  let targetIndex = 0;

  const open = (index, title, opener) => {
    targetIndex = index;
    element("search-title").textContent = title;
    results.replaceChildren();
    form.reset();
    openForm("search-form", opener);
  };
  element("change-person").addEventListener("click", (event) => open(0, "Change person", event.currentTarget));
  element("choose-second").addEventListener("click", (event) =>
    open(1, "Store for a second person", event.currentTarget),
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const query = element("search-query").value.trim();
      if (!query) {
        throw invalidInput("search-query", "Enter a name, an address or an employee number to search for.");
      }
      const { people } = await controller.request("hrbox/searchPeople", { query, limit: 20 });
      if (people.length === 0) {
        results.replaceChildren();
        showStatus(`No person matches "${query}". Check the spelling, or add a new person.`);
        return;
      }
      showStatus(people.length === 1 ? "1 person found." : `${people.length} people found.`);
      results.replaceChildren(...people.map((person) => personChoice(person, controller, () => targetIndex)));
    });
  });
}

function personChoice(person, controller, targetIndex) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = [text.personDetails(person), ...person.addresses.slice(0, 1)].join(" · ");
  button.addEventListener("click", () =>
    controller.run(async () => {
      await controller.setTarget(targetIndex(), person);
      closeForm();
    }),
  );
  const item = document.createElement("li");
  item.append(button);
  return item;
}

function installNewPerson(controller) {
  const form = element("person-form");

  element("add-person").addEventListener("click", (event) => {
    form.reset();
    // Start from the first participant who is no person yet and not the user, as HR staff usually
    // register the unknown sender.
    const unknown = controller.box.lookup.participants.find((someone) => !someone.person && !someone.isOwnAddress);
    if (unknown) {
      const [first, ...rest] = (unknown.name ?? "").split(" ");
      form.elements.firstName.value = rest.length > 0 ? first : "";
      form.elements.lastName.value = rest.length > 0 ? rest.join(" ") : first;
      form.elements.addresses.value = unknown.address;
    }
    openForm("person-form", event.currentTarget);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const params = newPersonParams(form.elements);
      const { person } = await controller.request("hrbox/addPerson", params);
      await controller.setTarget(0, person);
      await controller.refreshLookup();
      closeForm();
      showStatus(`Added ${text.fullName(person)}. Store to file the message in the new personnel file.`);
    });
  });
}

// Reads and checks the new person form, and returns the params of hrbox/addPerson.
function newPersonParams(fields) {
  const params = {
    firstName: fields.firstName.value.trim(),
    lastName: fields.lastName.value.trim(),
    addresses: splitAddresses(fields.addresses.value),
    status: fields.status.value,
  };
  if (!params.firstName && !params.lastName) {
    throw invalidInput("firstName", "Enter a first name or a last name for the new person.");
  }
  const invalid = params.addresses.find((address) => !ADDRESS_PATTERN.test(address));
  if (invalid !== undefined) {
    throw invalidInput(
      "addresses",
      `"${invalid}" is not an email address. Give each address as name@domain, one per line or separated by commas.`,
    );
  }
  for (const name of ["employeeNumber", "department", "jobTitle"]) {
    const value = fields[name].value.trim();
    if (value) {
      params[name] = value;
    }
  }
  return params;
}

// Splits the addresses field on commas, semicolons and line ends, never on spaces, so that a
// mistyped address with a space in it is reported rather than cut in two.
function splitAddresses(value) {
  return value
    .split(/[,;\r\n]+/)
    .map((address) => address.trim())
    .filter((address) => address);
}

function installNewCase(controller) {
  const form = element("case-form");
  const caseTypeSelect = form.elements.caseType;

  element("add-case").addEventListener("click", (event) => {
    const opener = event.currentTarget;
    controller.run(async () => {
      await loadCaseTypes(controller);
      if (catalog.caseTypes.length === 0) {
        throw new HRBoxError("There are no case types yet. Import them with `hrbox case-types import`.");
      }
      form.reset();
      const people = controller.box.targets.map((target, index) => ({ value: index, label: text.fullName(target.person) }));
      fillSelect(form.elements.target, people, 0);
      fillSelect(caseTypeSelect, catalog.caseTypes.map((type) => ({ value: type.id, label: type.name })), null);
      form.elements.startDate.value = text.today();
      showWorkflow();
      openForm("case-form", opener);
    });
  });
  caseTypeSelect.addEventListener("change", showWorkflow);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const index = Number(form.elements.target.value);
      const target = controller.box.targets[index];
      const startDate = form.elements.startDate.value;
      if (!startDate) {
        throw invalidInput("startDate", "Enter the start date of the case.");
      }
      if (!text.isCalendarDate(startDate)) {
        throw invalidInput("startDate", `The start date "${startDate}" is not a date. Enter it as YYYY-MM-DD.`);
      }
      const params = { personId: target.person.id, caseTypeId: Number(caseTypeSelect.value), startDate };
      const title = form.elements.title.value.trim();
      if (title) {
        params.title = title;
      }

      const result = await controller.request("hrbox/addCase", params);
      await controller.setTarget(index, target.person);
      controller.box.targets[index].caseId = result.case.id;
      controller.render();
      closeForm();
      const todos = result.todos.length === 1 ? "1 to-do" : `${result.todos.length} to-dos`;
      showStatus(`Started "${result.case.title}" with ${todos}. The message is filed under it when you store.`);
    });
  });

  function showWorkflow() {
    const caseType = catalog.caseTypes?.find((type) => String(type.id) === caseTypeSelect.value);
    const steps = (caseType?.workflow ?? []).map((step) => {
      const item = document.createElement("li");
      const assignee = step.assignee ? `, for ${text.colleagueName(step.assignee, catalog.colleagues)}` : "";
      item.textContent = `${step.title}: ${text.dueAfter(step.dueAfterDays)}${assignee}`;
      return item;
    });
    element("workflow").replaceChildren(...steps);
  }
}

// Fetches the case types, and the colleagues their workflows name, the first time a form needs them.
async function loadCaseTypes(controller) {
  if (!catalog.caseTypes) {
    catalog.caseTypes = (await controller.request("hrbox/caseTypes", null)).caseTypes;
  }
  await loadColleagues(controller);
}

async function loadColleagues(controller) {
  if (!catalog.colleagues) {
    const result = await controller.request("hrbox/colleagues", null);
    catalog.colleagues = result.colleagues;
    catalog.me = result.me ?? null;
  }
}

function installNewTodo(controller) {
  const form = element("todo-form");

  element("add-todo").addEventListener("click", (event) => {
    const opener = event.currentTarget;
    controller.run(async () => {
      await loadColleagues(controller);
      form.reset();
      fillSelect(form.elements.assignee, assigneeChoices(), catalog.me ?? "");
      element("shared-with").replaceChildren(...catalog.colleagues.map(sharedWithChoice));
      element("todo-about").textContent = aboutLine(controller.box.targets[0]);
      openForm("todo-form", opener);
    });
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const params = newTodoParams(form.elements, controller.box);
      const { todo } = await controller.request("hrbox/addTodo", params);
      closeForm();
      const due = todo.due ? `, due ${todo.due}` : "";
      const assignee = todo.assignee ? ` for ${text.colleagueName(todo.assignee, catalog.colleagues)}` : "";
      showStatus(`Planned "${todo.title}"${assignee}${due}.`);
    });
  });
}

// The colleagues a to-do can be assigned to. hrbox assigns a to-do without an assignee to the user, so
// the list offers no "no one" choice. It offers an empty choice only when no colleague is configured as the user.
function assigneeChoices() {
  const colleagues = catalog.colleagues.map((colleague) => ({ value: colleague.id, label: colleague.name }));
  if (catalog.me) {
    return colleagues;
  }
  return [{ value: "", label: "no one (hrbox's configuration names no colleague as you)" }].concat(colleagues);
}

// Reads and checks the to-do form, and returns the params of hrbox/addTodo.
function newTodoParams(fields, box) {
  const params = { title: fields.title.value.trim() };
  if (!params.title) {
    throw invalidInput("title", "Enter a title for the to-do.");
  }
  if (fields.due.validity.badInput) {
    throw invalidInput("due", "The due date is not a date. Enter it as YYYY-MM-DD, or leave it empty.");
  }
  if (fields.due.value) {
    if (!text.isCalendarDate(fields.due.value)) {
      throw invalidInput("due", `The due date "${fields.due.value}" is not a date. Enter it as YYYY-MM-DD.`);
    }
    params.due = fields.due.value;
  }
  if (fields.assignee.value) {
    params.assignee = fields.assignee.value;
  }
  params.sharedWith = [...element("shared-with").querySelectorAll("input:checked")].map((checkbox) => checkbox.value);
  const target = box.targets[0];
  if (target) {
    params.personId = target.person.id;
    if (target.caseId !== null) {
      params.caseId = target.caseId;
    }
  }
  if (fields.linkMessage.checked) {
    params.message = box.message;
  }
  return params;
}

function sharedWithChoice(colleague) {
  const label = document.createElement("label");
  label.className = "inline";
  const checkbox = Object.assign(document.createElement("input"), { type: "checkbox", value: colleague.id });
  label.append(checkbox, ` ${colleague.name}`);
  return label;
}

// Describes which person and case a new to-do is about, as the form shows it.
function aboutLine(target) {
  if (!target) {
    return "About no person: choose a person first to plan a to-do about them.";
  }
  const chosenCase = target.cases.find((someCase) => someCase.id === target.caseId);
  const under = chosenCase ? `, case "${chosenCase.title}"` : "";
  return `About ${text.fullName(target.person)}${under}.`;
}
