package tw.yanshou.calculus.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * Tells working days from rest days for a government office.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface OfficeCalendar {

    /**
     * Whether the office is closed on {@code day}: a Saturday or Sunday that is not a make-up working day
     * (補行上班), a weekday listed as a day off (holiday, 調整放假), or a local closure day that applies.
     * For years the calendar does not {@linkplain #covers(int) cover}, only Saturdays and Sundays are rest days.
     */
    boolean isRestDay(LocalDate day);

    /** Whether the office is open on {@code day}; the opposite of {@link #isRestDay(LocalDate)}. */
    default boolean isWorkingDay(LocalDate day) {
        return !isRestDay(day);
    }

    /**
     * Whether official data for {@code year} is loaded. When it is not, only weekends are known and
     * callers should warn that holidays of that year are not taken into account.
     */
    boolean covers(int year);

    /**
     * The years with official data loaded, in ascending order (what the home page lists as known years);
     * {@link #covers(int)} is true for exactly these. A calendar that knows only weekends has none.
     */
    default Set<Integer> years() {
        return Set.of();
    }

    /** A calendar that knows only weekends: every Saturday and Sunday is a rest day, and no year is covered. */
    static OfficeCalendar weekendsOnly() {
        return WeekendsOnly.CALENDAR;
    }
}
