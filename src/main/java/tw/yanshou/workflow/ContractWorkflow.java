package tw.yanshou.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import tw.yanshou.contract.ContractLoader;
import tw.yanshou.contract.ContractRepository;
import tw.yanshou.contract.ContractService;
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
 * <p>
 * Each change of a process — an import, a replay, one event — runs as <em>one</em> engine command: every step of the
 * model runs as always (the same delegates, conditions and timers), but in the engine's entity cache, and the
 * engine writes only what is left at the end, in one flush. What waits, which timers are due, which tasks are open
 * is read from that cache (the execution tree), never queried: a query would not see what the command has not
 * flushed, and the workflow holds the answer anyway. Runtime rows created and ended within one change (the waits
 * and timers a history passes through) never reach the database. See docs/process.md, "Import and replay".
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
    private final ProcessEngineConfigurationImpl engine;
    private final ContractService contractService;
    private final ContractLoader loader;

    ContractWorkflow(RuntimeService runtime, TaskService tasks, ManagementService management, ContractRepository contracts,
                     StatementService statements, ContractValidator validator, OfficeClock clock,
                     ProcessEngineConfigurationImpl engine, ContractService contractService, ContractLoader loader) {
        this.engine = engine;
        this.loader = loader;
        this.contractService = contractService;
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
        inCommand(() -> rebuild(registered.contractId(), registered.contract(), registered.effectiveOrder()));
    }

    /** An event in order moves the process on; a back-dated one replays the history with it. */
    @EventListener
    void on(EventRecorded recorded) {
        inCommand(() -> {
            if (recorded.backDated()) {
                rebuild(recorded.contractId(), recorded.contract(), validator.effectiveOrder(recorded.contract()));
            } else {
                String processInstanceId = contracts.find(recorded.contractId()).orElseThrow().processInstanceId();
                apply(recorded.contractId(), processInstanceId, recorded.event());
            }
            return null;
        });
    }

    @EventListener
    void on(EventVoided voided) {
        inCommand(() -> rebuild(voided.contractId(), voided.contract(), validator.effectiveOrder(voided.contract())));
    }

    /**
     * Runs {@code work} as one engine command (or inside the one already running: a termination cascading from
     * another contract's process), in the current transaction.
     */
    private <T> T inCommand(Supplier<T> work) {
        if (Context.getCommandContext() != null) return work.get();
        return engine.getCommandExecutorTxRequired().execute(commandContext -> work.get());
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
        // as in a live run, each step reads the contract with the events that have taken effect so far
        Contract known = new Contract(contract.number(), contract.signedOn(), contract.items(), contract.terms(),
                contract.milestones(), List.of(), contract.claims(), contract.buyerDuties());
        loader.readAs(contractId, known);
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
        for (int index : order) {
            ContractEvent event = contract.events().get(index);
            known = known.withEvent(event);
            loader.readAs(contractId, known);
            // a termination after the acceptance ended the process still ends the contract and its linked ones
            if (!apply(contractId, id[0], event) && event instanceof Terminated t)
                clock.replaying(t.date(), () -> contractService.terminateAccepted(contractId, t.date()));
        }
        loader.changed(contractId);
        if (isActive(id[0])) fireTimersBefore(id[0], clock.clockDay().plusDays(1));
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

    /**
     * Sets the escalation variables of a process where they changed: compared with the instance's own variables in
     * the command's cache; set through the runtime service, so that the conditional events see the change.
     */
    private void updateVariables(String processInstanceId, Statement statement) {
        ExecutionEntity instance = execution(processInstanceId);
        Map<String, Object> current = new HashMap<>();
        for (String name : ProcessModel.escalationVariables(statement).keySet())
            if (instance.hasVariableLocal(name)) current.put(name, instance.getVariableLocal(name));
        Map<String, Object> changed = changedVariables(statement, current);
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
     * Fires the process's timers due before the start of {@code day} (and not after now), earliest first, each on its
     * own day; the timers are read from the execution tree in the command's cache. Inside a step of a running process
     * (a termination cascading from another contract's process) a job cannot run nested; there the job executor fires
     * them after the commit.
     */
    public void fireTimersBefore(String processInstanceId, LocalDate day) {
        inCommand(() -> {
            if (Context.getCoreExecutionContext() != null) return null;
            for (int i = 0; i < MAX_TIMERS_PER_STEP; i++) {
                Date now = ClockUtil.getCurrentTime();
                Date limit = clock.startOf(day);
                if (limit.after(now)) limit = new Date(now.getTime() + 1);
                if (!isActive(processInstanceId)) return null;
                TimerEntity first = null;
                for (ExecutionEntity e : tree(execution(processInstanceId)))
                    for (JobEntity job : e.getJobs())
                        if (job instanceof TimerEntity timer && !deleted(timer) && timer.getDuedate().before(limit)
                                && (first == null || timer.getDuedate().before(first.getDuedate()))) first = timer;
                if (first == null) return null;
                TimerEntity job = first;
                clock.replaying(clock.dayOf(job.getDuedate()), () -> management.executeJob(job.getId()));
            }
            throw new IllegalStateException("timers of process " + processInstanceId + " keep firing; stopped after "
                    + MAX_TIMERS_PER_STEP);
        });
    }

    /** Whether the process runs: looked up in the command's cache (loaded once if it is not there). */
    public boolean isActive(String processInstanceId) {
        if (processInstanceId == null) return false;
        return inCommand(() -> {
            ExecutionEntity instance = command().getExecutionManager().findExecutionById(processInstanceId);
            return instance != null && !instance.isEnded() && !deleted(instance);
        });
    }

    private static CommandContext command() { return Context.getCommandContext(); }

    private static boolean deleted(org.camunda.bpm.engine.impl.db.DbEntity entity) {
        return command().getDbEntityManager().getDbEntityCache().isDeleted(entity);
    }

    private static ExecutionEntity execution(String id) {
        ExecutionEntity e = command().getExecutionManager().findExecutionById(id);
        if (e == null) throw new IllegalStateException("no execution " + id);
        return e;
    }

    /** The executions of a process instance, the instance first: its tree as the command holds it. */
    private static List<ExecutionEntity> tree(ExecutionEntity instance) {
        List<ExecutionEntity> all = new ArrayList<>();
        all.add(instance);
        for (int i = 0; i < all.size(); i++)
            for (ExecutionEntity child : all.get(i).getExecutions()) if (!deleted(child) && !child.isEnded()) all.add(child);
        return all;
    }

    /** The message subscriptions named {@code message} in the process, as they are now. */
    private static List<EventSubscriptionEntity> subscriptions(String processInstanceId, String message) {
        List<EventSubscriptionEntity> found = new ArrayList<>();
        for (ExecutionEntity e : tree(execution(processInstanceId)))
            for (EventSubscriptionEntity s : e.getEventSubscriptions())
                if (EventType.MESSAGE.name().equals(s.getEventType()) && message.equals(s.getEventName()) && !deleted(s))
                    found.add(s);
        return found;
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

    /** The open tasks {@code key} (of {@code milestone}, if given) of the process, from the command's cache. */
    List<Task> openTasks(String processInstanceId, String key, String milestone) {
        List<Task> open = new ArrayList<>();
        for (ExecutionEntity e : tree(execution(processInstanceId)))
            for (TaskEntity task : e.getTasks())
                if (key.equals(task.getTaskDefinitionKey()) && !deleted(task)
                        && (milestone == null || milestone.equals(task.getVariableLocal(Variables.MILESTONE_ID))))
                    open.add(task);
        return open;
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
     * in the log), and the branch goes on from the inspection's result. As a correlation of "all": every
     * subscription waiting for it when it arrives receives it, and none waiting is no error. The subscriptions are
     * read from the command's cache (a correlation's query would not see what the command has not flushed).
     */
    private void correlate(String processInstanceId, String message) {
        List<EventSubscriptionEntity> waiting = subscriptions(processInstanceId, message);
        if (waiting.isEmpty()) log.debug("process {}: nothing waits for {}; the event is recorded", processInstanceId, message);
        for (EventSubscriptionEntity subscription : waiting) if (!deleted(subscription)) subscription.eventReceived(null, false);
    }

    /** The office calendar changed: waiting milestone branches whose due date moved compute it again. */
    public void recheckDueDates(UUID contractId, String processInstanceId) {
        inCommand(() -> {
            if (isActive(processInstanceId)) changed(contractId, processInstanceId);
            return null;
        });
    }

    /**
     * The contract changed: milestone branches waiting for a due date or a tender whose due date is no longer the
     * one they wait for compute it again (their timer moves with it), and those the calculus now finds accepted
     * end; the others wait on undisturbed.
     */
    private void changed(UUID contractId, String processInstanceId) {
        List<EventSubscriptionEntity> waiting = subscriptions(processInstanceId, Messages.MILESTONE_CHANGED);
        if (waiting.isEmpty()) return;
        Statement statement = statements.statement(contractId, clock.today());
        for (EventSubscriptionEntity subscription : waiting) {
            ExecutionEntity branch = subscription.getExecution();
            String milestone = (String) branch.getVariable(Variables.MILESTONE_ID);
            Object waitingFor = branch.getVariable(Variables.DUE_ON);
            Statement.MilestoneStatus now = statement.milestones().stream().filter(m -> m.id().equals(milestone))
                    .findFirst().orElseThrow();
            String dueOn = now.dueOn() == null ? null : now.dueOn().toString();
            if ((!java.util.Objects.equals(waitingFor, dueOn) || now.status() == Statement.Status.ACCEPTED) && !deleted(subscription))
                subscription.eventReceived(null, false);
        }
    }
}
