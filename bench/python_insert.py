"""The plain baseline of the bulk filing figure: each Maildir file's raw bytes, From and Subject
inserted into a new SQLite table, all in one transaction, and nothing else.

Usage: python3 python_insert.py MAILDIR DATABASE
"""

import os
import sqlite3
import sys
from email.parser import BytesHeaderParser


def main():
    maildir, database_path = sys.argv[1], sys.argv[2]
    parser = BytesHeaderParser()
    connection = sqlite3.connect(database_path)
    connection.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, sender TEXT, subject TEXT, raw BLOB NOT NULL)")
    with connection:
        for folder in ("cur", "new"):
            directory = os.path.join(maildir, folder)
            for name in sorted(os.listdir(directory)):
                with open(os.path.join(directory, name), "rb") as file:
                    raw = file.read()
                header = parser.parsebytes(raw.split(b"\r\n\r\n", 1)[0])
                connection.execute(
                    "INSERT INTO messages (sender, subject, raw) VALUES (?, ?, ?)",
                    (str(header["From"]), str(header["Subject"]), raw))
    connection.close()


if __name__ == "__main__":
    main()
