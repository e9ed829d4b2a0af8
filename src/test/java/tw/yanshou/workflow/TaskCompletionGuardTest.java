package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.TestContracts;

/**
 * The promise of docs/api.md: every officer task is completed through Yanshou; completing one through the engine's
 * REST API or the TaskService (as Tasklist does) is refused by the task listener and the task stays open, so the
 * event log and the process never disagree.
 */
class TaskCompletionGuardTest extends ProcessTestSupport {
    /** The variable an earlier guard trusted: anyone completing a task can send it. */
    private static final String FORGED = "yanshouCompletion";

    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    JdbcClient jdbc;

    /** A contract whose milestone M was tendered on 2019-01-30: the process waits at ScheduleInspection. */
    private JsonNode tendered(String number) {
        return register(TestContracts.small(number, null, "  - { date: 2019-01-30, type: TENDERED, milestone: M }"));
    }

    private Task openTask(String processInstanceId, String key) {
        List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list();
        assertThat(open).as("open %s tasks", key).hasSize(1);
        return open.get(0);
    }

    private long events(String contractId) {
        return jdbc.sql("select count(*) from contract_event where contract_id = cast(? as uuid)").param(contractId)
                .query(Long.class).single();
    }

    private ResponseEntity<String> engineRestComplete(String taskId, String body) {
        return api().post().uri("/engine-rest/task/{id}/complete", taskId).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
    }

    @Test
    void refusesACompletionThroughTheEngineRestApiAndKeepsTheTaskOpen() {
        JsonNode c = tendered("G-REST");
        String pi = c.get("processInstanceId").asText();
        Task task = openTask(pi, "ScheduleInspection");
        List<String> waiting = runtime.getActiveActivityIds(pi);

        // an administrator may read through /engine-rest, but it is read-only: no write reaches the engine (with
        // writes opened by the operations setting, the task listener still refuses — the TaskService tests below)
        for (String body : List.of("{}",
                "{\"variables\":{\"" + FORGED + "\":{\"value\":true,\"type\":\"Boolean\"}}}",
                "{\"variables\":{\"" + FORGED + "\":{\"value\":true,\"type\":\"Boolean\",\"valueInfo\":{\"transient\":true}}}}")) {
            ResponseEntity<String> refused = engineRestComplete(task.getId(), body);
            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(403);
            assertThat(refused.getBody()).contains("read-only");
        }
        ResponseEntity<String> variable = api().put().uri("/engine-rest/process-instance/{id}/variables/penalty", pi)
                .contentType(MediaType.APPLICATION_JSON).body("{\"value\":0,\"type\":\"Long\"}").retrieve().toEntity(String.class);
        assertThat(variable.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> read = api().get().uri("/engine-rest/task/{id}", task.getId()).retrieve().toEntity(String.class);
        assertThat(read.getStatusCode().value()).as("%s %s", read.getHeaders(), read.getBody()).isEqualTo(200);

        assertThat(openTask(pi, "ScheduleInspection").getId()).isEqualTo(task.getId());
        assertThat(runtime.getActiveActivityIds(pi)).containsExactlyInAnyOrderElementsOf(waiting)
                .doesNotContain("RecordInspectionResult");
    }

    @Test
    void refusesACompletionThroughTheTaskServiceAsTasklistWouldAndKeepsTheTaskOpen() {
        JsonNode c = tendered("G-TASKSERVICE");
        String pi = c.get("processInstanceId").asText();
        Task task = openTask(pi, "ScheduleInspection");
        List<String> waiting = runtime.getActiveActivityIds(pi);

        for (Runnable attempt : List.<Runnable>of(
                () -> taskService.complete(task.getId()),
                () -> taskService.complete(task.getId(), Map.of("inspectionOn", "2019-02-05")),
                () -> taskService.complete(task.getId(), Map.of(FORGED, true)),
                () -> formService.submitTaskForm(task.getId(), Map.of(FORGED, true)))) {
            Throwable refused = catchThrowable(attempt::run);
            assertThat(refused).isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("complete task ScheduleInspection in Yanshou");
        }
        assertThat(openTask(pi, "ScheduleInspection").getId()).isEqualTo(task.getId());
        assertThat(runtime.getActiveActivityIds(pi)).containsExactlyInAnyOrderElementsOf(waiting)
                .doesNotContain("RecordInspectionResult");
    }

    @Test
    void refusesTheResultTaskElsewhereSoThatNoAcceptanceEscapesTheEventLog() {
        JsonNode c = tendered("G-RESULT");
        String id = c.get("id").asText();
        String pi = c.get("processInstanceId").asText();
        completeTask(pi, "ScheduleInspection", "{\"inspectionOn\":\"2019-02-05\"}");
        Task result = openTask(pi, "RecordInspectionResult");
        long before = events(id);

        assertThat(engineRestComplete(result.getId(), "{}").getStatusCode().value()).isEqualTo(403);
        assertThat(catchThrowable(() -> taskService.complete(result.getId()))).isInstanceOf(ProcessEngineException.class);

        assertThat(openTask(pi, "RecordInspectionResult").getId()).isEqualTo(result.getId());
        assertThat(events(id)).isEqualTo(before);
        assertThat(api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("contract").get("status")
                .asText()).isEqualTo("OPEN");
    }

    @Test
    void completesTheTaskThroughYanshouAndRecordsTheEvent() {
        JsonNode c = tendered("G-YANSHOU");
        String id = c.get("id").asText();
        String pi = c.get("processInstanceId").asText();
        Task schedule = openTask(pi, "ScheduleInspection");
        ResponseEntity<JsonNode> scheduled = api().post().uri("/api/tasks/{id}/complete", schedule.getId())
                .contentType(MediaType.APPLICATION_JSON).body("{\"inspectionOn\":\"2019-02-05\"}").retrieve().toEntity(JsonNode.class);
        assertThat(scheduled.getStatusCode().value()).as("%s", scheduled.getBody()).isEqualTo(204);
        Task result = openTask(pi, "RecordInspectionResult");
        long before = events(id);

        ResponseEntity<JsonNode> accepted = api().post().uri("/api/tasks/{id}/complete", result.getId())
                .contentType(MediaType.APPLICATION_JSON).body("{\"result\":\"ACCEPTED\",\"date\":\"2019-02-05\",\"note\":\"all good\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(204);

        assertThat(taskService.createTaskQuery().taskId(result.getId()).count()).isZero();
        assertThat(events(id)).isEqualTo(before + 1);
        JsonNode contract = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
        JsonNode last = contract.get("log").get(contract.get("log").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("ACCEPTED");
        assertThat(last.get("date").asText()).isEqualTo("2019-02-05");
        assertThat(last.get("event").get("milestone").asText()).isEqualTo("M");
        assertThat(last.get("recordedBy").asText()).isEqualTo("bootstrap");
        assertThat(contract.get("contract").get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    }
}
