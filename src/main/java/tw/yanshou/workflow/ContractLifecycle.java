package tw.yanshou.workflow;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.ContractRepository;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.ContractStatus;
import tw.yanshou.contract.StatementService;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.security.Actor;

/**
 * The ends of a contract ({@code #{contractLifecycle.…}}): accepted, or terminated — then the final statement is
 * stored and linked contracts that end with this one ({@code terminatesWithThis}) are terminated too.
 */
@Component("contractLifecycle")
public class ContractLifecycle {
    private final ContractRepository contracts;
    private final StatementService statements;
    private final ContractService contractService;
    private final AuditLog audit;
    private final OfficeClock clock;

    ContractLifecycle(ContractRepository contracts, StatementService statements, ContractService contractService,
                      AuditLog audit, OfficeClock clock) {
        this.contracts = contracts;
        this.statements = statements;
        this.contractService = contractService;
        this.audit = audit;
        this.clock = clock;
    }

    public void accepted(DelegateExecution execution) {
        UUID id = MilestoneSteps.contractId(execution);
        statements.recompute(id, clock.today(), "CONTRACT_ACCEPTED");
        contracts.setStatus(id, ContractStatus.ACCEPTED, null);
        audit.record(Actor.ENGINE.name(), "CONTRACT_ACCEPTED", id, Map.of("on", clock.today().toString()));
    }

    public void terminated(DelegateExecution execution) {
        UUID id = MilestoneSteps.contractId(execution);
        Statement statement = statements.recompute(id, clock.today(), "CONTRACT_TERMINATED");
        contracts.setStatus(id, ContractStatus.TERMINATED, statement.terminatedOn());
    }

    public void cascadeTermination(DelegateExecution execution) {
        UUID id = MilestoneSteps.contractId(execution);
        contractService.cascadeTermination(id, statements.statement(id, clock.today()).terminatedOn());
    }
}
