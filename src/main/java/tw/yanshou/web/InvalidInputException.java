package tw.yanshou.web;

import java.util.List;
import java.util.stream.Collectors;

import tw.yanshou.calculus.Violation;

/** Fields of a request that are wrong (422), each with its path: a date that is no date, a password too short. */
public class InvalidInputException extends RuntimeException {
    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() { return violations; }
}
