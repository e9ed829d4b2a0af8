package tw.yanshou.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tw.yanshou.audit.AuditLog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.yanshou.calculus.ChecklistItem;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractNotFoundException;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.InspectionRecords;
import tw.yanshou.security.Actor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.Dates;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;
import tw.yanshou.workflow.ProcessModel.Tasks;

/**
 * The tasks officers act on: schedule an inspection, record its result, decide on termination, review a settlement.
 * A task that stands for an event (a result, a termination) is completed by recording that event, so the event log
 * and the process never disagree; completing such a task elsewhere (Tasklist, the engine's REST API) is refused.
 */
@Component("officerTasks")
public class OfficerTasks {
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ContractService contracts;
    private final ContractWorkflow workflow;
    private final AuditLog audit;
    private final InspectionRecords inspections;

    OfficerTasks(TaskService tasks, RuntimeService runtime, ContractService contracts, ContractWorkflow workflow, AuditLog audit,
                 InspectionRecords inspections) {
        this.inspections = inspections;
        this.tasks = tasks;
        this.runtime = runtime;
        this.contracts = contracts;
        this.workflow = workflow;
        this.audit = audit;
    }

    /** A task as the API shows it. */
    public record OfficerTask(String id, String key, String name, UUID contractId, String contractNumber,
                              String milestoneId, java.util.Date created) { }

    /** Task listener: refuses completions that did not come through Yanshou. */
    public void checkCompletion(DelegateTask task) {
        if (!ContractWorkflow.completingInYanshou(task.getId()))
            throw new ProcessEngineException("complete task " + task.getTaskDefinitionKey()
                    + " in Yanshou (POST /api/tasks/" + task.getId() + "/complete), which records the event it stands for");
    }

    /**
     * Refuses an actor none of whose groups ({@link Actor#groups}: the engine groups of the roles) is among the task's
     * candidate groups (the model says who acts on each task: officers, inspectors for results too).
     */
    void requireMayAct(Task task, Actor actor) {
        if (!mayAct(task.getId(), actor))
            throw new AccessDeniedException("your role (" + String.join(", ", actor.roles()) + ") may not complete "
                    + task.getTaskDefinitionKey() + " (for " + String.join(", ", candidateGroups(task.getId())) + ")");
    }

    /** Whether the actor is in one of the task's candidate groups. */
    public boolean mayAct(String taskId, Actor actor) {
        return candidateGroups(taskId).stream().anyMatch(actor.groups()::contains);
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
    }

    public List<OfficerTask> open(String contractNumber) {
        var query = tasks.createTaskQuery().processDefinitionKey(ProcessModel.PROCESS);
        if (contractNumber != null) query = query.processInstanceBusinessKey(contractNumber);
        return views(query.orderByTaskCreateTime().asc().list());
    }

    /** The oldest {@code max} open tasks, and how many there are in all (for the dashboard). */
    public List<OfficerTask> oldest(int max) {
        return views(tasks.createTaskQuery().processDefinitionKey(ProcessModel.PROCESS).orderByTaskCreateTime().asc()
                .listPage(0, max));
    }

    public long openCount() {
        return tasks.createTaskQuery().processDefinitionKey(ProcessModel.PROCESS).count();
    }

    /** Views of many tasks with three queries in all (instances, contract ids, milestone ids), not three per task. */
    private List<OfficerTask> views(List<Task> list) {
        if (list.isEmpty()) return List.of();
        String[] instanceIds = list.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, String> businessKeys = new java.util.HashMap<>();
        for (ProcessInstance p : runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(instanceIds)).list())
            businessKeys.put(p.getId(), p.getBusinessKey());
        Map<String, String> contractIds = new java.util.HashMap<>();
        for (var v : runtime.createVariableInstanceQuery().variableName(ProcessModel.Variables.CONTRACT_ID)
                .processInstanceIdIn(instanceIds).list())
            if (v.getProcessInstanceId().equals(v.getExecutionId())) contractIds.put(v.getProcessInstanceId(), (String) v.getValue());
        Map<String, String> milestones = new java.util.HashMap<>();
        for (var v : runtime.createVariableInstanceQuery().variableName(ProcessModel.Variables.MILESTONE_ID)
                .taskIdIn(list.stream().map(Task::getId).toArray(String[]::new)).list())
            milestones.put(v.getTaskId(), (String) v.getValue());
        List<OfficerTask> result = new ArrayList<>();
        for (Task t : list) {
            String contractId = contractIds.get(t.getProcessInstanceId());
            if (contractId == null) {
                result.add(view(t));
                continue;
            }
            result.add(new OfficerTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), UUID.fromString(contractId),
                    businessKeys.get(t.getProcessInstanceId()), milestones.get(t.getId()), t.getCreateTime()));
        }
        return result;
    }

    public Optional<OfficerTask> find(String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult()).map(this::view);
    }

    /**
     * Completes a task with the officer's answer: {@code inspectionOn} for a scheduling task; {@code result}
     * (ACCEPTED, FAILED), {@code date}, {@code cureBy}, {@code note}, {@code inspectors} and {@code results.ITEM} (the
     * measured value or verdict of each checklist item, see {@link #resultEvent}) for a result; {@code decision} (TERMINATE,
     * CONTINUE), {@code date}, {@code ground}, {@code note} for a termination decision; {@code note} for a settlement
     * review. A termination decided is a proposal: the answer is its id (the task completes once a supervisor
     * approves it, and stays open if they reject it).
     */
    @Transactional
    public Optional<UUID> complete(String taskId, Map<String, String> answer, Actor actor) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) throw new NotFoundException("no open task " + taskId);
        requireMayAct(task, actor);
        OfficerTask view = view(task);
        String key = task.getTaskDefinitionKey();
        UUID proposal = null;
        switch (key) {
            case Tasks.SCHEDULE_INSPECTION -> {
                LocalDate on = date(answer, "inspectionOn", true);
                workflow.complete(task, Map.of("inspectionOn", on.toString()));
            }
            case Tasks.RECORD_INSPECTION_RESULT -> {
                String result = required(answer, "result", List.of("ACCEPTED", "FAILED"));
                LocalDate on = date(answer, "date", true);
                LocalDate cureBy = "FAILED".equals(result) ? date(answer, "cureBy", false) : null;
                Milestone milestone = contracts.contract(view.contractId(), actor).contract().milestone(view.milestoneId())
                        .orElseThrow(() -> new NotFoundException("no milestone " + view.milestoneId()));
                String event = resultEvent(result, on, cureBy, milestone, answer);
                try {
                    contracts.recordEvent(view.contractId(), event, actor);
                } catch (InvalidContractException e) {
                    List<String> answered = milestone.checklist().stream().map(ChecklistItem::id)
                            .filter(item -> answer.get(RESULT + item) != null && !answer.get(RESULT + item).isBlank()).toList();
                    throw new InvalidContractException(e.violations().stream().map(v -> v.at(answerField(v.path(), answered))).toList());
                }
            }
            case Tasks.DECIDE_TERMINATION -> {
                String decision = required(answer, "decision", List.of("TERMINATE", "CONTINUE"));
                if ("TERMINATE".equals(decision)) {
                    // four eyes: a proposal; once a supervisor approves it the termination is recorded and this task
                    // completes with it (ContractWorkflow, on EventRecorded); rejected, the task stays open
                    var submitted = contracts.submitEvent(view.contractId(), new ContractEvent.Terminated(date(answer, "date", true),
                            Optional.ofNullable(answer.get("ground")).orElse("VENDOR_DEFAULT"), answer.get("note")), actor);
                    if (submitted.pending()) proposal = submitted.proposal().proposalId();
                } else {
                    workflow.complete(task, Map.of("decision", "CONTINUE"));
                }
            }
            case Tasks.REVIEW_SETTLEMENT -> workflow.complete(task, Map.of("note", Optional.ofNullable(answer.get("note")).orElse("")));
            default -> throw new ConflictException("task " + key + " is not an officer task", List.of());
        }
        audit.record(actor.name(), "TASK_COMPLETED", view.contractId(), Map.of("task", key, "answer", answer));
        return Optional.ofNullable(proposal);
    }

    /** The prefix of an answer's result of one checklist item: {@code results.W_MAIN} holds W_MAIN's value or verdict. */
    public static final String RESULT = "results.";

    /**
     * The event of an inspection result, written as in a contract file, with its record: for each checklist item
     * answered ({@code results.ITEM}), a value (a measure) or a verdict (the others), and the inspectors (one per line,
     * or separated by commas or 、). Values go to the contract file reader as written: plain decimal digits as
     * numbers, anything else as text it refuses, so the API and the form read numbers by the same rules.
     */
    static String resultEvent(String result, LocalDate on, LocalDate cureBy, Milestone milestone, Map<String, String> answer) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("date", on.toString());
        o.put("type", "ACCEPTED".equals(result) ? "ACCEPTED" : "INSPECTION_FAILED");
        o.put("milestone", milestone.id());
        if (cureBy != null) o.put("cureBy", cureBy.toString());
        o.setAll(record(milestone, answer));
        String note = answer.get("note");
        if (note != null && !note.isBlank()) o.put("note", note);
        return o.toString();
    }

    /** The answer's record, {@code { results, inspectors }}, as the contract file reader reads it. */
    static ObjectNode record(Milestone milestone, Map<String, String> answer) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (ChecklistItem item : milestone.checklist()) {
            String raw = answer.get(RESULT + item.id());
            if (raw == null || raw.isBlank()) continue;
            String value = raw.strip();
            ObjectNode r = results.addObject().put("item", item.id());
            if (item.kind() != ChecklistItem.Kind.MEASURE) r.put("verdict", value);
            else if (PLAIN_NUMBER.matcher(value).matches()) r.set("value", JsonNodeFactory.instance.rawValueNode(
                    new com.fasterxml.jackson.databind.util.RawValue(value)));
            else r.put("value", value);
        }
        if (!results.isEmpty()) o.set("results", results);
        String inspectors = answer.get("inspectors");
        if (inspectors != null && !inspectors.isBlank()) {
            ArrayNode names = o.putArray("inspectors");
            for (String name : inspectors.split("[\\n,、，]")) if (!name.isBlank()) names.add(name.strip());
        }
        return o;
    }

    /**
     * The proposal for a result task's answer before it is recorded: each checklist item answered judged against its
     * requirement ({@link InspectionRecords#propose}, the rule the validator applies when the result is recorded),
     * and what failed last time. Violations name the answer's fields ({@code results.W_MAIN}).
     */
    public InspectionRecords.Proposal propose(String taskId, Map<String, String> answer, Actor actor) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !Tasks.RECORD_INSPECTION_RESULT.equals(task.getTaskDefinitionKey()))
            throw new NotFoundException("no open result task " + taskId);
        requireMayAct(task, actor);
        OfficerTask view = view(task);
        Milestone milestone = contracts.contract(view.contractId(), actor).contract().milestone(view.milestoneId())
                .orElseThrow(() -> new NotFoundException("no milestone " + view.milestoneId()));
        ObjectNode record = record(milestone, answer);
        record.put("milestone", milestone.id());
        List<String> answered = milestone.checklist().stream().map(ChecklistItem::id)
                .filter(item -> answer.get(RESULT + item) != null && !answer.get(RESULT + item).isBlank()).toList();
        try {
            return inspections.propose(view.contractId(), record.toString(), actor);
        } catch (InvalidContractException e) {
            throw new InvalidContractException(e.violations().stream().map(v -> v.at(answerField("event." + v.path(), answered))).toList());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(v -> v.at(answerField("event." + v.path(), answered))).toList());
        }
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");
    private static final java.util.regex.Pattern RESULT_PATH = java.util.regex.Pattern.compile("event\\.results\\[(\\d+)](\\..*)?");

    /** {@code event.results[1].value} → {@code results.W_B} (the answer's field), {@code event.inspectors[0]} → {@code inspectors}. */
    static String answerField(String path, List<String> answered) {
        var m = RESULT_PATH.matcher(path);
        if (m.matches()) {
            // the k-th result is the k-th item answered, in checklist order
            int k = Integer.parseInt(m.group(1));
            return k < answered.size() ? RESULT + answered.get(k) : "results";
        }
        if (path.equals("event.results")) return "results";
        if (path.startsWith("event.inspectors")) return "inspectors";
        return path;
    }

    private OfficerTask view(Task t) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
        String contractId = (String) runtime.getVariable(t.getProcessInstanceId(), ProcessModel.Variables.CONTRACT_ID);
        Object milestone = tasks.getVariableLocal(t.getId(), ProcessModel.Variables.MILESTONE_ID);
        return new OfficerTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), UUID.fromString(contractId),
                instance == null ? null : instance.getBusinessKey(), (String) milestone, t.getCreateTime());
    }

    private static String required(Map<String, String> answer, String field, List<String> allowed) {
        String value = answer.get(field);
        if (value == null || !allowed.contains(value))
            throw new InvalidInputException(List.of(new Violation(field,
                    "must be one of " + String.join(", ", allowed) + (value == null ? "" : ", was \"" + value + "\""))));
        return value;
    }

    private static LocalDate date(Map<String, String> answer, String field, boolean required) {
        String value = answer.get(field);
        if (value == null || value.isBlank()) {
            if (!required) return null;
            throw new InvalidInputException(List.of(new Violation(field, "is required")));
        }
        return Dates.parse(field, value);
    }
}
