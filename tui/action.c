/* The action table: the single declaration of every user-visible action. */
#include "tui/action.h"

#include <string.h>

#include "model/i18n.h"

#define ACT(id, name, grp, help, bar, wr, av) \
    [id] = { id, name, grp, help, bar, wr, av }

static const fp_action_info actions[FP_ACT_COUNT] = {
    ACT(FP_ACT_MOVE_UP, "move-up", FP_GRP_MOVE,
        N_("Move the cursor up"), NULL, false, true),
    ACT(FP_ACT_MOVE_DOWN, "move-down", FP_GRP_MOVE,
        N_("Move the cursor down"), NULL, false, true),
    ACT(FP_ACT_PAGE_UP, "page-up", FP_GRP_MOVE,
        N_("Move one page up"), N_("Page up"), false, true),
    ACT(FP_ACT_PAGE_DOWN, "page-down", FP_GRP_MOVE,
        N_("Move one page down"), N_("Page down"), false, true),
    ACT(FP_ACT_FIRST, "first", FP_GRP_MOVE,
        N_("Move to the first row"), NULL, false, true),
    ACT(FP_ACT_LAST, "last", FP_GRP_MOVE,
        N_("Move to the last row"), NULL, false, true),
    ACT(FP_ACT_DRILL_DOWN, "drill-down", FP_GRP_NAVIGATE,
        N_("Open the highlighted row (store, category, person)"),
        N_("Open"), false, true),
    ACT(FP_ACT_BACK, "back", FP_GRP_NAVIGATE,
        N_("Go back up to the row you came from"), N_("Back"), false, true),
    ACT(FP_ACT_PREV_WEEK, "prev-week", FP_GRP_NAVIGATE,
        N_("Show the previous week (month, quarter: P)"), N_("Prev wk"), false, true),
    ACT(FP_ACT_NEXT_WEEK, "next-week", FP_GRP_NAVIGATE,
        N_("Show the next week (month, quarter: P)"), N_("Next wk"), false, true),
    ACT(FP_ACT_GOTO_WEEK, "goto-week", FP_GRP_NAVIGATE,
        N_("Go to a week (2026-W45, W45 or 45)"), N_("Week"), false, true),
    ACT(FP_ACT_CYCLE_PERIOD, "cycle-period", FP_GRP_NAVIGATE,
        N_("Show the week, its month or its quarter"),
        N_("Period"), false, true),
    ACT(FP_ACT_NEXT_RED, "next-red", FP_GRP_NAVIGATE,
        N_("Go to the next red KPI below the current node"), N_("Next red"),
        false, true),
    ACT(FP_ACT_PREV_RED, "prev-red", FP_GRP_NAVIGATE,
        N_("Go to the previous red KPI below the current node"), NULL,
        false, true),
    ACT(FP_ACT_SEARCH, "search", FP_GRP_NAVIGATE,
        N_("Search a name anywhere (empty: next match)"), N_("Search"),
        false, true),
    ACT(FP_ACT_PEOPLE_VIEW, "people-view", FP_GRP_NAVIGATE,
        N_("Everyone below this node, ranked by score"), N_("People"),
        false, true),
    ACT(FP_ACT_TOGGLE_FOCUS, "toggle-focus", FP_GRP_NAVIGATE,
        N_("Switch the focus between table and detail"), N_("Focus"),
        false, true),
    ACT(FP_ACT_SORT, "sort", FP_GRP_DISPLAY,
        N_("Sort by the next column"), N_("Sort"), false, true),
    ACT(FP_ACT_SORT_REVERSE, "sort-reverse", FP_GRP_DISPLAY,
        N_("Reverse the sort order"), NULL, false, true),
    ACT(FP_ACT_FILTER_RED, "filter-red", FP_GRP_DISPLAY,
        N_("Show only red and amber rows"), N_("Red only"), false, true),
    ACT(FP_ACT_FILTER_ROLE, "filter-role", FP_GRP_DISPLAY,
        N_("People view: show the next role only"), N_("Role"), false, true),
    ACT(FP_ACT_REFRESH, "refresh", FP_GRP_DISPLAY,
        N_("Reload the data and redraw the screen"), NULL, false, true),
    ACT(FP_ACT_TOGGLE_CURRENCY, "toggle-currency", FP_GRP_DISPLAY,
        N_("Money in the reporting currency, or each store's own"),
        NULL, false, true),
    ACT(FP_ACT_CYCLE_THEME, "cycle-theme", FP_GRP_DISPLAY,
        N_("Next colour theme (default, high-contrast, mono)"), NULL,
        false, true),
    ACT(FP_ACT_WHATIF, "whatif", FP_GRP_DISPLAY,
        N_("What-if: this node's scorecards under changed catalogue keys"),
        N_("What-if"), false, true),
    ACT(FP_ACT_KPI_REVIEW, "kpi-review", FP_GRP_DISPLAY,
        N_("Quarterly review of the KPI system, this week's quarter"),
        N_("KPI review"), false, true),
    ACT(FP_ACT_ANNOTATE, "annotate", FP_GRP_MEETING,
        N_("Write an attribution note (cause and text)"), N_("Note"),
        true, true),
    ACT(FP_ACT_OVERRIDE, "override", FP_GRP_MEETING,
        N_("Override the highlighted value, with a reason"), N_("Override"),
        true, true),
    ACT(FP_ACT_REVERT_OVERRIDE, "revert-override", FP_GRP_MEETING,
        N_("Revert the override of the highlighted value"), NULL,
        true, true),
    ACT(FP_ACT_OVERRIDE_HISTORY, "override-history", FP_GRP_MEETING,
        N_("Show the history of the highlighted value"), NULL,
        false, true),
    ACT(FP_ACT_NEW_ACTION, "new-action", FP_GRP_MEETING,
        N_("Create an action item (text, owner, due week)"), N_("Action"),
        true, true),
    ACT(FP_ACT_LIST_ACTIONS, "list-actions", FP_GRP_MEETING,
        N_("List open action items, carried over ones too"), N_("Actions"),
        false, true),
    ACT(FP_ACT_MEETING, "meeting", FP_GRP_MEETING,
        N_("Start or stop the meeting of this week, attendees"),
        N_("Meeting"), true, true),
    ACT(FP_ACT_MINUTES_PREVIEW, "minutes-preview", FP_GRP_MEETING,
        N_("Preview the minutes of this week"), N_("Minutes"), false, true),
    ACT(FP_ACT_EXPORT_MINUTES, "export-minutes", FP_GRP_MEETING,
        N_("Export the minutes to a file (.txt or .md)"), N_("Export"),
        false, true),
    ACT(FP_ACT_PUSH_MINUTES, "push-minutes", FP_GRP_MEETING,
        N_("Push the chat minutes to a group bot of the config ([push])"),
        N_("Push"), false, true),
    ACT(FP_ACT_COPY_MINUTES, "copy-minutes", FP_GRP_MEETING,
        N_("Copy the chat minutes to the clipboard (OSC 52)"), N_("Copy"),
        false, true),
    ACT(FP_ACT_NOTES_VIEW, "notes-view", FP_GRP_MEETING,
        N_("List this week's notes here and below"), N_("Notes"),
        false, true),
    ACT(FP_ACT_EDIT_NOTE, "edit-note", FP_GRP_MEETING,
        N_("Notes: change the highlighted note (history kept)"), N_("Edit"),
        true, true),
    ACT(FP_ACT_DELETE_NOTE, "delete-note", FP_GRP_MEETING,
        N_("Notes: delete the highlighted note (history kept)"),
        N_("Delete"), true, true),
    ACT(FP_ACT_NOTE_HISTORY, "note-history", FP_GRP_MEETING,
        N_("Notes: every version of the highlighted note"), N_("History"),
        false, true),
    ACT(FP_ACT_ITEM_DONE, "action-done", FP_GRP_MEETING,
        N_("Action items: mark the highlighted one done"), N_("Done"),
        true, true),
    ACT(FP_ACT_ITEM_DROP, "action-drop", FP_GRP_MEETING,
        N_("Action items: drop the highlighted one"), N_("Drop"),
        true, true),
    ACT(FP_ACT_ITEM_REOPEN, "action-reopen", FP_GRP_MEETING,
        N_("Action items: open the highlighted one again"), N_("Reopen"),
        true, true),
    ACT(FP_ACT_EXPORT_TABLE, "export-table", FP_GRP_MEETING,
        N_("Export the rows of this view to a file (csv, xlsx)"), NULL,
        false, true),
    ACT(FP_ACT_HELP, "help", FP_GRP_GENERAL,
        N_("Show or close this help"), N_("Help"), false, true),
    ACT(FP_ACT_QUIT, "quit", FP_GRP_GENERAL,
        N_("Quit fupan"), N_("Quit"), false, true),
};

static const char *const group_titles[FP_GRP_COUNT] = {
    [FP_GRP_MOVE] = N_("Moving"),
    [FP_GRP_NAVIGATE] = N_("Navigating"),
    [FP_GRP_DISPLAY] = N_("Display"),
    [FP_GRP_MEETING] = N_("Meeting"),
    [FP_GRP_GENERAL] = N_("General"),
};

const fp_action_info *fp_action_get(fp_action id)
{
    if (id <= FP_ACT_NONE || id >= FP_ACT_COUNT)
        return NULL;
    return &actions[id];
}

fp_action fp_action_by_name(const char *name)
{
    for (int i = FP_ACT_NONE + 1; i < FP_ACT_COUNT; i++)
        if (strcmp(actions[i].name, name) == 0)
            return (fp_action)i;
    return FP_ACT_NONE;
}

const char *fp_action_group_title(fp_action_group g)
{
    return (g >= 0 && g < FP_GRP_COUNT) ? group_titles[g] : "";
}
