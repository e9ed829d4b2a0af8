package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.DateRange;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.Period;
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
    private static final LocalDate SIGNED = LocalDate.of(2024, 1, 2);
    private static final int FILES = 40;
    private static final int EVENT_BY_EVENT = 12;

    @Autowired ContractFileReader reader;
    @Autowired ContractFileWriter writer;
    @Autowired ContractValidator validator;
    @Autowired StatementCalculator calculator;
    @Autowired ObjectMapper json;

    /** The file without events: two or three items, two milestones (the second may count from the first). */
    private static String header(String number, Random r) {
        int items = 2 + r.nextInt(2);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items; i++)
            list.append("    - { code: I").append(i).append(", name: \"item ").append(i).append("\", amount: ")
                    .append(100_000 + r.nextInt(900_000)).append(" }\n");
        String second = r.nextBoolean() ? "{ days: " + (10 + r.nextInt(20)) + ", from: M0.ACCEPTED }"
                : r.nextBoolean() ? "{ days: " + (10 + r.nextInt(20)) + ", from: M0.TENDERED }"
                : "{ days: " + (30 + r.nextInt(60)) + ", from: SIGNED }";
        return """
                format: 1
                contract:
                  number: "%s"
                  title: "generated"
                  vendor: { id: "v-gen", name: "Vendor" }
                  signedOn: %s
                  items:
                %sterms:
                  deadlineDays: %s
                  penalty: { ratePerMille: %s, basis: %s, capPercent: 20, terminationRightAtPercent: 10 }
                milestones:
                  - { id: M0, name: "first", items: [%s], due: { days: %d, from: SIGNED } }
                  - { id: M1, name: "second", items: [%s], due: %s }
                """.formatted(number, SIGNED, list, r.nextBoolean() ? "CALENDAR" : "WORKING",
                r.nextBoolean() ? "1" : "2.5", r.nextBoolean() ? "LATE_ITEMS" : "CONTRACT_TOTAL",
                items == 2 ? "I0, I1" : "I0, I1", 20 + r.nextInt(40), items == 2 ? "I1" : "I1, I2", second);
    }

    /** A random valid history: candidates are drawn until the validator takes one, step by step. */
    private List<ContractEvent> history(Contract contract, Random r, LocalDate until) {
        List<ContractEvent> events = new ArrayList<>();
        LocalDate day = SIGNED.plusDays(1 + r.nextInt(10));
        for (int step = 0; step < 14 && !day.isAfter(until); step++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                ContractEvent candidate = candidate(contract, r, day);
                // the very same event twice is refused as a duplicate when recorded on its own (a retried request)
                if (contract.events().contains(candidate)) continue;
                if (validator.validateEvent(contract, candidate).isEmpty()) {
                    contract = contract.withEvent(candidate);
                    events.add(candidate);
                    break;
                }
            }
            if (events.stream().anyMatch(e -> e instanceof Terminated)) break;
            day = day.plusDays(r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(15));
        }
        return events;
    }

    private static ContractEvent candidate(Contract contract, Random r, LocalDate day) {
        Milestone m = contract.milestones().get(r.nextInt(contract.milestones().size()));
        List<String> items = r.nextBoolean() ? null : subset(m.items(), r);
        return switch (r.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> new Tendered(day, m.id(), items, null);
            case 6, 7, 8 -> new InspectionFailed(day, m.id(), items, day.plusDays(r.nextInt(20)), "failed");
            case 9, 10, 11, 12 -> new Accepted(day, m.id(), items, null);
            case 13 -> new Excused(day, new DateRange(day.minusDays(r.nextInt(10)), day), "typhoon");
            case 14, 15 -> new MediationFiled(day, null);
            case 16, 17 -> new MediationConcluded(day, Outcome.SETTLED, r.nextBoolean() ? new DateRange(day.minusDays(5), day) : null,
                    r.nextBoolean() ? Period.ofDays(10 + r.nextInt(50)) : null, r.nextBoolean(), r.nextBoolean(), null);
            case 18 -> new Amended(day, List.of(new ItemChange("I0", null, BigDecimal.valueOf(50_000 + r.nextInt(500_000)))), "減價收受");
            default -> new Terminated(day, "VENDOR_DEFAULT", null);
        };
    }

    private static List<String> subset(List<String> items, Random r) {
        List<String> chosen = new ArrayList<>();
        for (String item : items) if (r.nextBoolean()) chosen.add(item);
        return chosen.isEmpty() ? List.of(items.get(r.nextInt(items.size()))) : chosen;
    }

    private String withEvents(String header, List<ContractEvent> events) {
        StringBuilder file = new StringBuilder(header).append("events:\n");
        if (events.isEmpty()) file.append("  []\n");
        for (ContractEvent e : events) file.append("  - ").append(writer.eventJson(e)).append('\n');
        return file.toString();
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
