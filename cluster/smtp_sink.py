"""A tiny SMTP server that keeps every message it is handed, for the cluster test.

The app servers and task workers send through Django's real SMTP backend
(``EMAIL_HOST``/``EMAIL_PORT`` from the environment, no TLS); the sink answers
on loopback and records, per message, its envelope recipients and its decoded
subject, so that the test counts what was really delivered.
"""

import email
import email.policy
import socketserver
import threading
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Received:
    sender: str
    recipients: tuple[str, ...]
    subject: str


class _Handler(socketserver.StreamRequestHandler):
    timeout = 30

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self) -> None:
        self.reply("220 sink.cluster ESMTP")
        sender, recipients = "", []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.wfile.write(
                    b"250-sink.cluster\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
                )
            elif verb == "HELO":
                self.reply("250 sink.cluster")
            elif verb == "MAIL":
                sender, recipients = _address(command), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(_address(command))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.server.sink.keep(sender, recipients, self._data())
                self.reply("250 OK: queued")
            elif verb in ("RSET", "NOOP"):
                if verb == "RSET":
                    sender, recipients = "", []
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")

    def _data(self) -> bytes:
        lines = []
        while True:
            line = self.rfile.readline()
            if not line or line in (b".\r\n", b".\n"):
                break
            if line.startswith(b".."):
                line = line[1:]
            lines.append(line)
        return b"".join(lines)


def _address(command: str) -> str:
    _, _, rest = command.partition(":")
    return rest.strip().split(" ")[0].strip("<>").lower()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SmtpSink:
    """Start with ``start()``; ``messages`` holds what arrived, in order."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.server = _Server((host, port), _Handler)
        self.server.sink = self
        self.port = self.server.server_address[1]
        self.messages: list[Received] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "SmtpSink":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def keep(self, sender: str, recipients: list[str], data: bytes) -> None:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        subject = " ".join(str(parsed.get("Subject", "")).split())
        with self.lock:
            self.messages.append(Received(sender, tuple(recipients), subject))

    def count(self) -> int:
        with self.lock:
            return len(self.messages)

    def per_recipient(self, start: int = 0) -> Counter:
        """How many messages each address received (from message ``start`` on)."""
        with self.lock:
            return Counter(r for m in self.messages[start:] for r in m.recipients)

    def deliveries(self) -> Counter:
        """Each (recipient, subject) pair with the number of times it arrived."""
        with self.lock:
            return Counter((r, m.subject) for m in self.messages for r in m.recipients)
