package tw.yanshou.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.ContractRegistered;
import tw.yanshou.contract.ContractRepository;
import tw.yanshou.contract.EventRecorded;
import tw.yanshou.contract.EventVoided;
import tw.yanshou.contract.StatementService;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.workflow.ProcessModel.Messages;
import tw.yanshou.workflow.ProcessModel.Tasks;
import tw.yanshou.workflow.ProcessModel.Variables;

/**
 * Moves a contract's process when an event is recorded, and rebuilds it from the event log. Events carry effective
 * dates: before an event dated D takes effect, every timer due before D fires (in order, each on its own day), so
 * a history recorded after the fact ends in the state a live run would have reached. It listens to the contract
 * module ({@link ContractRegistered}, {@link EventRecorded}, {@link EventVoided}) in the transaction that stored the
 * change, so the event log and the process commit together or not at all.
 */
@Component
public class ContractWorkflow {
    private static final Logger log = LoggerFactory.getLogger(ContractWorkflow.class);
    private static final int MAX_TIMERS_PER_STEP = 10_000;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final ContractRepository contracts;
    private final StatementService statements;
    private final ContractValidator validator;
    private final OfficeClock clock;

    ContractWorkflow(RuntimeService runtime, TaskService tasks, ManagementService management, ContractRepository contracts,
                     StatementService statements, ContractValidator validator, OfficeClock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.contracts = contracts;
        this.statements = statements;
        this.validator = validator;
        this.clock = clock;
    }

    @EventListener
    void on(ContractRegistered registered) {
        rebuild(registered.contractId(), registered.contract(), registered.effectiveOrder());
    }

    /** An event in order moves the process on; a back-dated one replays the history with it. */
    @EventListener
    void on(EventRecorded recorded) {
        if (recorded.backDated()) {
            rebuild(recorded.contractId(), recorded.contract(), validator.effectiveOrder(recorded.contract()));
        } else {
            String processInstanceId = contracts.find(recorded.contractId()).orElseThrow().processInstanceId();
            apply(recorded.contractId(), processInstanceId, recorded.event());
        }
    }

    @EventListener
    void on(EventVoided voided) {
        rebuild(voided.contractId(), voided.contract(), validator.effectiveOrder(voided.contract()));
    }

    /**
     * Starts the contract's process anew (ending the one it had) and replays its effective events in the order they
     * take effect.
     *
     * @param order indices into {@code contract.events()}, as given by the validator's effective order
     */
    String rebuild(UUID contractId, Contract contract, List<Integer> order) {
        contracts.find(contractId).map(c -> c.processInstanceId()).ifPresent(this::end);
        contracts.reopen(contractId);
        String[] id = new String[1];
        clock.replaying(contract.signedOn(), () -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(Variables.CONTRACT_ID, contractId.toString());
            variables.put(Variables.TERMINATION_RIGHT_ON, null);
            variables.put(Variables.MEDIATION_PENDING, false);
            ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessModel.PROCESS, contract.number(), variables);
            id[0] = instance.getId();
        });
        contracts.setProcessInstance(contractId, id[0]);
        for (int index : order) apply(contractId, id[0], contract.events().get(index));
        fireTimersBefore(id[0], clock.clockDay().plusDays(1));
        if (isActive(id[0])) updateVariables(id[0], statements.statement(contractId, clock.clockDay()));
        return id[0];
    }

    /**
     * Lets one event take effect: timers due before its day fire first, then the process moves.
     *
     * @return false if the process has ended (an accepted or terminated contract), so nothing moved
     */
    boolean apply(UUID contractId, String processInstanceId, ContractEvent event) {
        if (!isActive(processInstanceId)) return false;
        fireTimersBefore(processInstanceId, event.date());
        clock.replaying(event.date(), () -> {
            route(contractId, processInstanceId, event);
            if (!(event instanceof Terminated) && isActive(processInstanceId))
                updateVariables(processInstanceId, statements.statement(contractId, event.date()));
        });
        return true;
    }

    /** Sets the escalation variables of a process where they changed. */
    private void updateVariables(String processInstanceId, Statement statement) {
        Map<String, Object> changed = changedVariables(statement, runtime.getVariables(processInstanceId));
        if (!changed.isEmpty()) runtime.setVariables(processInstanceId, changed);
    }

    /** Sets the escalation variables where they changed, from a step of the process itself. */
    static void updateVariables(org.camunda.bpm.engine.delegate.VariableScope processInstance, Statement statement) {
        Map<String, Object> changed = changedVariables(statement, processInstance.getVariables());
        if (!changed.isEmpty()) processInstance.setVariables(changed);
    }

    /** The escalation variables that are unset or differ from {@code current} (writes the engine need not make). */
    private static Map<String, Object> changedVariables(Statement statement, Map<String, Object> current) {
        Map<String, Object> changed = new HashMap<>();
        ProcessModel.escalationVariables(statement).forEach((k, v) -> {
            if (!current.containsKey(k) || !java.util.Objects.equals(current.get(k), v)) changed.put(k, v);
        });
        return changed;
    }

    /**
     * Fires the process's timers due before the start of {@code day} (and not after now), each on its own day.
     * Inside a running engine command (a termination cascading from another contract's process) a job cannot run
     * nested; there the job executor fires them after the commit.
     */
    public void fireTimersBefore(String processInstanceId, LocalDate day) {
        if (Context.getCommandContext() != null) return;
        for (int i = 0; i < MAX_TIMERS_PER_STEP; i++) {
            Date now = ClockUtil.getCurrentTime();
            Date limit = clock.startOf(day);
            if (limit.after(now)) limit = new Date(now.getTime() + 1);
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers()
                    .duedateLowerThan(limit).orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) return;
            Job job = due.get(0);
            clock.replaying(clock.dayOf(job.getDuedate()), () -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("timers of process " + processInstanceId + " keep firing; stopped after "
                + MAX_TIMERS_PER_STEP);
    }

    public boolean isActive(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private void end(String processInstanceId) {
        if (isActive(processInstanceId))
            runtime.deleteProcessInstance(processInstanceId, "rebuilt from the event log", true, true);
    }

    private void route(UUID contractId, String processInstanceId, ContractEvent event) {
        if (event instanceof Tendered t) {
            correlate(processInstanceId, Messages.tendered(t.milestone()));
            changed(contractId, processInstanceId);
        } else if (event instanceof InspectionFailed f) {
            inspected(processInstanceId, f.milestone(), "FAILED", f.date(), f.cureBy());
            changed(contractId, processInstanceId);
        } else if (event instanceof Accepted a) {
            inspected(processInstanceId, a.milestone(), "ACCEPTED", a.date(), null);
            changed(contractId, processInstanceId);
        } else if (event instanceof MediationFiled) {
            correlate(processInstanceId, Messages.MEDIATION_FILED);
        } else if (event instanceof MediationConcluded) {
            correlate(processInstanceId, Messages.MEDIATION_CONCLUDED);
            changed(contractId, processInstanceId);
        } else if (event instanceof Terminated t) {
            for (Task task : openTasks(processInstanceId, Tasks.DECIDE_TERMINATION, null))
                complete(task, Map.of(Variables.DECISION, "TERMINATE", Variables.DECIDED_ON, t.date().toString()));
            correlate(processInstanceId, Messages.TERMINATED);
        } else {
            changed(contractId, processInstanceId);
        }
    }

    /** An inspection result: the scheduling task (if still open) and the result task are completed with it. */
    private void inspected(String processInstanceId, String milestone, String result, LocalDate on, LocalDate cureBy) {
        for (Task task : openTasks(processInstanceId, Tasks.SCHEDULE_INSPECTION, milestone))
            complete(task, Map.of(Variables.INSPECTION_ON, on.toString()));
        List<Task> open = openTasks(processInstanceId, Tasks.RECORD_INSPECTION_RESULT, milestone);
        if (open.isEmpty()) log.warn("process {}: no inspection of {} awaits a result; the event is recorded", processInstanceId, milestone);
        for (Task task : open) {
            Map<String, Object> values = new HashMap<>();
            values.put(Variables.RESULT, result);
            values.put(Variables.RESULT_ON, on.toString());
            values.put(Variables.CURE_BY, cureBy == null ? on.toString() : cureBy.toString());
            complete(task, values);
        }
    }

    List<Task> openTasks(String processInstanceId, String key, String milestone) {
        var query = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key);
        if (milestone != null) query = query.taskVariableValueEquals(Variables.MILESTONE_ID, milestone);
        return query.list();
    }

    /**
     * The task Yanshou is completing on this thread. The task guard trusts only this: a variable could be sent by
     * anyone who completes the task in Tasklist or through the engine's REST API.
     */
    private static final ThreadLocal<String> COMPLETING = new ThreadLocal<>();

    /** Whether {@code taskId} is being completed here, by {@link #complete}. */
    static boolean completingInYanshou(String taskId) {
        return taskId != null && taskId.equals(COMPLETING.get());
    }

    /** Completes a task with transient values: they reach the next steps without becoming process variables. */
    void complete(Task task, Map<String, ?> values) {
        VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables();
        values.forEach((k, v) -> variables.putValueTyped(k, org.camunda.bpm.engine.variable.Variables.untypedValue(v, true)));
        String outer = COMPLETING.get();
        COMPLETING.set(task.getId());
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            if (outer == null) COMPLETING.remove();
            else COMPLETING.set(outer);
        }
    }

    /**
     * Delivers a message to what waits for it in the process, if anything does. A tender of the other items of a
     * milestone whose branch is already at its inspection finds nothing waiting: the calculus has it (the event is
     * in the log), and the branch goes on from the inspection's result. Correlating "all" never throws for no match,
     * so the transaction is not marked for rollback by an exception the engine would throw inside it.
     */
    private void correlate(String processInstanceId, String message) {
        if (runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).correlateAllWithResult().isEmpty())
            log.debug("process {}: nothing waits for {}; the event is recorded", processInstanceId, message);
    }

    /** The office calendar changed: waiting milestone branches whose due date moved compute it again. */
    public void recheckDueDates(UUID contractId, String processInstanceId) {
        if (isActive(processInstanceId)) changed(contractId, processInstanceId);
    }

    /**
     * The contract changed: milestone branches waiting for a due date or a tender whose due date is no longer the
     * one they wait for compute it again (their timer moves with it), and those the calculus now finds accepted
     * end; the others wait on undisturbed.
     */
    private void changed(UUID contractId, String processInstanceId) {
        Statement statement = statements.statement(contractId, clock.today());
        for (Execution waiting : runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(Messages.MILESTONE_CHANGED).list()) {
            String milestone = (String) runtime.getVariable(waiting.getId(), Variables.MILESTONE_ID);
            Object waitingFor = runtime.getVariable(waiting.getId(), Variables.DUE_ON);
            Statement.MilestoneStatus now = statement.milestones().stream().filter(m -> m.id().equals(milestone))
                    .findFirst().orElseThrow();
            String dueOn = now.dueOn() == null ? null : now.dueOn().toString();
            if (!java.util.Objects.equals(waitingFor, dueOn) || now.status() == Statement.Status.ACCEPTED)
                runtime.messageEventReceived(Messages.MILESTONE_CHANGED, waiting.getId());
        }
    }
}
