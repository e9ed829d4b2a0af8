package tw.yanshou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.security.FormSignIn;

/**
 * Two settings an operator may change, in one server: {@code yanshou.api-docs.public=true} opens Swagger UI and the
 * OpenAPI document to everyone; a reverse proxy elsewhere ({@code server.tomcat.remoteip.internal-proxies} not
 * matching loopback, where this test's requests come from) means that a client's own {@code X-Forwarded-Proto:
 * https} counts for nothing: no HSTS, no Secure cookie.
 */
@TestPropertySource(properties = {"yanshou.api-docs.public=true", "server.tomcat.remoteip.internal-proxies=10\\.99\\.99\\.99"})
class OperatorSettingsTest extends ApiTestSupport {

    @Test
    void theApiDocsOpenToEveryoneWithTheSetting() {
        FormSignIn anonymous = new FormSignIn(port);
        HttpResponse<String> doc = anonymous.get("/v3/api-docs");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"/api/contracts\"");
        assertThat(anonymous.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        // the rest stays closed
        assertThat(anonymous.get("/api/contracts").statusCode()).isEqualTo(401);
    }

    @Test
    void aForwardedProtoFromAnUntrustedAddressCountsForNothing() {
        HttpResponse<String> r = new FormSignIn(port).getWith("/login", "X-Forwarded-Proto", "https");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(r.headers().allValues("Set-Cookie")).isNotEmpty().noneMatch(c -> c.contains("Secure"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }
}
