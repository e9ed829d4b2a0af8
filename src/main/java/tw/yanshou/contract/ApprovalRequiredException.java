package tw.yanshou.contract;

import java.util.List;

import tw.yanshou.calculus.Violation;
import tw.yanshou.web.ConflictException;

/**
 * An event that needs a supervisor's approval was to be recorded directly (with files, say): it must be proposed
 * ({@link ContractService#submitEvent}) and approved first (409).
 */
public class ApprovalRequiredException extends ConflictException {
    public ApprovalRequiredException(String type, String why) {
        super("a " + type + " event takes effect only after a supervisor (another person) approves it; " + why,
                List.of(Violation.conflict("event.type", "a " + type + " event needs a supervisor's approval: " + why)));
    }
}
