// The words the HR box uses for people, cases and messages, as the terminal HR box writes them.

const STATUS_LABELS = {
  employee: "employee",
  applicant: "applicant",
  formerEmployee: "former employee",
};

// First name, then last name, leaving out an empty one.
export function fullName(person) {
  return [person.firstName, person.lastName].filter((part) => part).join(" ");
}

// Name, employee number and status, such as "Anna Schmidt · E-1042 · employee".
export function personDetails(person) {
  const parts = [fullName(person)];
  if (person.employeeNumber) {
    parts.push(person.employeeNumber);
  }
  parts.push(STATUS_LABELS[person.status] ?? person.status);
  return parts.join(" · ");
}

// "Name <address>", or the address alone when the participant has no display name.
export function participant(someone) {
  return someone.name ? `${someone.name} <${someone.address}>` : someone.address;
}

// Who a participant's address belongs to: the person, "unknown" or "your address".
export function owner(participant) {
  const details = participant.person ? personDetails(participant.person) : "unknown";
  if (participant.isOwnAddress) {
    return participant.person ? `${details} · your address` : "your address";
  }
  return details;
}

export function roleLabel(role) {
  return { from: "From", to: "To", cc: "Cc", bcc: "Bcc" }[role] ?? role;
}

// Date, direction, size and attachments, such as "2026-11-30 09:12 +01:00 · received · 4.2 KiB · 1 attachment".
export function messageFacts(summary) {
  const facts = [summary.date ? readableTimestamp(summary.date) : "no date", summary.direction];
  facts.push(readableSize(summary.size));
  const count = summary.attachments.length;
  if (count === 1) {
    facts.push("1 attachment");
  } else if (count > 1) {
    facts.push(`${count} attachments`);
  }
  return facts.join(" · ");
}

// Where the message is filed already, or that it is not filed yet.
export function filedLine(filings) {
  if (filings.length === 0) {
    return "Not filed yet.";
  }
  const places = filings.map((filing) => {
    const under = filing.caseTitle ? ` under "${filing.caseTitle}"` : "";
    return `for ${filing.personName}${under} on ${localDate(filing.filedAt)}`;
  });
  return `Filed already ${places.join("; ")}.`;
}

// A case as the "File under" list shows it: "Sick leave 2026-11-30 (Sick leave, since 2026-11-30)".
export function caseLabel(someCase) {
  return `${someCase.title} (${someCase.caseType}, since ${someCase.startDate})`;
}

// One sentence per target of a store request, such as "Stored in Tobias Brandt's personnel file."
export function storedSentence(result, targets) {
  return result.filings
    .map((outcome, index) => {
      const target = targets[index];
      const chosenCase = target.cases.find((someCase) => someCase.id === outcome.caseId);
      const under = chosenCase ? ` under "${chosenCase.title}"` : "";
      const place = `${fullName(target.person)}'s personnel file${under}`;
      if (outcome.alreadyFiled) {
        return `Filed already in ${place} on ${localDate(outcome.filedAt)}.`;
      }
      return `Stored in ${place}.`;
    })
    .join(" ");
}

// Today in the local time zone as YYYY-MM-DD, the form of every date in the protocol.
export function today() {
  return dateString(new Date());
}

// The local date, as YYYY-MM-DD, of an RFC 3339 instant such as hrbox's "2026-12-05T23:30:00Z".
// Another form is cut to its first ten characters.
export function localDate(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant.slice(0, 10) : dateString(date);
}

// Returns whether `value` is a date of the calendar written as YYYY-MM-DD, as the protocol wants.
export function isCalendarDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

// When a workflow step's to-do is due: "due on the start date", "due after 1 day", "due after 5 days".
export function dueAfter(days) {
  if (days === 0) {
    return "due on the start date";
  }
  return days === 1 ? "due after 1 day" : `due after ${days} days`;
}

// A colleague's name for the id hrbox uses, or the id itself for a colleague not in `colleagues`.
export function colleagueName(id, colleagues) {
  return colleagues.find((colleague) => colleague.id === id)?.name ?? id;
}

// The labels of the params that the popup's forms send, as the forms name them.
const FIELD_LABELS = {
  firstName: "first name",
  lastName: "last name",
  addresses: "addresses",
  employeeNumber: "employee number",
  department: "department",
  jobTitle: "job title",
  status: "status",
  caseTypeId: "case type",
  startDate: "start date",
  title: "title",
  due: "due date",
  assignee: "assignee",
  sharedWith: "shared with",
  query: "search",
};

// Turns the message of hrbox's invalid-params error (-32602), such as
// 'Invalid params: startDate: expected a date as YYYY-MM-DD, found ""', into a sentence that names the
// field as the form labels it.
export function invalidParamsSentence(message) {
  const detail = message.replace(/^Invalid params:\s*/, "");
  const match = /^([A-Za-z]+)(?:\[\d+\])?(?:\.[A-Za-z]+)*:\s*(.+)$/s.exec(detail);
  const label = match ? FIELD_LABELS[match[1]] : undefined;
  if (!label) {
    return withFullStop(`hrbox did not accept what the form sent: ${detail}`);
  }
  return withFullStop(`Check the ${label}: ${match[2]}`);
}

function withFullStop(sentence) {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function dateString(date) {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

// "2026-11-30T09:12:00+01:00" as "2026-11-30 09:12 +01:00"; another form is returned unchanged.
function readableTimestamp(timestamp) {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(timestamp);
  if (!match) {
    return timestamp;
  }
  const zone = match[3] === "Z" ? "UTC" : match[3];
  return zone ? `${match[1]} ${match[2]} ${zone}` : `${match[1]} ${match[2]}`;
}

// A byte count as "812 bytes", "4.2 KiB" or "1.3 MiB".
function readableSize(bytes) {
  if (bytes < 1024) {
    return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  }
  const kibibytes = bytes / 1024;
  if (kibibytes < 1024) {
    return `${kibibytes.toFixed(1)} KiB`;
  }
  return `${(kibibytes / 1024).toFixed(1)} MiB`;
}
