package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.TestContracts;

/**
 * A lock conflict that lasts: the API retries the change six times (Retrying) and then answers 503 with a problem
 * body, never 500, and stores nothing. The conflict is the engine's own optimistic locking: a trigger in the database
 * makes every attempt to complete one task find its row gone from under it, as when another node completed or changed
 * the task at the same moment — every time. A sequence (outside the transactions, so rolled-back attempts count too)
 * counts the attempts.
 */
class LastingConflictTest extends ProcessTestSupport {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;

    @AfterEach
    void dropTheConflict() {
        jdbc.sql("drop trigger if exists test_lasting_conflict on act_ru_task").update();
        jdbc.sql("drop function if exists test_lasting_conflict()").update();
        jdbc.sql("drop sequence if exists test_conflict_attempts").update();
    }

    /** From now on every update or delete of the task's row changes nothing: the engine sees a concurrent change. */
    private void conflictOn(String taskId) {
        assertThat(taskId).matches("[0-9a-f-]+");
        jdbc.sql("create sequence test_conflict_attempts").update();
        jdbc.sql("""
                create function test_lasting_conflict() returns trigger language plpgsql as $$
                begin
                  if old.id_ = '%s' then
                    perform nextval('test_conflict_attempts');
                    return null;
                  end if;
                  return case when tg_op = 'DELETE' then old else new end;
                end $$""".formatted(taskId)).update();
        jdbc.sql("create trigger test_lasting_conflict before update or delete on act_ru_task for each row "
                + "execute function test_lasting_conflict()").update();
    }

    private long attempts() {
        return jdbc.sql("select case when is_called then last_value else 0 end from test_conflict_attempts").query(Long.class).single();
    }

    private long count(String sql, String contractId) {
        return jdbc.sql(sql).param(contractId).query(Long.class).single();
    }

    private static void assertBusy(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(503);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody().get("type").asText()).isEqualTo("https://yanshou.tw/problems/busy");
        assertThat(r.getBody().get("status").asInt()).isEqualTo(503);
        assertThat(r.getBody().get("retryAfterSeconds").asInt()).isPositive();
    }

    @Test
    void answers503AfterSixAttemptsAndStoresNothing() {
        JsonNode c = register(TestContracts.small("BUSY-1", null, "  - { date: 2019-01-30, type: TENDERED, milestone: M }"));
        String id = c.get("id").asText();
        String pi = c.get("processInstanceId").asText();
        completeTask(pi, "ScheduleInspection", "{\"inspectionOn\":\"2019-02-05\"}");
        String result = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("RecordInspectionResult")
                .singleResult().getId();
        long events = count("select count(*) from contract_event where contract_id = cast(? as uuid)", id);
        long audit = count("select count(*) from audit_log where contract_id = cast(? as uuid)", id);
        conflictOn(result);

        // through the task: the acceptance it records completes the task, which conflicts every time
        ResponseEntity<JsonNode> task = api().post().uri("/api/tasks/{t}/complete", result).contentType(MediaType.APPLICATION_JSON)
                .body("{\"result\":\"ACCEPTED\",\"date\":\"2019-02-05\"}").retrieve().toEntity(JsonNode.class);
        assertBusy(task);
        assertThat(attempts()).isEqualTo(6);
        // recording the acceptance as an event conflicts the same way
        ResponseEntity<JsonNode> event = api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"2019-02-05\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}").retrieve().toEntity(JsonNode.class);
        assertBusy(event);
        assertThat(attempts()).isEqualTo(12);

        assertThat(count("select count(*) from contract_event where contract_id = cast(? as uuid)", id)).isEqualTo(events);
        assertThat(count("select count(*) from audit_log where contract_id = cast(? as uuid)", id)).isEqualTo(audit);
        assertThat(taskService.createTaskQuery().taskId(result).count()).isEqualTo(1);
        assertThat(api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("contract").get("status")
                .asText()).isEqualTo("OPEN");

        // once the conflict is over, the same request goes through
        dropTheConflict();
        assertThat(api().post().uri("/api/tasks/{t}/complete", result).contentType(MediaType.APPLICATION_JSON)
                .body("{\"result\":\"ACCEPTED\",\"date\":\"2019-02-05\"}").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(count("select count(*) from contract_event where contract_id = cast(? as uuid)", id)).isEqualTo(events + 1);
    }
}
