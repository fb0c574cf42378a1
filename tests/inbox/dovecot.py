"""A throwaway Dovecot IMAP server for tests: loopback only, one test password and Maildirs
under a temporary directory, started with `dovecot -F -c <conf>` and stopped afterwards.

Outside CI the IMAP tests skip when Dovecot is missing; REBOUND_REQUIRE_IMAP=1 (set by
.ci/run) makes a missing Dovecot a failure instead.
"""

import os
import pwd
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
# Every throwaway user has this password; each has a Maildir of its own.
PASSWORD = "app-password-for-tests"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
mail_fsync = never
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Dovecot:
    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        if os.geteuid() == 0:
            # Dovecot will not read mail as root; "nobody" owns the test Maildirs.
            nobody = pwd.getpwnam("nobody")
            self.uid, self.gid = nobody.pw_uid, nobody.pw_gid
            self.internal, self.login = "dovecot", "dovenull"
        else:
            me = pwd.getpwuid(os.geteuid())
            self.uid, self.gid = me.pw_uid, me.pw_gid
            self.internal = self.login = me.pw_name

    def start(self) -> None:
        for folder in ("run", "state", "home"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o755)
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(
                root=self.root,
                port=self.port,
                uid=self.uid,
                gid=self.gid,
                internal=self.internal,
                login=self.login,
                password=PASSWORD,
            )
        )
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Dovecot did not start: {self.process.stderr.read().decode()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("Dovecot did not answer within 15 seconds.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def add_user(self) -> "MailUser":
        name = f"u{uuid.uuid4().hex[:10]}"
        maildir = self.root / "home" / name / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (maildir / sub).mkdir(parents=True)
        return MailUser(self, name, PASSWORD, maildir)


class MailUser:
    def __init__(self, server: Dovecot, name: str, password: str, maildir: Path):
        self.server, self.name, self.password, self.maildir = server, name, password, maildir
        self.count = 0

    def deliver(self, raw: bytes, *, seen: bool = False) -> None:
        """Drop a message into the Maildir, marked read or not."""
        self.count += 1
        base = f"{1_700_000_000 + self.count}.M{self.count}P1.rebound-tests"
        # Straight into cur/ as a mail client that has listed the folder would leave it:
        # a read-only reader cannot move files out of new/, which makes every access slow.
        flags = "S" if seen else ""
        path = self.maildir / "cur" / f"{base}:2,{flags}"
        path.write_bytes(raw)

    def hand_over(self) -> None:
        """Give the Maildir to the user Dovecot reads it as."""
        for path in [self.maildir.parent, *self.maildir.parent.rglob("*")]:
            os.chown(path, self.server.uid, self.server.gid)
