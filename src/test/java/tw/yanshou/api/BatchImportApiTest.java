package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/contracts:batch}: each file accepted or refused on its own (the good ones stored, the bad ones
 * not), streamed as NDJSON; a stream that cannot be split, or too many files, refused before anything is stored.
 */
class BatchImportApiTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Autowired JdbcClient jdbc;

    private ResponseEntity<String> batch(String body, String contentType, String key) {
        var request = api().post().uri("/api/contracts:batch").contentType(MediaType.parseMediaType(contentType));
        if (key != null) request = request.header("Idempotency-Key", key);
        return request.body(body).retrieve().toEntity(String.class);
    }

    private static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
        return lines;
    }

    private long stored(String prefix) {
        return jdbc.sql("select count(*) from contract where number like ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void aYamlStreamOfGoodAndBadFilesAnswersEachAndStoresTheGoodOnes() throws Exception {
        String p = "B-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String stream = String.join("---\n",
                TestContracts.small(p + "1", null, null),
                "format: 1\ncontract: [not closed\n",                                                    // does not read
                TestContracts.small(p + "3", null, "  - { date: 2999-01-01, type: TENDERED, milestone: M }"), // a future event
                TestContracts.small(p + "4", null, "  - { date: 2019-02-05, type: TENDERED, milestone: M }"),
                TestContracts.small(p + "1", null, null));                                               // the first again
        ResponseEntity<String> r = batch("---\n" + stream, "application/yaml", null);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(r.getBody());
        assertThat(lines).hasSize(7);   // started, five files, summary
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("started");
        assertThat(lines.get(0).get("items").asInt()).isEqualTo(5);   // the empty document before the first --- is none
        List<Integer> statuses = lines.subList(1, 6).stream().map(l -> l.get("status").asInt()).toList();
        assertThat(statuses).containsExactly(201, 400, 422, 201, 409);
        for (int i = 1; i <= 5; i++) assertThat(lines.get(i).get("index").asInt()).isEqualTo(i - 1);
        JsonNode first = lines.get(1);
        assertThat(first.get("number").asText()).isEqualTo(p + "1");
        assertThat(first.get("location").asText()).isEqualTo("/api/contracts/" + first.get("id").asText());
        assertThat(api().get().uri(first.get("location").asText()).retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(lines.get(2).get("number").isNull()).isTrue();
        assertThat(lines.get(2).get("violations").get(0).get("path").asText()).isEqualTo("$");
        JsonNode future = lines.get(3);
        assertThat(future.get("number").asText()).isEqualTo(p + "3");
        assertThat(future.get("violations").get(0).get("path").asText()).isEqualTo("events[0].date");
        assertThat(lines.get(5).get("violations").get(0).get("path").asText()).isEqualTo("contract.number");
        JsonNode summary = lines.get(6);
        assertThat(summary.get("kind").asText()).isEqualTo("summary");
        assertThat(summary.get("accepted").asInt()).isEqualTo(2);
        assertThat(summary.get("refused").asInt()).isEqualTo(3);
        assertThat(stored(p)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from contract where number = ?").param(p + "3").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CONTRACTS_BATCH_IMPORTED' "
                + "and detail ->> 'accepted' = '2' and detail ->> 'refused' = '3'").query(Long.class).single()).isPositive();
    }

    @Test
    void aJsonArrayIsReadElementByElement() throws Exception {
        String p = "BJ-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String good = toJson(TestContracts.small(p + "1", null, null));
        String body = "[" + good + ", {\"format\": 1, \"contract\": {\"number\": \"" + p + "2\"}}, 42]";
        List<JsonNode> lines = lines(batch(body, "application/json", null).getBody());
        assertThat(lines.get(0).get("items").asInt()).isEqualTo(3);
        assertThat(lines.subList(1, 4).stream().map(l -> l.get("status").asInt()).toList()).containsExactly(201, 422, 400);
        assertThat(lines.get(2).get("number").asText()).isEqualTo(p + "2");
        assertThat(stored(p)).isEqualTo(1);
    }

    @Test
    void aStreamThatCannotBeSplitIsOneProblemAndStoresNothing() throws Exception {
        String p = "BU-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String body = "[" + toJson(TestContracts.small(p + "1", null, null)) + ", {\"format\": ";   // broken off
        ResponseEntity<String> r = batch(body, "application/json", null);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.getBody());
        assertThat(problem.get("violations").get(0).get("path").asText()).isEqualTo("$");
        assertThat(problem.get("detail").asText()).contains("nothing was stored");
        assertThat(stored(p)).isZero();
        assertThat(batch("   \n# only a comment\n", "application/yaml", null).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void moreFilesThanTheLimitAreRefusedBeforeAnyIsStored() throws Exception {
        String p = "BL-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i <= 1000; i++) stream.append("---\n").append(TestContracts.small(p + i, null, null));   // 1,001 > 1,000
        long t0 = System.nanoTime();
        ResponseEntity<String> r = batch(stream.toString(), "application/yaml", null);
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(JSON.readTree(r.getBody()).get("detail").asText()).contains("at most 1000");
        assertThat(stored(p)).isZero();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);   // refused from a scan, not after 1,000 imports
    }

    @Test
    void aBatchSentAgainWithItsKeyGetsTheFirstAnswerAndCreatesNothing() {
        String p = "BK-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String stream = TestContracts.small(p + "1", null, null) + "---\n" + TestContracts.small(p + "2", null, null);
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = batch(stream, "application/yaml", key);
        ResponseEntity<String> again = batch(stream, "application/yaml", key);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(stored(p)).isEqualTo(2);
    }

    @Test
    void aVendorMayNotSendABatch() {
        JsonNode issued = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"vendor batch\",\"roles\":[\"VENDOR\"],\"vendorId\":\"v-batch\"}").retrieve().body(JsonNode.class);
        ResponseEntity<String> r = api(issued.get("token").asText()).post().uri("/api/contracts:batch")
                .contentType(MediaType.parseMediaType("application/yaml")).body(TestContracts.small("BV-1", null, null))
                .retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(403);
    }

    private static String toJson(String yaml) throws Exception {
        return JSON.writeValueAsString(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml));
    }

    @Test
    void oneFileOfManyAsAMultipartPartIsTheSameBatch() throws Exception {
        String p = "BM-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String stream = TestContracts.small(p + "1", null, null) + "---\n" + TestContracts.small(p + "2", null, null);
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(stream.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override public String getFilename() { return "contracts.yaml"; }
        });
        ResponseEntity<String> r = api().post().uri("/api/contracts:batch").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        List<JsonNode> lines = lines(r.getBody());
        assertThat(lines.get(lines.size() - 1).get("accepted").asInt()).isEqualTo(2);
        assertThat(stored(p)).isEqualTo(2);
    }

    @Test
    void aBatchOverItsSizeIsRefusedBeforeItIsRead() throws Exception {
        // 3 MB is over a single file's limit (2 MB) but within the batch's: accepted as a batch, the file refused alone
        String p = "BS-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String stream = TestContracts.small(p + "1", null, null) + "---\n" + "format: 1\n# " + "y".repeat(3 * 1024 * 1024) + "\n";
        List<JsonNode> lines = lines(batch(stream, "application/yaml", null).getBody());
        assertThat(lines.subList(1, 3).stream().map(l -> l.get("status").asInt()).toList()).containsExactly(201, 413);
        // 21 MB declared: over yanshou.limits.batch (20 MB), answered 413 without reading the body
        byte[] big = ("format: 1\ncontract:\n  title: \"" + "x".repeat(21 * 1024 * 1024) + "\"\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/contracts:batch"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/yaml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("too-large");
    }
}
