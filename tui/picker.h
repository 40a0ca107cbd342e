/* The picker: a filterable list in a band over the lower part of the
 * screen, for causes, owners and attendees. Type to filter (Chinese
 * too), arrows to move, Enter to choose, Esc to cancel; with multi-select
 * Space marks items and Enter ends. The list logic is in picklist.h. */
#ifndef FUPAN_TUI_PICKER_H
#define FUPAN_TUI_PICKER_H

#include <stdbool.h>

#include "tui/picklist.h"
#include "tui/ui.h"

/* Runs the picker over p (filled by the caller, cursor where it should
 * start). True when the user chose: the item under the cursor
 * (fp_picklist_current) or, for multi-select, the marked items. False on
 * Esc or when the ui must stop. */
bool fp_picker_run(fp_ui *ui, fp_picklist *p, const char *title);

#endif
