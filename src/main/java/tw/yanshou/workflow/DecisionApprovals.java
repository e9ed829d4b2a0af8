package tw.yanshou.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.DecisionProposed;
import tw.yanshou.contract.StoredEvent;
import tw.yanshou.notification.Notification;
import tw.yanshou.notification.Notifications;
import tw.yanshou.security.Actor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;
import tw.yanshou.workflow.ApprovalModel.Variables;

/**
 * Four eyes ({@code bpmn/decision-approval.bpmn}): an officer's proposed termination ({@link DecisionProposed})
 * starts an approval process; a supervisor who is not the proposer approves it (then {@link #approved} records the
 * event through {@link ContractService#recordApproved}, and the contract's process reacts to it as to any recorded
 * event) or rejects it with a reason ({@link #rejected}; nothing is recorded). Both are audited and told to the
 * proposer (a notification for that user). The supervisor's task is completed only here ({@link #decide}); the
 * task listener ({@link #checkCompletion}) refuses any other way (Tasklist, the engine's REST API) and a completion
 * by the proposer.
 */
@Component("decisionApprovals")
public class DecisionApprovals {
    /** The longest reason a supervisor gives (as a note of an event). */
    static final int MAX_REASON = 2_000;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final ContractService contracts;
    private final ContractWorkflow workflow;
    private final AuditLog audit;
    private final Notifications notifications;
    private final ObjectMapper json;

    DecisionApprovals(RuntimeService runtime, TaskService tasks, HistoryService history, ContractService contracts,
                      ContractWorkflow workflow, AuditLog audit, Notifications notifications, ObjectMapper json) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.contracts = contracts;
        this.workflow = workflow;
        this.audit = audit;
        this.notifications = notifications;
        this.json = json;
    }

    /** Where a proposal stands. */
    public enum Status { PENDING, APPROVED, REJECTED }

    /**
     * A proposal as pages and the API show it: the contract, the event (as the contract file writes it), who proposed
     * it when and why; once decided, who decided, when and why, and the event's id in the log if approved.
     */
    public record Approval(UUID id, Status status, UUID contractId, String contractNumber, String type, LocalDate date,
                           JsonNode event, String proposedBy, String reason, Instant proposedAt, String decidedBy,
                           String decisionReason, Instant decidedAt, UUID eventId) { }

    /** Starts the approval of a proposal, in the transaction that proposed it; one pending proposal per contract and type. */
    @EventListener
    void on(DecisionProposed p) {
        if (tasks.createTaskQuery().processDefinitionKey(ApprovalModel.PROCESS)
                .processVariableValueEquals(Variables.CONTRACT_ID, p.contractId().toString())
                .processVariableValueEquals(Variables.EVENT_TYPE, p.type()).count() > 0)
            throw new ConflictException("a " + p.type() + " of contract " + p.contractNumber()
                    + " already waits for a supervisor's approval (see /approvals)",
                    List.of(Violation.conflict("event.type", "a " + p.type() + " of this contract already waits for approval")));
        Map<String, Object> v = new HashMap<>();
        v.put(Variables.CONTRACT_ID, p.contractId().toString());
        v.put(Variables.CONTRACT_NUMBER, p.contractNumber());
        v.put(Variables.EVENT_TYPE, p.type());
        v.put(Variables.EVENT_DATE, p.date().toString());
        v.put(Variables.EVENT, org.camunda.bpm.engine.variable.Variables.byteArrayValue(p.event().getBytes(StandardCharsets.UTF_8)));
        v.put(Variables.PROPOSED_BY, p.proposedBy());
        v.put(Variables.PROPOSER_ROLES, String.join(",", p.proposerRoles()));
        v.put(Variables.REASON, p.reason());
        v.put(Variables.PROPOSED_AT, Instant.now().toString());
        runtime.startProcessInstanceByKey(ApprovalModel.PROCESS, p.proposalId().toString(), v);
    }

    /** The proposals waiting for a supervisor, oldest first. */
    public List<Approval> pending() {
        return pending(tasks.createTaskQuery().processDefinitionKey(ApprovalModel.PROCESS).orderByTaskCreateTime().asc().list());
    }

    /** The proposals of one contract waiting for a supervisor. */
    public List<Approval> pending(UUID contractId) {
        return pending(tasks.createTaskQuery().processDefinitionKey(ApprovalModel.PROCESS)
                .processVariableValueEquals(Variables.CONTRACT_ID, contractId.toString()).orderByTaskCreateTime().asc().list());
    }

    private List<Approval> pending(List<Task> open) {
        List<Approval> list = new ArrayList<>();
        for (Task t : open) {
            String businessKey = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getBusinessKey();
            list.add(approval(UUID.fromString(businessKey), Status.PENDING, runtime.getVariables(t.getProcessInstanceId())));
        }
        return list;
    }

    /** A proposal, pending or decided. */
    public Optional<Approval> find(UUID id) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ApprovalModel.PROCESS).processInstanceBusinessKey(id.toString()).singleResult();
        if (instance == null) return Optional.empty();
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
            variables.put(v.getName(), v.getValue());
        Status status = instance.getEndTime() == null ? Status.PENDING
                : "APPROVED".equals(variables.get(Variables.OUTCOME)) ? Status.APPROVED : Status.REJECTED;
        return Optional.of(approval(id, status, variables));
    }

    private Approval approval(UUID id, Status status, Map<String, Object> v) {
        JsonNode event;
        try {
            Object raw = v.get(Variables.EVENT);
            event = json.readTree(raw instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(raw));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the proposal " + id + " holds an event that does not read as JSON", e);
        }
        return new Approval(id, status, UUID.fromString((String) v.get(Variables.CONTRACT_ID)),
                (String) v.get(Variables.CONTRACT_NUMBER), (String) v.get(Variables.EVENT_TYPE),
                LocalDate.parse((String) v.get(Variables.EVENT_DATE)), event, (String) v.get(Variables.PROPOSED_BY),
                (String) v.get(Variables.REASON), instant(v.get(Variables.PROPOSED_AT)), (String) v.get(Variables.DECIDED_BY),
                (String) v.get(Variables.DECISION_REASON), instant(v.get(Variables.DECIDED_AT)),
                v.get(Variables.EVENT_ID) == null ? null : UUID.fromString((String) v.get(Variables.EVENT_ID)));
    }

    private static Instant instant(Object value) { return value == null ? null : Instant.parse((String) value); }

    /** Why someone may not decide a proposal. */
    public enum Refusal {
        NOT_SUPERVISOR("only a supervisor approves or rejects a proposal"),
        OWN_PROPOSAL("you proposed this decision; another supervisor approves or rejects it (four eyes)");

        private final String message;

        Refusal(String message) { this.message = message; }

        public String message() { return message; }
    }

    /** Why {@code actor} may not decide the proposal, or null if they may: the rule of {@link #decide}, for pages too. */
    public Refusal whyNot(Approval approval, Actor actor) {
        if (!actor.is(Actor.SUPERVISOR)) return Refusal.NOT_SUPERVISOR;
        if (actor.name().equals(approval.proposedBy())) return Refusal.OWN_PROPOSAL;
        return null;
    }

    /**
     * A supervisor's decision on a pending proposal: {@code APPROVE} (the event is recorded now, through the same
     * checks as any event: 409 if the contract has moved on so that it no longer fits, and the proposal stays pending)
     * or {@code REJECT} (a reason is required). 403 for anyone but a supervisor and for the proposer; 409 for a
     * proposal decided already.
     */
    @Transactional
    public Approval decide(UUID id, String decision, String reason, Actor actor) {
        Task task = tasks.createTaskQuery().processDefinitionKey(ApprovalModel.PROCESS)
                .processInstanceBusinessKey(id.toString()).singleResult();
        if (task == null) {
            Approval decided = find(id).orElseThrow(() -> new NotFoundException("no proposal " + id));
            throw new ConflictException("proposal " + id + " was " + decided.status().name().toLowerCase() + " already by "
                    + decided.decidedBy(), List.of(Violation.conflict("decision", "decided already: " + decided.status())));
        }
        if (decision == null || !List.of(ApprovalModel.APPROVE, ApprovalModel.REJECT).contains(decision))
            throw new InvalidInputException(List.of(new Violation("decision", "must be one of APPROVE, REJECT"
                    + (decision == null ? "" : ", was \"" + (decision.length() > 20 ? decision.substring(0, 20) + "…" : decision) + "\""))));
        String why = tw.yanshou.web.Texts.note("reason", reason, MAX_REASON);
        if (ApprovalModel.REJECT.equals(decision) && why == null)
            throw new InvalidInputException(List.of(new Violation("reason", "say why the proposal is rejected")));
        Approval pending = approval(id, Status.PENDING, runtime.getVariables(task.getProcessInstanceId()));
        Refusal refused = whyNot(pending, actor);
        if (refused != null) throw new AccessDeniedException(refused.message());
        Map<String, Object> answer = new HashMap<>();
        answer.put(Variables.DECISION, decision);
        answer.put(Variables.ANSWER_REASON, why);
        answer.put(Variables.ANSWER_BY, actor.name());
        try {
            workflow.complete(task, answer);
        } catch (ProcessEngineException e) {
            // the step that records the event refused it (the contract moved on): the refusal as it is, not a 500
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause())
                if (cause instanceof RuntimeException r && (r.getClass().getName().startsWith("tw.yanshou.")
                        || r instanceof AccessDeniedException)) throw r;
            throw e;
        }
        return find(id).orElseThrow();
    }

    /**
     * Task listener: the supervisor's task completes only through {@link #decide} (not in Tasklist or through the
     * engine's REST API), and never by the proposer.
     */
    public void checkCompletion(DelegateTask task) {
        if (!ContractWorkflow.completingInYanshou(task.getId()))
            throw new ProcessEngineException("approve or reject in Yanshou (POST /api/approvals/"
                    + task.getExecution().getProcessBusinessKey() + "/decision), which checks who decides");
        Object by = task.getVariable(Variables.ANSWER_BY);
        if (by == null || by.equals(task.getVariable(Variables.PROPOSED_BY)))
            throw new ProcessEngineException("the proposer cannot approve their own proposal");
    }

    /** Step after an approval: the event is recorded in the proposer's name, audited and told to the proposer. */
    public void approved(DelegateExecution execution) {
        decided(execution, "APPROVED");
        UUID contractId = UUID.fromString((String) execution.getVariable(Variables.CONTRACT_ID));
        String proposer = (String) execution.getVariable(Variables.PROPOSED_BY);
        Set<String> roles = new LinkedHashSet<>(List.of(((String) execution.getVariable(Variables.PROPOSER_ROLES)).split(",")));
        String event = new String((byte[]) execution.getVariable(Variables.EVENT), StandardCharsets.UTF_8);
        String by = (String) execution.getVariable(Variables.DECIDED_BY);
        UUID proposal = UUID.fromString(execution.getProcessBusinessKey());
        StoredEvent recorded = contracts.recordApproved(proposal, contractId, event, new Actor(proposer, roles, null), by);
        execution.setVariable(Variables.EVENT_ID, recorded.id().toString());
        audit.record(by, "DECISION_APPROVED", contractId, detail(execution, proposal, Map.of("event", recorded.id().toString())));
        notifications.notifyUser(contractId, proposer, null, Notification.Kind.DECISION_APPROVED, recorded.effectiveDate(),
                notice(execution));
    }

    /** Step after a rejection: nothing is recorded; audited and told to the proposer with the reason. */
    public void rejected(DelegateExecution execution) {
        decided(execution, "REJECTED");
        UUID contractId = UUID.fromString((String) execution.getVariable(Variables.CONTRACT_ID));
        UUID proposal = UUID.fromString(execution.getProcessBusinessKey());
        audit.record((String) execution.getVariable(Variables.DECIDED_BY), "DECISION_REJECTED", contractId,
                detail(execution, proposal, Map.of()));
        notifications.notifyUser(contractId, (String) execution.getVariable(Variables.PROPOSED_BY), null,
                Notification.Kind.DECISION_REJECTED, LocalDate.parse((String) execution.getVariable(Variables.EVENT_DATE)),
                notice(execution));
    }

    /** The supervisor's answer, kept as variables of the proposal (the task's were transient). */
    private static void decided(DelegateExecution execution, String outcome) {
        execution.setVariable(Variables.DECIDED_BY, execution.getVariable(Variables.ANSWER_BY));
        execution.setVariable(Variables.DECISION_REASON, execution.getVariable(Variables.ANSWER_REASON));
        execution.setVariable(Variables.DECIDED_AT, Instant.now().toString());
        execution.setVariable(Variables.OUTCOME, outcome);
    }

    private static Map<String, Object> detail(DelegateExecution execution, UUID proposal, Map<String, Object> more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("proposal", proposal.toString());
        d.put("type", execution.getVariable(Variables.EVENT_TYPE));
        d.put("date", execution.getVariable(Variables.EVENT_DATE));
        d.put("proposedBy", execution.getVariable(Variables.PROPOSED_BY));
        Object reason = execution.getVariable(Variables.DECISION_REASON);
        if (reason != null) d.put("reason", reason);
        d.putAll(more);
        return d;
    }

    private static Map<String, Object> notice(DelegateExecution execution) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("number", execution.getVariable(Variables.CONTRACT_NUMBER));
        d.put("type", execution.getVariable(Variables.EVENT_TYPE));
        d.put("by", execution.getVariable(Variables.DECIDED_BY));
        Object reason = execution.getVariable(Variables.DECISION_REASON);
        d.put("reason", reason == null ? "" : reason);
        return d;
    }
}
