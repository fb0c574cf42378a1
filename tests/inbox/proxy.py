"""A loopback TCP relay that cuts the connection after the server has sent a given number
of bytes: the IMAP server "going away" in the middle of a poll."""

import contextlib
import socket
import threading


class CuttingRelay:
    def __init__(self, target_port: int, *, cut_after: int):
        self.target_port = target_port
        self.cut_after = cut_after
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            client, _ = self.listener.accept()
        except OSError:
            return
        server = socket.create_connection(("127.0.0.1", self.target_port))
        sent = 0

        def upstream():
            with contextlib.suppress(OSError):
                while data := client.recv(65536):
                    server.sendall(data)

        threading.Thread(target=upstream, daemon=True).start()
        with contextlib.suppress(OSError):
            while data := server.recv(65536):
                if sent + len(data) > self.cut_after:
                    break
                client.sendall(data)
                sent += len(data)
        for sock in (client, server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self.listener.close()
