// The HR box's forms: search for a person (to change the person or add a second one), add a new
// person, add a case and add a to-do. Each form replaces the box while it is open.

import { HRBoxError } from "../hrbox-rpc.js";
import * as text from "./text.js";
import { element, fillSelect, showPart, showStatus } from "./ui.js";

// The lists that change rarely, fetched the first time a form needs them.
const catalog = { caseTypes: null, colleagues: null, me: null };

// Wires the box's buttons to the forms. `controller` gives the box's state and operations.
export function installForms(controller) {
  for (const cancel of document.querySelectorAll("form .cancel")) {
    cancel.addEventListener("click", () => showPart("box"));
  }
  installSearch(controller);
  installNewPerson(controller);
  installNewCase(controller);
  installNewTodo(controller);
}

function installSearch(controller) {
  const form = element("search-form");
  const results = element("search-results");
  // The index of the target the chosen person becomes: 0 to change the person, 1 for a second one.
  let targetIndex = 0;

  const open = (index, title) => {
    targetIndex = index;
    element("search-title").textContent = title;
    results.replaceChildren();
    form.reset();
    showPart("search-form");
    element("search-query").focus();
  };
  element("change-person").addEventListener("click", () => open(0, "Change person"));
  element("choose-second").addEventListener("click", () => open(1, "Store for a second person"));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const query = element("search-query").value.trim();
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
      showStatus("");
      showPart("box");
    }),
  );
  const item = document.createElement("li");
  item.append(button);
  return item;
}

function installNewPerson(controller) {
  const form = element("person-form");

  element("add-person").addEventListener("click", () => {
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
    showPart("person-form");
    form.elements.firstName.focus();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const fields = form.elements;
      const params = {
        firstName: fields.firstName.value.trim(),
        lastName: fields.lastName.value.trim(),
        addresses: fields.addresses.value.split(/[\s,;]+/).filter((address) => address),
        status: fields.status.value,
      };
      for (const name of ["employeeNumber", "department", "jobTitle"]) {
        const value = fields[name].value.trim();
        if (value) {
          params[name] = value;
        }
      }
      if (!params.firstName && !params.lastName) {
        throw new HRBoxError("Enter a first name or a last name for the new person.");
      }

      const { person } = await controller.request("hrbox/addPerson", params);
      await controller.setTarget(0, person);
      await controller.refreshLookup();
      showStatus(`Added ${text.fullName(person)}. Store to file the message in the new personnel file.`);
      showPart("box");
    });
  });
}

function installNewCase(controller) {
  const form = element("case-form");
  const caseTypeSelect = form.elements.caseType;

  element("add-case").addEventListener("click", () =>
    controller.run(async () => {
      if (!catalog.caseTypes) {
        catalog.caseTypes = (await controller.request("hrbox/caseTypes", null)).caseTypes;
      }
      if (catalog.caseTypes.length === 0) {
        throw new HRBoxError("There are no case types yet. Import them with `hrbox case-types import`.");
      }
      form.reset();
      const people = controller.box.targets.map((target, index) => ({ value: index, label: text.fullName(target.person) }));
      fillSelect(form.elements.target, people, 0);
      fillSelect(caseTypeSelect, catalog.caseTypes.map((type) => ({ value: type.id, label: type.name })), null);
      form.elements.startDate.value = text.today();
      showWorkflow();
      showPart("case-form");
    }),
  );
  caseTypeSelect.addEventListener("change", showWorkflow);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const index = Number(form.elements.target.value);
      const target = controller.box.targets[index];
      const params = {
        personId: target.person.id,
        caseTypeId: Number(caseTypeSelect.value),
        startDate: form.elements.startDate.value,
      };
      const title = form.elements.title.value.trim();
      if (title) {
        params.title = title;
      }

      const result = await controller.request("hrbox/addCase", params);
      await controller.setTarget(index, target.person);
      controller.box.targets[index].caseId = result.case.id;
      controller.render();
      const todos = result.todos.length === 1 ? "1 to-do" : `${result.todos.length} to-dos`;
      showStatus(`Started "${result.case.title}" with ${todos}. The message is filed under it when you store.`);
      showPart("box");
    });
  });

  function showWorkflow() {
    const caseType = catalog.caseTypes?.find((type) => String(type.id) === caseTypeSelect.value);
    const steps = (caseType?.workflow ?? []).map((step) => {
      const item = document.createElement("li");
      const due = step.dueAfterDays === 0 ? "due on the start date" : `due after ${step.dueAfterDays} days`;
      item.textContent = `${step.title}: ${due}${step.assignee ? `, for ${step.assignee}` : ""}`;
      return item;
    });
    element("workflow").replaceChildren(...steps);
  }
}

function installNewTodo(controller) {
  const form = element("todo-form");

  element("add-todo").addEventListener("click", () =>
    controller.run(async () => {
      if (!catalog.colleagues) {
        const result = await controller.request("hrbox/colleagues", null);
        catalog.colleagues = result.colleagues;
        catalog.me = result.me ?? null;
      }
      form.reset();
      const assignees = [{ value: "", label: "no one" }].concat(
        catalog.colleagues.map((colleague) => ({ value: colleague.id, label: colleague.name })),
      );
      fillSelect(form.elements.assignee, assignees, catalog.me ?? "");
      element("shared-with").replaceChildren(...catalog.colleagues.map(sharedWithChoice));
      element("todo-about").textContent = aboutLine(controller.box.targets[0]);
      showPart("todo-form");
      form.elements.title.focus();
    }),
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    controller.run(async () => {
      const fields = form.elements;
      const params = { title: fields.title.value.trim() };
      if (!params.title) {
        throw new HRBoxError("Enter a title for the to-do.");
      }
      if (fields.due.value) {
        params.due = fields.due.value;
      }
      if (fields.assignee.value) {
        params.assignee = fields.assignee.value;
      }
      params.sharedWith = [...element("shared-with").querySelectorAll("input:checked")].map((box) => box.value);
      const target = controller.box.targets[0];
      if (target) {
        params.personId = target.person.id;
        if (target.caseId !== null) {
          params.caseId = target.caseId;
        }
      }
      if (fields.linkMessage.checked) {
        params.message = controller.box.message;
      }

      const { todo } = await controller.request("hrbox/addTodo", params);
      const due = todo.due ? `, due ${todo.due}` : "";
      const assignee = todo.assignee ? ` for ${todo.assignee}` : "";
      showStatus(`Planned "${todo.title}"${assignee}${due}.`);
      showPart("box");
    });
  });
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
