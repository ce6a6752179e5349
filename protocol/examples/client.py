#!/usr/bin/env python3
"""File a message for its default person with `hrbox serve`. Usage: client.py MESSAGE.eml [HRBOX]"""
import base64, itertools, json, os, subprocess, sys
request_ids = itertools.count(1)


def send(server, message):
    body = json.dumps(message).encode("utf-8")
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive(server):
    length = None  # Header lines end at an empty line, followed by Content-Length bytes of JSON.
    while (line := server.stdout.readline().strip()) != b"":
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length is None:
        raise RuntimeError("hrbox closed its output or sent a frame without Content-Length")
    return json.loads(server.stdout.read(length))


def call(server, method, params=None):
    request = {"jsonrpc": "2.0", "id": next(request_ids), "method": method}
    if params is not None:
        request["params"] = params
    send(server, request)
    reply = receive(server)  # This client sends one request at a time, so this is its reply.
    error = reply.get("error")
    if error:
        raise RuntimeError(f"{method} failed with {error['code']}: {error['message']}")
    return reply["result"]


def file_message(server, message):
    """Look the message up, file it for its default person and return the line to print."""
    person = call(server, "hrbox/lookup", {"message": message}).get("defaultPerson")
    if person is None:
        return "No address of the message belongs to a person, so nothing was filed."
    targets = [{"personId": person["id"]}]
    outcome = call(server, "hrbox/store", {"message": message, "targets": targets})["filings"][0]
    name = " ".join(part for part in (person["firstName"], person["lastName"]) if part)
    filed = "filed already on" if outcome["alreadyFiled"] else "filed on"
    return f"{name}: {filed} {outcome['filedAt']}"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    executable = sys.argv[2] if len(sys.argv) == 3 else "hrbox"
    try:
        with open(sys.argv[1], "rb") as file:
            message = {"base64": base64.b64encode(file.read()).decode("ascii")}
    except OSError as error:
        sys.exit(f"Cannot read the message {sys.argv[1]}: {error.strerror}. Give the path of a raw .eml file.")
    try:
        server = subprocess.Popen([executable, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    except OSError as error:
        sys.exit(f"Cannot start {executable}: {error.strerror}. Give the hrbox executable as the second argument.")

    try:
        call(server, "initialize", {"clientInfo": {"name": "client.py"}, "processId": os.getpid()})
        send(server, {"jsonrpc": "2.0", "method": "initialized"})
        print(file_message(server, message))
        call(server, "shutdown")
        send(server, {"jsonrpc": "2.0", "method": "exit"})
    except (RuntimeError, OSError, ValueError) as error:
        stop(server)
        sys.exit(f"hrbox serve failed: {error}")
    return server.wait()


def stop(server):
    """End the server after a failure: the end of its input counts as `exit`."""
    try:
        server.stdin.close()
    except BrokenPipeError:
        pass  # The server has exited already, and that is all closing its input should achieve.
    server.wait()


if __name__ == "__main__":
    sys.exit(main())
