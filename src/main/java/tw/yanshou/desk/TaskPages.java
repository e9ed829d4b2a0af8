package tw.yanshou.desk;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.contract.ContractBoard;
import tw.yanshou.contract.InspectionRecords;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;
import tw.yanshou.workflow.OfficerTasks;
import tw.yanshou.workflow.ProcessModel;

/**
 * The officer tasks, most urgent first, each with the form it needs; completing one goes through
 * {@link OfficerTasks#complete}, the same path as {@code POST /api/tasks/{id}/complete}.
 *
 * <p>Urgency: a termination decision first (the right has arisen and money is at stake), then the result of an
 * inspection, the scheduling of one, the review of a settlement; within each, the contract with more days late
 * first, then the oldest task.
 */
@Controller
class TaskPages {
    private static final List<String> URGENCY = List.of(ProcessModel.Tasks.DECIDE_TERMINATION,
            ProcessModel.Tasks.RECORD_INSPECTION_RESULT, ProcessModel.Tasks.SCHEDULE_INSPECTION,
            ProcessModel.Tasks.REVIEW_SETTLEMENT);
    /** The answer's fields of each task, as OfficerTasks reads them. */
    static final Map<String, List<String>> FIELDS = Map.of(
            ProcessModel.Tasks.SCHEDULE_INSPECTION, List.of("inspectionOn"),
            ProcessModel.Tasks.RECORD_INSPECTION_RESULT, List.of("result", "date", "cureBy", "inspectors", "note"),
            ProcessModel.Tasks.DECIDE_TERMINATION, List.of("decision", "date", "ground", "note"),
            ProcessModel.Tasks.REVIEW_SETTLEMENT, List.of("note"));
    private static final Set<String> DATES = Set.of("inspectionOn", "date", "cureBy");

    private final OfficerTasks tasks;
    private final ContractBoard board;
    private final CurrentActor actor;
    private final OfficeClock clock;
    private final Retrying retrying;
    private final Forms forms;
    private final InspectionRecords inspections;

    TaskPages(OfficerTasks tasks, ContractBoard board, CurrentActor actor, OfficeClock clock, Retrying retrying, Forms forms,
              InspectionRecords inspections) {
        this.inspections = inspections;
        this.tasks = tasks;
        this.board = board;
        this.actor = actor;
        this.clock = clock;
        this.retrying = retrying;
        this.forms = forms;
    }

    /** A task with the figures of its contract. */
    public record Item(OfficerTasks.OfficerTask task, ContractBoard.Row contract) { }

    @GetMapping("/tasks")
    String list(Model model) {
        return page(model, null, Map.of(), forms.errors());
    }

    @GetMapping("/tasks/{id}/complete")
    String afterPost() { return "redirect:/tasks"; }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        FormErrors errors = forms.errors();
        OfficerTasks.OfficerTask task = tasks.find(id).orElse(null);
        if (task == null) {
            errors.addGeneral("error.taskGone");
            return page(model, id, form, errors);
        }
        List<String> fields = new java.util.ArrayList<>(FIELDS.getOrDefault(task.key(), List.of()));
        if (task.key().equals(ProcessModel.Tasks.RECORD_INSPECTION_RESULT))
            for (String f : form.keySet()) if (f.startsWith(OfficerTasks.RESULT)) fields.add(f);
        Map<String, String> answer = new HashMap<>();
        for (String f : fields) {
            String v = Forms.text(form, f);
            if (v == null) continue;
            if (DATES.contains(f)) {
                var d = Forms.date(form, f, false, errors);
                if (d != null) answer.put(f, d.toString());
            } else {
                answer.put(f, v);
            }
        }
        if (!errors.any() && "propose".equals(form.get("action"))) {
            // the officer sees the proposal before recording: judged on the server, by the rule the record is checked by
            fields.add("results");
            try {
                model.addAttribute("proposal", tasks.propose(id, answer, actor.get()));
            } catch (InvalidInputException e) {
                errors.addAll(e.violations(), p -> field(p), Set.copyOf(fields));
            } catch (InvalidContractException e) {
                errors.addAll(e.violations(), p -> field(p), Set.copyOf(fields));
            } catch (NotFoundException e) {
                errors.addGeneral("error.taskGone");
            }
            return page(model, id, form, errors);
        }
        if (!errors.any()) {
            fields.add("results");
            try {
                if (retrying.call(() -> tasks.complete(id, answer, actor.get())).isPresent())
                    return "redirect:/tasks?proposed=" + task.key();
                return "redirect:/tasks?completed=" + task.key();
            } catch (InvalidInputException e) {
                errors.addAll(e.violations(), p -> field(p), Set.copyOf(fields));
            } catch (InvalidContractException e) {
                errors.addAll(e.violations(), p -> field(p), Set.copyOf(fields));
            } catch (NotFoundException e) {
                errors.addGeneral("error.taskGone");
            } catch (ConflictException e) {
                errors.addAll(e.violations(), p -> field(p), Set.copyOf(fields));
                if (e.violations().isEmpty()) errors.addGeneral("error.conflict", e.getMessage());
            }
        }
        return page(model, id, form, errors);
    }

    /** {@code event.date} of the recorded event is the answer's {@code date}. */
    private static String field(String path) {
        return path.startsWith("event.") ? path.substring("event.".length()) : path;
    }

    private String page(Model model, String openTask, Map<String, String> form, FormErrors errors) {
        List<OfficerTasks.OfficerTask> open = tasks.open(null);
        Set<UUID> ids = open.stream().map(OfficerTasks.OfficerTask::contractId).collect(Collectors.toSet());
        Map<UUID, ContractBoard.Row> rows = board.rows(ids, clock.clockDay()).stream()
                .collect(Collectors.toMap(ContractBoard.Row::id, Function.identity()));
        List<Item> items = open.stream().map(t -> new Item(t, rows.get(t.contractId())))
                .sorted(Comparator.<Item>comparingInt(i -> rank(i.task().key()))
                        .thenComparing(i -> i.contract() == null ? 0 : -i.contract().lateDays())
                        .thenComparing(i -> i.task().created()))
                .toList();
        model.addAttribute("items", items);
        Map<String, InspectionRecords.ChecklistView> checklists = new HashMap<>();
        for (Item i : items)
            if (i.task().key().equals(ProcessModel.Tasks.RECORD_INSPECTION_RESULT) && i.task().milestoneId() != null)
                checklists.put(i.task().id(), inspections.checklist(i.task().contractId(), i.task().milestoneId(), actor.get()));
        model.addAttribute("checklists", checklists);
        Actor who = actor.get();
        model.addAttribute("mayAct", items.stream().map(i -> i.task().id()).filter(t -> tasks.mayAct(t, who))
                .collect(Collectors.toSet()));
        model.addAttribute("openTask", openTask);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("none", forms.errors());
        model.addAttribute("today", clock.clockDay());
        return "tasks/list";
    }

    private static int rank(String key) {
        int i = URGENCY.indexOf(key);
        return i < 0 ? URGENCY.size() : i;
    }

}
