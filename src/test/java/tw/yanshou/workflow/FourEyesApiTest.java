package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.api.Tables;
import tw.yanshou.api.TestContracts;

/**
 * Four eyes through the API: an officer's termination is a proposal (202) that changes nothing until a supervisor who
 * is another person approves it; the proposer, another officer and a supervisor who proposed it cannot approve it; a
 * rejection records nothing; both are audited and told to the proposer.
 *
 * <p>The contract ({@link TestContracts#small}): milestone M due 2019-01-31 and never tendered, 1,000 a day (1‰ of
 * 1,000,000), cap 100,000. As of 2019-03-31 it is late 2019-02-01 … 03-31 = 28 + 31 = 59 days: 59,000. Terminated on
 * 2019-03-01, days accrue through the termination day: 28 + 1 = 29 days, 29,000.
 */
class FourEyesApiTest extends ApiTestSupport {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;

    private Tables tables;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void tables() { tables = new Tables(jdbc); }

    /** A token of a user with these roles; the user's name is the actor's name (who proposed, who approved). */
    private String token(String username, String... roles) {
        ResponseEntity<JsonNode> r = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", username, "username", username, "roles", List.of(roles))).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("token").asText();
    }

    private String registered(String number) {
        ResponseEntity<JsonNode> r = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(TestContracts.small(number + "-" + suffix, null, null)).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asText();
    }

    private ResponseEntity<JsonNode> post(String token, String contractId, String event) {
        return api(token).post().uri("/api/contracts/{id}/events", contractId).contentType(MediaType.APPLICATION_JSON)
                .body(event).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> decide(String token, String approval, String body) {
        return api(token).post().uri("/api/approvals/{id}/decision", approval).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode statement(String contractId) {
        return api().get().uri("/api/contracts/{id}/statement?asOf=2019-03-31", contractId).retrieve().body(JsonNode.class);
    }

    private JsonNode contract(String contractId) {
        return api().get().uri("/api/contracts/{id}", contractId).retrieve().body(JsonNode.class);
    }

    private static final String TERMINATION =
            "{\"date\":\"2019-03-01\",\"type\":\"TERMINATED\",\"ground\":\"VENDOR_DEFAULT\",\"note\":\"逾期未履約\"}";

    @Test
    void aTerminationTakesEffectOnlyOnceAnotherPersonASupervisorApprovesIt() {
        String officerA = token("officer-a-" + suffix, "OFFICER");
        String officerB = token("officer-b-" + suffix, "OFFICER");
        String supervisor = token("supervisor-b-" + suffix, "SUPERVISOR");
        String id = registered("T-4EYES");
        long mark = tables.auditMark();

        ResponseEntity<JsonNode> proposed = post(officerA, id, TERMINATION);
        assertThat(proposed.getStatusCode().value()).as("%s", proposed.getBody()).isEqualTo(202);
        String approval = proposed.getBody().get("approval").asText();
        assertThat(proposed.getHeaders().getLocation()).hasToString("/api/approvals/" + approval);
        assertThat(proposed.getBody().get("status").asText()).isEqualTo("PENDING");
        // nothing changed: no event in the log, the contract open, the statement as without a termination
        assertThat(contract(id).get("log")).isEmpty();
        assertThat(contract(id).get("contract").get("status").asText()).isEqualTo("OPEN");
        assertThat(statement(id).get("lateDays").asLong()).isEqualTo(59);
        assertThat(statement(id).get("penalty").asLong()).isEqualTo(59_000);
        JsonNode pending = api(officerB).get().uri("/api/approvals/{id}", approval).retrieve().body(JsonNode.class);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("proposedBy").asText()).isEqualTo("officer-a-" + suffix);
        assertThat(pending.get("reason").asText()).isEqualTo("逾期未履約");
        assertThat(pending.get("event").get("ground").asText()).isEqualTo("VENDOR_DEFAULT");
        // a second proposal of the same while one waits: 409
        assertThat(post(officerB, id, TERMINATION).getStatusCode().value()).isEqualTo(409);

        // the proposer and another officer may not decide (403, the URL's rule: supervisors only)
        assertThat(decide(officerA, approval, "{\"decision\":\"APPROVE\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(decide(officerB, approval, "{\"decision\":\"APPROVE\"}").getStatusCode().value()).isEqualTo(403);
        // the task cannot be completed past Yanshou (Tasklist, the engine's REST API)
        String taskId = taskService.createTaskQuery().processDefinitionKey(ApprovalModel.PROCESS)
                .processInstanceBusinessKey(approval).singleResult().getId();
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("decision", "APPROVE", "answerBy", "someone")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("approve or reject in Yanshou");
        assertThat(decide(supervisor, approval, "{\"decision\":\"MAYBE\"}").getStatusCode().value()).isEqualTo(422);
        assertThat(contract(id).get("log")).isEmpty();

        ResponseEntity<JsonNode> approved = decide(supervisor, approval, "{\"decision\":\"APPROVE\",\"reason\":\"依約第21條\"}");
        assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(200);
        assertThat(approved.getBody().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.getBody().get("decidedBy").asText()).isEqualTo("supervisor-b-" + suffix);
        JsonNode after = contract(id);
        assertThat(after.get("contract").get("status").asText()).isEqualTo("TERMINATED");
        assertThat(after.get("log")).hasSize(1);
        assertThat(after.get("log").get(0).get("type").asText()).isEqualTo("TERMINATED");
        assertThat(after.get("log").get(0).get("recordedBy").asText()).isEqualTo("officer-a-" + suffix);
        assertThat(after.get("log").get(0).get("id").asText()).isEqualTo(approved.getBody().get("eventId").asText());
        assertThat(statement(id).get("terminatedOn").asText()).isEqualTo("2019-03-01");
        assertThat(statement(id).get("lateDays").asLong()).isEqualTo(29);
        assertThat(statement(id).get("penalty").asLong()).isEqualTo(29_000);
        // decided once
        assertThat(decide(supervisor, approval, "{\"decision\":\"REJECT\",\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(409);

        List<Tables.AuditRow> audit = tables.auditSince(mark).stream()
                .filter(r -> id.equals(String.valueOf(r.contractId()))).toList();
        assertThat(audit).extracting(Tables.AuditRow::action)
                .containsSubsequence("DECISION_PROPOSED", "EVENT_RECORDED", "DECISION_APPROVED");
        Tables.AuditRow recorded = audit.stream().filter(r -> r.action().equals("EVENT_RECORDED")).findFirst().orElseThrow();
        assertThat(recorded.actor()).isEqualTo("officer-a-" + suffix);
        assertThat(recorded.detail().get("approvedBy").asText()).isEqualTo("supervisor-b-" + suffix);
        assertThat(recorded.detail().get("proposal").asText()).isEqualTo(approval);
        assertThat(audit.stream().filter(r -> r.action().equals("DECISION_APPROVED")).findFirst().orElseThrow().actor())
                .isEqualTo("supervisor-b-" + suffix);
        // the proposer is told, the other officer is not
        assertThat(userNotifications("officer-a-" + suffix, id)).containsExactly("DECISION_APPROVED");
        assertThat(userNotifications("officer-b-" + suffix, id)).isEmpty();
    }

    @Test
    void aSupervisorWhoProposedCannotApproveTheirOwnProposal() {
        String both = token("officer-supervisor-" + suffix, "OFFICER", "SUPERVISOR");
        String id = registered("T-4EYES-OWN");
        ResponseEntity<JsonNode> proposed = post(both, id, TERMINATION);
        assertThat(proposed.getStatusCode().value()).isEqualTo(202);
        ResponseEntity<JsonNode> own = decide(both, proposed.getBody().get("approval").asText(), "{\"decision\":\"APPROVE\"}");
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("detail").asText()).contains("you proposed this decision", "four eyes");
        assertThat(contract(id).get("log")).isEmpty();
        // another supervisor may
        assertThat(approved(proposed).get("status").asText()).isEqualTo("APPROVED");
        assertThat(contract(id).get("contract").get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void aRejectionRecordsNothingAndNeedsAReason() {
        String officer = token("officer-r-" + suffix, "OFFICER");
        String supervisor = token("supervisor-r-" + suffix, "SUPERVISOR");
        String id = registered("T-4EYES-REJECT");
        long mark = tables.auditMark();
        String approval = post(officer, id, TERMINATION).getBody().get("approval").asText();
        ResponseEntity<JsonNode> noReason = decide(supervisor, approval, "{\"decision\":\"REJECT\"}");
        assertThat(noReason.getStatusCode().value()).isEqualTo(422);
        assertThat(noReason.getBody().get("violations").get(0).get("path").asText()).isEqualTo("reason");
        // a NUL (PostgreSQL refuses it in text and JSON) or a lone surrogate: the field named, nothing decided
        for (String hostile : new String[] {"尚在\\u0000調解中", "尚在\\ud800調解中"}) {
            ResponseEntity<JsonNode> bad = decide(supervisor, approval, "{\"decision\":\"REJECT\",\"reason\":\"" + hostile + "\"}");
            assertThat(bad.getStatusCode().value()).as(hostile).isEqualTo(422);
            assertThat(bad.getBody().get("violations").get(0).get("path").asText()).isEqualTo("reason");
        }
        ResponseEntity<JsonNode> rejected = decide(supervisor, approval, "{\"decision\":\"REJECT\",\"reason\":\"尚在調解中\"}");
        assertThat(rejected.getStatusCode().value()).isEqualTo(200);
        assertThat(rejected.getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.getBody().get("decisionReason").asText()).isEqualTo("尚在調解中");
        assertThat(contract(id).get("log")).isEmpty();
        assertThat(contract(id).get("contract").get("status").asText()).isEqualTo("OPEN");
        assertThat(statement(id).get("penalty").asLong()).isEqualTo(59_000);
        assertThat(api().get().uri("/api/approvals").retrieve().body(JsonNode.class).findValuesAsText("id")).doesNotContain(approval);
        assertThat(tables.auditSince(mark)).extracting(Tables.AuditRow::action)
                .containsSubsequence("DECISION_PROPOSED", "DECISION_REJECTED").doesNotContain("EVENT_RECORDED");
        assertThat(userNotifications("officer-r-" + suffix, id)).containsExactly("DECISION_REJECTED");
        // rejected, the officer may propose again
        assertThat(post(officer, id, TERMINATION).getStatusCode().value()).isEqualTo(202);
    }

    @Test
    void aTerminationWithFilesOrByAnInspectorOrASupervisorIsRefused() {
        String inspector = token("inspector-" + suffix, "INSPECTOR");
        String supervisor = token("supervisor-t-" + suffix, "SUPERVISOR");
        String id = registered("T-4EYES-FILES");
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("event", TERMINATION);
        ResponseEntity<JsonNode> withFiles = api().post().uri("/api/contracts/{id}/events", id)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class);
        assertThat(withFiles.getStatusCode().value()).isEqualTo(409);
        assertThat(withFiles.getBody().get("detail").asText()).contains("only after a supervisor");
        assertThat(post(inspector, id, TERMINATION).getStatusCode().value()).isEqualTo(403);
        assertThat(post(supervisor, id, TERMINATION).getStatusCode().value()).isEqualTo(403);
        assertThat(contract(id).get("log")).isEmpty();
    }

    private List<String> userNotifications(String username, String contractId) {
        return jdbc.sql("select kind from notification where audience = 'USER' and username = ? and contract_id = ? order by created_at")
                .params(username, UUID.fromString(contractId)).query(String.class).list();
    }
}
