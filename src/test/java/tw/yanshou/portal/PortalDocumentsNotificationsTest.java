package tw.yanshou.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.api.TestContracts;
import tw.yanshou.security.Actor;
import tw.yanshou.security.TestUsersBridge;

/**
 * Documents, the vendor portal and notifications on a running server with a real SMTP server in the JVM
 * (GreenMail): events with files through the API and the portal, what is refused and that nothing of it is stored,
 * another vendor's ids answered 404 on every URL, notifications in the app and by e-mail, and an SMTP server that is
 * down while an event is recorded.
 */
@AutoConfigureMockMvc
class PortalDocumentsNotificationsTest extends ApiTestSupport {
    static final int SMTP_PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP_PORT);
        r.add("yanshou.notification.mail.interval", () -> "200ms");
        r.add("yanshou.notification.mail.backoff", () -> "300ms");
        r.add("yanshou.notification.mail.staff", () -> "desk@office.test");
        r.add("yanshou.notification.mail.vendors[v-PA]", () -> "sales@vendor-a.test");
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() { smtp.stop(); }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    static String today() { return LocalDate.now(ZoneId.of("Asia/Taipei")).toString(); }

    private String register(String number) {
        JsonNode c = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(TestContracts.small(number, null, null)).retrieve().body(JsonNode.class);
        return c.get("id").asText();
    }

    private String vendorToken(String vendorId) {
        return api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"vendor-" + vendorId + "-" + UUID.randomUUID().toString().substring(0, 6)
                        + "\",\"roles\":[\"VENDOR\"],\"vendorId\":\"" + vendorId + "\"}")
                .retrieve().body(JsonNode.class).get("token").asText();
    }

    /** A multipart body (what MultipartBodyBuilder makes, without its reactive dependencies). */
    static final class Parts {
        final MultiValueMap<String, Object> map = new LinkedMultiValueMap<>();

        Parts event(String json) {
            HttpHeaders h = new HttpHeaders();
            h.setContentType(MediaType.APPLICATION_JSON);
            h.setContentDisposition(ContentDisposition.formData().name("event").build());
            map.add("event", new HttpEntity<>(json, h));
            return this;
        }

        Parts file(String fileName, Object content) {
            HttpHeaders h = new HttpHeaders();
            h.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            h.setContentDisposition(ContentDisposition.formData().name("files").filename(fileName).build());
            map.add("files", new HttpEntity<>(content, h));
            return this;
        }
    }

    private ResponseEntity<JsonNode> post(String token, String id, Parts parts) {
        return api(token).post().uri("/api/contracts/{id}/events", id).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.map).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> postEvent(String token, String id, String event, String fileName, Object file) {
        Parts p = new Parts().event(event);
        if (file != null) p.file(fileName, file);
        return post(token, id, p);
    }

    private static String tender() {
        return "{\"date\":\"" + today() + "\",\"type\":\"TENDERED\",\"milestone\":\"M\",\"note\":\"test report\"}";
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    record Stored(long events, long documents, long contents, long audit) { }

    private Stored stored(String id) {
        UUID c = UUID.fromString(id);
        return new Stored(count("select count(*) from contract_event where contract_id = ?", c),
                count("select count(*) from document where contract_id = ?", c),
                count("select count(*) from document_content"),
                count("select count(*) from audit_log where contract_id = ?", c));
    }

    private static UserDetails vendorUser(String name, String vendorId) {
        return TestUsersBridge.user(name, "{noop}x", new Actor(name, Set.of(Actor.VENDOR), vendorId));
    }

    private static UserDetails officer() {
        return TestUsersBridge.user("officer-lin", "{noop}x", new Actor("officer-lin", Set.of(Actor.OFFICER), null));
    }

    private static void await(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not within 20 s: " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<MimeMessage> mailTo(String address) {
        return List.of(smtp.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    // ---- documents through the API --------------------------------------------------------------------------

    @Test
    void aTestReportIsStoredWithItsHashListedDownloadedAsAnAttachmentAndAudited() throws Exception {
        String id = register("P-DOC-1");
        String vendor = vendorToken("v-P-DOC-1");
        byte[] pdf = TestFiles.pdf("System test report, milestone M");
        String sha = TestFiles.sha256(pdf);   // computed here, independently of the server

        ResponseEntity<JsonNode> created = postEvent(vendor, id, tender(), "..\\..\\etc/report\u202e.pdf", new ByteArrayResource(pdf));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertThat(created.getBody().get("documents").get(0).asText()).isEqualTo(sha);
        String eventId = created.getBody().get("id").asText();

        JsonNode list = api(vendor).get().uri("/api/contracts/{id}/documents", id).retrieve().body(JsonNode.class);
        assertThat(list).hasSize(1);
        JsonNode d = list.get(0);
        assertThat(d.get("sha256").asText()).isEqualTo(sha);
        // the path and the right-to-left override are gone
        assertThat(d.get("name").asText()).isEqualTo("report.pdf");
        assertThat(d.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(d.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(d.get("eventId").asText()).isEqualTo(eventId);
        assertThat(d.get("uploadedBy").asText()).startsWith("vendor-v-P-DOC-1");
        assertThat(d.get("uploadedAt").asText()).isNotEmpty();

        ResponseEntity<byte[]> download = api(vendor).get().uri("/api/contracts/{id}/documents/{h}", id, sha)
                .retrieve().toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;").contains("report.pdf");
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");

        // the audit row of the event names the document's hash
        String detail = jdbc.sql("select detail::text from audit_log where contract_id = ? and action = 'EVENT_RECORDED'")
                .param(UUID.fromString(id)).query(String.class).single();
        assertThat(detail).contains(sha);
        // the staff are told (in the app, and by e-mail after commit)
        assertThat(count("select count(*) from notification where contract_id = ? and audience = 'STAFF' and kind = 'TENDERED'",
                UUID.fromString(id))).isEqualTo(1);
        await("the staff's e-mail about P-DOC-1", () -> mailTo("desk@office.test").stream().anyMatch(m -> subject(m).contains("P-DOC-1")));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void aRefusedFileIsAProblemNamingThePartAndNothingOfTheEventIsStored() throws IOException {
        String id = register("P-DOC-2");
        String vendor = vendorToken("v-P-DOC-2");
        Stored before = stored(id);

        // an executable named .pdf: the bytes say what it is
        ResponseEntity<JsonNode> elf = postEvent(vendor, id, tender(), "report.pdf", new ByteArrayResource(TestFiles.elf()));
        assertThat(elf.getStatusCode().value()).isEqualTo(415);
        assertThat(elf.getBody().get("part").asText()).isEqualTo("files");
        assertThat(elf.getBody().get("detail").asText()).contains("report.pdf").contains("nothing was stored");
        assertThat(stored(id)).isEqualTo(before);

        // HTML named .txt is not plain text
        ResponseEntity<JsonNode> html = postEvent(vendor, id, tender(), "notes.txt",
                new ByteArrayResource("<html><head><script>alert(1)</script></head><body>x</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(html.getStatusCode().value()).isEqualTo(415);
        assertThat(stored(id)).isEqualTo(before);

        ResponseEntity<JsonNode> empty = postEvent(vendor, id, tender(), "empty.pdf", new ByteArrayResource(new byte[0]));
        assertThat(empty.getStatusCode().value()).isEqualTo(422);
        assertThat(empty.getBody().get("part").asText()).isEqualTo("files");
        assertThat(stored(id)).isEqualTo(before);

        // one byte over the 50 MB limit (a sparse file: nothing held in the test's memory either)
        Path big = Files.createTempFile("yanshou-big", ".pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            f.setLength(50L * 1024 * 1024 + 1);
        }
        try {
            // the server answers 413 as soon as the file passes the limit and closes the connection; a client still
            // sending may see the closed connection before it reads the answer — refused either way, nothing stored
            try {
                ResponseEntity<JsonNode> tooLarge = postEvent(vendor, id, tender(), "big.pdf", new FileSystemResource(big));
                assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
            } catch (org.springframework.web.client.ResourceAccessException closedWhileSending) {
                assertThat(closedWhileSending).hasMessageContaining("I/O error");
            }
            assertThat(stored(id)).isEqualTo(before);
        } finally {
            Files.delete(big);
        }

        // a file refused after another was accepted: the first is not kept either (one transaction)
        ResponseEntity<JsonNode> mixed = post(vendor, id, new Parts().event(tender())
                .file("fine.pdf", new ByteArrayResource(TestFiles.pdf("fine"))).file("photo.jpg", new ByteArrayResource(TestFiles.elf())));
        assertThat(mixed.getStatusCode().value()).isEqualTo(415);
        assertThat(mixed.getBody().get("file").asText()).isEqualTo("photo.jpg");
        assertThat(stored(id)).isEqualTo(before);

        // no event part
        ResponseEntity<JsonNode> missing = post(vendor, id, new Parts().file("x.pdf", new ByteArrayResource(TestFiles.pdf("x"))));
        assertThat(missing.getStatusCode().value()).isEqualTo(422);
        assertThat(stored(id)).isEqualTo(before);

        // and a good one goes through afterwards
        assertThat(postEvent(vendor, id, tender(), "ok.pdf", new ByteArrayResource(TestFiles.pdf("ok"))).getStatusCode().value())
                .isEqualTo(201);
        assertThat(stored(id).documents()).isEqualTo(before.documents() + 1);
    }

    // ---- the contract export names the documents by hash -----------------------------------------------------

    @Test
    void theExportListsEachEventsDocumentsByHashAndARegisteredExportFindsThemAgain() throws Exception {
        String id = register("P-EXP-1");
        byte[] pdf = TestFiles.pdf("System test report for the export");
        String sha = TestFiles.sha256(pdf);
        assertThat(postEvent(vendorToken("v-P-EXP-1"), id, tender(), "系統測試報告書.pdf", new ByteArrayResource(pdf))
                .getStatusCode().value()).isEqualTo(201);

        String json = api().get().uri("/api/contracts/{id}/export?format=json", id).retrieve().body(String.class);
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).at("/events/0/documents/0");
        assertThat(doc.get("sha256").asText()).isEqualTo(sha);
        assertThat(doc.get("name").asText()).isEqualTo("系統測試報告書.pdf");
        assertThat(doc.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(doc.get("contentType").asText()).isEqualTo("application/pdf");
        String yaml = api().get().uri("/api/contracts/{id}/export", id).retrieve().body(String.class);
        assertThat(yaml).contains("sha256: \"" + sha + "\"");

        // registered again (here under another number): the event gets the same document, found by its hash
        long contents = count("select count(*) from document_content");
        ResponseEntity<JsonNode> again = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml.replace("number: \"P-EXP-1\"", "number: \"P-EXP-1-COPY\"")).retrieve().toEntity(JsonNode.class);
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
        assertThat(again.getBody().get("warnings")).isEmpty();
        String copy = again.getBody().get("id").asText();
        JsonNode listed = api().get().uri("/api/contracts/{id}/documents", copy).retrieve().body(JsonNode.class);
        assertThat(listed).hasSize(1);
        assertThat(listed.at("/0/sha256").asText()).isEqualTo(sha);
        assertThat(listed.at("/0/eventId").asText())
                .isEqualTo(api().get().uri("/api/contracts/{id}", copy).retrieve().body(JsonNode.class).at("/log/0/id").asText());
        byte[] bytes = api().get().uri("/api/contracts/{id}/documents/{h}", copy, sha).retrieve().body(byte[].class);
        assertThat(TestFiles.sha256(bytes)).isEqualTo(sha);
        assertThat(count("select count(*) from document_content")).as("the bytes are shared, not copied").isEqualTo(contents);
        // and its export is the same, documents and all
        assertThat(api().get().uri("/api/contracts/{id}/export", copy).retrieve().body(String.class))
                .isEqualTo(yaml.replace("number: \"P-EXP-1\"", "number: \"P-EXP-1-COPY\""));

        // a document this server does not have: registered without it, and told so
        String unknown = "0123456789abcdef".repeat(4);
        ResponseEntity<JsonNode> without = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml.replace("number: \"P-EXP-1\"", "number: \"P-EXP-1-ELSEWHERE\"").replace(sha, unknown))
                .retrieve().toEntity(JsonNode.class);
        assertThat(without.getStatusCode().value()).as("%s", without.getBody()).isEqualTo(201);
        assertThat(without.getBody().at("/warnings/0/path").asText()).isEqualTo("events[0].documents[0]");
        assertThat(without.getBody().at("/warnings/0/message").asText()).contains(unknown).contains("left out");
        assertThat(count("select count(*) from document where contract_id = ?", UUID.fromString(without.getBody().get("id").asText())))
                .isZero();

        // a reference that is no SHA-256: refused at its field, nothing registered
        ResponseEntity<JsonNode> bad = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml.replace("number: \"P-EXP-1\"", "number: \"P-EXP-1-BAD\"").replace(sha, "not-a-hash"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(bad.getBody().toString()).contains("events[0].documents[0].sha256");
        assertThat(count("select count(*) from contract where number = ?", "P-EXP-1-BAD")).isZero();
        // a single event names no documents: they come as files
        ResponseEntity<JsonNode> inEvent = api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"" + today() + "\",\"type\":\"TENDERED\",\"milestone\":\"M\",\"documents\":[]}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(inEvent.getStatusCode().value()).isEqualTo(422);
        assertThat(inEvent.getBody().toString()).contains("event.documents");
    }

    // ---- one vendor never sees another's anything ------------------------------------------------------------

    /** A contract of vendor v-{number} with a failed inspection (its record) and a delivery of the buyer. */
    private String registerWithRecordAndDelivery(String number) {
        String file = """
                format: 1
                contract:
                  number: "%s"
                  vendor: { id: "v-%s", name: "Vendor" }
                  signedOn: 2019-01-01
                  items: [ { code: A, name: "item A", amount: 1000000 } ]
                terms: { penalty: { ratePerMille: 1 } }
                milestones:
                  - id: M
                    items: [A]
                    due: { days: 30, from: SIGNED }
                    checklist: [ { id: W, kind: MEASURE, nominal: 600, tolerance: 10, unit: mm } ]
                buyerDuties: [ { id: DOCS, name: "API文件", due: { days: 10, from: SIGNED } } ]
                events:
                  - { date: 2019-01-05, type: DELIVERED, duty: DOCS }
                  - { date: 2019-01-10, type: TENDERED, milestone: M }
                  - { date: 2019-01-15, type: INSPECTION_FAILED, milestone: M, cureBy: 2019-01-25, results: [ { item: W, value: 612 } ] }
                """.formatted(number, number);
        return api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().body(JsonNode.class).get("id").asText();
    }

    /** The id of the contract's entry of a type. */
    private String entry(String id, String type) {
        for (JsonNode e : api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log"))
            if (e.get("type").asText().equals(type)) return e.get("id").asText();
        throw new AssertionError("no " + type + " in " + id);
    }

    @Test
    void anotherVendorsContractEventAndDocumentAre404OnEveryUrl() throws Exception {
        String a = registerWithRecordAndDelivery("P-IDOR-A");
        String b = registerWithRecordAndDelivery("P-IDOR-B");
        String recordB = entry(b, "INSPECTION_FAILED");
        String deliveryB = entry(b, "DELIVERED");
        String tokenA = vendorToken("v-P-IDOR-A");
        String tokenB = vendorToken("v-P-IDOR-B");
        byte[] pdfB = TestFiles.pdf("vendor B's report");
        String shaB = TestFiles.sha256(pdfB);
        ResponseEntity<JsonNode> createdB = postEvent(tokenB, b, tender(), "b.pdf", new ByteArrayResource(pdfB));
        assertThat(createdB.getStatusCode().value()).isEqualTo(201);
        Stored beforeB = stored(b);

        // the API
        assertThat(api(tokenA).get().uri("/api/contracts/{id}/documents", b).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api(tokenA).get().uri("/api/contracts/{id}/documents/{h}", b, shaB).retrieve().toEntity(byte[].class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api(tokenA).get().uri("/api/contracts/{id}/documents/{h}", a, shaB).retrieve().toEntity(byte[].class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postEvent(tokenA, b, tender(), "a.pdf", new ByteArrayResource(TestFiles.pdf("A into B")))
                .getStatusCode().value()).isEqualTo(404);
        // the inspection record (JSON and PDF), the acknowledgement, the export: B's ids, alone or under A's contract
        for (String uri : List.of("/api/contracts/" + b, "/api/contracts/" + b + "/export",
                "/api/contracts/" + b + "/inspections/" + recordB, "/api/contracts/" + b + "/inspections/" + recordB + ".pdf",
                "/api/contracts/" + a + "/inspections/" + recordB, "/api/contracts/" + a + "/inspections/" + recordB + ".pdf",
                "/api/contracts/" + b + "/statement", "/api/contracts/" + b + "/documents"))
            assertThat(api(tokenA).get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value()).as(uri).isEqualTo(404);
        for (String uri : List.of("/api/contracts/" + b + "/deliveries/" + deliveryB + "/acknowledgement",
                "/api/contracts/" + a + "/deliveries/" + deliveryB + "/acknowledgement"))
            assertThat(api(tokenA).post().uri(uri).retrieve().toBodilessEntity().getStatusCode().value()).as(uri).isEqualTo(404);
        assertThat(stored(b)).isEqualTo(beforeB);

        // the portal
        UserDetails vendorA = vendorUser("chen-a", "v-P-IDOR-A");
        MvcResult home = mvc.perform(get("/portal").with(user(vendorA))).andExpect(status().isOk()).andReturn();
        String page = home.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("P-IDOR-A").doesNotContain("P-IDOR-B");
        mvc.perform(get("/portal/contracts/{id}", b).with(user(vendorA))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/contracts/{id}/documents/{h}", b, shaB).with(user(vendorA))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/contracts/{id}/documents/{h}", a, shaB).with(user(vendorA))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/contracts/{id}", "not-an-id").with(user(vendorA))).andExpect(status().isNotFound());
        mvc.perform(multipart("/portal/contracts/{id}/tender", b).file(new MockMultipartFile("files", "a.pdf", "application/pdf",
                        TestFiles.pdf("A into B"))).param("milestone", "M").param("kind", "REPORT").param("seq", "1")
                .with(csrf()).with(user(vendorA))).andExpect(status().isNotFound());
        for (String uri : List.of("/portal/contracts/" + b + "/inspections/" + recordB + ".pdf",
                "/portal/contracts/" + a + "/inspections/" + recordB + ".pdf", "/portal/contracts/" + a + "/inspections/x.pdf",
                "/portal/contracts/" + b + "/tender", "/portal/contracts/" + b + "/deliveries/" + deliveryB + "/acknowledge"))
            mvc.perform(get(uri).with(user(vendorA))).andExpect(status().isNotFound());
        for (String uri : List.of("/portal/contracts/" + b + "/deliveries/" + deliveryB + "/acknowledge",
                "/portal/contracts/" + a + "/deliveries/" + deliveryB + "/acknowledge"))
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(uri).with(csrf()).with(user(vendorA)))
                    .andExpect(status().isNotFound());
        assertThat(stored(b)).isEqualTo(beforeB);
        // B's own record and acknowledgement are B's
        UserDetails vendorB = vendorUser("chen-b", "v-P-IDOR-B");
        mvc.perform(get("/portal/contracts/{id}/inspections/{e}.pdf", b, recordB).with(user(vendorB))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/portal/contracts/{id}/deliveries/{e}/acknowledge", b, deliveryB).with(csrf()).with(user(vendorB)))
                .andExpect(status().is3xxRedirection());
        // a second time: answered on the page, nothing stored
        Stored acknowledged = stored(b);
        String twice = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/portal/contracts/{id}/deliveries/{e}/acknowledge", b, deliveryB).with(csrf()).with(user(vendorB))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(twice).contains("acknowledged already");
        assertThat(stored(b)).isEqualTo(acknowledged);
        // the desk's record PDF is for staff
        mvc.perform(get("/contracts/{id}/inspections/{e}.pdf", b, recordB).with(user(vendorA))).andExpect(status().isForbidden());
        mvc.perform(get("/contracts/{id}/inspections/{e}.pdf", b, recordB).with(user(officer()))).andExpect(status().isOk());
        // the event of B is not among A's notifications either
        mvc.perform(get("/notifications").with(user(vendorA))).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/portal").with(user(vendorA))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("P-IDOR-B");

        // staff have the desk, not the portal; vendor B's own document is B's to download
        mvc.perform(get("/portal").with(user(officer()))).andExpect(status().isForbidden());
        mvc.perform(get("/portal/contracts/{id}", b).with(user(officer()))).andExpect(status().isForbidden());
        mvc.perform(get("/portal/contracts/{id}/documents/{h}", b, shaB).with(user(vendorUser("chen-b", "v-P-IDOR-B"))))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/contracts/{id}/documents/{h}", b, shaB).with(user(officer()))).andExpect(status().isOk());
        mvc.perform(get("/contracts/{id}/documents/{h}", b, shaB).with(user(vendorA))).andExpect(status().isForbidden());
    }

    // ---- the portal's day ------------------------------------------------------------------------------------

    @Test
    void aVendorTendersInThePortalSeesTheFailedInspectionWithItsCureDateAndTheBuyersDelivery() throws Exception {
        String id = register("P-FLOW-1");
        UserDetails vendor = vendorUser("chen-flow", "v-P-FLOW-1");
        String page = mvc.perform(get("/portal/contracts/{id}", id).with(user(vendor)).header("Accept-Language", "zh-TW"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("P-FLOW-1").contains("送出通知或報告");
        // the milestone was due 2019-01-31: 108年1月31日
        assertThat(page).contains("108年1月31日");

        // a test report without a file is refused next to the field, the note kept
        String refused = mvc.perform(multipart("/portal/contracts/{id}/tender", id).param("milestone", "M").param("kind", "REPORT")
                        .param("note", "第二次測試").param("seq", "0").with(csrf()).with(user(vendor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("測試報告請附上檔案").contains("value=\"第二次測試\"");
        assertThat(stored(id).events()).isZero();

        byte[] pdf = TestFiles.pdf("System test report");
        mvc.perform(multipart("/portal/contracts/{id}/tender", id)
                        .file(new MockMultipartFile("files", "系統測試報告書.pdf", "application/pdf", pdf))
                        .param("milestone", "M").param("kind", "REPORT").param("note", "第一次").param("seq", "0")
                        .with(csrf()).with(user(vendor)))
                .andExpect(status().is3xxRedirection());
        JsonNode log = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("type").asText()).isEqualTo("TENDERED");
        assertThat(log.get(0).get("date").asText()).isEqualTo(today());

        // the officer records the failed inspection with a cure date, and delivers the review table with it
        LocalDate cureBy = LocalDate.now(ZoneId.of("Asia/Taipei")).plusDays(10);
        byte[] review = "審查表: item 3 failed\n".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<JsonNode> failed = postEvent(TOKEN, id, "{\"date\":\"" + today() + "\",\"type\":\"INSPECTION_FAILED\","
                + "\"milestone\":\"M\",\"items\":[\"A\"],\"cureBy\":\"" + cureBy + "\"}", "審查表.txt", new ByteArrayResource(review));
        assertThat(failed.getStatusCode().value()).as(String.valueOf(failed.getBody())).isEqualTo(201);

        String after = mvc.perform(get("/portal/contracts/{id}", id).with(user(vendor)).header("Accept-Language", "zh-TW"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String rocCure = (cureBy.getYear() - 1911) + "年" + cureBy.getMonthValue() + "月" + cureBy.getDayOfMonth() + "日";
        assertThat(after).contains("改善期限：" + rocCure);
        assertThat(after).contains(TestFiles.sha256(pdf)).contains(TestFiles.sha256(review)).contains("系統測試報告書.pdf");
        // the notification, in the app and by e-mail to the vendor's address
        assertThat(after).contains("請於 " + rocCure + " 前改善並重新送驗");
        mvc.perform(get("/portal").with(user(vendor))).andExpect(status().isOk());
        // the officer sees the report with its hash on the desk's contract page
        String desk = mvc.perform(get("/contracts/{id}", id).with(user(officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains(TestFiles.sha256(pdf));
    }

    @Test
    void theVendorsMailGoesToItsAddressInBothLanguages() throws Exception {
        String id = register("PA");   // vendor v-PA has an address (yanshou.notification.mail.vendors)
        LocalDate cureBy = LocalDate.now(ZoneId.of("Asia/Taipei")).plusDays(7);
        assertThat(postEvent(vendorToken("v-PA"), id, tender(), "r.pdf", new ByteArrayResource(TestFiles.pdf("r")))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"" + today() + "\",\"type\":\"INSPECTION_FAILED\",\"milestone\":\"M\",\"cureBy\":\"" + cureBy + "\"}")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(201);
        await("the vendor's mail", () -> mailTo("sales@vendor-a.test").stream()
                .anyMatch(m -> body(m).contains("cure and tender again by " + cureBy)));
        MimeMessage m = mailTo("sales@vendor-a.test").stream().filter(x -> body(x).contains("cure")).findFirst().orElseThrow();
        assertThat(body(m)).contains("驗收不合格").contains("Contract PA: milestone M failed inspection");
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (IOException | jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void anSmtpServerThatIsDownNeitherFailsNorHoldsUpTheEventAndTheMailIsSentLater() throws Exception {
        String id = register("P-DOWN-1");
        smtp.stop();
        try {
            long started = System.nanoTime();
            ResponseEntity<JsonNode> recorded = postEvent(vendorToken("v-P-DOWN-1"), id, tender(), "r.pdf",
                    new ByteArrayResource(TestFiles.pdf("while the mail server is down")));
            assertThat(recorded.getStatusCode().value()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(stored(id).events()).isEqualTo(1);
            await("a failed attempt", () -> count("select count(*) from mail_outbox o join notification n on n.id = o.notification_id "
                    + "where n.contract_id = ? and o.attempts > 0 and o.sent_at is null and o.last_error is not null",
                    UUID.fromString(id)) > 0);
        } finally {
            smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        await("every mail of P-DOWN-1 sent", () -> count("select count(*) from mail_outbox o join notification n on "
                + "n.id = o.notification_id where n.contract_id = ? and o.sent_at is null", UUID.fromString(id)) == 0);
        assertThat(mailTo("desk@office.test").stream().filter(m -> subject(m).contains("P-DOWN-1"))).isNotEmpty();
        // it took more than one attempt
        assertThat(count("select max(attempts) from mail_outbox o join notification n on n.id = o.notification_id "
                + "where n.contract_id = ?", UUID.fromString(id))).isGreaterThan(1);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
