#ifndef CTEXTSHIM_H
#define CTEXTSHIM_H
#include <stdint.h>

/// wcwidth() of one Unicode scalar in the current LC_CTYPE (Swift's Glibc module does not export it).
int ctextshim_wcwidth(uint32_t scalar);

/// nl_langinfo(CODESET) of the current locale.
const char *ctextshim_codeset(void);

#endif
