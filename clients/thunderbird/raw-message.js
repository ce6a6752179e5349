// Reads a message's raw bytes from Thunderbird and shapes them as a MessageSource for hrbox.

import { HRBoxError } from "./hrbox-rpc.js";

// hrbox's default limit on one request's JSON body: 72 MiB, as protocol/README.md states. A native host
// cannot be started with another limit, so the extension always meets this one.
const REQUEST_BODY_LIMIT = 75497472;

// Room kept in a request for the JSON around the message, such as a to-do's title and shared colleagues.
const ROOM_FOR_OTHER_PARAMS = 65536;

// The largest raw message that fits into a request as base64, which makes it a third larger.
export const MAXIMUM_MESSAGE_BYTES = Math.floor((REQUEST_BODY_LIMIT - ROOM_FOR_OTHER_PARAMS) / 4) * 3;

// Resolves to `{base64: ...}` holding the message's bytes exactly as Thunderbird keeps them, or rejects
// with an HRBoxError before encoding a message larger than hrbox accepts.
//
// For a message in a local folder the bytes start with X-Mozilla-Status, X-Mozilla-Status2 and
// X-Mozilla-Keys header fields, which hrbox drops before it stores the message, but which count
// towards the limit. `getRaw` with `data_format: "File"` needs Thunderbird 117 or newer. The default
// format gives a binary string that is easy to mangle, so this module never uses it.
export async function readMessageSource(messageId) {
  const file = await messenger.messages.getRaw(messageId, { data_format: "File" });
  if (file.size > MAXIMUM_MESSAGE_BYTES) {
    throw new HRBoxError(
      `This message is ${megabytes(file.size)}, larger than the ${megabytes(MAXIMUM_MESSAGE_BYTES)} ` +
        "hrbox accepts from Thunderbird, so the HR box cannot file it.",
    );
  }
  return { base64: await base64Of(file) };
}

// A byte count in megabytes of 1,000,000 bytes with one decimal, such as "56.6 MB".
function megabytes(bytes) {
  return `${(bytes / 1000000).toFixed(1)} MB`;
}

function base64Of(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // A data URL is "data:TYPE;base64," followed by the bytes in base64.
      const dataURL = reader.result;
      const comma = dataURL.indexOf(",");
      resolve(comma < 0 ? "" : dataURL.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
