package tw.yanshou.calculus;

import java.util.List;
import java.util.stream.Collectors;

/** A contract or event that cannot be computed, with every violation found (not only the first). */
public class InvalidContractException extends RuntimeException {
    private final List<Violation> violations;

    public InvalidContractException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() { return violations; }
}
