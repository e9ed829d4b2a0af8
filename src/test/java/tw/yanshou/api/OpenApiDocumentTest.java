package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells integrators how the API refuses: every operation lists its 4xx problem answers. It and
 * Swagger UI are for staff only (a session or a bearer token); {@code yanshou.api-docs.public} opens them
 * ({@code tw.yanshou.web.OperatorSettingsTest}).
 */
class OpenApiDocumentTest extends ApiTestSupport {

    @Test
    void onlyStaffReadTheDocumentAndSwaggerUi() {
        assertThat(api(null).get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        assertThat(api(null).get().uri("/swagger-ui/index.html").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        // a browser goes to the sign-in page
        var browser = new tw.yanshou.security.FormSignIn(port).getWith("/swagger-ui/index.html", "Accept",
                "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/login");
        // staff by token (the bootstrap administrator's here) and by session
        assertThat(api().get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(api().get().uri("/swagger-ui/index.html").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(api().post().uri("/api/users").body(Map.of("username", "docs-officer", "password", "officer-passphrase-docs",
                "roles", List.of("OFFICER"))).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        assertThat(api().post().uri("/api/users").body(Map.of("username", "docs-vendor", "password", "vendor-passphrase-docs",
                "roles", List.of("VENDOR"), "vendorId", "v-docs")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        var officer = signIn("docs-officer", "officer-passphrase-docs");
        assertThat(officer.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(officer.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        // a vendor, signed in or with its token: refused
        var vendor = signIn("docs-vendor", "vendor-passphrase-docs");
        assertThat(vendor.get("/v3/api-docs").statusCode()).isEqualTo(403);
        assertThat(vendor.get("/swagger-ui/index.html").statusCode()).isEqualTo(403);
        String vendorToken = api().post().uri("/api/tokens").body(Map.of("name", "docs-vendor-token", "roles", List.of("VENDOR"),
                "vendorId", "v-docs")).retrieve().body(JsonNode.class).get("token").asText();
        assertThat(api(vendorToken).get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }

    /** The one way this class signs in (the coordinator switches it to the MFA flow). */
    private tw.yanshou.security.FormSignIn signIn(String user, String password) {
        var browser = new tw.yanshou.security.FormSignIn(port);
        assertThat(browser.signIn(user, password, totp(user)).location()).doesNotContain("error").doesNotContain("/login");
        return browser;
    }

    @Test
    void everyOperationDocumentsItsRefusalsAsProblemBodies() {
        JsonNode doc = api().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties())
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                operations++;
                JsonNode responses = op.getValue().get("responses");
                boolean problem4xx = false;
                for (Map.Entry<String, JsonNode> r : responses.properties())
                    if (r.getKey().startsWith("4") && r.getValue().at("/content/application~1problem+json/schema/$ref")
                            .asText().equals("#/components/schemas/Problem")) problem4xx = true;
                if (!problem4xx) undocumented.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        assertThat(operations).isGreaterThan(10);
        assertThat(undocumented).as("operations without a documented 4xx problem answer").isEmpty();
        assertThat(doc.at("/components/schemas/Problem/properties/violations/items/properties/path")).isNotEmpty();
        assertThat(doc.at("/paths/~1api~1contracts/post/responses/422")).isNotEmpty();
        assertThat(doc.at("/paths/~1api~1contracts/post/responses/413")).isNotEmpty();
    }

    @Test
    void theDocumentHasALicenseAndNamesNoLocalhost() {
        JsonNode doc = api().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        assertThat(doc.at("/info/license/name").asText()).isNotBlank();
        assertThat(doc.get("servers").toString()).doesNotContain("localhost");
    }
}
