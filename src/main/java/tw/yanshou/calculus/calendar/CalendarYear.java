package tw.yanshou.calculus.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year of the official office calendar: the weekdays that are days off and the weekend days that are
 * working days (補行上班). Every other Saturday and Sunday is a rest day and every other weekday a working day.
 *
 * @param year               the year, 1 to 9999
 * @param weekdaysOff        Monday-to-Friday days off in that year (holidays, 補假, 調整放假)
 * @param workingWeekendDays Saturdays and Sundays of that year that are working days
 */
public record CalendarYear(int year, Set<LocalDate> weekdaysOff, Set<LocalDate> workingWeekendDays) {

    /**
     * Checks the dates and keeps sorted, unmodifiable copies of both sets.
     *
     * @throws IllegalArgumentException when the year is out of range, a date lies in another year, a day off
     *                                  is a weekend day or a working weekend day is a weekday
     */
    public CalendarYear {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year must be between 1 and 9999, was " + year);
        }
        weekdaysOff = checked(year, weekdaysOff, false, "weekdaysOff");
        workingWeekendDays = checked(year, workingWeekendDays, true, "workingWeekendDays");
    }

    private static Set<LocalDate> checked(int year, Set<LocalDate> days, boolean weekend, String name) {
        Objects.requireNonNull(days, name);
        var copy = new TreeSet<LocalDate>();
        for (LocalDate day : days) {
            Objects.requireNonNull(day, () -> name + " contains null");
            if (day.getYear() != year) {
                throw new IllegalArgumentException(name + ": " + day + " is not in " + year);
            }
            if (isWeekend(day) != weekend) {
                throw new IllegalArgumentException(name + ": " + day + " is a " + day.getDayOfWeek()
                        + (weekend ? ", not a Saturday or Sunday" : ", not a weekday"));
            }
            copy.add(day);
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
