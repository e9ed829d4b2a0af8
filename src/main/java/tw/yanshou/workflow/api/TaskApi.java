package tw.yanshou.workflow.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tw.yanshou.contract.ContractNotFoundException;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.NotFoundException;
import tw.yanshou.workflow.OfficerTasks;

/** The officer tasks of every contract's process. */
@RestController
@Tag(name = "Tasks")
class TaskApi {
    private final OfficerTasks tasks;
    private final CurrentActor actor;
    private final Retrying retrying;

    TaskApi(OfficerTasks tasks, CurrentActor actor, Retrying retrying) {
        this.tasks = tasks;
        this.actor = actor;
        this.retrying = retrying;
    }

    @Operation(summary = "Open officer tasks, optionally of one contract (by number)")
    @GetMapping("/api/tasks")
    List<OfficerTasks.OfficerTask> list(@RequestParam(required = false) String contract) {
        return tasks.open(contract);
    }

    @Operation(summary = "One open task")
    @GetMapping("/api/tasks/{id}")
    OfficerTasks.OfficerTask get(@PathVariable String id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("no open task " + id));
    }

    @Operation(summary = "The proposal for a result task's answer before it is recorded: results.ITEM (each checklist item's "
            + "measured value or verdict) and inspectors judged against the checklist, the result proposed (ACCEPTED or "
            + "FAILED with the failed items) and what failed last time")
    @PostMapping("/api/tasks/{id}/proposal")
    tw.yanshou.contract.InspectionRecords.Proposal propose(@PathVariable String id, @RequestBody Map<String, String> answer) {
        return tasks.propose(id, answer, actor.get());
    }

    @Operation(summary = "Complete a task: inspectionOn | result, date, cureBy, note, inspectors, results.ITEM | "
            + "decision, date, ground, note | note")
    @PostMapping("/api/tasks/{id}/complete")
    ResponseEntity<Map<String, Object>> complete(@PathVariable String id, @RequestBody Map<String, String> answer) {
        var proposal = retrying.call(() -> tasks.complete(id, answer, actor.get()));
        // a termination decided waits for a supervisor's approval (four eyes): 202 with where the approval is
        if (proposal.isPresent())
            return ResponseEntity.accepted().location(java.net.URI.create("/api/approvals/" + proposal.get()))
                    .body(Map.of("approval", proposal.get(), "status", "PENDING"));
        return ResponseEntity.noContent().build();
    }
}
