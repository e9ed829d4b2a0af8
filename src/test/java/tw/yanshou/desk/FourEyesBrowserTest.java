package tw.yanshou.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tw.yanshou.api.TestContracts;
import tw.yanshou.web.BrowserTestSupport;

/**
 * Four eyes in Chromium: officer A (who is a supervisor too) proposes a termination on the contract page; the page
 * says it waits for approval and the contract stays open; A cannot approve it on the approvals page (the message next
 * to the button); supervisor B approves it; the contract page shows it terminated. axe-core on each page, in zh-TW and
 * English. Screenshots in target/screenshots.
 */
class FourEyesBrowserTest extends BrowserTestSupport {
    static final Path SHOTS = Path.of("target", "screenshots");
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private void user(String username, String password, List<String> roles) {
        org.assertj.core.api.Assertions.assertThat(api().post().uri("/api/users").body(Map.of("username", username,
                "password", password, "roles", roles)).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    private Page signIn(BrowserContext context, String username, String password, String start) {
        return signIn(context, username, password, start, totp(username));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void anOfficersTerminationTakesEffectOnceAnotherSupervisorApprovesIt() {
        String a = "officer-a-" + suffix;
        String b = "supervisor-b-" + suffix;
        user(a, "officer a passphrase", List.of("OFFICER", "SUPERVISOR"));
        user(b, "supervisor b passphrase", List.of("SUPERVISOR"));
        String number = "T-4EYES-UI-" + suffix;
        ResponseEntity<JsonNode> registered = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(TestContracts.small(number, null, null)).retrieve().toEntity(JsonNode.class);
        String id = registered.getBody().get("id").asText();

        try (BrowserContext officer = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW"));
             BrowserContext supervisor = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = signIn(officer, a, "officer a passphrase", "/contracts/" + id);
            assertThat(page.locator("h1")).containsText(number);
            Locator form = page.locator("#record-TERMINATED");
            form.locator("summary").click();
            assertThat(form).containsText("須經另一位主管核准後才生效");
            form.locator("input[name=date]").fill("108/03/01");
            form.locator("input[name=ground]").fill("VENDOR_DEFAULT");
            form.locator("input[name=note]").fill("逾期未履約，依約解除");
            form.locator("button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/contracts/" + id + "\\?proposed=TERMINATED#approvals$"));
            assertThat(page.locator("[role=status]")).hasText("已提出，待主管核准後生效。");
            assertThat(page.locator("[data-testid=pending-approval]")).containsText("解除契約（108年3月1日），" + a + " 提出");
            assertThat(page.locator("h1 + p .badge")).hasText("履約中");
            axe(page);
            shot(page, "four-eyes-proposed");

            // A is a supervisor too, but not of their own proposal: the message next to the button
            page.navigate(url("/approvals"));
            Locator mine = page.locator("[data-testid=approval]", new Page.LocatorOptions().setHasText(number));
            assertThat(mine.locator("[id$=-decision-own]")).containsText("這是您自己提出的決定");
            assertThat(mine.locator("[data-testid=ground]")).hasText("可歸責於廠商之事由 (VENDOR_DEFAULT)");
            mine.locator("button[value=APPROVE]").click();
            Locator refused = page.locator("[data-testid=approval]", new Page.LocatorOptions().setHasText(number)).locator(".field-errors");
            assertThat(refused).hasText("您不能核准或駁回自己提出的決定，須由另一位主管為之（四眼原則）。");
            axe(page);
            shot(page, "four-eyes-own-refused");

            Page approvals = signIn(supervisor, b, "supervisor b passphrase", "/approvals");
            assertThat(approvals.locator("h1")).hasText("Decisions waiting for approval");
            Locator card = approvals.locator("[data-testid=approval]", new Page.LocatorOptions().setHasText(number));
            assertThat(card).containsText("Proposed by");
            assertThat(card).containsText(a);
            assertThat(card).containsText("逾期未履約，依約解除");
            assertThat(card.locator("[data-testid=ground]")).hasText("the vendor’s default (VENDOR_DEFAULT)");
            axe(approvals);
            shot(approvals, "four-eyes-approvals");
            card.locator("input[name=reason]").fill("Per clause 21");
            card.locator("button[value=APPROVE]").click();
            assertThat(approvals.locator("[role=status]")).hasText("The decision on contract " + number + " was approved and has taken effect.");
            assertThat(approvals.locator("[data-testid=approval]", new Page.LocatorOptions().setHasText(number))).hasCount(0);

            page.navigate(url("/contracts/" + id));
            assertThat(page.locator("h1 + p .badge")).hasText("已解除");
            assertThat(page.locator("main")).containsText("於 108年3月1日 解除");
            assertThat(page.locator("[data-testid=pending-approval]")).hasCount(0);
            assertThat(page.locator("table.log tbody tr")).containsText("解除契約");
            axe(page);
            shot(page, "four-eyes-terminated");
        }
    }
}
