package tw.yanshou.calculus;

/** One thing wrong with a contract or an event: the field path ({@code milestones[2].due.from}) and what is wrong. */
public record Violation(String path, String message) {
    @Override
    public String toString() { return path + ": " + message; }
}
