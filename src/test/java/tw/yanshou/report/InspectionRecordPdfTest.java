package tw.yanshou.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;

/**
 * The inspection record as a PDF of its own, and the vendor's acknowledgement of a delivery, through the API: the
 * figures the PDF prints (read back with PDFBox) are the record's; the record's SHA-256 printed is the hash of the
 * stored event (computed here by PostgreSQL, independently of the server's Java), the chain hash printed is the
 * stored one; another vendor's contract, an entry that is no result, an id that is no id are 404. An acknowledgement
 * is an event of the log (in the chain, audited, told to the staff), once per delivery.
 */
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class InspectionRecordPdfTest extends ApiTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    private static org.springframework.security.core.userdetails.UserDetails officer() {
        return tw.yanshou.security.TestUsersBridge.user("officer-lin", "{noop}x",
                new tw.yanshou.security.Actor("officer-lin", java.util.Set.of(tw.yanshou.security.Actor.OFFICER), null));
    }

    private String page(String uri, Object... vars) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri, vars)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(officer())))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] bytes(String uri, Object... vars) throws Exception {
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri, vars)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(officer())))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    /**
     * The court case's cabinet widths (採購規範第19/22頁) as milestone M's checklist, signed 2025-01-02, tendered
     * 2025-01-10, the manual due 10 days after signing and delivered 2025-01-12.
     */
    static String file(String number, String vendorId) {
        return """
                format: 1
                contract:
                  number: "%s"
                  title: "i郵箱櫃體"
                  buyer: "中華郵政股份有限公司"
                  vendor: { id: "%s", name: "慶臻實業有限公司" }
                  signedOn: 2025-01-02
                  items: [ { code: HW, name: "櫃體", amount: 9390000 } ]
                terms: { penalty: { ratePerMille: 4 } }
                milestones:
                  - id: FACTORY
                    name: "廠驗"
                    items: [HW]
                    due: { days: 60, from: SIGNED }
                    checklist:
                      - { id: W_MAIN, name: "主櫃寬度", kind: MEASURE, nominal: 600, tolerance: 10, unit: mm, spec: "採購規範第22頁" }
                      - { id: W_B, name: "B列從櫃寬度", kind: MEASURE, nominal: 490, tolerance: 20, unit: mm, spec: "採購規範第22頁" }
                      - { id: W_C, name: "C列從櫃寬度", kind: MEASURE, nominal: 490, tolerance: 20, unit: mm, spec: "採購規範第22頁" }
                      - { id: W_ALL, name: "整體寬度", kind: MEASURE, nominal: 2560, tolerance: 20, unit: mm, spec: "採購規範第19頁",
                          parts: [ { item: W_MAIN }, { item: W_B, count: 2 }, { item: W_C, count: 2 } ] }
                      - { id: LOCK, name: "門鎖", kind: PASS_FAIL, spec: "採購規範第30頁" }
                buyerDuties:
                  - { id: MANUAL, name: "安裝及使用手冊", due: { days: 10, from: SIGNED } }
                events:
                  - { date: 2025-01-10, type: TENDERED, milestone: FACTORY }
                  - { date: 2025-01-12, type: DELIVERED, duty: MANUAL, note: "手冊第1版" }
                """.formatted(number, vendorId);
    }

    private String register(String number, String vendorId) {
        ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(file(number, vendorId)).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody().get("id").asText();
    }

    private String vendorToken(String vendorId) {
        return api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"vendor-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"roles\":[\"VENDOR\"],\"vendorId\":\""
                        + vendorId + "\"}").retrieve().body(JsonNode.class).get("token").asText();
    }

    private String task(String number, String key) {
        JsonNode tasks = api().get().uri("/api/tasks?contract={n}", number).retrieve().body(JsonNode.class);
        for (JsonNode t : tasks) if (t.get("key").asText().equals(key)) return t.get("id").asText();
        throw new AssertionError("no task " + key + " of " + number + ": " + tasks);
    }

    private int post(String uri, Object body, Object... vars) {
        return api().post().uri(uri, vars).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity()
                .getStatusCode().value();
    }

    /** Records the failed factory inspection of 2025-01-15 with measured widths through the result task; its entry id. */
    private String failedInspection(String number, String id) {
        assertThat(post("/api/tasks/{t}/complete", Map.of("inspectionOn", "2025-01-15"), task(number, "ScheduleInspection"))).isEqualTo(204);
        Map<String, String> answer = new HashMap<>();
        // W_MAIN 612 outside 600 ± 10 (590 – 610); W_B 495 within 490 ± 20 (470 – 510); W_C 515 outside 470 – 510;
        // W_ALL 2585 outside 2560 ± 20 (2540 – 2580); LOCK PASS
        answer.putAll(Map.of("results.W_MAIN", "612", "results.W_B", "495", "results.W_C", "515", "results.W_ALL", "2585",
                "results.LOCK", "PASS", "inspectors", "王小明、李大華", "result", "FAILED", "date", "2025-01-15",
                "cureBy", "2025-01-25"));
        assertThat(post("/api/tasks/{t}/complete", answer, task(number, "RecordInspectionResult"))).isEqualTo(204);
        JsonNode log = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log");
        JsonNode last = log.get(log.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("INSPECTION_FAILED");
        return last.get("id").asText();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theRecordPrintsItsFiguresItsHashAndItsLogEntry() throws Exception {
        String number = "RECORD-PDF-" + UUID.randomUUID();
        String id = register(number, "v-record-pdf");
        String eventId = failedInspection(number, id);

        JsonNode record = api().get().uri("/api/contracts/{id}/inspections/{e}", id, eventId).retrieve().body(JsonNode.class);
        assertThat(record.get("result").asText()).isEqualTo("INSPECTION_FAILED");
        assertThat(record.get("proposal").asText()).isEqualTo("FAILED");
        assertThat(record.get("failedItems")).extracting(JsonNode::asText).containsExactly("W_MAIN", "W_C", "W_ALL");
        assertThat(record.get("cureBy").asText()).isEqualTo("2025-01-25");
        assertThat(record.get("inspectors")).extracting(JsonNode::asText).containsExactly("王小明", "李大華");
        assertThat(record.at("/lines/0/found").asText()).isEqualTo("612 mm");
        assertThat(record.at("/lines/1/passed").asBoolean()).isTrue();

        // what is stored, read here: the hash of the event's body (by PostgreSQL) and its chain hash and position
        Map<String, Object> stored = jdbc.sql("select seq, hash, encode(sha256(convert_to(body::text, 'UTF8')), 'hex') as body_sha "
                + "from contract_event where id = ?::uuid").param(eventId).query().singleRow();
        assertThat(record.get("sha256").asText()).isEqualTo(stored.get("body_sha"));
        assertThat(record.at("/entry/hash").asText()).isEqualTo(((String) stored.get("hash")).strip());
        assertThat(record.at("/entry/seq").asInt()).isEqualTo(((Number) stored.get("seq")).intValue());

        ResponseEntity<byte[]> pdf = api().get().uri("/api/contracts/{id}/inspections/{e}.pdf", id, eventId).retrieve().toEntity(byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;");
        String text = text(pdf.getBody());
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("驗收紀錄", "Inspection record", number, "i郵箱櫃體", "中華郵政股份有限公司", "慶臻實業有限公司",
                "FACTORY", "廠驗");
        // 2025-01-15 = 民國114年1月15日; the cure deadline 2025-01-25 = 114年1月25日
        assertThat(flat).contains("114年1月15日 (2025-01-15)", "114年1月25日 (2025-01-25)");
        assertThat(flat).contains("王小明、李大華");
        // each item: nominal, tolerance, limits, unit, what was found, the judgement
        assertThat(flat).contains("W_MAIN 主櫃寬度 採購規範第22頁 600 10 590 – 610 mm 612 mm 不合格 / Fail");
        assertThat(flat).contains("W_B B列從櫃寬度 採購規範第22頁 490 20 470 – 510 mm 495 mm 合格 / Pass");
        assertThat(flat).contains("W_C C列從櫃寬度 採購規範第22頁 490 20 470 – 510 mm 515 mm 不合格 / Fail");
        assertThat(flat).contains("W_ALL 整體寬度 採購規範第19頁 2560 20 2540 – 2580 mm 2585 mm 不合格 / Fail");
        assertThat(flat).contains("LOCK 門鎖 採購規範第30頁 PASS", "PASS 合格 / Pass", "不合格 / failed 登錄結果");
        assertThat(flat).contains("驗收不合格 / Inspection failed").contains("W_MAIN, W_C, W_ALL");
        // the hashes as printed are the stored ones, whole (no "ff" lost to a ligature)
        assertThat(flat).contains("Record SHA-256 (the event as stored) " + stored.get("body_sha") + " ");
        assertThat(flat).contains("第 " + stored.get("seq") + " 筆，雜湊 " + ((String) stored.get("hash")).strip() + " ");

        // the desk's link to it is on the contract page's log; the same PDF
        assertThat(api().get().uri("/api/contracts/{id}/inspections/{e}.pdf", id, "not-an-id").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        String tender = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).at("/log/0/id").asText();
        assertThat(api().get().uri("/api/contracts/{id}/inspections/{e}.pdf", id, tender).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("a tender is no result").isEqualTo(404);
        assertThat(api().get().uri("/api/contracts/{id}/inspections/{e}", id, tender).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);

        // the contract's vendor may read it, another vendor not
        String own = vendorToken("v-record-pdf");
        assertThat(api(own).get().uri("/api/contracts/{id}/inspections/{e}.pdf", id, eventId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);
        String other = vendorToken("v-record-pdf-other");
        assertThat(api(other).get().uri("/api/contracts/{id}/inspections/{e}.pdf", id, eventId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api(other).get().uri("/api/contracts/{id}/inspections/{e}", id, eventId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Autowired StatementPdf renderer;
    @Autowired org.springframework.context.MessageSource messages;

    /**
     * PDFBox would set "ff", "fi", "fl" as one ligature glyph of the font, which text extraction (and copying from a
     * viewer) loses: the fonts are read without their substitution table, so a hash of nothing but "ff" and a title
     * with "fi" and "fl" survive whole.
     */
    @Test
    void aHashIsPrintedWholeEvenWhereTheFontHasALigature() throws Exception {
        String ff = "ff".repeat(32);
        var contract = new tw.yanshou.contract.ContractSummary(UUID.randomUUID(), "LIG-1", "Staff office fifl", "b", "v", "V",
                java.time.LocalDate.of(2025, 1, 2), tw.yanshou.contract.ContractStatus.OPEN, null, null);
        var record = new tw.yanshou.contract.InspectionRecords.Record(contract, UUID.randomUUID(), "M", null,
                java.time.LocalDate.of(2025, 1, 15), "ACCEPTED", java.util.List.of(), java.util.List.of(),
                tw.yanshou.calculus.Inspections.Proposal.ACCEPTED, java.util.List.of(), java.util.List.of(), null, null,
                java.util.List.of(), ff, new tw.yanshou.contract.LogHead(7, "0ff1".repeat(16)), "lin", java.time.Instant.EPOCH, false);
        String flat = text(renderer.render("inspection/pdf", Map.of("r", record, "t", new InspectionRecordPdf.Words(messages)),
                InspectionRecordPdf.ZH)).replaceAll("\\s+", " ");
        assertThat(flat).contains(" " + ff + " ").contains("第 7 筆，雜湊 " + "0ff1".repeat(16) + " ")
                .contains("Staff office fifl");
    }

    @Autowired org.thymeleaf.ITemplateEngine templates;

    /**
     * A fallback font ({@code yanshou.pdf.fallback-fonts}, a file) is read through the same path as the bundled ones:
     * ✗ (U+2717, not in the Noto Sans TC subset, in DejaVu Sans) is drawn from it and extracted whole, not written as
     * its code. (Skipped where Debian's DejaVu fonts are not installed.)
     */
    @Test
    void aFallbackFontFileIsUsedForWhatTheBundledFontLacks() throws Exception {
        java.nio.file.Path dejavu = java.nio.file.Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(dejavu), "Debian's fonts-dejavu-core");
        StatementPdf withFallback = new StatementPdf(templates, messages, java.util.List.of(dejavu.toString()));
        assertThat(withFallback.missing("✗")).isEmpty();
        var contract = new tw.yanshou.contract.ContractSummary(UUID.randomUUID(), "FB-1", "✗ office", "b", "v", "V",
                java.time.LocalDate.of(2025, 1, 2), tw.yanshou.contract.ContractStatus.OPEN, null, null);
        var record = new tw.yanshou.contract.InspectionRecords.Record(contract, UUID.randomUUID(), "M", null,
                java.time.LocalDate.of(2025, 1, 15), "ACCEPTED", java.util.List.of(), java.util.List.of(),
                tw.yanshou.calculus.Inspections.Proposal.ACCEPTED, java.util.List.of(), java.util.List.of(), null, null,
                java.util.List.of(), "ab".repeat(32), new tw.yanshou.contract.LogHead(1, "cd".repeat(32)), "lin",
                java.time.Instant.EPOCH, false);
        byte[] pdf = withFallback.render("inspection/pdf", Map.of("r", record, "t", new InspectionRecordPdf.Words(messages)),
                InspectionRecordPdf.ZH);
        assertThat(text(pdf)).contains("✗ office").doesNotContain("U+2717");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.Set<String> fonts = new java.util.TreeSet<>();
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name).getName());
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans"));
        }
    }

    @Test
    void theVendorAcknowledgesADeliveryOnceAndItIsEvidenceInTheChain() throws Exception {
        String number = "ACK-" + UUID.randomUUID();
        String id = register(number, "v-ack");
        JsonNode delivery = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).at("/buyerDuties/0/deliveries/0");
        String deliveryId = delivery.get("eventId").asText();
        assertThat(delivery.get("acknowledgement").isNull()).isTrue();
        String vendor = vendorToken("v-ack");
        long events = events(id);

        // staff do not acknowledge for the vendor; another vendor does not see the contract
        assertThat(ack(TOKEN, id, deliveryId).getStatusCode().value()).isEqualTo(403);
        assertThat(ack(vendorToken("v-ack-other"), id, deliveryId).getStatusCode().value()).isEqualTo(404);
        // an entry that is no delivery
        String tender = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).at("/log/0/id").asText();
        assertThat(ack(vendor, id, tender).getStatusCode().value()).isEqualTo(404);
        assertThat(events(id)).isEqualTo(events);

        ResponseEntity<JsonNode> given = ack(vendor, id, deliveryId);
        assertThat(given.getStatusCode().value()).as("%s", given.getBody()).isEqualTo(201);
        assertThat(given.getBody().get("type").asText()).isEqualTo("DELIVERY_ACKNOWLEDGED");
        assertThat(events(id)).isEqualTo(events + 1);

        // twice: a conflict, nothing stored
        ResponseEntity<JsonNode> again = ack(vendor, id, deliveryId);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().toString()).contains("acknowledged already");
        assertThat(events(id)).isEqualTo(events + 1);

        JsonNode c = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
        JsonNode ack = c.at("/buyerDuties/0/deliveries/0/acknowledgement");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
        assertThat(ack.get("date").asText()).isEqualTo(today);
        assertThat(ack.get("by").asText()).startsWith("vendor-");
        String hash = jdbc.sql("select hash from contract_event where id = ?::uuid").param(given.getBody().get("id").asText())
                .query(String.class).single().strip();
        assertThat(ack.at("/entry/hash").asText()).isEqualTo(hash);
        // in the log as in a contract file: the duty and the day delivered
        JsonNode event = c.get("log").get(c.get("log").size() - 1).get("event");
        assertThat(event.get("duty").asText()).isEqualTo("MANUAL");
        assertThat(event.get("delivered").asText()).isEqualTo("2025-01-12");
        assertThat(api().get().uri("/api/contracts/{id}/integrity", id).retrieve().body(JsonNode.class).toString()).contains("\"intact\":true");
        // audited, and the staff are told
        assertThat(jdbc.sql("select count(*) from audit_log where contract_id = ?::uuid and action = 'EVENT_RECORDED' "
                + "and detail->>'type' = 'DELIVERY_ACKNOWLEDGED'").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where contract_id = ?::uuid and audience = 'STAFF' "
                + "and kind = 'DELIVERY_ACKNOWLEDGED'").param(id).query(Long.class).single()).isEqualTo(1);
        // on the desk's contract page and in the statement PDF's evidence log: the day, who, the log entry and its hash
        int ackSeq = ack.at("/entry/seq").asInt();
        String by = ack.get("by").asText();
        assertThat(page("/contracts/{id}", id)).contains(by).contains("#" + ackSeq + " " + hash.substring(0, 16));
        byte[] statementPdf = bytes("/contracts/{id}/statement.pdf", id);
        String statement = text(statementPdf).replaceAll("\\s+", "");
        assertThat(statement).contains("廠商確認收受", tw.yanshou.calculus.RocDates.format(java.time.LocalDate.parse(today)), by,
                "#" + ackSeq);
        assertThat(statement).contains(hash);

        // exported and registered again, the acknowledgement stays with its delivery
        String yaml = api().get().uri("/api/contracts/{id}/export", id).retrieve().body(String.class);
        assertThat(yaml).contains("type: DELIVERY_ACKNOWLEDGED");
        ResponseEntity<JsonNode> copy = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml.replace(number, number + "-COPY")).retrieve().toEntity(JsonNode.class);
        assertThat(copy.getStatusCode().value()).as("%s", copy.getBody()).isEqualTo(201);
        assertThat(api().get().uri("/api/contracts/{id}", copy.getBody().get("id").asText()).retrieve().body(JsonNode.class)
                .at("/buyerDuties/0/deliveries/0/acknowledgement/date").asText()).isEqualTo(today);

        // an acknowledgement of a delivery that does not exist, through the events endpoint: 422 at the field
        ResponseEntity<JsonNode> none = api(vendor).post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"" + today + "\",\"type\":\"DELIVERY_ACKNOWLEDGED\",\"duty\":\"MANUAL\",\"delivered\":\"2025-01-13\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(none.getStatusCode().value()).isEqualTo(422);
        assertThat(none.getBody().toString()).contains("event.delivered").contains("no delivery of duty MANUAL on 2025-01-13");
        assertThat(events(id)).isEqualTo(events + 1);
    }

    private ResponseEntity<JsonNode> ack(String token, String id, String deliveryId) {
        return api(token).post().uri("/api/contracts/{id}/deliveries/{e}/acknowledgement", id, deliveryId).retrieve().toEntity(JsonNode.class);
    }

    private long events(String id) {
        return jdbc.sql("select count(*) from contract_event where contract_id = ?::uuid").param(id).query(Long.class).single();
    }
}
