"""Racing real requests from threads, for the PostgreSQL race tests."""

import threading

from django.db import connections
from django.test import Client


def logged_in_clients(user, count: int) -> list[Client]:
    clients = []
    for _ in range(count):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def race(*calls) -> list:
    """Run the calls at the same moment, each in its own thread with its own database
    connection, and return their results in order. An exception in any of them (a 500
    raises in the test client) fails the race."""
    start = threading.Barrier(len(calls))
    results: list = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call) -> None:
        try:
            start.wait(timeout=10)
            results[index] = call()
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results
