package tw.yanshou.calculus;

import java.util.Objects;

/**
 * The event a relative due rule counts from: the signing, or a milestone's tender or acceptance.
 * Written {@code SIGNED}, {@code MILESTONE.TENDERED} or {@code MILESTONE.ACCEPTED} in a contract file.
 */
public record Anchor(String milestone, Kind kind) {
    public enum Kind { SIGNED, TENDERED, ACCEPTED }

    public static final Anchor SIGNED = new Anchor(null, Kind.SIGNED);

    public Anchor {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SIGNED) != (milestone == null))
            throw new IllegalArgumentException("SIGNED takes no milestone; TENDERED and ACCEPTED need one");
    }

    public static Anchor tendered(String milestone) { return new Anchor(milestone, Kind.TENDERED); }

    public static Anchor accepted(String milestone) { return new Anchor(milestone, Kind.ACCEPTED); }

    @Override
    public String toString() { return kind == Kind.SIGNED ? "SIGNED" : milestone + "." + kind; }
}
