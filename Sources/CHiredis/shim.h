#ifndef LOBBY_CHIREDIS_SHIM_H
#define LOBBY_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#include <hiredis/async.h>
#endif
