"""The figures of the benchmark. Each checks every program's output once, then measures, and
returns a results.Table."""

import json
import os
import shlex
import shutil
import subprocess

import lsp
import tools
from results import Table

HERE = os.path.dirname(os.path.abspath(__file__))
MIB = 1024 * 1024


class Bench:
    """The context of every figure: the programs, the data, the stores and the run's settings."""

    def __init__(self, hrbox, data, work, env, settings):
        self.hrbox = hrbox
        self.data = data
        self.work = work
        self.env = env
        self.settings = settings
        self.stores = {}
        self.start_exit = None
        self.with_stdin = None

    def path(self, name):
        return os.path.join(self.work, name)

    def hyperfine(self, name, command, runs, warmup=2, prepare=None, shell=False, extra_env=None):
        env = dict(self.env, **(extra_env or {}))
        return tools.hyperfine(name, command, self.work, env, runs, warmup, prepare, shell)

    def fed(self, command, frames_path):
        """Return `command` with a frames file as its stdin, runnable without a shell."""
        return "%s %s %s" % (shlex.quote(self.with_stdin), shlex.quote(frames_path), command)

    def write_frames(self, name, frames):
        path = self.path(name)
        with open(path, "wb") as file:
            file.write(frames)
        return path

    def serve_command(self, store):
        return "%s serve --store %s" % (shlex.quote(self.hrbox), shlex.quote(store))

    def python_server_command(self, table):
        return "python3 %s %s" % (shlex.quote(os.path.join(HERE, "python_server.py")), shlex.quote(table))

    def answers(self, command, frames_path):
        """Run a server on a frames file and return its responses, failing on a non-zero exit status."""
        output = frames_path + ".out"
        with open(frames_path, "rb") as stdin, open(output, "wb") as stdout:
            subprocess.run(command, shell=True, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL,
                           env=self.env, check=True)
        return lsp.read_all(output)

    def output_of(self, command, extra_env=None):
        env = dict(self.env, **(extra_env or {}))
        return subprocess.run(command, shell=True, capture_output=True, text=True, env=env).stdout


class WrongAnswer(Exception):
    """A program gave a wrong response or output, so its time would mean nothing."""


def expect(condition, problem):
    if not condition:
        raise WrongAnswer(problem)


def lookup_person(response):
    return (response.get("result") or {}).get("defaultPerson") or {}


def sqlite_lookup_command(table, address):
    query = "SELECT first_name, last_name FROM people WHERE address = '%s'" % address.lower()
    return "sqlite3 -readonly %s %s" % (shlex.quote(table), shlex.quote(query))


def abook_command(bench, size, text):
    return "abook --datafile %s --mutt-query %s" % (shlex.quote(bench.data.abook(size)), shlex.quote(text))


def lbdbq_command(text):
    return "lbdbq %s" % shlex.quote(text)


def lbdbq_env(bench, size):
    """Return the variables that make lbdbq use only its m_muttalias method, on the alias file of `size` people."""
    return {"LBDB_OVERRIDE_METHODS": "m_muttalias", "OVERRIDE_MUTTALIAS_FILES": bench.data.mutt_aliases(size)}


def check_against_sqlite(table, label, median, sqlite, has_target):
    """Add the ratio of `median` to the sqlite3 lookup's, checked against at most 2x only where
    `has_target` (the largest people count), because the targets are set for 100,000 people."""
    ratio = median / sqlite.median
    if has_target:
        table.check("%s / sqlite3" % label, ratio, "at most 2x", ratio <= 2)
    else:
        table.note_only("%s / sqlite3" % label, ratio)


def cold_key_press(bench):
    tables = []
    largest = bench.settings["people"][-1]
    for size in bench.settings["people"]:
        person = bench.data.sender_near_end(size)
        message = bench.data.cold_message(size)
        frames = bench.write_frames("cold-%d.frames" % size, lsp.initialize() + lsp.request(
            2, "hrbox/lookup", {"message": lsp.base64_source(message)}) + lsp.shutdown(3))
        table_path = bench.data.people_table(size)
        hrbox = bench.serve_command(bench.stores[size])
        python = bench.python_server_command(table_path)
        sqlite = sqlite_lookup_command(table_path, person.address)
        abook = abook_command(bench, size, person.address)
        lbdbq = lbdbq_command(person.address)
        lbdb_variables = lbdbq_env(bench, size)

        hrbox_answer = bench.answers(hrbox, frames)
        expect(person.address in lookup_person(hrbox_answer[1]).get("addresses", []),
               "hrbox/lookup did not find the sender of the %d-people message" % size)
        expect(lookup_person(bench.answers(python, frames)[1]).get("lastName") == person.last_name,
               "the Python server did not find the sender")
        expect(person.last_name in bench.output_of(sqlite), "sqlite3 did not find the sender")
        expect(person.address in bench.output_of(abook), "abook did not find the sender")
        expect(person.address in bench.output_of(lbdbq, lbdb_variables), "lbdbq did not find the sender")

        runs = bench.settings["cold_runs"]
        timings = {
            "hrbox serve: initialize, hrbox/lookup, shutdown, exit": bench.hyperfine(
                "cold-hrbox-%d" % size, bench.fed(hrbox, frames), runs),
            "C program that starts and exits": bench.hyperfine("cold-start-%d" % size, bench.start_exit, runs),
            "the same under with-stdin (what feeding frames adds)": bench.hyperfine(
                "cold-with-stdin-%d" % size, bench.fed(bench.start_exit, frames), runs),
            "sqlite3 CLI, one indexed lookup": bench.hyperfine("cold-sqlite3-%d" % size, sqlite, runs),
            "abook --mutt-query": bench.hyperfine("cold-abook-%d" % size, abook, runs),
            "lbdbq (m_muttalias)": bench.hyperfine("cold-lbdbq-%d" % size, lbdbq, runs, extra_env=lbdb_variables),
            "Python JSON-RPC server, same session": bench.hyperfine(
                "cold-python-%d" % size, bench.fed(python, frames), runs),
        }

        table = Table(
            "Cold key press, {:,} people".format(size), "ms",
            "A new process per key press, as mutt and aerc start one. hrbox and the Python server read one "
            "frames file: initialize, initialized, hrbox/lookup of a %s-byte message (base64) whose sender is "
            "the tenth person from the end, shutdown, exit. The others look up the sender's address."
            % "{:,}".format(len(message)))
        for label, timing in timings.items():
            table.add_row(label, timing, 1000)
        hrbox_median = timings["hrbox serve: initialize, hrbox/lookup, shutdown, exit"].median
        check_against_sqlite(table, "hrbox", hrbox_median, timings["sqlite3 CLI, one indexed lookup"], size == largest)
        for label in ("abook --mutt-query", "lbdbq (m_muttalias)", "Python JSON-RPC server, same session"):
            table.note_only("hrbox / %s" % label.split(",")[0], hrbox_median / timings[label].median)
        tables.append(table)
    return tables


def completion_text(person):
    """Return what a user types to complete a person: the first four letters of the last name."""
    return person.last_name.replace("'", "").split()[-1][:4]


def completion(bench):
    tables = []
    largest = bench.settings["people"][-1]
    for size in bench.settings["people"]:
        person = bench.data.sender_near_end(size)
        text = completion_text(person)
        query = "%s query %s --store %s" % (shlex.quote(bench.hrbox), shlex.quote(text), shlex.quote(bench.stores[size]))
        sqlite = sqlite_lookup_command(bench.data.people_table(size), person.address)
        abook = abook_command(bench, size, text)
        lbdbq = lbdbq_command(text)
        lbdb_variables = lbdbq_env(bench, size)

        expect(text.lower() in bench.output_of(query).lower(), "hrbox query found nobody for %r" % text)
        expect(text.lower() in bench.output_of(abook).lower(), "abook found nobody for %r" % text)
        expect(text.lower() in bench.output_of(lbdbq, lbdb_variables).lower(), "lbdbq found nobody for %r" % text)

        runs = bench.settings["cold_runs"]
        timings = {
            "hrbox query": bench.hyperfine("query-hrbox-%d" % size, query, runs),
            "abook --mutt-query": bench.hyperfine("query-abook-%d" % size, abook, runs),
            "lbdbq (m_muttalias)": bench.hyperfine("query-lbdbq-%d" % size, lbdbq, runs, extra_env=lbdb_variables),
            "sqlite3 CLI, one indexed lookup (base)": bench.hyperfine("query-sqlite3-%d" % size, sqlite, runs),
        }

        table = Table(
            "Completion, {:,} people".format(size), "ms",
            "Address completion after a pause in typing, the query `%s` (the start of a last name). "
            "hrbox query prints up to 30 people in mutt's format." % text)
        for label, timing in timings.items():
            table.add_row(label, timing, 1000)
        query_median = timings["hrbox query"].median
        check_against_sqlite(
            table, "hrbox query", query_median, timings["sqlite3 CLI, one indexed lookup (base)"], size == largest)
        table.note_only("hrbox query / abook", query_median / timings["abook --mutt-query"].median)
        table.note_only("hrbox query / lbdbq", query_median / timings["lbdbq (m_muttalias)"].median)
        tables.append(table)
    return tables


def count_answers(answers, test):
    return sum(1 for answer in answers if test(answer))


def is_method_not_found(answer):
    return answer.get("error", {}).get("code") == -32601


def warm(bench):
    size = bench.settings["people"][-1]
    store = bench.stores[size]
    trivial_count = bench.settings["warm_trivial"]
    lookup_count = bench.settings["warm_lookups"]
    messages = bench.data.small_messages(size, 1000)
    sources = [lsp.base64_source(raw) for raw in messages]

    empty = bench.write_frames("warm-empty.frames", lsp.initialize() + lsp.shutdown(2))
    trivial = bench.write_frames("warm-trivial.frames", lsp.initialize() + b"".join(
        lsp.request(number + 2, "bench/nothing", {}) for number in range(trivial_count)) + lsp.shutdown(1))
    lookups = bench.write_frames("warm-lookup.frames", lsp.initialize() + b"".join(
        lsp.request(number + 2, "hrbox/lookup", {"message": sources[number % len(sources)]})
        for number in range(lookup_count)) + lsp.shutdown(1))
    hrbox = bench.serve_command(store)
    python = bench.python_server_command(bench.data.people_table(size))

    expect(count_answers(bench.answers(hrbox, trivial), is_method_not_found) == trivial_count,
           "hrbox did not answer every trivial request with -32601")
    expect(count_answers(bench.answers(python, trivial), is_method_not_found) == trivial_count,
           "the Python server did not answer every trivial request with -32601")
    expect(count_answers(bench.answers(hrbox, lookups), lambda answer: lookup_person(answer)) == lookup_count,
           "hrbox/lookup did not find the sender of every small message")

    runs = bench.settings["warm_runs"]

    def rate(name, command, frames, count, base):
        session = bench.hyperfine(name, bench.fed(command, frames), runs)
        return tools.Timing(count / (session.median - base.median), count / (session.maximum - base.median),
                            count / (session.minimum - base.median), session.runs)

    hrbox_base = bench.hyperfine("warm-hrbox-empty", bench.fed(hrbox, empty), runs)
    python_base = bench.hyperfine("warm-python-empty", bench.fed(python, empty), runs)
    hrbox_trivial = rate("warm-hrbox-trivial", hrbox, trivial, trivial_count, hrbox_base)
    hrbox_lookup = rate("warm-hrbox-lookup", hrbox, lookups, lookup_count, hrbox_base)
    python_trivial = rate("warm-python-trivial", python, trivial, trivial_count, python_base)

    table = Table(
        "Warm requests on one connection", "requests/s",
        "Each server reads one frames file on stdin, so every request is pipelined: initialize, then "
        "{:,} trivial requests (a method neither server has, answered -32601) or {:,} hrbox/lookup requests of "
        "about 1 KB messages in base64 (1,000 different ones, senders drawn from {:,} people), then shutdown "
        "and exit. The rate is the count over the session's time minus the median time of a session with "
        "no requests; min and max come from the slowest and fastest session.".format(trivial_count, lookup_count, size))
    table.add_row("hrbox serve, trivial request", hrbox_trivial)
    table.add_row("hrbox serve, hrbox/lookup", hrbox_lookup)
    table.add_row("Python JSON-RPC server, trivial request", python_trivial)
    table.check("hrbox trivial / Python trivial", hrbox_trivial.median / python_trivial.median, "at least 2x",
                hrbox_trivial.median >= 2 * python_trivial.median)
    table.check("hrbox/lookup per second", hrbox_lookup.median, "at least 50,000", hrbox_lookup.median >= 50_000,
                value_format="%.0f")
    return [table]


def notmuch_config(bench, maildir, database):
    path = bench.path("notmuch-config")
    with open(path, "w") as file:
        file.write("[database]\npath=%s\nmail_root=%s\n\n[user]\nname=HR\nprimary_email=hr@northwind.example\n\n"
                   "[new]\ntags=inbox\n\n[maildir]\nsynchronize_flags=false\n" % (database, maildir))
    return path


def bulk_filing(bench):
    count = bench.settings["maildir"]
    people_count = bench.settings["filing_people"]
    maildir = bench.data.maildir(count, people_count)
    clean_store = bench.stores[people_count]
    store = bench.path("filing.sqlite")
    summary = bench.path("filing-summary.json")
    insert_database = bench.path("python-insert.sqlite")
    notmuch_database = bench.path("notmuch-database")
    mu_home = bench.path("mu-home")
    config = notmuch_config(bench, maildir, notmuch_database)
    q = shlex.quote

    reset_store = "rm -f %s %s-wal %s-shm && cp %s %s" % (q(store), q(store), q(store), q(clean_store), q(store))
    filing_client = "python3 %s %s %s %s %s" % (
        q(os.path.join(HERE, "filing_client.py")), q(bench.hrbox), q(store), q(maildir), q(summary))
    runs = bench.settings["filing_runs"]
    peer_runs = bench.settings["filing_peer_runs"]
    back_filing = "%s file --maildir %s --store %s > %s" % (q(bench.hrbox), q(maildir), q(store), q(summary + ".txt"))
    timings = {
        "hrbox file --maildir": bench.hyperfine(
            "filing-hrbox-file", back_filing, runs, warmup=0, prepare=reset_store, shell=True),
        "hrbox serve, pipelined hrbox/lookup + hrbox/store (path sources)": bench.hyperfine(
            "filing-hrbox", filing_client, runs, warmup=0, prepare=reset_store, shell=True),
        "plain Python insert into SQLite": bench.hyperfine(
            "filing-python", "python3 %s %s %s" % (q(os.path.join(HERE, "python_insert.py")), q(maildir), q(insert_database)),
            runs, warmup=0, prepare="rm -f %s" % q(insert_database), shell=True),
        "notmuch new": bench.hyperfine(
            "filing-notmuch", "NOTMUCH_CONFIG=%s notmuch new --quiet" % q(config), peer_runs, warmup=0,
            prepare="rm -rf %s && mkdir %s" % (q(notmuch_database), q(notmuch_database)), shell=True),
        "mu index": bench.hyperfine(
            "filing-mu", "mu index --muhome=%s --quiet" % q(mu_home), peer_runs, warmup=0,
            prepare="rm -rf %s && mu init --muhome=%s --maildir=%s --my-address=hr@northwind.example > /dev/null" % (
                q(mu_home), q(mu_home), q(maildir)), shell=True),
    }
    with open(summary + ".txt") as file:
        back_filed = file.read()
    expect(" %d stored," % count in back_filed,
           "hrbox file --maildir did not store all %d messages: %s" % (count, back_filed.strip()))
    with open(summary) as file:
        filed = json.load(file)
    expect(filed["stored"] == count and filed["failed"] == 0,
           "the filing client stored %d of %d messages, %d requests failed" % (filed["stored"], count, filed["failed"]))

    table = Table(
        "Bulk filing of {:,} messages".format(count), "s",
        "The Maildir filed into an empty store that holds {:,} people; every message has a person "
        "among its participants. `hrbox file --maildir` is how HR back-files a mailbox; beside it a Python "
        "client (bench/filing_client.py) pipelines hrbox/lookup and then hrbox/store for the default person "
        "over one hrbox serve, as a mail client's plugin would. notmuch new and mu index start from an empty "
        "database.".format(people_count))
    for label, timing in timings.items():
        table.add_row(label, timing)
    hrbox_median = timings["hrbox file --maildir"].median
    python_median = timings["plain Python insert into SQLite"].median
    table.check("hrbox / Python insert", hrbox_median / python_median, "at most 1.5x", hrbox_median <= 1.5 * python_median)
    table.note_only("hrbox / notmuch new", hrbox_median / timings["notmuch new"].median)
    table.note_only("hrbox / mu index", hrbox_median / timings["mu index"].median)
    return [table]


def big_message(bench):
    megabytes = bench.settings["big_megabytes"]
    path = bench.data.big_message(megabytes)
    size = os.path.getsize(path)
    clean_store = bench.stores[bench.settings["people"][0]]
    store = bench.path("big.sqlite")

    shutil.copyfile(clean_store, store)
    session = lsp.Session([bench.hrbox, "serve", "--store", store], env=bench.env)
    session.call("initialize", {"clientInfo": {"name": "hrbox-bench", "version": "1"}})
    person = lookup_person(session.call("hrbox/lookup", {"message": {"path": path}}))
    session.close()
    expect(person.get("id") is not None, "hrbox/lookup found no person for the big message")

    with open(path, "rb") as file:
        source = lsp.base64_source(file.read())
    frames = bench.write_frames("big.frames", lsp.initialize() + lsp.request(
        2, "hrbox/store", {"message": source, "targets": [{"personId": person["id"]}]}) + lsp.shutdown(3))
    del source

    seconds, peaks = [], []
    for run in range(bench.settings["big_runs"]):
        tools.log("storing the %d MB message, run %d" % (megabytes, run + 1))
        shutil.copyfile(clean_store, store)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        output = bench.path("big.out")
        elapsed, peak, status = tools.time_with_peak_rss(
            [bench.hrbox, "serve", "--store", store], bench.env, frames, output)
        stored = lsp.read_all(output)
        expect(status == 0 and "messageRef" in (stored[1].get("result") or {}),
               "hrbox/store did not store the big message: %s" % str(stored[1])[:300])
        seconds.append(elapsed)
        peaks.append(peak)

    timing = tools.Timing.of(seconds)
    peak = tools.Timing.of(peaks)
    table = Table(
        "Big message", "s or MiB",
        "A {:,}-byte message (a 10 KB text and an attachment) stored with hrbox/store in base64 ({:,} bytes of "
        "frames), in a session of its own: start, initialize, hrbox/store, shutdown, exit, timed as a whole. "
        "Peak RSS is GNU time's maximum resident set size.".format(size, os.path.getsize(frames)))
    table.add_row("time (s)", timing)
    table.add_row("peak RSS (MiB)", peak, 1 / MIB)
    table.check("time", timing.median, "under 1 s", timing.median < 1, value_format="%.2f s")
    table.check("peak RSS / message size", peak.median / size, "under 4x", peak.median < 4 * size)
    return [table]


def resident_set(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/%d/status" % pid)


def idle_resident_set(bench, command):
    values = []
    for _ in range(bench.settings["idle_runs"]):
        session = lsp.Session(command, env=bench.env)
        answer = session.call("initialize", {"clientInfo": {"name": "hrbox-bench", "version": "1"}})
        expect("result" in answer, "initialize failed: %s" % str(answer)[:300])
        session.send(lsp.notification("initialized", {}))
        values.append(resident_set(session.process.pid))
        expect(session.close() == 0, "%s did not exit with status 0" % command[0])
    return tools.Timing.of(values)


def idle(bench):
    size = bench.settings["people"][-1]
    hrbox = idle_resident_set(bench, [bench.hrbox, "serve", "--store", bench.stores[size]])
    python = idle_resident_set(bench, ["python3", os.path.join(HERE, "python_server.py"), bench.data.people_table(size)])

    table = Table(
        "Idle RSS after initialize", "MiB",
        "VmRSS from /proc/PID/status of a server that has answered initialize and waits, store of {:,} people.".format(size))
    table.add_row("hrbox serve", hrbox, 1 / MIB)
    table.add_row("Python JSON-RPC server", python, 1 / MIB)
    table.check("hrbox idle RSS", hrbox.median / MIB, "under 15 MiB", hrbox.median < 15 * MIB, value_format="%.1f MiB")
    table.note_only("hrbox / Python server", hrbox.median / python.median)
    return [table]


FIGURES = {
    "cold": cold_key_press,
    "completion": completion,
    "warm": warm,
    "filing": bulk_filing,
    "big": big_message,
    "idle": idle,
}
