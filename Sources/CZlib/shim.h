#ifndef LOBBY_CZLIB_SHIM_H
#define LOBBY_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 and inflateInit2 are macros (they pass ZLIB_VERSION and sizeof(z_stream)); Swift cannot call them.
   Raw DEFLATE (no zlib header) is a negative windowBits, as RFC 7692 permessage-deflate needs. */
static inline int lobby_deflate_init_raw(z_streamp stream, int level, int windowBits, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, -windowBits, memLevel, Z_DEFAULT_STRATEGY);
}

static inline int lobby_inflate_init_raw(z_streamp stream, int windowBits) {
    return inflateInit2(stream, -windowBits);
}
#endif
