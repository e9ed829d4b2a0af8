/**
 * The office calendars the server computes with: shipped years, years imported from the official open data, and
 * local closure days per city or county.
 */
package tw.yanshou.officecalendar;
