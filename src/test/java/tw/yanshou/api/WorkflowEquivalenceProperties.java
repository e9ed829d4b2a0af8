package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.contract.file.ContractFileWriter;

/**
 * Any history the calculus accepts, the process accepts too: random valid event sequences — partial tenders of a
 * milestone's items in any order, partial results, failed inspections and cures, re-tenders, excused days,
 * mediation with and without reset due dates, amendments and terminations — registered as a file, or recorded
 * event by event through the API (each one moving the real engine; a termination proposed and approved by a
 * supervisor), are answered 201 every time (202 and then approved for a termination), never 5xx, and
 * give the statement the calculus alone gives. The runs are repeatable (a seed per contract, reported on failure).
 */
class WorkflowEquivalenceProperties extends ApiTestSupport {
    private static final int FILES = 40;
    private static final int EVENT_BY_EVENT = 12;

    @Autowired ContractFileReader reader;
    @Autowired ContractFileWriter writer;
    @Autowired ContractValidator validator;
    @Autowired StatementCalculator calculator;
    @Autowired ObjectMapper json;

    private static String header(String number, Random r) { return RandomHistories.header(number, r, null); }

    private List<ContractEvent> history(Contract contract, Random r, LocalDate until) {
        return RandomHistories.history(validator, contract, r, until);
    }

    private String withEvents(String header, List<ContractEvent> events) {
        return RandomHistories.withEvents(writer, header, events);
    }

    @Test
    void everyValidHistoryRegisteredAsAFileGivesTheCalculusStatement() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Taipei"));
        for (int n = 0; n < FILES; n++) {
            long seed = 7_000 + n;
            Random r = new Random(seed);
            String number = "GEN-FILE-" + seed + "-" + UUID.randomUUID().toString().substring(0, 8);
            String header = header(number, r);
            Contract bare = reader.read(withEvents(header, List.of())).contract();
            List<ContractEvent> events = history(bare, r, today);
            String file = withEvents(header, events);
            ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                    .body(file).retrieve().toEntity(JsonNode.class);
            assertThat(created.getStatusCode().value()).as("seed %d: %s\n%s", seed, created.getBody(), file).isEqualTo(201);
            assertSameStatement(seed, created.getBody().get("id").asText(), reader.read(file).contract(), today);
        }
    }

    @Test
    void everyValidHistoryRecordedEventByEventGivesTheCalculusStatement() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Taipei"));
        for (int n = 0; n < EVENT_BY_EVENT; n++) {
            long seed = 9_000 + n;
            Random r = new Random(seed);
            String number = "GEN-EVENTS-" + seed + "-" + UUID.randomUUID().toString().substring(0, 8);
            String header = header(number, r);
            Contract contract = reader.read(withEvents(header, List.of())).contract();
            List<ContractEvent> events = history(contract, r, today);
            ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                    .body(withEvents(header, List.of())).retrieve().toEntity(JsonNode.class);
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            String id = created.getBody().get("id").asText();
            for (ContractEvent e : events) {
                ResponseEntity<JsonNode> recorded = api().post().uri("/api/contracts/{id}/events", id)
                        .contentType(MediaType.APPLICATION_JSON).body(writer.eventJson(e)).retrieve().toEntity(JsonNode.class);
                // a termination is proposed (202) and takes effect once a supervisor approves it
                if (e instanceof ContractEvent.Terminated) approved(recorded);
                else assertThat(recorded.getStatusCode().value()).as("seed %d, %s: %s", seed, writer.eventJson(e), recorded.getBody())
                        .isEqualTo(201);
                contract = contract.withEvent(e);
            }
            assertSameStatement(seed, id, contract, today);
        }
    }

    private void assertSameStatement(long seed, String id, Contract contract, LocalDate today) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode served = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                api().get().uri("/api/contracts/{id}/statement?asOf={d}", id, today).retrieve().body(String.class));
        assertThat(served.remove("eventLog")).as("seed %d: the head of the log the statement was computed from", seed).isNotNull();
        JsonNode alone = json.readTree(json.writeValueAsString(calculator.statement(contract, today)));
        assertThat(served).as("seed %d", seed).isEqualTo(alone);
        JsonNode process = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
        assertThat(process).as("seed %d", seed).isNotNull();
        JsonNode incidents = api().get().uri("/engine-rest/incident/count").retrieve().body(JsonNode.class);
        assertThat(incidents.path("count").asInt(-1)).as("seed %d: the engine has no incidents: %s", seed, incidents).isZero();
    }
}
