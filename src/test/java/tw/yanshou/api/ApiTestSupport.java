package tw.yanshou.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A running server on the embedded PostgreSQL, called over HTTP with the bootstrap administrator token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {
    public static final String TOKEN = "test-bootstrap-token-0123456789abcdef-0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    private RestClient.Builder builder;

    @Autowired
    private tw.yanshou.security.SecondFactors secondFactors;

    @Autowired
    private org.camunda.bpm.engine.ProcessEngine processEngine;

    /**
     * This server's engine as the JVM's {@code default}: Camunda's REST API (/engine-rest, the webapps) looks its engine
     * up by name in a static registry, where the engine of the application context started last wins; the test
     * contexts Spring keeps cached each have one named {@code default}, so a test on a context started earlier would
     * talk to another context's engine (and database).
     */
    @org.junit.jupiter.api.BeforeEach
    void thisServersEngineIsTheDefault() {
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(processEngine);
    }

    /** The user's authenticator app, enrolled once per server ({@link tw.yanshou.security.TestMfa}): its Base32 key. */
    protected String totp(String username) { return tw.yanshou.security.TestMfa.enrol(secondFactors, username); }

    protected RestClient api() { return api(TOKEN); }

    protected RestClient api(String token) {
        RestClient.Builder b = builder.clone().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> { });
        if (token != null) b = b.defaultHeader("Authorization", "Bearer " + token);
        return b.build();
    }

    private String supervisorToken;

    /** A supervisor's token (roles SUPERVISOR, user {@code supervisor-<n>}), issued once per test by the administrator. */
    protected String supervisorToken() {
        if (supervisorToken == null) {
            String name = "supervisor-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            ResponseEntity<JsonNode> issued = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"" + name + "\",\"username\":\"" + name + "\",\"roles\":[\"SUPERVISOR\"]}")
                    .retrieve().toEntity(JsonNode.class);
            if (issued.getStatusCode().value() != 201) throw new AssertionError("supervisor token: " + issued.getBody());
            supervisorToken = issued.getBody().get("token").asText();
        }
        return supervisorToken;
    }

    /**
     * Four eyes: a proposal answered 202 (a termination) approved by a supervisor who is not the proposer; the
     * decision's answer (status APPROVED, the recorded event's id).
     */
    protected JsonNode approved(ResponseEntity<JsonNode> proposed) {
        if (proposed.getStatusCode().value() != 202) throw new AssertionError("not a proposal: " + proposed.getBody());
        ResponseEntity<JsonNode> r = api(supervisorToken()).post()
                .uri("/api/approvals/{id}/decision", proposed.getBody().get("approval").asText())
                .contentType(MediaType.APPLICATION_JSON).body("{\"decision\":\"APPROVE\"}").retrieve().toEntity(JsonNode.class);
        if (r.getStatusCode().value() != 200) throw new AssertionError("approve: " + r.getBody());
        return r.getBody();
    }

    /**
     * A statement without the head of the event log it came from: two contracts with the same history have the same
     * statement, but their logs (and so their heads) are their own.
     */
    public static JsonNode withoutLogHead(JsonNode statement) {
        return ((ObjectNode) statement.deepCopy()).without("eventLog");
    }

    public static String resource(String path) {
        try (InputStream in = ApiTestSupport.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
