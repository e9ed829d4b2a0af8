package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.Objects;

/** A period "N days from the day after the served date", or a fixed date; used by settlement deadlines. */
public record Period(Integer days, LocalDate date) {
    public Period {
        if ((days == null) == (date == null)) throw new IllegalArgumentException("a period has either days or a date");
        if (days != null && days < 0) throw new IllegalArgumentException("days must not be negative");
    }

    public static Period ofDays(int days) { return new Period(days, null); }

    public static Period on(LocalDate date) { return new Period(null, Objects.requireNonNull(date)); }
}
