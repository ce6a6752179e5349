"""Files every message of a Maildir through `hrbox serve`, as a back-filing client would.

Usage: python3 filing_client.py HRBOX STORE MAILDIR SUMMARY

For each file it sends `hrbox/lookup` with a path source and, when the response names a
default person, `hrbox/store` for that person. Requests are pipelined on the one connection: a writer
thread sends every lookup without waiting, and the reader hands it each store as soon as that
message's lookup is answered. The summary file gets one JSON object with how many messages were stored, how many
had no person and how many requests failed, so that bench/run can check the run.
"""

import json
import os
import queue
import subprocess
import sys
import threading

import lsp


def maildir_files(maildir):
    paths = []
    for folder in ("cur", "new"):
        directory = os.path.join(maildir, folder)
        paths += [os.path.join(directory, name) for name in sorted(os.listdir(directory))]
    return paths


def main():
    hrbox, store, maildir, summary_path = sys.argv[1:5]
    paths = maildir_files(maildir)
    server = subprocess.Popen(
        [hrbox, "serve", "--store", store], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    reader = lsp.FrameReader(server.stdout)
    outgoing = queue.Queue()

    def write_all():
        server.stdin.write(lsp.initialize(request_id=0))
        for number, path in enumerate(paths):
            server.stdin.write(lsp.request(2 * number + 1, "hrbox/lookup", {"message": {"path": path}}))
            if number % 64 == 63:
                server.stdin.flush()
            while not outgoing.empty():
                server.stdin.write(outgoing.get())
        server.stdin.flush()
        while (frames := outgoing.get()) is not None:
            server.stdin.write(frames)
            server.stdin.flush()

    writer = threading.Thread(target=write_all)
    writer.start()

    counts = {"stored": 0, "without_person": 0, "failed": 0}
    pending = len(paths) + 1
    while pending:
        message = reader.read()
        if message is None:
            raise RuntimeError("hrbox serve closed its output with %d responses missing" % pending)
        request_id = message.get("id")
        if request_id is None:
            continue
        pending -= 1
        if "error" in message:
            counts["failed"] += 1
        elif request_id % 2 == 1:
            person = message["result"].get("defaultPerson")
            if person is None:
                counts["without_person"] += 1
            else:
                path = paths[request_id // 2]
                params = {"message": {"path": path}, "targets": [{"personId": person["id"]}]}
                outgoing.put(lsp.request(request_id + 1, "hrbox/store", params))
                pending += 1
        elif request_id > 0:
            counts["stored"] += 1

    outgoing.put(lsp.shutdown(request_id=len(paths) * 2 + 2))
    outgoing.put(None)
    writer.join()
    server.stdin.close()
    counts["exit_status"] = server.wait()
    with open(summary_path, "w") as file:
        json.dump(counts, file)
    return 0 if counts["failed"] == 0 and counts["exit_status"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
