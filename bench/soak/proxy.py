"""A TCP proxy in front of the S3-compatible server that the soak can cut: storage becomes unreachable while the
server behind it keeps every object (moto keeps them in memory, so stopping it would lose them all).

``python -m bench.soak.proxy LISTEN_PORT TARGET_PORT``; SIGUSR1 cuts (the port refuses connections and every
open one is reset), SIGUSR2 restores, SIGTERM stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys


class CuttableProxy:
    def __init__(self, listen_port: int, target_port: int) -> None:
        self.listen_port = listen_port
        self.target_port = target_port
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()

    async def listen(self) -> None:
        if self._server is None:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.listen_port, reuse_address=True)

    def cut(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_writer.transport.abort()
            return
        self._open.update((client_writer, server_writer))
        try:
            await asyncio.gather(self._pipe(client_reader, server_writer), self._pipe(server_reader, client_writer))
        finally:
            for writer in (client_writer, server_writer):
                self._open.discard(writer)
                writer.transport.abort()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while chunk := await reader.read(65536):
                writer.write(chunk)
                await writer.drain()
        with contextlib.suppress(OSError):
            writer.write_eof()


async def main(listen_port: int, target_port: int) -> None:
    proxy = CuttableProxy(listen_port, target_port)
    await proxy.listen()
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, proxy.cut)
    loop.add_signal_handler(signal.SIGUSR2, lambda: asyncio.ensure_future(proxy.listen()))
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    proxy.cut()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
