"""A mail sink for the end-to-end journeys: an SMTP server on loopback (aiosmtpd) that writes
each message it accepts as one JSON file (to, subject, text, html, message_id) into a folder,
so a journey can read the email a user would get and follow its link.

Usage: smtp_sink.py DIR PORT. Runs until killed."""
import email
import email.policy
import json
import os
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)

        def body(kind):
            part = msg.get_body((kind,))
            return part.get_content() if part else ""

        self.count += 1
        record = {
            "to": envelope.rcpt_tos,
            "from": msg["From"],
            "subject": msg["Subject"],
            "message_id": msg["Message-ID"],
            "text": body("plain"),
            "html": body("html"),
        }
        name = os.path.join(self.folder, f"{self.count:04d}.json")
        with open(name + ".part", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(name + ".part", name)
        return "250 Message accepted for delivery"


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"smtp sink on 127.0.0.1:{port}, writing to {folder}", flush=True)
    try:
        threading.Event().wait()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
