package tw.yanshou.officecalendar;

/**
 * The office calendar changed (years imported, a local closure added or removed): due dates counted in it may move.
 * Listeners run after the change is committed.
 *
 * @param what what changed, for the log: {@code YEARS_IMPORTED}, {@code CLOSURE_ADDED}, {@code CLOSURE_REMOVED}
 */
public record OfficeCalendarChanged(String calendar, String what) { }
