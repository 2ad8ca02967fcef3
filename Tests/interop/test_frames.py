"""Self-checks of the test tooling (no server needed): the frame builder against RFC 6455's own examples and
against the `websockets` library's parser, the reader against `websockets`' serializer, and the UTF-8 vector
table against Python's strict decoder. If these fail, fix the tooling before believing a conformance result.
"""

from __future__ import annotations

import os

import pytest
from websockets.frames import Frame as WSFrame
from websockets.frames import Opcode
from websockets.streams import StreamReader

import wire
from utf8_vectors import UTF8_CASES

HELLO_KEY = bytes.fromhex("37fa213d")


@pytest.mark.parametrize("built, expected", [
    # RFC 6455 section 5.7, verbatim.
    (wire.encode_frame(wire.TEXT, b"Hello", mask=False), "810548656c6c6f"),
    (wire.encode_frame(wire.TEXT, b"Hello", mask_key=HELLO_KEY), "818537fa213d7f9f4d5158"),
    (wire.encode_frame(wire.TEXT, b"Hel", fin=False, mask=False), "010348656c"),
    (wire.encode_frame(wire.CONTINUATION, b"lo", mask=False), "80026c6f"),
    (wire.encode_frame(wire.PING, b"Hello", mask=False), "890548656c6c6f"),
    (wire.encode_frame(wire.PONG, b"Hello", mask_key=HELLO_KEY), "8a8537fa213d7f9f4d5158"),
    (wire.encode_header(wire.BINARY, 256), "827e0100"),
    (wire.encode_header(wire.BINARY, 65536), "827f0000000000010000"),
], ids=["text", "masked-text", "fragment-1", "fragment-2", "ping", "masked-pong", "256-bytes", "64KiB"])
def test_builder_matches_rfc6455_examples(built, expected):
    assert built.hex() == expected


def parse_with_websockets(data: bytes, *, mask: bool) -> WSFrame:
    reader = StreamReader()
    reader.feed_data(data)
    reader.feed_eof()
    parser = WSFrame.parse(reader.read_exact, mask=mask)
    try:
        next(parser)
    except StopIteration as done:
        return done.value
    raise AssertionError("websockets wanted more bytes than the frame holds")


@pytest.mark.parametrize("length", [0, 1, 125, 126, 127, 128, 65535, 65536, 70000])
@pytest.mark.parametrize("opcode", [wire.TEXT, wire.BINARY, wire.CONTINUATION])
@pytest.mark.parametrize("fin", [True, False])
def test_builder_agrees_with_websockets_parser(length, opcode, fin):
    payload = os.urandom(length)
    frame = parse_with_websockets(wire.encode_frame(opcode, payload, fin=fin), mask=True)
    assert (frame.opcode, frame.fin, frame.data) == (Opcode(opcode), fin, payload)


@pytest.mark.parametrize("opcode, payload", [(wire.PING, b""), (wire.PING, b"\xfe" * 125), (wire.PONG, b"x"),
                                             (wire.CLOSE, wire.close_payload(1001, b"bye"))])
def test_control_frames_agree_with_websockets_parser(opcode, payload):
    frame = parse_with_websockets(wire.encode_frame(opcode, payload), mask=True)
    assert (frame.opcode, frame.data) == (Opcode(opcode), payload)


def test_masking_in_chops_equals_masking_at_once():
    payload, key = os.urandom(1001), os.urandom(4)
    chopped = b"".join(wire.apply_mask(payload[i:i + 7], key, i) for i in range(0, len(payload), 7))
    assert chopped == wire.apply_mask(payload, key)
    assert wire.apply_mask(wire.apply_mask(payload, key), key) == payload


@pytest.mark.parametrize("length", [0, 5, 125, 126, 65535, 65536, 300000])
def test_reader_parses_websockets_serializer_output_fed_byte_by_byte(length):
    payload = os.urandom(length)
    data = WSFrame(Opcode.BINARY, payload).serialize(mask=False) + WSFrame(Opcode.PING, b"p").serialize(mask=True)
    reader = wire.FrameReader()
    frames = []
    step = 1 if length < 1000 else 997
    for i in range(0, len(data), step):
        reader.feed(data[i:i + step])
        while (frame := reader.next_frame()) is not None:
            frames.append(frame)
    assert [(f.opcode, f.fin, f.masked, f.payload) for f in frames] == [
        (wire.BINARY, True, False, payload), (wire.PING, True, True, b"p")]
    assert reader.buffered == 0


def test_builder_can_lie_about_reserved_bits_and_opcodes():
    assert wire.encode_frame(wire.TEXT, b"", rsv=7, mask=False).hex() == "f100"
    assert wire.encode_frame(0xB, b"", mask=False).hex() == "8b00"


def test_fragmented_message_is_split_as_asked():
    data = wire.encode_message(wire.TEXT, b"abcdefg", fragment_size=3)
    reader = wire.FrameReader()
    reader.feed(data)
    frames = [reader.next_frame() for _ in range(3)]
    assert [(f.opcode, f.fin, f.payload) for f in frames] == [
        (wire.TEXT, False, b"abc"), (wire.CONTINUATION, False, b"def"), (wire.CONTINUATION, True, b"g")]
    assert reader.next_frame() is None


def strictly_valid(payload: bytes) -> bool:
    try:
        payload.decode("utf-8", errors="strict")
        return True
    except UnicodeDecodeError:
        return False


@pytest.mark.parametrize("case_id, valid, payload", UTF8_CASES, ids=[c[0] for c in UTF8_CASES])
def test_utf8_vector_flags_agree_with_python(case_id, valid, payload):
    assert strictly_valid(payload) == valid


def test_utf8_vector_table_has_both_kinds():
    assert sum(1 for _, v, _ in UTF8_CASES if v) > 30
    assert sum(1 for _, v, _ in UTF8_CASES if not v) > 60
