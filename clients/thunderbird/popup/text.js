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
export function contact(participant) {
  return participant.name ? `${participant.name} <${participant.address}>` : participant.address;
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
    return `for ${filing.personName}${under} on ${filing.filedAt.slice(0, 10)}`;
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
        return `Filed already in ${place} on ${outcome.filedAt.slice(0, 10)}.`;
      }
      return `Stored in ${place}.`;
    })
    .join(" ");
}

// Today in the local time zone as YYYY-MM-DD, the form of every date in the protocol.
export function today() {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${month}-${day}`;
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
