"""RFC 6455 conformance of /echo, following the Autobahn testsuite's case groups 1-7, 9 and 10
(crossbario/autobahn-testsuite, autobahntestsuite/case/caseN_*.py): the same frames, split the same ways, with
the same expectations, on a raw socket with our own frame builder (wire.py, checked in test_frames.py).

Where Autobahn accepts several outcomes this suite is stricter, as Lobby's design requires: a failed
connection must get a close frame with the stated code (not just a dropped TCP connection), a valid close code
is echoed, and the server closes the TCP connection after every closing handshake. Test ids carry the Autobahn
case number.
"""

from __future__ import annotations

import os
import time

import pytest

import wire
from conftest import LIMITED_ECHO_LIMIT
from rawclient import RawWebSocket
from utf8_vectors import KOSME, UTF8_CASES
from wire import BINARY, CLOSE, CONTINUATION, PING, PONG, TEXT

PROTOCOL_ERROR = 1002
INVALID_PAYLOAD = 1007
MESSAGE_TOO_BIG = 1009

# How bytes go out (Autobahn's "chops"): all frames in one write, one write per frame, or one byte per write.
ONE, FRAMES, OCTETS = "one-chop", "frame-chops", "octet-chops"


@pytest.fixture
def ws(echo_server):
    client = RawWebSocket(*echo_server)
    yield client
    client.close_socket()


def frame(opcode: int, payload: bytes = b"", *, fin: bool = True, rsv: int = 0) -> bytes:
    return wire.encode_frame(opcode, payload, fin=fin, rsv=rsv)


def send_frames(ws: RawWebSocket, frames: list[bytes], chops: str = ONE) -> None:
    if chops == ONE:
        ws.send_raw(b"".join(frames))
    elif chops == FRAMES:
        for data in frames:
            ws.send_raw(data)
            time.sleep(0.005)
    else:
        for data in frames:
            ws.send_raw(data, chop=1, delay=0.0005)


def text_payload(length: int) -> bytes:
    """Printable ASCII (valid UTF-8) that is not one repeated byte, so misplaced chunks show."""
    pattern = b"BAsd7&jh23"
    return (pattern * (length // len(pattern) + 1))[:length]


# --- 1: framing -----------------------------------------------------------------------------------------------

LENGTHS = [0, 125, 126, 127, 128, 65535, 65536]


@pytest.mark.parametrize("length", LENGTHS, ids=[f"1.1.{i}" for i in range(1, 8)])
def test_1_1_text_echoed(ws, length):
    ws.send_frame(TEXT, text_payload(length))
    ws.expect_message(TEXT, text_payload(length))
    ws.close_cleanly()


@pytest.mark.parametrize("length", LENGTHS, ids=[f"1.2.{i}" for i in range(1, 8)])
def test_1_2_binary_echoed(ws, length):
    payload = os.urandom(length)
    ws.send_frame(BINARY, payload)
    ws.expect_message(BINARY, payload)
    ws.close_cleanly()


@pytest.mark.parametrize("opcode", [TEXT, BINARY], ids=["1.1.8", "1.2.8"])
def test_1_x_8_65536_bytes_in_997_byte_chops(ws, opcode):
    payload = text_payload(65536) if opcode == TEXT else os.urandom(65536)
    ws.send_frame(opcode, payload, chop=997, delay=0.001)
    ws.expect_message(opcode, payload)
    ws.close_cleanly()


# --- 2: pings and pongs ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload, chop", [
    (b"", None), (b"Hello, world!", None), (b"\x00\xff\xfe\xfd\xfc\xfb\x00\xff", None), (b"\xfe" * 125, None),
    (b"\xfe" * 125, 1),
], ids=["2.1", "2.2", "2.3", "2.4", "2.6"])
def test_2_ping_answered_with_same_payload(ws, payload, chop):
    ws.send_frame(PING, payload, chop=chop, delay=0.001 if chop else 0)
    ws.expect_pong(payload)
    ws.close_cleanly()


def test_2_5_ping_with_126_byte_payload_fails(ws):
    ws.send_frame(PING, b"\xfe" * 126)
    ws.expect_close(PROTOCOL_ERROR)


@pytest.mark.parametrize("payload", [b"", b"unsolicited pong payload"], ids=["2.7", "2.8"])
def test_2_unsolicited_pong_ignored(ws, payload):
    ws.send_frame(PONG, payload)
    ws.expect_nothing(0.5)
    ws.close_cleanly()


def test_2_9_unsolicited_pong_then_ping(ws):
    ws.send_frame(PONG, b"unsolicited pong payload")
    ws.send_frame(PING, b"ping payload")
    ws.expect_pong(b"ping payload")
    ws.expect_nothing(0.3)
    ws.close_cleanly()


@pytest.mark.parametrize("chops", [ONE, OCTETS], ids=["2.10", "2.11"])
def test_2_ten_pings_ten_pongs_in_order(ws, chops):
    send_frames(ws, [frame(PING, b"payload-%d" % i) for i in range(10)], chops)
    for i in range(10):
        ws.expect_pong(b"payload-%d" % i)
    ws.close_cleanly()


# --- 3: reserved bits -----------------------------------------------------------------------------------------

def test_3_1_text_with_rsv1_fails(ws):
    ws.send_frame(TEXT, b"Hello, world!", rsv=1)
    ws.expect_close(PROTOCOL_ERROR)


@pytest.mark.parametrize("rsv, chops", [(2, ONE), (3, FRAMES), (4, OCTETS)], ids=["3.2", "3.3", "3.4"])
def test_3_valid_message_echoed_before_the_failure(ws, rsv, chops):
    send_frames(ws, [frame(TEXT, b"Hello, world!"), frame(TEXT, b"Hello, world!", rsv=rsv), frame(PING)], chops)
    ws.expect_message(TEXT, b"Hello, world!")
    ws.expect_close(PROTOCOL_ERROR)  # and no pong before it


@pytest.mark.parametrize("opcode, payload, rsv", [
    (BINARY, b"\x00\xff\xfe\xfd\xfc\xfb\x00\xff", 5), (PING, b"Hello, world!", 6), (CLOSE, b"", 7),
], ids=["3.5", "3.6", "3.7"])
def test_3_reserved_bits_on_other_frames_fail(ws, opcode, payload, rsv):
    ws.send_frame(opcode, payload, rsv=rsv)
    ws.expect_close(PROTOCOL_ERROR)


# --- 4: reserved opcodes --------------------------------------------------------------------------------------

RESERVED_OPCODES = [3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF]


@pytest.mark.parametrize("opcode", RESERVED_OPCODES, ids=[f"opcode-{o:#x}" for o in RESERVED_OPCODES])
@pytest.mark.parametrize("payload", [b"", b"reserved opcode payload"], ids=["empty", "payload"])
def test_4_reserved_opcode_fails(ws, opcode, payload):
    ws.send_frame(opcode, payload)
    ws.expect_close(PROTOCOL_ERROR)


@pytest.mark.parametrize("opcode", [5, 6, 7, 0xD, 0xE, 0xF], ids=["4.1.3", "4.1.4", "4.1.5", "4.2.3", "4.2.4", "4.2.5"])
def test_4_valid_message_echoed_then_reserved_opcode_fails_without_pong(ws, opcode):
    ws.send_raw(frame(TEXT, b"Hello, world!") + frame(opcode, b"payload") + frame(PING))
    ws.expect_message(TEXT, b"Hello, world!")
    ws.expect_close(PROTOCOL_ERROR)


# --- 5: fragmentation -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("opcode", [PING, PONG], ids=["5.1", "5.2"])
def test_5_fragmented_control_frame_fails(ws, opcode):
    send_frames(ws, [frame(opcode, b"fragment1", fin=False), frame(CONTINUATION, b"fragment2")])
    ws.expect_close(PROTOCOL_ERROR)


@pytest.mark.parametrize("chops", [ONE, FRAMES, OCTETS], ids=["5.3", "5.4", "5.5"])
def test_5_text_in_two_fragments_echoed(ws, chops):
    send_frames(ws, [frame(TEXT, b"fragment1", fin=False), frame(CONTINUATION, b"fragment2")], chops)
    ws.expect_message(TEXT, b"fragment1fragment2")
    ws.close_cleanly()


@pytest.mark.parametrize("chops", [ONE, FRAMES, OCTETS], ids=["5.6", "5.7", "5.8"])
def test_5_ping_between_fragments_answered_first(ws, chops):
    send_frames(ws, [frame(TEXT, b"fragment1", fin=False), frame(PING, b"ping payload"),
                     frame(CONTINUATION, b"fragment2")], chops)
    ws.expect_pong(b"ping payload")
    ws.expect_message(TEXT, b"fragment1fragment2")
    ws.close_cleanly()


@pytest.mark.parametrize("fin, chops", [
    (True, ONE), (True, FRAMES), (True, OCTETS), (False, ONE), (False, FRAMES), (False, OCTETS),
], ids=["5.9", "5.10", "5.11", "5.12", "5.13", "5.14"])
def test_5_continuation_without_a_message_fails(ws, fin, chops):
    send_frames(ws, [frame(CONTINUATION, b"non-continuation payload", fin=fin), frame(TEXT, b"Hello, world!")],
                chops)
    ws.expect_close(PROTOCOL_ERROR)


def test_5_15_continuation_after_a_finished_message_fails(ws):
    send_frames(ws, [frame(TEXT, b"fragment1", fin=False), frame(CONTINUATION, b"fragment2"),
                     frame(CONTINUATION, b"fragment3", fin=False), frame(TEXT, b"fragment4")])
    ws.expect_message(TEXT, b"fragment1fragment2")
    ws.expect_close(PROTOCOL_ERROR)


@pytest.mark.parametrize("fin", [False, True], ids=["5.16", "5.17"])
def test_5_repeated_orphan_continuations_fail(ws, fin):
    group = [frame(CONTINUATION, b"fragment1", fin=fin), frame(TEXT, b"fragment2", fin=False),
             frame(CONTINUATION, b"fragment3")]
    send_frames(ws, group + group)
    ws.expect_close(PROTOCOL_ERROR)


@pytest.mark.parametrize("second", [TEXT, BINARY], ids=["5.18", "5.18-binary"])
def test_5_new_data_frame_inside_a_message_fails(ws, second):
    send_frames(ws, [frame(TEXT, b"fragment1", fin=False), frame(second, b"fragment2")])
    ws.expect_close(PROTOCOL_ERROR)


@pytest.mark.parametrize("chops", [ONE, FRAMES], ids=["5.19", "5.20"])
def test_5_pings_answered_while_a_message_is_incomplete(ws, chops):
    send_frames(ws, [frame(TEXT, b"fragment1", fin=False), frame(CONTINUATION, b"fragment2", fin=False),
                     frame(PING, b"pongme 1!")], chops)
    # The pong must come now, before the message can be complete (Autobahn waits 1 s here).
    ws.expect_pong(b"pongme 1!", timeout=1.0)
    send_frames(ws, [frame(CONTINUATION, b"fragment3", fin=False), frame(CONTINUATION, b"fragment4", fin=False),
                     frame(PING, b"pongme 2!"), frame(CONTINUATION, b"fragment5")], chops)
    ws.expect_pong(b"pongme 2!")
    ws.expect_message(TEXT, b"fragment1fragment2fragment3fragment4fragment5")
    ws.close_cleanly()


@pytest.mark.parametrize("opcode", [TEXT, BINARY])
@pytest.mark.parametrize("fragment_size", [1, 2, 100])
def test_5_fragmented_message_echoed(ws, opcode, fragment_size):
    payload = text_payload(301) if opcode == TEXT else os.urandom(301)
    ws.send_message(opcode, payload, fragment_size=fragment_size)
    ws.expect_message(opcode, payload)
    ws.close_cleanly()


# --- 6: UTF-8 -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("frames, expected", [
    ([frame(TEXT, b"")], b""),
    ([frame(TEXT, b"", fin=False), frame(CONTINUATION, b"", fin=False), frame(CONTINUATION, b"")], b""),
    ([frame(TEXT, b"", fin=False), frame(CONTINUATION, b"middle frame payload", fin=False),
      frame(CONTINUATION, b"")], b"middle frame payload"),
], ids=["6.1.1", "6.1.2", "6.1.3"])
def test_6_1_empty_text_fragments(ws, frames, expected):
    send_frames(ws, frames)
    ws.expect_message(TEXT, expected)
    ws.close_cleanly()


HELLO_UTF8 = "Hello-µ@ßöäüàá-UTF-8!!".encode()


@pytest.mark.parametrize("payload, fragment_size", [
    (HELLO_UTF8, None), (HELLO_UTF8, 1), (KOSME, 1), (KOSME + "€𤭢".encode() * 10, 3),
], ids=["6.2.1", "6.2.3", "6.2.4", "multibyte-3-byte-fragments"])
def test_6_2_valid_utf8_echoed_whatever_the_split(ws, payload, fragment_size):
    ws.send_message(TEXT, payload, fragment_size=fragment_size)
    ws.expect_message(TEXT, payload)
    ws.close_cleanly()


def test_6_2_2_valid_utf8_split_on_a_code_point_boundary(ws):
    send_frames(ws, [frame(TEXT, "Hello-µ@ßöä".encode(), fin=False),
                     frame(CONTINUATION, "üàá-UTF-8!!".encode())])
    ws.expect_message(TEXT, HELLO_UTF8)
    ws.close_cleanly()


INVALID_6_3 = KOSME + b"\xed\xa0\x80" + b"edited"  # a UTF-16 surrogate in the middle


@pytest.mark.parametrize("fragment_size", [None, 1], ids=["6.3.1", "6.3.2"])
def test_6_3_invalid_utf8_fails(ws, fragment_size):
    ws.send_message(TEXT, INVALID_6_3, fragment_size=fragment_size)
    ws.expect_close(INVALID_PAYLOAD)


def test_6_invalid_sequence_split_across_fragments_fails(ws):
    # "\xe2\x82" starts a 3-byte sequence; the next fragment's "(" cannot continue it.
    send_frames(ws, [frame(TEXT, b"hello\xe2", fin=False), frame(CONTINUATION, b"\x82", fin=False),
                     frame(CONTINUATION, b"(world")])
    ws.expect_close(INVALID_PAYLOAD)


def test_6_message_ending_inside_a_code_point_fails(ws):
    send_frames(ws, [frame(TEXT, b"hello\xf0\x90", fin=False), frame(CONTINUATION, b"\x80")])
    ws.expect_close(INVALID_PAYLOAD)


def test_6_binary_messages_are_not_utf8_checked(ws):
    ws.send_frame(BINARY, INVALID_6_3)
    ws.expect_message(BINARY, INVALID_6_3)
    ws.close_cleanly()


# 6.4: fail fast. The invalid byte arrives, the rest of the message never does: the server must close with
# 1007 on the spot instead of waiting for the message to complete.
PART1 = KOSME                      # valid
PART2 = b"\xf4\x90\x80\x80"        # U+110000: invalid at its second byte (\x90)
PART3 = b"edited"


def test_6_4_1_fail_fast_on_the_invalid_frame(ws):
    ws.send_frame(TEXT, PART1, fin=False)
    ws.expect_nothing(0.5)
    ws.send_frame(CONTINUATION, PART2, fin=False)
    ws.expect_close(INVALID_PAYLOAD, timeout=2.0)


def test_6_4_2_fail_fast_on_the_single_invalid_byte(ws):
    payload = PART1 + PART2 + PART3
    ws.send_frame(TEXT, payload[:12], fin=False)  # ends inside the 4-byte sequence: still a valid prefix
    ws.expect_nothing(0.5)
    ws.send_frame(CONTINUATION, payload[12:13], fin=False)
    ws.expect_close(INVALID_PAYLOAD, timeout=2.0)


@pytest.mark.parametrize("first, second", [(PART1, PART2), ((PART1 + PART2)[:12], (PART1 + PART2)[12:13])],
                         ids=["6.4.3", "6.4.4"])
def test_6_4_fail_fast_inside_one_frame(ws, first, second):
    key = os.urandom(4)
    total = len(PART1 + PART2 + PART3)
    ws.send_raw(wire.encode_header(TEXT, total, mask_key=key) + wire.apply_mask(first, key))
    ws.expect_nothing(0.5)
    ws.send_raw(wire.apply_mask(second, key, len(first)))
    ws.expect_close(INVALID_PAYLOAD, timeout=2.0)


def test_6_fail_fast_in_a_big_frame_whose_tail_never_comes(ws):
    key = os.urandom(4)
    head = b"valid ascii " + b"\xc0\xaf" + b" and more"  # overlong '/' early in a 1 MB frame
    ws.send_raw(wire.encode_header(TEXT, 1_000_000, mask_key=key) + wire.apply_mask(head, key))
    ws.expect_close(INVALID_PAYLOAD, timeout=2.0)


@pytest.mark.parametrize("case_id, valid, payload", UTF8_CASES, ids=[c[0] for c in UTF8_CASES])
def test_6_utf8_vectors(ws, case_id, valid, payload):
    ws.send_frame(TEXT, payload)
    if valid:
        ws.expect_message(TEXT, payload)
        ws.close_cleanly()
    else:
        ws.expect_close(INVALID_PAYLOAD)


# --- 7: closing -----------------------------------------------------------------------------------------------

def test_7_1_1_message_then_close(ws):
    ws.send_raw(frame(TEXT, b"Hello World!") + frame(CLOSE, wire.close_payload(1000)))
    ws.expect_message(TEXT, b"Hello World!")
    ws.expect_close(1000, reply=False)


@pytest.mark.parametrize("after", [
    frame(CLOSE),                               # 7.1.2: a second close
    frame(PING, b"ping after close"),           # 7.1.3: no pong
    frame(TEXT, b"Hello World!"),               # 7.1.4: no echo
], ids=["7.1.2", "7.1.3", "7.1.4"])
def test_7_frames_after_close_are_ignored(ws, after):
    ws.send_raw(frame(CLOSE, wire.close_payload(1000)) + after)
    ws.expect_close(1000, reply=False)  # exactly one close, nothing else, then TCP closed


def test_7_1_5_close_between_fragments(ws):
    ws.send_raw(frame(TEXT, b"fragment1", fin=False) + frame(CLOSE, wire.close_payload(1000))
                + frame(CONTINUATION, b"fragment2"))
    ws.expect_close(1000, reply=False)


def test_7_1_6_big_message_then_close(ws):
    big = text_payload(256 * 1024)
    ws.send_raw(frame(TEXT, big) + frame(TEXT, b"Hello World!") + frame(CLOSE, wire.close_payload(1000))
                + frame(PING))
    ws.expect_message(TEXT, big)
    ws.expect_message(TEXT, b"Hello World!")
    ws.expect_close(1000, reply=False)


def test_7_3_1_empty_close_body(ws):
    ws.send_frame(CLOSE, b"")
    # RFC 6455 section 7.4.1: an empty body means 1005 "no status"; the reply may be empty or 1000.
    ws.expect_close((None, 1000), reply=False)


@pytest.mark.parametrize("body, expected", [
    (b"a", PROTOCOL_ERROR),                                      # 7.3.2: 1-byte body
    (wire.close_payload(1000), 1000),                            # 7.3.3
    (wire.close_payload(1000, b"Hello World!"), 1000),           # 7.3.4
    (wire.close_payload(1000, b"*" * 123), 1000),                # 7.3.5: longest legal reason
    (wire.close_payload(1000, b"*" * 124), PROTOCOL_ERROR),      # 7.3.6: 126-byte control frame
    (wire.close_payload(1000, INVALID_6_3), INVALID_PAYLOAD),    # 7.5.1: reason not UTF-8
], ids=["7.3.2", "7.3.3", "7.3.4", "7.3.5", "7.3.6", "7.5.1"])
def test_7_close_bodies(ws, body, expected):
    ws.send_frame(CLOSE, body)
    ws.expect_close(expected, reply=False)


VALID_CODES = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999]


@pytest.mark.parametrize("code", VALID_CODES, ids=[f"7.7.{i}-{c}" for i, c in enumerate(VALID_CODES, 1)])
def test_7_7_valid_close_code_echoed(ws, code):
    ws.send_close(code, b"reason")
    ws.expect_close(code, reply=False)


# Autobahn 7.9.x, plus 1015 (reserved for TLS failures, never sent: RFC 6455 section 7.4.1) and, as Lobby's
# policy for what Autobahn 7.13.x leaves undefined, codes past 4999.
INVALID_CODES = [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535]


@pytest.mark.parametrize("code", INVALID_CODES, ids=[f"code-{c}" for c in INVALID_CODES])
def test_7_9_invalid_close_code_fails(ws, code):
    ws.send_close(code)
    ws.expect_close(PROTOCOL_ERROR, reply=False)


def test_7_server_closes_tcp_first_after_a_client_close(ws):
    ws.send_close(1000, "bye".encode())
    reply = ws.recv_frame()
    assert reply.opcode == CLOSE and reply.close_code == 1000
    ws.expect_tcp_closed(timeout=5.0)  # we keep our end open: the server must close TCP itself


# --- 9: big messages ------------------------------------------------------------------------------------------

BIG = [64 * 2**10, 256 * 2**10, 2**20, 4 * 2**20, 8 * 2**20, 16 * 2**20]


@pytest.mark.parametrize("length", BIG, ids=[f"9.1.{i}" for i in range(1, 7)])
def test_9_1_big_text_echoed(ws, length):
    ws.send_frame(TEXT, text_payload(length))
    ws.expect_message(TEXT, text_payload(length), timeout=60)
    ws.close_cleanly()


@pytest.mark.parametrize("length", BIG, ids=[f"9.2.{i}" for i in range(1, 7)])
def test_9_2_big_binary_echoed(ws, length):
    payload = os.urandom(length)
    ws.send_frame(BINARY, payload)
    ws.expect_message(BINARY, payload, timeout=60)
    ws.close_cleanly()


FRAGMENT_SIZES = [64, 256, 2**10, 4 * 2**10, 16 * 2**10, 64 * 2**10, 256 * 2**10, 2**20, 4 * 2**20]


@pytest.mark.parametrize("fragment_size", FRAGMENT_SIZES, ids=[f"{i}-{s}" for i, s in enumerate(FRAGMENT_SIZES, 1)])
@pytest.mark.parametrize("opcode", [TEXT, BINARY], ids=["9.3", "9.4"])
def test_9_3_4_fragmented_4mib_echoed(ws, opcode, fragment_size):
    payload = text_payload(4 * 2**20) if opcode == TEXT else os.urandom(4 * 2**20)
    ws.send_message(opcode, payload, fragment_size=fragment_size)
    ws.expect_message(opcode, payload, timeout=60)
    ws.close_cleanly()


CHOPS = [64, 128, 256, 512, 1024, 2048]


@pytest.mark.parametrize("chop", CHOPS, ids=[f"{i}-{c}" for i, c in enumerate(CHOPS, 1)])
@pytest.mark.parametrize("opcode", [TEXT, BINARY], ids=["9.5", "9.6"])
def test_9_5_6_1mib_in_chops_echoed(ws, opcode, chop):
    payload = text_payload(2**20) if opcode == TEXT else os.urandom(2**20)
    ws.send_frame(opcode, payload, chop=chop)
    ws.expect_message(opcode, payload, timeout=60)
    ws.close_cleanly()


# --- 10: message size limit (--echo-max-message-size) ---------------------------------------------------------

def test_10_1_1_64kib_text_in_1300_byte_fragments_echoed(ws):
    payload = b"*" * 65536
    ws.send_message(TEXT, payload, fragment_size=1300)
    ws.expect_message(TEXT, payload)
    ws.close_cleanly()


@pytest.fixture
def limited(limited_echo_server):
    client = RawWebSocket(*limited_echo_server)
    yield client
    client.close_socket()


@pytest.mark.parametrize("opcode", [TEXT, BINARY])
def test_10_message_at_the_limit_echoed(limited, opcode):
    payload = text_payload(LIMITED_ECHO_LIMIT)
    limited.send_frame(opcode, payload)
    limited.expect_message(opcode, payload)
    limited.close_cleanly()


@pytest.mark.parametrize("declared", [LIMITED_ECHO_LIMIT + 1, 2**20, 2**40], ids=["limit+1", "1MiB", "1TiB"])
def test_10_oversize_header_fails_before_the_payload(limited, declared):
    key = os.urandom(4)
    limited.send_raw(wire.encode_header(BINARY, declared, mask_key=key) + wire.apply_mask(b"0123456789", key))
    limited.expect_close(MESSAGE_TOO_BIG, timeout=2.0)


def test_10_fragments_crossing_the_limit_fail_at_the_crossing_header(limited):
    quarter = LIMITED_ECHO_LIMIT // 4
    limited.send_frame(TEXT, text_payload(quarter), fin=False)
    for _ in range(3):
        limited.send_frame(CONTINUATION, text_payload(quarter), fin=False)
    limited.expect_nothing(0.3)  # exactly at the limit so far: fine
    key = os.urandom(4)
    limited.send_raw(wire.encode_header(CONTINUATION, 1, mask_key=key))  # one byte over, payload never sent
    limited.expect_close(MESSAGE_TOO_BIG, timeout=2.0)


def test_10_limit_applies_per_message(limited):
    payload = os.urandom(LIMITED_ECHO_LIMIT)
    for _ in range(3):
        limited.send_frame(BINARY, payload)
        limited.expect_message(BINARY, payload)
    limited.close_cleanly()
