package tw.yanshou.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.ContractLoader;
import tw.yanshou.contract.StatementService;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.workflow.ProcessModel.Variables;

/**
 * The steps of a milestone branch ({@code #{milestones.…}} in the process): which milestones there are, when one
 * is due (the calculus decides; the timer fires on the first late day), and what an inspection result means.
 * Variables live on the branch's own scope, beside {@code milestoneId}.
 */
@Component("milestones")
public class MilestoneSteps {
    private final ContractLoader loader;
    private final StatementService statements;
    private final OfficeClock clock;

    MilestoneSteps(ContractLoader loader, StatementService statements, OfficeClock clock) {
        this.loader = loader;
        this.statements = statements;
        this.clock = clock;
    }

    public List<String> ids(DelegateExecution execution) {
        return loader.load(contractId(execution)).contract().milestones().stream().map(Milestone::id).toList();
    }

    /**
     * Sets {@code dueOn} and {@code dueTimer} (the first late day, or null while the due date is unknown), and
     * {@code milestoneAccepted} when the calculus finds every item accepted (a result recorded while the branch
     * waited for a tender of the other items).
     */
    public void computeDue(DelegateExecution execution) {
        Statement.MilestoneStatus status = status(execution);
        ExecutionEntity scope = scope(execution);
        scope.setVariableLocal(Variables.MILESTONE_ACCEPTED, status.status() == Statement.Status.ACCEPTED);
        scope.setVariableLocal(Variables.DUE_ON, status.dueOn() == null ? null : status.dueOn().toString());
        scope.setVariableLocal(Variables.DUE_TIMER, status.dueOn() == null ? null : clock.startOf(status.dueOn().plusDays(1)));
    }

    /**
     * Sets {@code outcome}: {@code ACCEPTED} when the calculus finds the milestone accepted, {@code CURING} after a
     * failed inspection (with {@code cureTimer} on the day after the cure deadline), {@code PENDING} when a tender
     * of other items still awaits its result, else {@code OPEN} (some items still to tender).
     */
    public void applyResult(DelegateExecution execution) {
        ExecutionEntity scope = scope(execution);
        Object result = execution.getVariable(Variables.RESULT);
        if ("FAILED".equals(result)) {
            LocalDate cureBy = LocalDate.parse((String) execution.getVariable(Variables.CURE_BY));
            scope.setVariableLocal(Variables.CURE_TIMER, clock.startOf(cureBy.plusDays(1)));
            scope.setVariableLocal(Variables.OUTCOME, "CURING");
        } else {
            Statement.Status status = status(execution).status();
            scope.setVariableLocal(Variables.OUTCOME, status == Statement.Status.ACCEPTED ? "ACCEPTED"
                    : status == Statement.Status.TENDERED ? "PENDING" : "OPEN");
        }
    }

    private Statement.MilestoneStatus status(DelegateExecution execution) {
        String milestone = (String) execution.getVariable(Variables.MILESTONE_ID);
        Statement statement = statements.statement(contractId(execution), clock.today());
        return statement.milestones().stream().filter(m -> m.id().equals(milestone)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no milestone " + milestone));
    }

    /** The execution of the branch: the one holding {@code milestoneId}. */
    private static ExecutionEntity scope(DelegateExecution execution) {
        ExecutionEntity e = (ExecutionEntity) execution;
        while (e != null && !e.hasVariableLocal(Variables.MILESTONE_ID)) e = e.getParent();
        if (e == null) throw new IllegalStateException("not inside a milestone branch");
        return e;
    }

    static UUID contractId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(Variables.CONTRACT_ID));
    }
}
