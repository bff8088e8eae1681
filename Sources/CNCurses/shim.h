#ifndef MEMBERDECK_CNCURSES_SHIM_H
#define MEMBERDECK_CNCURSES_SHIM_H

// SwiftPM ignores pkg-config cflags for system libraries, so the wide-character API is
// switched on here, before curses.h is read.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif

// Macros Swift cannot import, as functions.
static inline int md_attr_normal(void) { return (int)A_NORMAL; }
static inline int md_attr_bold(void) { return (int)A_BOLD; }
static inline int md_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int md_attr_reverse(void) { return (int)A_REVERSE; }
static inline int md_attr_dim(void) { return (int)A_DIM; }
static inline int md_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline int md_colors(void) { return COLORS; }
static inline int md_color_pairs(void) { return COLOR_PAIRS; }
static inline int md_lines(WINDOW *window) { return getmaxy(window); }
static inline int md_columns(WINDOW *window) { return getmaxx(window); }
static inline int md_wattrset(WINDOW *window, int attributes) { return wattrset(window, attributes); }
static inline int md_init_pair(int pair, int foreground, int background) {
    return init_extended_pair(pair, foreground, background);
}
/// Checks TERM without exiting (initscr() would exit on an unknown terminal). Returns 1 when usable.
static inline int md_terminal_usable(void) {
    int error = 0;
    if (setupterm(NULL, fileno(stdout), &error) != OK) { return 0; }
    return 1;
}
/// Writes a string of wide characters.
static inline int md_add_wide(WINDOW *window, const wchar_t *text, int count) { return waddnwstr(window, text, count); }
static inline int md_get_wch(WINDOW *window, wint_t *key) { return wget_wch(window, key); }

/// Turns mouse reporting on (all buttons and the wheel) or off.
static inline void md_mouse_enable(int on) {
    mousemask(on ? (mmask_t)(ALL_MOUSE_EVENTS) : 0, NULL);
    mouseinterval(0);
}
/// Reads the pending mouse event: kind 1 = left button, 4 = wheel up, 5 = wheel down, 0 = other.
static inline int md_mouse_read(int *x, int *y, int *kind) {
    MEVENT event;
    if (getmouse(&event) != OK) { return 0; }
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) { *kind = 1; }
#ifdef BUTTON5_PRESSED
    else if (event.bstate & BUTTON5_PRESSED) { *kind = 5; }
#endif
    else if (event.bstate & BUTTON4_PRESSED) { *kind = 4; }
    else { *kind = 0; }
    return 1;
}

#endif
