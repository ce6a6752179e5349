"""The benchmark's data, generated from a fixed seed so that every run sees the same bytes.

People get international names (non-ASCII letters included) and unique ASCII addresses. The same
people are written as an hrbox people CSV, an abook address book, a mutt alias file (which lbdb's
m_muttalias method reads) and a plain SQLite table with an index on the address. Messages take
their participants from the people.
"""

import base64
import csv
import os
import random
import sqlite3
import unicodedata

SEED = 7

FIRST_NAMES = [
    "Anna", "Jürgen", "Zoë", "Søren", "Małgorzata", "Łukasz", "Çağla", "Emre", "José", "María",
    "François", "Amélie", "Björn", "Åsa", "Nguyễn Thị", "Minh", "Wei", "Mei", "Aiko", "Haruto",
    "Olumide", "Chiamaka", "Priya", "Arjun", "Fatima", "Youssef", "Dmitrij", "Jelena", "Ioana", "Tomáš",
    "Eszter", "Gábor", "Siobhán", "Seán", "Oğuz", "Ayşe", "Kristīne", "Jūratė", "Renée", "Maximilian",
    "Lena", "Tobias", "Sophie", "Lukas", "Grzegorz", "Ana", "João", "Inês", "Mateo", "Lucía",
]

LAST_NAMES = [
    "Müller", "Weißmüller", "Østergaard", "Kowalczyk", "Wiśniewska", "Yılmaz", "Öztürk", "García",
    "Muñoz", "Lefèvre", "Dubois", "Åkesson", "Nguyễn", "Trần", "Zhang", "Takahashi", "Okafor", "Adébáyọ̀",
    "Sharma", "Iyer", "El-Amrani", "Haddad", "Petrović", "Popescu", "Dvořák", "Novák", "Szabó",
    "O'Sullivan", "Ní Bhriain", "Bērziņa", "Kazlauskaitė", "Schröder", "Brandt", "Fischer", "Keller",
    "van der Berg", "de la Cruz", "Gonçalves", "Ferreira", "Rossi", "Esposito", "Papadopoulos",
    "Þórsdóttir", "Jørgensen", "Andrić", "Çelik", "Hoffmann", "Schmidt", "Lindqvist", "Kovács",
]

DOMAINS = ["northwind.example", "example.org", "mail.example.com", "posteo.example", "uni.example.edu"]
DEPARTMENTS = ["Production", "Engineering", "Logistics", "Sales", "Finance", "Human resources", "IT"]
JOB_TITLES = ["Machine operator", "Process engineer", "Team lead", "Accountant", "Sales manager", "Developer"]

# Letters that Unicode decomposition does not turn into ASCII.
ASCII_LETTERS = {"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "đ": "d", "ı": "i", "þ": "th", "Þ": "Th"}

WORDS = (
    "the contract renewal meeting schedule salary review sick note leave request training course "
    "application interview feedback payroll overtime holiday return office remote agreement signed "
    "please find attached documents regards thank you next week Monday Tuesday confirmation onboarding "
    "Arbeitsvertrag Überstunden Gehaltserhöhung congés formation entretien solicitud vacaciones "
    "wynagrodzenie umowa izin sözleşme hợp đồng 契約 面接 отпуск договор"
).split()

HR_ADDRESS = "hr@northwind.example"


class Person:
    def __init__(self, number, first_name, last_name, address, status):
        self.number = number
        self.first_name = first_name
        self.last_name = last_name
        self.address = address
        self.status = status

    @property
    def name(self):
        return "%s %s" % (self.first_name, self.last_name)


def ascii_word(text):
    """Return a name as the lower-case ASCII letters an address uses, such as "weissmueller" for "Weißmüller"."""
    spelled = "".join(ASCII_LETTERS.get(letter, letter) for letter in text.replace("ü", "ue").replace("ö", "oe"))
    decomposed = unicodedata.normalize("NFKD", spelled)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def make_people(count):
    """Return `count` people; the first n of them are the same for every count of at least n."""
    rng = random.Random(SEED)
    taken = set()
    people = []
    for number in range(count):
        first_name = rng.choice(FIRST_NAMES)
        last_name = rng.choice(LAST_NAMES)
        stem = "%s.%s" % (ascii_word(first_name), ascii_word(last_name))
        domain = rng.choice(DOMAINS)
        address = "%s@%s" % (stem, domain)
        suffix = 2
        while address in taken:
            address = "%s%d@%s" % (stem, suffix, domain)
            suffix += 1
        taken.add(address)
        status = rng.choices(["employee", "applicant", "former employee"], weights=[8, 1, 1])[0]
        people.append(Person(number, first_name, last_name, address, status))
    return people


def write_people_csv(people, path):
    rng = random.Random(SEED)
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["first_name", "last_name", "addresses", "employee_number", "department", "job_title", "status"])
        for person in people:
            employee_number = "" if person.status == "applicant" else "E%06d" % person.number
            writer.writerow([
                person.first_name, person.last_name, person.address, employee_number,
                rng.choice(DEPARTMENTS), rng.choice(JOB_TITLES), person.status,
            ])


def write_abook(people, path):
    """Write abook's own file format: a [format] section, then one numbered section per entry."""
    with open(path, "w", encoding="utf-8") as file:
        file.write("# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n")
        for index, person in enumerate(people):
            file.write("[%d]\nname=%s\nemail=%s\n\n" % (index, person.name, person.address))


def write_mutt_aliases(people, path):
    with open(path, "w", encoding="utf-8") as file:
        for person in people:
            file.write("alias p%d %s <%s>\n" % (person.number, person.name, person.address))


def write_people_table(people, path):
    """Write the plain SQLite table that the sqlite3 tool and the Python server look addresses up in."""
    if os.path.exists(path):
        os.remove(path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "CREATE TABLE people (id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL, "
            "address TEXT NOT NULL, status TEXT NOT NULL)")
        connection.executemany(
            "INSERT INTO people VALUES (?, ?, ?, ?, ?)",
            ((p.number + 1, p.first_name, p.last_name, p.address.lower(), p.status) for p in people))
        connection.execute("CREATE UNIQUE INDEX people_address ON people (address)")
    connection.close()


def encoded_word(text):
    """Return a header text as one RFC 2047 encoded word when it is not ASCII."""
    if text.isascii():
        return text
    return "=?utf-8?b?%s?=" % base64.b64encode(text.encode("utf-8")).decode("ascii")


def mailbox(person):
    return "%s <%s>" % (encoded_word(person.name), person.address)


def text_body(rng, size):
    """Return about `size` bytes of text in lines of at most 72 characters."""
    lines = []
    line = []
    total = 0
    while total < size:
        word = rng.choice(WORDS)
        line.append(word)
        if sum(len(w) + 1 for w in line) > 66:
            text = " ".join(line)
            lines.append(text)
            total += len(text.encode("utf-8")) + 1
            line = []
    return "\n".join(lines) + "\n"


def header(rng, number, sender, recipients, subject):
    """Return the header section of a message with a fixed date and Message-ID for `number`."""
    minutes = number * 7
    date = "%s, %02d Nov 2026 %02d:%02d:%02d +0100" % (
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(minutes // 1440) % 7],
        1 + (minutes // 1440) % 28, (minutes // 60) % 24, minutes % 60, number % 60)
    lines = [
        "From: %s" % sender,
        "To: %s" % recipients[0],
    ]
    if len(recipients) > 1:
        lines.append("Cc: %s" % ", ".join(recipients[1:]))
    lines += [
        "Subject: %s" % encoded_word(subject),
        "Date: %s" % date,
        "Message-ID: <bench.%d.%d@northwind.example>" % (number, rng.randrange(1 << 30)),
        "MIME-Version: 1.0",
    ]
    return "\r\n".join(lines) + "\r\n"


def message(rng, number, sender, recipients, text_size, attachment_size=0):
    """Return a message as bytes: plain text, or multipart with an attachment of `attachment_size` bytes."""
    subject = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize()
    head = header(rng, number, sender, recipients, subject)
    text = text_body(rng, text_size).replace("\n", "\r\n").encode("utf-8")
    if not attachment_size:
        return (head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode(
            "utf-8") + text

    boundary = "bench-%d-%d" % (number, rng.randrange(1 << 30))
    attachment = base64.encodebytes(rng.randbytes(attachment_size)).replace(b"\n", b"\r\n")
    parts = [
        (head + 'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n' % boundary).encode("utf-8"),
        ("--%s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" % boundary).encode(),
        text,
        ("\r\n--%s\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
         'Content-Disposition: attachment; filename="document-%d.pdf"\r\n\r\n' % (boundary, number)).encode(),
        attachment,
        ("--%s--\r\n" % boundary).encode(),
    ]
    return b"".join(parts)


def received_message(rng, number, sender, text_size, attachment_size=0):
    return message(rng, number, mailbox(sender), ["Northwind HR <%s>" % HR_ADDRESS], text_size, attachment_size)


def write_maildir(people, count, path):
    """Write `count` messages into a new Maildir at `path`: mostly 2-20 KB of text, one in ten
    multipart with a 50-500 KB attachment. Most come from a person to HR; the rest go from HR to a
    person, some with a second person in Cc."""
    rng = random.Random(SEED + 1)
    for folder in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, folder), exist_ok=True)
    for number in range(count):
        first, second = rng.sample(people, 2)
        attachment_size = rng.randint(50_000, 500_000) * 3 // 4 if number % 10 == 9 else 0
        if rng.random() < 0.8:
            sender, recipients = mailbox(first), ["Northwind HR <%s>" % HR_ADDRESS]
        else:
            sender, recipients = "Northwind HR <%s>" % HR_ADDRESS, [mailbox(first)]
        if rng.random() < 0.3:
            recipients.append(mailbox(second))
        raw = message(rng, number, sender, recipients, rng.randint(2_000, 20_000), attachment_size)
        name = "%d.M%dP1.bench:2,S" % (1_790_000_000 + number, number)
        with open(os.path.join(path, "cur", name), "wb") as file:
            file.write(raw)


def write_message(path, raw):
    with open(path, "wb") as file:
        file.write(raw)
