package tw.yanshou.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.StatementService;
import tw.yanshou.infrastructure.OfficeClock;

/**
 * Recomputes and stores the statement ({@code #{statements.recompute(execution, cause)}}) and keeps the process
 * variables escalations depend on ({@code terminationRightOn}, {@code mediationPending}) up to date. The daily
 * recomputation is no longer a timer of the process but the {@link NightlyAccrual}; {@code #{accrual.nextRun()}}
 * stays for the instances started from an earlier version of the model, whose daily timer still waits.
 */
@Component("statements")
public class StatementSteps {
    private final StatementService statements;
    private final OfficeClock clock;

    StatementSteps(StatementService statements, OfficeClock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    /**
     * Recomputes the statement and updates the escalation variables. While a history is replayed the statement of
     * a past day is not stored (the replay stores today's at its end); a live run stores one per day.
     */
    public void recompute(DelegateExecution execution, String cause) {
        java.util.UUID id = MilestoneSteps.contractId(execution);
        Statement statement = clock.isReplaying() ? statements.statement(id, clock.today())
                : statements.recompute(id, clock.today(), cause);
        ContractWorkflow.updateVariables(execution.getProcessInstance(), statement);
    }

    /**
     * The daily timer of the model's earlier versions (before the nightly accrual): five past midnight of the next
     * office day on the engine's clock. Its instances keep it until their process is rebuilt; it recomputes the same
     * statement as the nightly accrual (stored once per contract and day).
     */
    @Component("accrual")
    public static class Accrual {
        private final OfficeClock clock;

        Accrual(OfficeClock clock) { this.clock = clock; }

        public Date nextRun() {
            return new Date(clock.startOf(clock.clockDay().plusDays(1)).getTime() + 5 * 60_000L);
        }
    }
}
