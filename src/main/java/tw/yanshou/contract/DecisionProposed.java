package tw.yanshou.contract;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * An officer proposed an event that takes effect only once a supervisor (another person) approves it (four eyes:
 * {@link ContractService#NEEDS_APPROVAL}). The event was checked as if it were recorded now, and nothing of it is
 * stored in the contract's log; the workflow starts the approval process for it in the same transaction, which
 * records it through {@link ContractService#recordApproved} once approved.
 *
 * @param proposalId the approval's id (the approval process's business key)
 * @param event the event as the contract file writes it (JSON)
 */
public record DecisionProposed(UUID proposalId, UUID contractId, String contractNumber, String type, LocalDate date,
                               String event, String proposedBy, Set<String> proposerRoles, String reason) { }
