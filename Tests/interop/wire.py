"""A tiny RFC 6455 frame builder and reader for the raw-socket conformance tests.

Written from the RFC, not from the server's code, and checked against the RFC's own examples and against the
`websockets` library's parser in test_frames.py, so a conformance failure points at the server, not at this file.
The builder can also lie (wrong length, reserved bits and opcodes, unmasked frames), which is the point.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

# Opcodes, RFC 6455 section 5.2.
CONTINUATION = 0x0
TEXT = 0x1
BINARY = 0x2
CLOSE = 0x8
PING = 0x9
PONG = 0xA

CONTROL_OPCODES = (CLOSE, PING, PONG)


def apply_mask(payload: bytes, key: bytes, offset: int = 0) -> bytes:
    """XORs payload with the 4-byte key (RFC 6455 section 5.3), starting at key position `offset` % 4, which
    lets a frame's payload be masked in several chops. Uses big-integer XOR so 16 MiB takes milliseconds."""
    assert len(key) == 4
    n = len(payload)
    if n == 0:
        return b""
    rotated = key[offset % 4:] + key[:offset % 4]
    stream = (rotated * (n // 4 + 1))[:n]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(stream, "big")).to_bytes(n, "big")


def encode_header(opcode: int, length: int, *, fin: bool = True, rsv: int = 0,
                  mask_key: bytes | None = None) -> bytes:
    """The frame header (section 5.2) for a payload of `length` bytes: 7-bit, 16-bit or 64-bit length form,
    the masking key appended when given. `rsv` is the 3-bit RSV1..RSV3 field, `opcode` any 4-bit value."""
    assert 0 <= opcode <= 0xF and 0 <= rsv <= 7 and 0 <= length < 2**63
    b0 = (0x80 if fin else 0) | (rsv << 4) | opcode
    mask_bit = 0x80 if mask_key is not None else 0
    if length < 126:
        header = struct.pack("!BB", b0, mask_bit | length)
    elif length < 65536:
        header = struct.pack("!BBH", b0, mask_bit | 126, length)
    else:
        header = struct.pack("!BBQ", b0, mask_bit | 127, length)
    if mask_key is not None:
        assert len(mask_key) == 4
        header += mask_key
    return header


def encode_frame(opcode: int, payload: bytes = b"", *, fin: bool = True, rsv: int = 0, mask: bool = True,
                 mask_key: bytes | None = None) -> bytes:
    """A whole frame. Client frames are masked (section 5.3) with a random key unless `mask_key` is given."""
    if not mask:
        return encode_header(opcode, len(payload), fin=fin, rsv=rsv) + payload
    key = mask_key if mask_key is not None else os.urandom(4)
    return encode_header(opcode, len(payload), fin=fin, rsv=rsv, mask_key=key) + apply_mask(payload, key)


def close_payload(code: int | None = None, reason: bytes = b"") -> bytes:
    """A close frame body (section 5.5.1): nothing, or a 2-byte big-endian code followed by the reason."""
    if code is None:
        assert reason == b""
        return b""
    return struct.pack("!H", code) + reason


def fragments(payload: bytes, size: int) -> list[bytes]:
    """Splits a message payload into fragments of `size` bytes (one empty fragment for an empty payload)."""
    assert size > 0
    return [payload[i:i + size] for i in range(0, len(payload), size)] or [b""]


def encode_message(opcode: int, payload: bytes, *, fragment_size: int | None = None) -> bytes:
    """A message as one frame or as data frames of `fragment_size` (first has the opcode, then continuations,
    FIN on the last: section 5.4)."""
    if fragment_size is None:
        return encode_frame(opcode, payload)
    parts = fragments(payload, fragment_size)
    out = bytearray()
    for index, part in enumerate(parts):
        out += encode_frame(opcode if index == 0 else CONTINUATION, part, fin=index == len(parts) - 1)
    return bytes(out)


@dataclass(frozen=True)
class Frame:
    """A parsed frame."""

    fin: bool
    rsv: int
    opcode: int
    payload: bytes
    masked: bool = False

    @property
    def close_code(self) -> int | None:
        """The close code of a close frame, None when the body is empty."""
        assert self.opcode == CLOSE
        return struct.unpack("!H", self.payload[:2])[0] if len(self.payload) >= 2 else None

    @property
    def close_reason(self) -> bytes:
        """The raw close reason of a close frame."""
        assert self.opcode == CLOSE
        return self.payload[2:]

    def __repr__(self) -> str:
        body = self.payload if len(self.payload) <= 40 else self.payload[:40] + b"..."
        return (f"Frame(opcode={self.opcode:#x}, fin={self.fin}, rsv={self.rsv}, len={len(self.payload)}, "
                f"masked={self.masked}, payload={body!r})")


class FrameReader:
    """Incremental frame parser: feed bytes, pop complete frames. Accepts masked and unmasked frames and
    reports which; the caller decides what is legal (a server must not mask: section 5.1)."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> None:
        """Appends received bytes."""
        self._buffer += data

    @property
    def buffered(self) -> int:
        """Bytes received but not yet part of a complete frame."""
        return len(self._buffer)

    def next_frame(self) -> Frame | None:
        """The next complete frame, or None if more bytes are needed."""
        buf = self._buffer
        if len(buf) < 2:
            return None
        b0, b1 = buf[0], buf[1]
        length = b1 & 0x7F
        offset = 2
        if length == 126:
            if len(buf) < 4:
                return None
            length = struct.unpack_from("!H", buf, 2)[0]
            offset = 4
        elif length == 127:
            if len(buf) < 10:
                return None
            length = struct.unpack_from("!Q", buf, 2)[0]
            offset = 10
        masked = bool(b1 & 0x80)
        key = b""
        if masked:
            if len(buf) < offset + 4:
                return None
            key = bytes(buf[offset:offset + 4])
            offset += 4
        if len(buf) < offset + length:
            return None
        payload = bytes(buf[offset:offset + length])
        del buf[:offset + length]
        if masked:
            payload = apply_mask(payload, key)
        return Frame(fin=bool(b0 & 0x80), rsv=(b0 >> 4) & 0x7, opcode=b0 & 0x0F, payload=payload, masked=masked)
