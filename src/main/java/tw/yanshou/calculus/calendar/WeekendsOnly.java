package tw.yanshou.calculus.calendar;

import java.time.LocalDate;

/** The calendar of {@link OfficeCalendar#weekendsOnly()}, and the weekend test shared by the package. */
enum WeekendsOnly implements OfficeCalendar {
    CALENDAR;

    /** Whether the day with this epoch day number is a Saturday or Sunday (epoch day 0, 1970-01-01, was a Thursday). */
    static boolean isWeekend(long epochDay) {
        return Math.floorMod(epochDay + 3, 7) >= 5;
    }

    @Override
    public boolean isRestDay(LocalDate day) {
        return isWeekend(day.toEpochDay());
    }

    @Override
    public boolean covers(int year) {
        return false;
    }
}
