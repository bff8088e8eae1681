#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <langinfo.h>
#include "CTextShim.h"

int ctextshim_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

const char *ctextshim_codeset(void) { return nl_langinfo(CODESET); }
