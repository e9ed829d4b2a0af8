package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checklists, inspection records and the buyer's duties through the server: the court case's cabinet widths raise the
 * tolerance warning on registration and on GET; a checklist whose parts fit does not; a failed review with measured
 * values is proposed as FAILED with its failed items, recorded with its record (stored with the event, in the hash
 * chain), and the re-inspection shows what failed last time.
 */
class InspectionRecordApiTest extends ApiTestSupport {

    /**
     * Signed 2025-01-02, M due 30 days later. Widths: W_MAIN 600 ± 10 (590 – 610), W_B 490 ± 20 (470 – 510),
     * W_ALL = W_MAIN + 2 × W_B: nominal 600 + 2 × 490 = 1580; worst case 10 + 2 × 20 = ±50 within 1580 ± 50 → no warning.
     */
    private static String fitting(String number) {
        return """
                format: 1
                contract:
                  number: "%s"
                  vendor: { id: "v-inspection", name: "Vendor" }
                  signedOn: 2025-01-02
                  items:
                    - { code: A, name: "cabinets", amount: 1000000 }
                terms:
                  penalty: { ratePerMille: 1 }
                milestones:
                  - id: M
                    name: "廠驗"
                    items: [A]
                    due: { days: 30, from: SIGNED }
                    checklist:
                      - { id: W_MAIN, name: "主櫃寬度", kind: MEASURE, nominal: 600, tolerance: 10, unit: mm, spec: "規範 3.2.1" }
                      - { id: W_B, name: "從櫃寬度", kind: MEASURE, nominal: 490, tolerance: 20, unit: mm }
                      - { id: LOCK, name: "門鎖", kind: PASS_FAIL }
                      - { id: W_ALL, kind: MEASURE, nominal: 1580, tolerance: 50, unit: mm, parts: [ { item: W_MAIN }, { item: W_B, count: 2 } ] }
                buyerDuties:
                  - { id: API_DOCS, name: "介接API文件", due: { days: 10, from: SIGNED } }
                events:
                  - { date: 2025-01-10, type: TENDERED, milestone: M }
                """.formatted(number);
    }

    private ResponseEntity<JsonNode> register(String file) {
        return api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().toEntity(JsonNode.class);
    }

    private JsonNode contract(String id) {
        return api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
    }

    private JsonNode task(String number, String key) {
        JsonNode tasks = api().get().uri("/api/tasks?contract={n}", number).retrieve().body(JsonNode.class);
        for (JsonNode t : tasks) if (t.get("key").asText().equals(key)) return t;
        throw new AssertionError("no task " + key + " of " + number + ": " + tasks);
    }

    private ResponseEntity<JsonNode> post(String uri, Object body, Object... vars) {
        return api().post().uri(uri, vars).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void theCourtCasesWidthsRaiseTheWarningOnRegistrationAndOnTheContract() {
        String number = "107-ILOCKER-CHECKLIST-" + UUID.randomUUID();
        String file = resource("/contracts/ilocker-107-checklist.yaml").replace("number: \"107-ILOCKER-30\"", "number: \"" + number + "\"");
        ResponseEntity<JsonNode> created = register(file);

        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        JsonNode warning = created.getBody().get("warnings").get(0);
        assertThat(created.getBody().get("warnings")).hasSize(1);
        assertThat(warning.get("path").asText()).isEqualTo("milestones[0].checklist[3]");
        // 10 + 4 × 20 = 90 against 20; √(10² + 4 × 20²) = √1700 ≈ 41.2
        assertThat(warning.get("message").asText()).contains("W_ALL = W_MAIN + 2 × W_B + 2 × W_C")
                .contains("±90 mm").contains("≈ ±41.2 mm").contains("2560 ± 20 mm");

        JsonNode c = contract(created.getBody().get("id").asText());
        assertThat(c.get("warnings")).isEqualTo(created.getBody().get("warnings"));
        // the manual: due 60 days after 2018-10-18 = 2018-12-17, delivered 2019-09-05 (late), its log entry's chain hash
        JsonNode manual = c.get("buyerDuties").get(2);
        assertThat(manual.get("id").asText()).isEqualTo("MANUAL");
        assertThat(manual.get("due").asText()).isEqualTo("2018-12-17");
        JsonNode delivery = manual.get("deliveries").get(0);
        assertThat(delivery.get("date").asText()).isEqualTo("2019-09-05");
        assertThat(delivery.get("late").asBoolean()).isTrue();
        assertThat(delivery.at("/entry/hash").asText()).matches("[0-9a-f]{64}");
        assertThat(c.get("buyerDuties").get(0).get("deliveries")).isEmpty();
        // the figures are the court's: 6,615,840 as of 2024-06-25
        JsonNode s = api().get().uri("/api/contracts/{id}/statement?asOf=2024-06-25", created.getBody().get("id").asText())
                .retrieve().body(JsonNode.class);
        assertThat(s.get("penalty").decimalValue()).isEqualByComparingTo("6615840");
    }

    @Test
    void aFailedReviewWithMeasuredValuesIsProposedRecordedAndShownAtTheReinspection() {
        String number = "CHECKLIST-" + UUID.randomUUID();
        ResponseEntity<JsonNode> created = register(fitting(number));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(created.getBody().get("warnings")).isEmpty();
        String id = created.getBody().get("id").asText();

        assertThat(post("/api/tasks/{t}/complete", Map.of("inspectionOn", "2025-01-15"),
                task(number, "ScheduleInspection").get("id").asText()).getStatusCode().value()).isEqualTo(204);
        String result = task(number, "RecordInspectionResult").get("id").asText();
        // 612 is outside 600 ± 10 (590 – 610), 495 within 490 ± 20 (470 – 510), 1602 within 1580 ± 50 (1530 – 1630)
        Map<String, String> answer = Map.of("results.W_MAIN", "612", "results.W_B", "495", "results.W_ALL", "1602",
                "results.LOCK", "PASS", "inspectors", "王小明、李大華");
        JsonNode proposal = post("/api/tasks/{t}/proposal", answer, result).getBody();
        assertThat(proposal.get("proposal").asText()).isEqualTo("FAILED");
        assertThat(proposal.get("failedItems")).extracting(JsonNode::asText).containsExactly("W_MAIN");
        assertThat(proposal.get("inspectors")).extracting(JsonNode::asText).containsExactly("王小明", "李大華");
        // the same judgement through the contract's proposal endpoint
        JsonNode direct = post("/api/contracts/{id}/inspections/proposal", Map.of("milestone", "M",
                "results", List.of(Map.of("item", "W_MAIN", "value", 612), Map.of("item", "LOCK", "verdict", "PASS"))), id).getBody();
        assertThat(direct.get("failedItems")).extracting(JsonNode::asText).containsExactly("W_MAIN");
        assertThat(direct.get("notInspected")).extracting(JsonNode::asText).containsExactly("W_B", "W_ALL");

        // a value that is no plain number is refused at its item, nothing recorded
        ResponseEntity<JsonNode> bad = post("/api/tasks/{t}/complete", Map.of("result", "FAILED", "date", "2025-01-15",
                "results.W_MAIN", "6l2"), result);
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(bad.getBody().toString()).contains("results.W_MAIN");
        // FAILED with every item passing is refused: a failed inspection names a failed item
        ResponseEntity<JsonNode> allPass = post("/api/tasks/{t}/complete", Map.of("result", "FAILED", "date", "2025-01-15",
                "results.W_MAIN", "605"), result);
        assertThat(allPass.getStatusCode().value()).isEqualTo(422);
        assertThat(allPass.getBody().toString()).contains("every item of this failed inspection passed");

        java.util.HashMap<String, String> failed = new java.util.HashMap<>(answer);
        failed.putAll(Map.of("result", "FAILED", "date", "2025-01-15", "cureBy", "2025-01-25"));
        assertThat(post("/api/tasks/{t}/complete", failed, result).getStatusCode().value()).isEqualTo(204);

        JsonNode c = contract(id);
        JsonNode recorded = c.get("log").get(c.get("log").size() - 1).get("event");
        assertThat(recorded.get("type").asText()).isEqualTo("INSPECTION_FAILED");
        assertThat(recorded.get("results")).hasSize(4);
        assertThat(recorded.get("inspectors")).extracting(JsonNode::asText).containsExactly("王小明", "李大華");
        JsonNode last = c.get("inspections").get(0).get("lastFailure");
        assertThat(last.get("cureBy").asText()).isEqualTo("2025-01-25");
        assertThat(last.get("failed")).extracting(j -> j.get("item").asText()).containsExactly("W_MAIN");
        assertThat(last.get("failed").get(0).get("found").asText()).isEqualTo("612 mm");
        // the record is in the chain: its entry's hash is the log's head
        JsonNode head = api().get().uri("/api/contracts/{id}/statement", id).retrieve().body(JsonNode.class).get("eventLog");
        assertThat(last.at("/entry/hash").asText()).isEqualTo(head.get("hash").asText());
        assertThat(api().get().uri("/api/contracts/{id}/integrity", id).retrieve().body(JsonNode.class).toString()).contains("\"intact\":true");

        // re-tender, schedule: the re-inspection's proposal shows what failed last time
        assertThat(api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\": \"2025-01-20\", \"type\": \"TENDERED\", \"milestone\": \"M\"}").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/tasks/{t}/complete", Map.of("inspectionOn", "2025-01-22"),
                task(number, "ScheduleInspection").get("id").asText()).getStatusCode().value()).isEqualTo(204);
        String again = task(number, "RecordInspectionResult").get("id").asText();
        JsonNode second = post("/api/tasks/{t}/proposal", Map.of("results.W_MAIN", "604"), again).getBody();
        assertThat(second.get("proposal").asText()).isEqualTo("ACCEPTED");
        assertThat(second.at("/lastFailure/failed/0/item").asText()).isEqualTo("W_MAIN");
        assertThat(second.at("/lastFailure/date").asText()).isEqualTo("2025-01-15");
    }

    @Test
    void aDeliveryIsRecordedAsEvidenceAndAnUnknownDutyIsRefused() {
        String number = "DUTIES-" + UUID.randomUUID();
        String id = register(fitting(number)).getBody().get("id").asText();

        ResponseEntity<String> unknown = api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\": \"2025-01-14\", \"type\": \"DELIVERED\", \"duty\": \"CARDS\"}").retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getBody()).contains("event.duty").contains("no duty CARDS; the duties are API_DOCS");

        assertThat(api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\": \"2025-01-14\", \"type\": \"DELIVERED\", \"duty\": \"API_DOCS\", \"note\": \"API v2\"}")
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(201);
        JsonNode duty = contract(id).get("buyerDuties").get(0);
        // due 10 days after 2025-01-02: 2025-01-12; delivered 2025-01-14, two days late
        assertThat(duty.get("due").asText()).isEqualTo("2025-01-12");
        assertThat(duty.at("/deliveries/0/late").asBoolean()).isTrue();
        assertThat(duty.at("/deliveries/0/note").asText()).isEqualTo("API v2");
        // the figures ignore deliveries: 1,000,000 × 1‰ × 0 days (tendered 01-10, due 02-01)
        JsonNode s = api().get().uri("/api/contracts/{id}/statement?asOf=2025-01-31", id).retrieve().body(JsonNode.class);
        assertThat(s.get("penalty").decimalValue()).isEqualByComparingTo("0");
    }
}
