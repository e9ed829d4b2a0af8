package tw.yanshou.contract;

import java.util.List;

import tw.yanshou.calculus.Violation;
import tw.yanshou.web.ConflictException;

/**
 * A change made on what the contract was when a form was rendered: the event log has moved on since (someone else
 * recorded or voided an event), so the change is refused instead of being applied to a history the user did not
 * see (409, path {@code seq}).
 */
public class ContractChangedException extends ConflictException {
    private final int expectedSeq;
    private final int actualSeq;

    public ContractChangedException(int expectedSeq, int actualSeq) {
        super("the contract changed since the form was opened (its log was at entry " + expectedSeq + ", now at "
                + actualSeq + "); look at it again", List.of(new Violation("seq", "the contract changed meanwhile", Violation.Kind.CONFLICT)));
        this.expectedSeq = expectedSeq;
        this.actualSeq = actualSeq;
    }

    public int expectedSeq() { return expectedSeq; }

    public int actualSeq() { return actualSeq; }
}
