"""The generated files of one benchmark folder, each made on first use and kept for later runs.

A file counts as made when its marker exists. The marker's name carries a hash of
generate_data.py, so a changed generator makes every file again.
"""

import hashlib
import os
import random
import shutil

import generate_data

HERE = os.path.dirname(os.path.abspath(__file__))


class Dataset:
    def __init__(self, folder, largest_people):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(HERE, "generate_data.py"), "rb") as source:
            self.version = hashlib.sha256(source.read()).hexdigest()[:12]
        self.people = generate_data.make_people(largest_people)

    def _made(self, name, make):
        """Return the path of `name` in the folder, calling make(path) first unless its marker exists."""
        path = os.path.join(self.folder, name)
        marker = "%s.made-%s" % (path, self.version)
        if not os.path.exists(marker):
            if os.path.isdir(path):
                shutil.rmtree(path)
            make(path)
            open(marker, "w").close()
        return path

    def people_csv(self, size):
        return self._made("people-%d.csv" % size, lambda path: generate_data.write_people_csv(self.people[:size], path))

    def abook(self, size):
        return self._made("abook-%d" % size, lambda path: generate_data.write_abook(self.people[:size], path))

    def mutt_aliases(self, size):
        return self._made("aliases-%d" % size, lambda path: generate_data.write_mutt_aliases(self.people[:size], path))

    def people_table(self, size):
        return self._made("people-%d.sqlite" % size, lambda path: generate_data.write_people_table(self.people[:size], path))

    def maildir(self, count, people_count):
        return self._made(
            "maildir-%d" % count,
            lambda path: generate_data.write_maildir(self.people[:people_count], count, path))

    def sender_near_end(self, size):
        """Return the person the cold key press looks up: the tenth from the end of `size` people."""
        return self.people[size - 10]

    def cold_message(self, size):
        """Return a 20 KB text message (about 20,480 bytes) from the sender near the end of `size` people."""
        def make(path):
            rng = random.Random(generate_data.SEED + size)
            raw = generate_data.received_message(rng, size, self.sender_near_end(size), 19_800)
            generate_data.write_message(path, raw)
        return self._read(self._made("cold-%d.eml" % size, make))

    def small_messages(self, size, count):
        """Return `count` short text messages, each from a person drawn from the first `size` people."""
        rng = random.Random(generate_data.SEED + 2)
        return [
            generate_data.received_message(rng, number, rng.choice(self.people[:size]), 600)
            for number in range(count)
        ]

    def big_message(self, megabytes):
        """Return the path of a message of `megabytes` million bytes, most of them an attachment,
        from the first person."""
        def make(path):
            rng = random.Random(generate_data.SEED + 3)
            # base64 in lines of 76 characters and CRLF turns 57 bytes into 78.
            attachment_size = (megabytes * 1_000_000 - 20_000) * 57 // 78
            raw = generate_data.received_message(rng, 0, self.people[0], 10_000, attachment_size)
            generate_data.write_message(path, raw)
        return self._made("big-%dmb.eml" % megabytes, make)

    @staticmethod
    def _read(path):
        with open(path, "rb") as file:
            return file.read()
