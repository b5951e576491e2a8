// Non-variadic wrappers around libedit, which Swift cannot call directly.
#ifndef CEDITLINE_H
#define CEDITLINE_H

#include <stdio.h>
#include <histedit.h>

typedef char *(*ceditline_prompt_fn)(EditLine *);
typedef unsigned char (*ceditline_cmd_fn)(EditLine *, int);

EditLine *ceditline_init(const char *prog);
int ceditline_set_prompt_esc(EditLine *el, ceditline_prompt_fn fn, char esc);
int ceditline_set_editor(EditLine *el, const char *mode);
int ceditline_set_signal(EditLine *el, int on);
int ceditline_addfn(EditLine *el, const char *name, const char *help,
                    ceditline_cmd_fn fn);
int ceditline_bind(EditLine *el, const char *key, const char *fname);
int ceditline_set_hist(EditLine *el, History *h);
int ceditline_set_clientdata(EditLine *el, void *data);
void *ceditline_get_clientdata(EditLine *el);
int ceditline_setty(EditLine *el, const char *arg);
/* One tty mode for editing only: el_set(el, EL_SETTY, "-d", arg, NULL).
   ceditline_setty changes the mode used while commands run (setty's default, -x). */
int ceditline_setty_edit(EditLine *el, const char *arg);

int ceditline_history_setsize(History *h, int n);
int ceditline_history_setunique(History *h, int on);
int ceditline_history_enter(History *h, const char *line);
int ceditline_history_load(History *h, const char *path);
int ceditline_history_save(History *h, const char *path);
int ceditline_history_clear(History *h);

/* The column count of the terminal on `fd`, or 0 when it is not a terminal. */
int ceditline_terminal_width(int fd);

FILE *ceditline_stdin(void);
FILE *ceditline_stdout(void);
FILE *ceditline_stderr(void);

/* libedit return codes for bound functions, as plain ints. */
static inline unsigned char ceditline_cc_refresh(void) { return CC_REFRESH; }
static inline unsigned char ceditline_cc_redisplay(void) { return CC_REDISPLAY; }
static inline unsigned char ceditline_cc_refresh_beep(void) { return CC_REFRESH_BEEP; }
static inline unsigned char ceditline_cc_newline(void) { return CC_NEWLINE; }
static inline unsigned char ceditline_cc_norm(void) { return CC_NORM; }

#endif
