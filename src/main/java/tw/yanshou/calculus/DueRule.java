package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.Objects;

/** When a milestone is due: N days from an anchor event, or a fixed date. */
public sealed interface DueRule {

    /** "within N days from the day after the anchor" (Civil Code §120 II). */
    record Relative(int days, Anchor from) implements DueRule {
        public Relative {
            Objects.requireNonNull(from, "from");
            if (days < 0) throw new IllegalArgumentException("days must not be negative");
        }

        @Override
        public String toString() { return days + " days from " + from; }
    }

    /** A fixed due date (期日). */
    record Fixed(LocalDate date) implements DueRule {
        public Fixed { Objects.requireNonNull(date, "date"); }

        @Override
        public String toString() { return "on " + date; }
    }
}
