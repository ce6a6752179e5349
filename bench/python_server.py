"""A minimal JSON-RPC 2.0 server in Python's standard library, the benchmark's peer for `hrbox serve`.

Usage: python3 python_server.py PEOPLE.sqlite

It speaks the same framing on stdin and stdout and answers `initialize`, `shutdown`, `exit` and
`hrbox/lookup`. Its lookup takes the same params (`{"message": {"base64": ...}}`), reads the From
address out of the header section and looks it up in the plain people table. Any other method
gets -32601, which is the trivial request of the warm figure. It reads its input in large chunks
and writes all the responses to one chunk at once, as a server written for speed would.
"""

import base64
import json
import os
import sqlite3
import sys


class Server:
    def __init__(self, database_path):
        self.database_path = database_path
        self.connection = None
        self.exit_status = None

    def handle(self, message):
        """Return the response to one message, or None for a notification."""
        method = message.get("method")
        request_id = message.get("id")
        if method == "exit":
            self.exit_status = 0
            return None
        if request_id is None:
            return None
        if method == "initialize":
            return {"jsonrpc": "2.0", "id": request_id, "result": {"serverInfo": {"name": "python-bench", "version": "1"}}}
        if method == "shutdown":
            return {"jsonrpc": "2.0", "id": request_id, "result": None}
        if method == "hrbox/lookup":
            return {"jsonrpc": "2.0", "id": request_id, "result": self.lookup(message["params"])}
        return {"jsonrpc": "2.0", "id": request_id, "error": {"code": -32601, "message": "Method not found: %s" % method}}

    def lookup(self, params):
        raw = base64.b64decode(params["message"]["base64"])
        address = from_address(raw)
        if self.connection is None:
            self.connection = sqlite3.connect("file:%s?mode=ro" % self.database_path, uri=True)
        row = self.connection.execute(
            "SELECT id, first_name, last_name, status FROM people WHERE address = ?", (address.lower(),)).fetchone()
        participant = {"role": "from", "address": address}
        if row:
            participant["person"] = {"id": row[0], "firstName": row[1], "lastName": row[2], "status": row[3]}
        return {"participants": [participant], "defaultPerson": participant.get("person")}


def from_address(raw):
    """Return the address in angle brackets of the From field, or the field's whole value."""
    head = raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n", b"\n")
    for line in head.split(b"\n"):
        if line[:5].lower() == b"from:":
            value = line[5:].decode("utf-8", "replace").strip()
            if "<" in value and value.endswith(">"):
                return value[value.rindex("<") + 1:-1]
            return value
    return ""


def frames(buffer):
    """Yield the bodies of the complete frames at the start of `buffer`, and delete them from it."""
    while True:
        header_end = buffer.find(b"\r\n\r\n")
        if header_end < 0:
            return
        length = None
        for line in bytes(buffer[:header_end]).split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise ValueError("a frame header without Content-Length")
        end = header_end + 4 + length
        if len(buffer) < end:
            return
        body = bytes(buffer[header_end + 4:end])
        del buffer[:end]
        yield body


def main():
    server = Server(sys.argv[1])
    buffer = bytearray()
    while server.exit_status is None:
        chunk = os.read(0, 1 << 20)
        if not chunk:
            break
        buffer += chunk
        output = []
        for body in frames(buffer):
            response = server.handle(json.loads(body))
            if response is not None:
                encoded = json.dumps(response, separators=(",", ":")).encode("utf-8")
                output.append(b"Content-Length: %d\r\n\r\n%s" % (len(encoded), encoded))
            if server.exit_status is not None:
                break
        data = b"".join(output)
        while data:
            data = data[os.write(1, data):]
    return server.exit_status if server.exit_status is not None else 1


if __name__ == "__main__":
    sys.exit(main())
