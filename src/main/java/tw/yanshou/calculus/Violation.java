package tw.yanshou.calculus;

/**
 * One thing wrong with a contract or an event: the field path ({@code milestones[2].due.from}), what is wrong, and
 * its {@link Kind}.
 */
public record Violation(String path, String message, Kind kind) {
    /** What sort of wrong: it decides the answer (400, 422, 409), never the path. */
    public enum Kind {
        /** The text cannot be read at all: not YAML or JSON, empty, not a mapping. */
        UNREADABLE,
        /** A field breaks a rule: missing, of the wrong type, naming what does not exist. */
        INVALID,
        /** The event makes no sense in the contract's history: an acceptance without a tender, anything after the end. */
        CONFLICT
    }

    public Violation {
        java.util.Objects.requireNonNull(kind, "kind");
    }

    /** A field that breaks a rule. */
    public Violation(String path, String message) { this(path, message, Kind.INVALID); }

    public static Violation unreadable(String path, String message) { return new Violation(path, message, Kind.UNREADABLE); }

    public static Violation conflict(String path, String message) { return new Violation(path, message, Kind.CONFLICT); }

    /** The same finding at another path. */
    public Violation at(String otherPath) { return new Violation(otherPath, message, kind); }

    @Override
    public String toString() { return path + ": " + message; }
}
