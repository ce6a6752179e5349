"""The outside programs of the benchmark: installing the peers, timing commands with hyperfine,
measuring peak RSS with GNU time, and the versions and machine facts that RESULTS.md records."""

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

# The program each peer package provides, checked before anything is installed.
PEER_PACKAGES = {
    "abook": "abook",
    "lbdbq": "lbdb",
    "notmuch": "notmuch",
    "mu": "maildir-utils",
    "sqlite3": "sqlite3",
    "hyperfine": "hyperfine",
    "gcc": "gcc",
    "/usr/bin/time": "time",
}


def log(text):
    print("bench: %s" % text, flush=True)


def install_missing_peers():
    """Install the Debian packages of the peer programs that are missing, with sudo unless root."""
    missing = sorted({package for program, package in PEER_PACKAGES.items() if shutil.which(program) is None})
    if not missing:
        return
    log("installing missing peer packages with apt-get: %s" % " ".join(missing))
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update"], check=True, env=env)
    subprocess.run(prefix + ["apt-get", "install", "-y"] + missing, check=True, env=env)


class Timing:
    """Median, minimum and maximum of repeated measurements, in one unit."""

    def __init__(self, median, minimum, maximum, runs):
        self.median = median
        self.minimum = minimum
        self.maximum = maximum
        self.runs = runs

    @classmethod
    def of(cls, values):
        return cls(statistics.median(values), min(values), max(values), len(values))

    def scaled(self, factor):
        return Timing(self.median * factor, self.minimum * factor, self.maximum * factor, self.runs)


def hyperfine(name, command, work, env, runs, warmup=2, prepare=None, shell=False):
    """Time a command with hyperfine and return its Timing in seconds.

    Without `shell` the command is split into words and run directly, as a mail client runs it. With
    `shell` hyperfine runs it and `prepare` through `sh -c` and subtracts the time the shell takes to
    start, an estimate that is imprecise below 5 ms, so only the long figures use it."""
    export = os.path.join(work, "hyperfine-%s.json" % re.sub(r"[^A-Za-z0-9]+", "-", name))
    arguments = ["hyperfine", "--style", "basic", "--runs", str(runs), "--warmup", str(warmup),
                 "--command-name", name, "--export-json", export]
    if prepare:
        arguments += ["--prepare", prepare]
    if not shell:
        arguments.append("--shell=none")
    subprocess.run(arguments + [command], check=True, env=env)
    with open(export) as file:
        result = json.load(file)["results"][0]
    return Timing(result["median"], result["min"], result["max"], len(result["times"]))


def time_with_peak_rss(command, env, stdin_path, stdout_path):
    """Run a command once under GNU time and return (seconds, peak RSS in bytes, exit status)."""
    report_path = stdout_path + ".time"
    with open(stdin_path, "rb") as stdin, open(stdout_path, "wb") as stdout:
        started = time.perf_counter()
        completed = subprocess.run(["/usr/bin/time", "-v", "-o", report_path] + command,
                                   stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
        elapsed = time.perf_counter() - started
    with open(report_path) as report:
        peak_kilobytes = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read()).group(1))
    return elapsed, peak_kilobytes * 1024, completed.returncode


def first_line(command):
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return "unavailable (%s)" % error
    lines = (completed.stdout or completed.stderr).strip().splitlines()
    return lines[0] if lines else "unavailable (no output)"


def package_version(package):
    return first_line(["dpkg-query", "-W", "-f", "${Version}", package])


def versions(hrbox, repository):
    revision = first_line(["git", "-C", repository, "describe", "--always", "--dirty"])
    return [
        ("hrbox", "%s (git %s)" % (first_line([hrbox, "--version"]), revision)),
        ("swift", first_line(["swift", "--version"])),
        ("sqlite3", first_line(["sqlite3", "--version"]).split(" ")[0]),
        ("abook", package_version("abook")),
        ("lbdb", package_version("lbdb")),
        ("notmuch", first_line(["notmuch", "--version"])),
        ("mu", first_line(["mu", "--version"])),
        ("hyperfine", first_line(["hyperfine", "--version"])),
        ("python", sys.version.split()[0]),
        ("gcc", first_line(["gcc", "--version"])),
    ]


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as meminfo:
        memory_kilobytes = int(meminfo.readline().split()[1])
    return [
        ("CPU", model),
        ("cores", str(os.cpu_count())),
        ("memory", "%.1f GiB" % (memory_kilobytes / 1024 / 1024)),
        ("system", "%s %s" % (platform.system(), platform.release())),
    ]


def load_average():
    return "%.2f %.2f %.2f" % os.getloadavg()
