#ifndef LOBBY_COPENSSL_SHIM_H
#define LOBBY_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/bio.h>

/* Macros Swift cannot import. */
static inline long lobby_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
static inline long lobby_SSL_CTX_set_options(SSL_CTX *ctx, long op) { return SSL_CTX_set_options(ctx, op); }
static inline int lobby_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int v) { return (int)SSL_CTX_set_min_proto_version(ctx, v); }
static inline long lobby_SSL_set_tlsext_host_name(SSL *ssl, const char *name) { return SSL_set_tlsext_host_name(ssl, name); }
static inline size_t lobby_BIO_ctrl_pending(BIO *b) { return BIO_ctrl_pending(b); }
/* SSL_OP_* are built with the function-like SSL_OP_BIT macro, which Swift cannot import. */
static inline uint64_t lobby_SSL_OP_NO_RENEGOTIATION(void) { return SSL_OP_NO_RENEGOTIATION; }
#endif
