package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.api.Tables;
import tw.yanshou.api.Tables.AuditRow;
import tw.yanshou.api.TestContracts;

/**
 * Every change of a contract writes the audit row docs/operations.md describes (who, what, which contract, the key
 * details), exactly one per change, in the same transaction; a linked contract that cannot take a cascaded
 * termination is left as it is and the refusal is audited with the reason.
 */
class ContractAuditTest extends ProcessTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The actor of the bootstrap administrator token the tests call with. */
    private static final String ADMIN = "bootstrap";

    @Autowired
    JdbcClient jdbc;

    private Tables tables;

    @BeforeEach
    void tables() { tables = new Tables(jdbc); }

    private static void assertRow(AuditRow row, String actor, String action, String contractId, String detail) {
        assertThat(row.actor()).as("actor of %s", row).isEqualTo(actor);
        assertThat(row.action()).as("action of %s", row).isEqualTo(action);
        assertThat(row.contractId()).as("contract of %s", row).isEqualTo(contractId == null ? null : UUID.fromString(contractId));
        try {
            assertThat(row.detail()).as("detail of %s", row).isEqualTo(JSON.readTree(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(detail, e);
        }
    }

    private ResponseEntity<JsonNode> postEvent(String id, String json) {
        return api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().toEntity(JsonNode.class);
    }

    private String taskId(String number, String key) {
        for (JsonNode t : api().get().uri("/api/tasks?contract={n}", number).retrieve().body(JsonNode.class))
            if (t.get("key").asText().equals(key)) return t.get("id").asText();
        throw new AssertionError("no open task " + key + " of " + number);
    }

    private JsonNode contract(String id) {
        return api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
    }

    @Test
    void auditsRegistrationEventsCorrectionsAndTasksOneRowEach() {
        travelTo("2019-02-05");
        long mark = tables.auditMark();
        JsonNode c = register(TestContracts.small("AUDIT-1", null, "  - { date: 2019-01-30, type: TENDERED, milestone: M }"));
        String id = c.get("id").asText();
        List<AuditRow> registered = tables.auditSince(mark);
        assertThat(registered).hasSize(1);
        assertRow(registered.get(0), ADMIN, "CONTRACT_REGISTERED", id, "{\"number\":\"AUDIT-1\",\"events\":1}");

        mark = tables.auditMark();
        ResponseEntity<JsonNode> excused = postEvent(id,
                "{\"date\":\"2019-02-01\",\"type\":\"EXCUSED\",\"from\":\"2019-02-01\",\"to\":\"2019-02-03\",\"reason\":\"typhoon\"}");
        assertThat(excused.getStatusCode().value()).as("%s", excused.getBody()).isEqualTo(201);
        String eventId = excused.getBody().get("id").asText();
        List<AuditRow> recorded = tables.auditSince(mark);
        assertThat(recorded).hasSize(1);
        assertRow(recorded.get(0), ADMIN, "EVENT_RECORDED", id,
                "{\"event\":\"" + eventId + "\",\"type\":\"EXCUSED\",\"date\":\"2019-02-01\"}");

        mark = tables.auditMark();
        assertThat(api().post().uri("/api/contracts/{id}/events/{e}/void", id, eventId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"entered for the wrong contract\"}").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
        List<AuditRow> voided = tables.auditSince(mark);
        assertThat(voided).hasSize(1);
        assertRow(voided.get(0), ADMIN, "EVENT_VOIDED", id,
                "{\"event\":\"" + eventId + "\",\"reason\":\"entered for the wrong contract\"}");

        mark = tables.auditMark();
        assertThat(api().post().uri("/api/tasks/{t}/complete", taskId("AUDIT-1", "ScheduleInspection"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"inspectionOn\":\"2019-02-05\"}").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(204);
        List<AuditRow> scheduled = tables.auditSince(mark);
        assertThat(scheduled).hasSize(1);
        assertRow(scheduled.get(0), ADMIN, "TASK_COMPLETED", id,
                "{\"task\":\"ScheduleInspection\",\"answer\":{\"inspectionOn\":\"2019-02-05\"}}");

        // the result task records the acceptance; the process ends and the engine accepts the contract
        mark = tables.auditMark();
        assertThat(api().post().uri("/api/tasks/{t}/complete", taskId("AUDIT-1", "RecordInspectionResult"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"result\":\"ACCEPTED\",\"date\":\"2019-02-05\"}").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(204);
        JsonNode log = contract(id).get("log");
        String acceptance = log.get(log.size() - 1).get("id").asText();
        List<AuditRow> accepted = tables.auditSince(mark);
        assertThat(accepted).extracting(AuditRow::action).containsExactly("CONTRACT_ACCEPTED", "EVENT_RECORDED", "TASK_COMPLETED");
        assertRow(accepted.get(0), "engine", "CONTRACT_ACCEPTED", id, "{\"on\":\"2019-02-05\"}");
        assertRow(accepted.get(1), ADMIN, "EVENT_RECORDED", id,
                "{\"event\":\"" + acceptance + "\",\"type\":\"ACCEPTED\",\"date\":\"2019-02-05\"}");
        assertRow(accepted.get(2), ADMIN, "TASK_COMPLETED", id,
                "{\"task\":\"RecordInspectionResult\",\"answer\":{\"result\":\"ACCEPTED\",\"date\":\"2019-02-05\"}}");
    }

    @Test
    void auditsTheCascadedTerminationOfALinkedContract() {
        travelTo("2019-03-05");
        String linked = register(TestContracts.small("AUDIT-CASCADE-M", null, null)).get("id").asText();
        long mark = tables.auditMark();
        String id = register(TestContracts.small("AUDIT-CASCADE", "AUDIT-CASCADE-M",
                "  - { date: 2019-03-01, type: TERMINATED, ground: VENDOR_DEFAULT }")).get("id").asText();
        String cascaded = contract(linked).get("log").get(0).get("id").asText();
        List<AuditRow> rows = tables.auditSince(mark);
        // the file's termination is history, taken as it is (no approval) and audited on its own; the cascade is the
        // engine's
        assertThat(rows).extracting(AuditRow::action).containsExactlyInAnyOrder("CONTRACT_REGISTERED",
                "HISTORIC_TERMINATED_IMPORTED", "LINKED_CONTRACT_TERMINATED", "EVENT_RECORDED");
        for (AuditRow row : rows) {
            switch (row.action()) {
                case "CONTRACT_REGISTERED" -> assertRow(row, ADMIN, "CONTRACT_REGISTERED", id, "{\"number\":\"AUDIT-CASCADE\",\"events\":1}");
                case "HISTORIC_TERMINATED_IMPORTED" -> assertRow(row, ADMIN, "HISTORIC_TERMINATED_IMPORTED", id,
                        "{\"date\":\"2019-03-01\"}");
                case "LINKED_CONTRACT_TERMINATED" -> assertRow(row, "engine", "LINKED_CONTRACT_TERMINATED", id,
                        "{\"linkedNumber\":\"AUDIT-CASCADE-M\",\"on\":\"2019-03-01\"}");
                default -> assertRow(row, "engine", "EVENT_RECORDED", linked,
                        "{\"event\":\"" + cascaded + "\",\"type\":\"TERMINATED\",\"date\":\"2019-03-01\"}");
            }
        }
        assertThat(contract(linked).get("contract").get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void leavesALinkedContractSignedAfterTheTerminationAsItIsAndAuditsWhy() {
        travelTo("2019-05-01");
        String linked = register(TestContracts.small("AUDIT-LATE-M", null, null)
                .replace("signedOn: 2019-01-01", "signedOn: 2019-04-01")).get("id").asText();
        long linkedEvents = contract(linked).get("log").size();
        long mark = tables.auditMark();
        String id = register(TestContracts.small("AUDIT-LATE", "AUDIT-LATE-M",
                "  - { date: 2019-03-01, type: TERMINATED, ground: VENDOR_DEFAULT }")).get("id").asText();

        JsonNode after = contract(linked);
        assertThat(after.get("contract").get("status").asText()).isEqualTo("OPEN");
        assertThat(after.get("log")).hasSize((int) linkedEvents);
        List<AuditRow> refused = tables.auditSince(mark).stream().filter(r -> r.action().equals("LINKED_TERMINATION_REFUSED")).toList();
        assertThat(refused).hasSize(1);
        AuditRow row = refused.get(0);
        assertThat(row.actor()).isEqualTo("engine");
        assertThat(row.contractId()).isEqualTo(UUID.fromString(linked));
        assertThat(row.detail().get("by").asText()).isEqualTo("AUDIT-LATE");
        assertThat(row.detail().get("on").asText()).isEqualTo("2019-03-01");
        assertThat(row.detail().get("why").toString()).contains("2019-03-01 is before the contract was signed (2019-04-01)");
        assertThat(contract(id).get("contract").get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void leavesALinkedContractThatHasAlreadyEndedAsItIsAndAuditsWhy() {
        travelTo("2019-05-01");
        String linked = register(TestContracts.small("AUDIT-ENDED-M", null,
                "  - { date: 2019-02-15, type: TERMINATED, ground: VENDOR_DEFAULT }")).get("id").asText();
        JsonNode before = contract(linked);
        long mark = tables.auditMark();
        register(TestContracts.small("AUDIT-ENDED", "AUDIT-ENDED-M",
                "  - { date: 2019-03-01, type: TERMINATED, ground: VENDOR_DEFAULT }"));

        JsonNode after = contract(linked);
        assertThat(after.get("contract").get("status").asText()).isEqualTo("TERMINATED");
        assertThat(after.get("contract").get("terminatedOn").asText()).isEqualTo("2019-02-15");
        assertThat(after.get("log")).isEqualTo(before.get("log"));
        List<AuditRow> refused = tables.auditSince(mark).stream().filter(r -> r.action().equals("LINKED_TERMINATION_REFUSED")).toList();
        assertThat(refused).hasSize(1);
        AuditRow row = refused.get(0);
        assertThat(row.actor()).isEqualTo("engine");
        assertThat(row.contractId()).isEqualTo(UUID.fromString(linked));
        assertThat(row.detail().get("by").asText()).isEqualTo("AUDIT-ENDED");
        assertThat(row.detail().get("on").asText()).isEqualTo("2019-03-01");
        assertThat(row.detail().get("why").toString()).contains("terminated on 2019-02-15");
    }
}
