package tw.yanshou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.api.TestContracts;
import tw.yanshou.security.FormSignIn;

/**
 * The security headers on every answer: each GET route the application maps (found in Spring MVC's mappings, so a
 * new page is covered the day it is added) called as the one it is for (an administrator's session, a vendor's, a
 * bearer token for the API) and anonymously; the Camunda webapps (their own policy, our other headers); the error
 * pages (403, 404, the API's problem bodies, and Tomcat's own refusal written by {@link ProblemErrorReportValve});
 * HSTS only over TLS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest extends ApiTestSupport {
    static final String OUR_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String contract;
    String vendorContract;
    FormSignIn admin;
    FormSignIn vendor;

    @BeforeAll
    void contractsAndSessions() {
        contract = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(resource("/contracts/ilocker-107.yaml").replace("107-ILOCKER-30\"", "107-ILOCKER-30-HDR\""))
                .retrieve().body(JsonNode.class).get("id").asText();
        vendorContract = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(TestContracts.small("HDR-1", null, null)).retrieve().body(JsonNode.class).get("id").asText();
        assertThat(api().post().uri("/api/users").body(Map.of("username", "hdr-vendor", "password", "vendor-passphrase-hdr",
                "roles", List.of("VENDOR"), "vendorId", "v-HDR-1")).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(201);
        admin = signIn("test-admin", "test-admin-passphrase");
        vendor = signIn("hdr-vendor", "vendor-passphrase-hdr");
    }

    /** The one way this class signs in (the coordinator switches it to the MFA flow). */
    private FormSignIn signIn(String user, String password) {
        FormSignIn browser = new FormSignIn(port);
        assertThat(browser.signIn(user, password, totp(user)).location()).doesNotContain("error").doesNotContain("/login");
        return browser;
    }

    /** Every GET route's pattern, with its variables filled in. */
    private List<String> getRoutes() {
        TreeSet<String> paths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) return;
            for (String p : info.getPatternValues()) paths.add(fill(p));
        });
        return new ArrayList<>(paths);
    }

    private String fill(String pattern) {
        String id = pattern.startsWith("/portal") ? vendorContract : contract;
        return pattern.replace("{id}", id).replace("{sha256}", "0".repeat(64)).replace("{eventId}", UUID.randomUUID().toString())
                .replace("{handle}", "0000000000000000").replace("{username}", "test-admin").replace("{calendar}", "2024")
                .replaceAll("\\{[^}]+}", "x");
    }

    private static void ours(String what, HttpHeaders h, String policy) {
        assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValue(policy);
        others(what, h);
    }

    /** What every answer carries besides its policy; no HSTS over plain HTTP. */
    private static void others(String what, HttpHeaders h) {
        assertThat(h.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(h.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
        assertThat(h.firstValue("Permissions-Policy")).as(what).hasValueSatisfying(p -> assertThat(p)
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()",
                        "publickey-credentials-get=(self)", "publickey-credentials-create=(self)"));
        assertThat(h.firstValue("Cross-Origin-Opener-Policy")).as(what).hasValue("same-origin");
        assertThat(h.firstValue("Strict-Transport-Security")).as(what).isEmpty();
    }

    private static String policyOf(String path) {
        return path.startsWith("/swagger-ui/")
                ? OUR_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") : OUR_POLICY;
    }

    @Test
    void everyRouteAnswersWithTheHeadersSignedInAndAnonymously() {
        List<String> routes = getRoutes();
        // the desk, portal, administration, account, statement, notifications, documents, the API, the API docs
        assertThat(routes).contains("/", "/login", "/account", "/admin/users", "/admin/sign-ins", "/portal",
                "/contracts/" + contract + "/statement", "/notifications", "/api/contracts", "/v3/api-docs");
        FormSignIn anonymous = new FormSignIn(port);
        List<String> answered = new ArrayList<>();
        for (String path : routes) {
            HttpResponse<String> r;
            if (path.startsWith("/api/")) {
                r = anonymous.getWith(path, "Authorization", "Bearer " + TOKEN);
            } else {
                r = (path.startsWith("/portal") ? vendor : admin).get(path);
            }
            answered.add(r.statusCode() + " " + path);
            ours(path + " (" + r.statusCode() + ")", r.headers(), policyOf(path));
            HttpResponse<String> a = anonymous.get(path);
            ours(path + " anonymously (" + a.statusCode() + ")", a.headers(), policyOf(path));
        }
        // the routes really answered (not all redirects to the sign-in page)
        assertThat(answered).contains("200 /", "200 /account", "200 /admin/sign-ins", "200 /portal",
                "200 /contracts/" + contract + "/statement", "200 /api/contracts", "200 /v3/api-docs");
    }

    @Test
    void theSwaggerUiAndStaticFilesCarryThemToo() {
        HttpResponse<String> ui = admin.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        ours("swagger ui", ui.headers(), policyOf("/swagger-ui/index.html"));
        HttpResponse<String> css = admin.get("/css/desk.css");
        assertThat(css.statusCode()).isEqualTo(200);
        ours("css", css.headers(), OUR_POLICY);
    }

    @Test
    void theCamundaWebappsHaveTheirOwnPolicyAndOurOtherHeaders() {
        for (String path : List.of("/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/",
                "/camunda/app/admin/default/", "/camunda/api/admin/auth/user/default")) {
            HttpResponse<String> r = admin.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).matches("base-uri 'self'; default-src 'self'; script-src 'nonce-[A-Za-z0-9_-]+' "
                    + "'strict-dynamic' 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'; sandbox allow-forms allow-scripts allow-same-origin "
                    + "allow-popups allow-downloads");
            assertThat(r.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
            others(path, r.headers());
        }
        // a fresh nonce on every answer
        assertThat(admin.get("/camunda/app/cockpit/default/").headers().firstValue("Content-Security-Policy"))
                .isNotEqualTo(admin.get("/camunda/app/cockpit/default/").headers().firstValue("Content-Security-Policy"));
        // not signed in: the redirect to the sign-in page carries them too
        HttpResponse<String> anonymous = new FormSignIn(port).get("/camunda/app/cockpit/default/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        others("camunda anonymously", anonymous.headers());
    }

    @Test
    void errorPagesAndProblemBodiesCarryThem() throws IOException {
        HttpResponse<String> notFound = admin.get("/no-such-page");
        assertThat(notFound.statusCode()).isEqualTo(404);
        ours("404 page", notFound.headers(), OUR_POLICY);
        HttpResponse<String> forbidden = vendor.get("/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        ours("403 page", forbidden.headers(), OUR_POLICY);
        HttpResponse<String> problem = new FormSignIn(port).getWith("/api/contracts/" + UUID.randomUUID(), "Authorization",
                "Bearer " + TOKEN);
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        ours("404 problem", problem.headers(), OUR_POLICY);
        HttpResponse<String> unauthenticated = new FormSignIn(port).get("/api/contracts");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        ours("401 problem", unauthenticated.headers(), OUR_POLICY);
        HttpResponse<String> engine = new FormSignIn(port).get("/engine-rest/engine");
        assertThat(engine.statusCode()).isEqualTo(401);
        ours("engine-rest 401", engine.headers(), OUR_POLICY);

        // Tomcat's own refusal of a malformed URL, before any filter: the valve writes them
        String raw = raw("GET /contracts/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400").contains("application/problem+json");
        String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-security-policy: " + OUR_POLICY.toLowerCase(), "x-content-type-options: nosniff",
                "x-frame-options: deny", "referrer-policy: strict-origin-when-cross-origin",
                "permissions-policy: ", "cross-origin-opener-policy: same-origin").doesNotContain("strict-transport-security");
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverTls() {
        // from loopback, a trusted proxy (server.tomcat.remoteip.internal-proxies): its X-Forwarded-Proto counts
        HttpResponse<String> tls = admin.getWith("/", "X-Forwarded-Proto", "https");
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
        HttpResponse<String> plain = admin.get("/");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
