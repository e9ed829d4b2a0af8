package tw.yanshou.calculus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.LongPredicate;

import tw.yanshou.calculus.calendar.OfficeCalendar;

/**
 * The end of a period (民法第120–122條).
 * <ul>
 *   <li>§120 II: a period of days does not count its first day; "N days from E" counts from the day after E.</li>
 *   <li>§121 I: the period ends at the end of its last day.</li>
 *   <li>§122: a last day that is a Sunday, memorial day or other rest day is replaced by the next working day
 *       (where the contract keeps this rule, the default).</li>
 * </ul>
 * Days not counted (不計工期) are skipped: they are not performance days, so they push a last day that has not
 * yet been reached. With {@link DeadlineDays#WORKING}, only office working days of the calendar count.
 */
public final class Periods {
    private Periods() { }

    /** How a period counts. */
    public record Rule(DeadlineDays days, boolean lastDayRollover, OfficeCalendar calendar) {
        public Rule { Objects.requireNonNull(days); Objects.requireNonNull(calendar); }
    }

    /**
     * The last day of "{@code days} days from {@code event}".
     *
     * @param excused days that do not count, or null
     */
    public static LocalDate lastDay(LocalDate event, int days, Rule rule, LongPredicate excused) {
        LongPredicate notCounted = excused == null ? d -> false : excused;
        long day = event.toEpochDay();
        int remaining = days;
        while (remaining > 0) {
            day++;
            if (notCounted.test(day)) continue;
            if (rule.days() == DeadlineDays.WORKING && rule.calendar().isRestDay(LocalDate.ofEpochDay(day))) continue;
            remaining--;
        }
        LocalDate last = LocalDate.ofEpochDay(day);
        return rule.lastDayRollover() ? rollOver(last, rule.calendar(), notCounted) : last;
    }

    /**
     * A fixed day (期日) counted from the signing: the calendar days up to it, with excused days pushing it
     * and §122 applied as for a period.
     */
    public static LocalDate fixedDay(LocalDate signedOn, LocalDate day, Rule rule, LongPredicate excused) {
        int days = (int) ChronoUnit.DAYS.between(signedOn, day);
        return lastDay(signedOn, Math.max(0, days), new Rule(DeadlineDays.CALENDAR, rule.lastDayRollover(), rule.calendar()),
                excused);
    }

    /** §122: the first day on or after {@code day} that is a working day and not excused. */
    public static LocalDate rollOver(LocalDate day, OfficeCalendar calendar, LongPredicate excused) {
        LocalDate d = day;
        while (calendar.isRestDay(d) || (excused != null && excused.test(d.toEpochDay()))) d = d.plusDays(1);
        return d;
    }
}
