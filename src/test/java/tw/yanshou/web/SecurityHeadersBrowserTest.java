package tw.yanshou.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import tw.yanshou.api.TestContracts;

/**
 * Every main page under its Content-Security-Policy in Chromium: the console reports no violation (a refused inline
 * style or script, a blocked image, an unknown Permissions-Policy feature) and axe-core no serious or critical WCAG
 * 2.1 AA problem; the Camunda webapps (Cockpit, Tasklist, Admin) under their own policy load without a violation;
 * Swagger UI works under ours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersBrowserTest extends BrowserTestSupport {
    String courtCase;
    String open;

    @BeforeAll
    void contractsAndUsers() {
        String yaml = resource("/contracts/ilocker-107.yaml").replace("107-ILOCKER-30\"", "107-ILOCKER-30-CSP\"");
        JsonNode created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().body(JsonNode.class);
        courtCase = created.get("id").asText();
        // open, late and at its cap: the dashboard shows its meter (an SVG bar, no inline style)
        open = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(TestContracts.small("CSP-OPEN-1", null, null)).retrieve().body(JsonNode.class).get("id").asText();
        assertThat(api().post().uri("/api/users").body(Map.of("username", "csp-vendor", "password", "vendor-passphrase-csp",
                "roles", List.of("VENDOR"), "vendorId", "v-CSP-OPEN-1")).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(201);
    }

    /** The one way this class signs in: the password, then the user's authenticator app. */
    private Page signIn(BrowserContext context, String user, String password) {
        Page page = signIn(context, user, password, "/", totp(user));
        page.waitForURL(Pattern.compile(".*/(portal)?(\\?continue)?$"));
        return page;
    }

    /** Console messages about a policy: what Chromium says when it refuses something under CSP or Permissions-Policy. */
    private static List<String> watch(Page page) {
        List<String> complaints = new ArrayList<>();
        page.onConsoleMessage(m -> {
            String t = m.text();
            if (t.contains("Content Security Policy") || t.contains("Content-Security-Policy")
                    || t.contains("Permissions-Policy") || t.contains("Permissions policy"))
                complaints.add(page.url() + ": " + t);
        });
        return complaints;
    }

    private void visit(Page page, String path, List<String> complaints, boolean axe) {
        Response r = page.navigate(url(path));
        assertThat(r.status()).as(path).isLessThan(400);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertThat(r.headers().get("content-security-policy")).as(path).isNotBlank();
        assertThat(complaints).as("policy complaints on " + path).isEmpty();
        if (axe) axe(page);
    }

    @Test
    void theDesksPagesRunUnderTheirPolicyWithoutAViolation() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(1366, 900))) {
            Page page = signIn(context, "test-admin", "test-admin-passphrase");
            List<String> complaints = watch(page);
            visit(page, "/", complaints, true);
            assertThat(page.locator("svg.meter rect").first()).hasAttribute("width", "100");
            visit(page, "/contracts", complaints, true);
            visit(page, "/contracts/new", complaints, true);
            visit(page, "/contracts/" + courtCase, complaints, true);
            assertThat(page.locator("section#timeline svg[role='img']")).hasCount(1);
            visit(page, "/contracts/" + courtCase + "/statement?asOf=113/06/25", complaints, true);
            assertThat(page.locator("svg[role='img']").first()).isVisible();
            visit(page, "/tasks", complaints, true);
            visit(page, "/notifications", complaints, true);
            visit(page, "/admin/users", complaints, true);
            visit(page, "/admin/tokens", complaints, true);
            visit(page, "/admin/calendar", complaints, true);
            visit(page, "/admin/sign-ins", complaints, true);
            visit(page, "/account", complaints, true);
            // Swagger UI (for staff) renders the API under the same policy
            visit(page, "/swagger-ui/index.html", complaints, false);
            assertThat(page.locator(".opblock").first()).isVisible();
            assertThat(complaints).isEmpty();
        }
    }

    @Test
    void theVendorsPortalRunsUnderThePolicyWithoutAViolation() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW"))) {
            Page page = signIn(context, "csp-vendor", "vendor-passphrase-csp");
            List<String> complaints = watch(page);
            visit(page, "/portal", complaints, true);
            visit(page, "/portal/contracts/" + open, complaints, true);
            visit(page, "/account", complaints, true);
        }
    }

    @Test
    void theCamundaWebappsLoadUnderTheirOwnPolicyWithoutAViolation() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, "test-admin", "test-admin-passphrase");
            List<String> complaints = watch(page);
            for (String app : List.of("cockpit", "tasklist", "admin")) {
                Response r = page.navigate(url("/camunda/app/" + app + "/default/"));
                assertThat(r.status()).isEqualTo(200);
                // the webapps' own policy, with a fresh nonce: not ours
                assertThat(r.headers().get("content-security-policy")).contains("'nonce-").contains("'strict-dynamic'")
                        .doesNotContain("'unsafe-eval'");
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                assertThat(page).hasTitle(Pattern.compile(app, Pattern.CASE_INSENSITIVE));
                // the app rendered its navigation (its scripts ran)
                assertThat(page.locator(".navbar, header, [cam-widget-header]").first()).isVisible();
            }
            page.navigate(url("/camunda/app/cockpit/default/#/processes"));
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertThat(page.getByText("contract-acceptance").first()).isVisible();
            assertThat(complaints).as("policy complaints in the webapps").isEmpty();
        }
    }
}
