package tw.yanshou.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    protected RestClient api() { return api(TOKEN); }

    protected RestClient api(String token) {
        RestClient.Builder b = builder.clone().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> { });
        if (token != null) b = b.defaultHeader("Authorization", "Bearer " + token);
        return b.build();
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
