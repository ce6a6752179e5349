"""JSON-RPC 2.0 frames with Language Server Protocol framing, for the benchmark's clients.

Everything here runs outside the measured servers: it writes the frames files that
`bench/run` feeds to a server on stdin, and drives a server over pipes where a figure needs
answers back (filing, idle RSS).
"""

import base64
import json
import subprocess


def frame(message):
    """Return one message as a frame: a Content-Length header counted in bytes, then the body."""
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def request(request_id, method, params=None):
    message = {"jsonrpc": "2.0", "id": request_id, "method": method}
    if params is not None:
        message["params"] = params
    return frame(message)


def notification(method, params=None):
    message = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        message["params"] = params
    return frame(message)


def initialize(request_id=1):
    """Return the frames that open a session: `initialize` and the `initialized` notification."""
    params = {"clientInfo": {"name": "hrbox-bench", "version": "1"}}
    return request(request_id, "initialize", params) + notification("initialized", {})


def shutdown(request_id):
    """Return the frames that end a session: `shutdown`, then `exit`."""
    return request(request_id, "shutdown") + notification("exit")


def base64_source(raw):
    return {"base64": base64.b64encode(raw).decode("ascii")}


class FrameReader:
    """Splits the bytes a server writes into JSON messages."""

    def __init__(self, stream):
        self.stream = stream
        self.buffer = bytearray()

    def read(self):
        """Return the next message, or None when the stream has ended."""
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                length = self._content_length(bytes(self.buffer[:header_end]))
                body_start = header_end + 4
                if len(self.buffer) >= body_start + length:
                    body = bytes(self.buffer[body_start:body_start + length])
                    del self.buffer[:body_start + length]
                    return json.loads(body)
            chunk = self.stream.read1(1 << 16)
            if not chunk:
                return None
            self.buffer += chunk

    @staticmethod
    def _content_length(header):
        for line in header.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                return int(value)
        raise ValueError("a frame header without Content-Length: %r" % header[:200])


def read_all(path):
    """Return every message in a file of frames, such as a server's saved stdout."""
    with open(path, "rb") as stream:
        reader = FrameReader(stream)
        messages = []
        while (message := reader.read()) is not None:
            messages.append(message)
        return messages


class Session:
    """A server started as a child process, spoken to over its stdin and stdout."""

    def __init__(self, command, env=None):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self.reader = FrameReader(self.process.stdout)
        self.next_id = 1

    def send(self, frames):
        self.process.stdin.write(frames)
        self.process.stdin.flush()

    def call(self, method, params=None):
        """Send one request and return its response, skipping notifications such as progress."""
        request_id = self.next_id
        self.next_id += 1
        self.send(request(request_id, method, params))
        while True:
            message = self.reader.read()
            if message is None:
                raise RuntimeError("the server closed its output before answering %s" % method)
            if message.get("id") == request_id:
                return message

    def close(self):
        """End the session with `shutdown` and `exit`, and return the server's exit status."""
        self.call("shutdown")
        self.send(notification("exit"))
        self.process.stdin.close()
        return self.process.wait(timeout=60)
