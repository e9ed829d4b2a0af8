package tw.yanshou.calculus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A closed range of days, both ends included. */
public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
    }

    public boolean contains(LocalDate day) { return !day.isBefore(from) && !day.isAfter(to); }

    /** Number of days, both ends counted. */
    public long days() { return ChronoUnit.DAYS.between(from, to) + 1; }
}
