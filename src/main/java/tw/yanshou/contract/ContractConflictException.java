package tw.yanshou.contract;

import java.util.List;

import tw.yanshou.calculus.Violation;

/** A request that makes no sense in the contract's state: an acceptance without a tender, an event after the end. */
public class ContractConflictException extends RuntimeException {
    private final List<Violation> violations;

    public ContractConflictException(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() { return violations; }
}
