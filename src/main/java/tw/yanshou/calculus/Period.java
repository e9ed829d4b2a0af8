package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A settlement's completion deadline: N calendar days from the day after the served date ({@code days}, whatever
 * the contract's {@link DeadlineDays}), N office working days ({@code workingDays}), or a fixed date. Exactly one
 * is given.
 */
public record Period(Integer days, Integer workingDays, LocalDate date) {
    public Period {
        if (Stream.of(days, workingDays, date).filter(Objects::nonNull).count() != 1)
            throw new IllegalArgumentException("a period has either days, working days or a date");
        if (days != null && days < 0) throw new IllegalArgumentException("days must not be negative");
        if (workingDays != null && workingDays < 0) throw new IllegalArgumentException("workingDays must not be negative");
    }

    /** Calendar days or a date (no working days). */
    public Period(Integer days, LocalDate date) {
        this(days, null, date);
    }

    public static Period ofDays(int days) { return new Period(days, null, null); }

    public static Period ofWorkingDays(int workingDays) { return new Period(null, workingDays, null); }

    public static Period on(LocalDate date) { return new Period(null, null, Objects.requireNonNull(date)); }
}
