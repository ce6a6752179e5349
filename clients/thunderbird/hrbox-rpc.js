// A JSON-RPC 2.0 client for hrbox over a Thunderbird native messaging port.
//
// Thunderbird starts hrbox through the native host manifest that `hrbox thunderbird install` writes,
// and frames each message as a 32-bit length and the JSON. This module only sends and receives
// JSON values: one request gets one reply, matched by id. The popup and the test driver both use it.

// The name of the native messaging host, as in the manifest `hrbox thunderbird install` writes.
export const NATIVE_HOST_NAME = "hrbox";

// The sentence shown when Thunderbird finds no native host manifest for hrbox.
export const NOT_INSTALLED_MESSAGE = "hrbox is not installed: run `hrbox thunderbird install`.";

// The sentence shown when the manifest is there but Thunderbird could not start the program it names,
// as when hrbox was moved or deleted after `hrbox thunderbird install`.
export const NOT_STARTED_MESSAGE =
  "hrbox could not be started. If hrbox was moved or removed, run `hrbox thunderbird install` again " +
  "with the hrbox in its new place.";

// An error reply from hrbox, or a connection that failed, with a sentence for the user in `message`.
//
// `code` is the JSON-RPC error code for a reply and null for a failed connection. `data` is the
// error's data member when the reply had one.
export class HRBoxError extends Error {
  constructor(message, code = null, data = undefined) {
    super(message);
    this.name = "HRBoxError";
    this.code = code;
    this.data = data;
  }
}

// A connection to one hrbox process: initialized when `open` resolves, ended by `close`.
export class HRBoxConnection {
  // Starts hrbox, sends `initialize` and `initialized`, and resolves to the connection.
  //
  // `clientName` and `clientVersion` go into `clientInfo`, which hrbox records in the audit trail.
  // Rejects with an HRBoxError when hrbox is not installed or rejects the initialization, and then
  // closes the port, so that no hrbox is left running for a connection nobody uses.
  static async open(clientName, clientVersion) {
    const port = messenger.runtime.connectNative(NATIVE_HOST_NAME);
    const connection = new HRBoxConnection(port);
    try {
      connection.initializeResult = await connection.request("initialize", {
        clientInfo: { name: clientName, version: clientVersion },
      });
    } catch (error) {
      if (!connection.closedError) {
        connection.markClosed(error);
      }
      port.disconnect();
      throw error;
    }
    connection.notify("initialized", {});
    return connection;
  }

  constructor(port) {
    this.port = port;
    this.nextId = 1;
    this.pending = new Map();
    this.closedError = null;
    this.initializeResult = null;
    this.onClose = null;

    port.onMessage.addListener((message) => this.receive(message));
    port.onDisconnect.addListener((disconnected) => this.portClosed(disconnected.error));
  }

  // Sends a request and resolves to its result, or rejects with an HRBoxError.
  request(method, params) {
    if (this.closedError) {
      return Promise.reject(this.closedError);
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ jsonrpc: "2.0", id, method, params });
    });
  }

  // Sends a notification, to which hrbox sends no reply.
  notify(method, params) {
    if (!this.closedError) {
      this.port.postMessage({ jsonrpc: "2.0", method, params });
    }
  }

  // Ends the session as the protocol requires: `shutdown`, its reply, then `exit`, and closes the port.
  // Resolves to true when hrbox replied to `shutdown`, and never rejects, so a page may call it as it
  // goes away.
  //
  // A popup that is closing cannot wait for the reply. Thunderbird then closes hrbox's standard
  // input, and hrbox exits with status 0 because `shutdown` came before the end of its input.
  async close() {
    if (this.closedError) {
      return false;
    }
    let replied;
    try {
      await this.request("shutdown", null);
      this.notify("exit", null);
      replied = true;
    } catch {
      // The port closed before the reply: hrbox is gone already, so there is nothing left to end.
      replied = false;
    }
    if (!this.closedError) {
      this.markClosed(new HRBoxError("The connection to hrbox is closed."));
    }
    this.port.disconnect();
    return replied;
  }

  receive(message) {
    if (Array.isArray(message) || message === null || typeof message !== "object") {
      return;
    }
    if (!("id" in message)) {
      return; // A notification such as $/progress, which this client does not show.
    }
    if (message.id === null) {
      // hrbox could not read a frame and cannot say which request it belonged to.
      const error = replyError(message.error);
      for (const waiting of this.pending.values()) {
        waiting.reject(error);
      }
      this.pending.clear();
      return;
    }

    const waiting = this.pending.get(message.id);
    if (!waiting) {
      return;
    }
    this.pending.delete(message.id);
    if (message.error) {
      waiting.reject(replyError(message.error));
    } else {
      waiting.resolve(message.result);
    }
  }

  portClosed(portError) {
    if (this.closedError) {
      return;
    }
    this.markClosed(disconnectError(portError, this.initializeResult !== null));
  }

  markClosed(error) {
    this.closedError = error;
    for (const waiting of this.pending.values()) {
      waiting.reject(error);
    }
    this.pending.clear();
    if (this.onClose) {
      this.onClose(error);
    }
  }
}

function replyError(error) {
  if (!error || typeof error.message !== "string") {
    return new HRBoxError("hrbox sent an error without a message.", error?.code ?? null);
  }
  return new HRBoxError(error.message, error.code, error.data);
}

// Turns the reason Thunderbird gives for a closed port into a sentence that tells what to do.
//
// Thunderbird 153 gives "No such native application hrbox" both for a missing manifest and for one
// whose allowed_extensions leaves out this extension. `hrbox thunderbird install` fixes either. It
// gives "An unexpected error occurred" when the manifest's path names no program it can start; after
// `initialize` succeeded, the same words mean hrbox stopped later.
function disconnectError(portError, wasInitialized) {
  const reason = portError?.message ?? "";
  if (/no such native application/i.test(reason)) {
    return new HRBoxError(NOT_INSTALLED_MESSAGE);
  }
  if (!wasInitialized && /unexpected error/i.test(reason)) {
    return new HRBoxError(NOT_STARTED_MESSAGE);
  }
  if (reason) {
    // NOTE: Firefox's native messaging code writes a host's standard error to the Browser Console.
    // Whether Thunderbird's Error Console shows it too was not checked.
    return new HRBoxError(
      `hrbox stopped unexpectedly (${reason}). Thunderbird's Error Console (Ctrl+Shift+J) shows hrbox's log.`,
    );
  }
  return new HRBoxError("hrbox stopped. Open the HR box again to restart it.");
}
