/* The XDG base directories, by the specification's rules: a variable
 * that is unset, empty or relative is ignored (the default is used);
 * $XDG_CONFIG_DIRS (default /etc/xdg) is searched after
 * $XDG_CONFIG_HOME, so a meeting-room machine can hold a team-wide
 * config in /etc/xdg/fupan/. storage/ never draws. */
#ifndef FUPAN_STORAGE_XDG_H
#define FUPAN_STORAGE_XDG_H

#include <stddef.h>

/* $VAR when absolute, else $HOME/HOME_REL (HOME_REL e.g. ".local/share";
 * "." for HOME when HOME is unset), into buf. */
void fp_xdg_dir(const char *var, const char *home_rel, char *buf,
                size_t bufsz);
/* The first readable fupan/NAME in $XDG_CONFIG_HOME (else ~/.config),
 * then in each absolute folder of $XDG_CONFIG_DIRS (else /etc/xdg).
 * NULL when there is none; the caller frees. */
char *fp_xdg_config_find(const char *name);

#endif
