package tw.yanshou.workflow.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.NotFoundException;
import tw.yanshou.workflow.DecisionApprovals;

/** Four eyes: proposals (terminations) waiting for a supervisor, and the supervisor's decision on them. */
@RestController
@Tag(name = "Approvals")
class ApprovalApi {
    private final DecisionApprovals approvals;
    private final CurrentActor actor;
    private final Retrying retrying;

    ApprovalApi(DecisionApprovals approvals, CurrentActor actor, Retrying retrying) {
        this.approvals = approvals;
        this.actor = actor;
        this.retrying = retrying;
    }

    /** A supervisor's decision: APPROVE (the event is recorded) or REJECT (with a reason). */
    record DecisionRequest(String decision, String reason) { }

    @Operation(summary = "The proposals waiting for a supervisor's approval, oldest first")
    @GetMapping("/api/approvals")
    List<DecisionApprovals.Approval> pending() {
        return approvals.pending();
    }

    @Operation(summary = "One proposal: PENDING, APPROVED (with the recorded event's id) or REJECTED (with the reason)")
    @GetMapping("/api/approvals/{id}")
    DecisionApprovals.Approval get(@PathVariable UUID id) {
        return approvals.find(id).orElseThrow(() -> new NotFoundException("no proposal " + id));
    }

    @Operation(summary = "Approve (the event is recorded now) or reject (reason required) a proposal; a supervisor who "
            + "did not propose it (403 otherwise), once (409 after)")
    @PostMapping("/api/approvals/{id}/decision")
    DecisionApprovals.Approval decide(@PathVariable UUID id, @RequestBody DecisionRequest r) {
        return retrying.call(() -> approvals.decide(id, r.decision(), r.reason(), actor.get()));
    }
}
