// Reads a message's raw bytes from Thunderbird and shapes them as a MessageSource for hrbox.

// Resolves to `{base64: ...}` holding the message's bytes exactly as Thunderbird keeps them.
//
// For a message in a local folder the bytes start with X-Mozilla-Status, X-Mozilla-Status2 and
// X-Mozilla-Keys header fields, which hrbox drops before it stores the message. `getRaw` with
// `data_format: "File"` needs Thunderbird 117 or newer. The default format gives a binary string
// that is easy to mangle, so this module never uses it.
export async function readMessageSource(messageId) {
  const file = await messenger.messages.getRaw(messageId, { data_format: "File" });
  return { base64: await base64Of(file) };
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
