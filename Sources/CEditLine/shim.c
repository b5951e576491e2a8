#include "CEditLine.h"

#include <sys/ioctl.h>

EditLine *ceditline_init(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}

int ceditline_set_prompt_esc(EditLine *el, ceditline_prompt_fn fn, char esc) {
  return el_set(el, EL_PROMPT_ESC, fn, esc);
}

int ceditline_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

int ceditline_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

int ceditline_addfn(EditLine *el, const char *name, const char *help,
                    ceditline_cmd_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

int ceditline_bind(EditLine *el, const char *key, const char *fname) {
  return el_set(el, EL_BIND, key, fname, NULL);
}

int ceditline_set_hist(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

int ceditline_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

void *ceditline_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

int ceditline_setty(EditLine *el, const char *arg) {
  return el_set(el, EL_SETTY, arg, NULL);
}

int ceditline_setty_edit(EditLine *el, const char *arg) {
  return el_set(el, EL_SETTY, "-d", arg, NULL);
}

int ceditline_history_setsize(History *h, int n) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, n);
}

int ceditline_history_setunique(History *h, int on) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, on);
}

int ceditline_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}

int ceditline_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}

int ceditline_history_save(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, path);
}

int ceditline_history_clear(History *h) {
  HistEvent ev;
  return history(h, &ev, H_CLEAR);
}

int ceditline_terminal_width(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

FILE *ceditline_stdin(void) { return stdin; }
FILE *ceditline_stdout(void) { return stdout; }
FILE *ceditline_stderr(void) { return stderr; }
