package tw.yanshou.web;

import java.util.List;

import tw.yanshou.calculus.Violation;

/**
 * A request that makes no sense in the state of what it names (409): an acceptance without a tender, an event after
 * the end, a closure recorded twice.
 */
public class ConflictException extends RuntimeException {
    private final List<Violation> violations;

    public ConflictException(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() { return violations; }
}
