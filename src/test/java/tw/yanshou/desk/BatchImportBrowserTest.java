package tw.yanshou.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tw.yanshou.api.TestContracts;
import tw.yanshou.web.BrowserTestSupport;

/**
 * The batch upload of the registration page in Chromium: the script reads the streamed answer, the progress bar
 * reaches the number of files, the status line (aria-live) says how it ended, the table links the registered
 * contracts and lists each refused one's problems; without JavaScript the server answers with the same table. axe
 * finds nothing serious on the page with its results.
 */
class BatchImportBrowserTest extends BrowserTestSupport {
    static final Path SHOTS = Path.of("target", "screenshots");
    @Autowired JdbcClient jdbc;
    private static boolean userMade;

    /** The one way these tests sign in (the password, then the authenticator app). */
    private Page signIn(BrowserContext context, String start) {
        if (!userMade) {
            assertThat(api().post().uri("/api/users").body(Map.of("username", "officer-batch", "password", "lantern-river-quietly-42",
                    "roles", List.of("OFFICER"))).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
            userMade = true;
        }
        Page page = signIn(context, "officer-batch", "lantern-river-quietly-42", start, totp("officer-batch"));
        assertThat(page).hasURL(Pattern.compile(".*" + start + "(\\?continue)?$"));
        return page;
    }

    private static FilePayload batchOf(String prefix) {
        String stream = String.join("---\n",
                TestContracts.small(prefix + "1", null, null),
                TestContracts.small(prefix + "2", null, "  - { date: 2999-01-01, type: TENDERED, milestone: M }"),
                TestContracts.small(prefix + "3", null, null));
        return new FilePayload("contracts.yaml", "application/yaml", stream.getBytes(StandardCharsets.UTF_8));
    }

    private long stored(String prefix) {
        return jdbc.sql("select count(*) from contract where number like ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void theScriptShowsProgressAndEachResult() {
        String p = "BB-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(1366, 900))) {
            Page page = signIn(context, "/contracts/new");
            assertThat(page.locator("#batch-status")).hasAttribute("aria-live", "polite");
            assertThat(page.locator("#batch-progress")).isHidden();
            page.locator("#f-batch").setInputFiles(batchOf(p));
            page.locator("#batch-form button[type=submit]").click();
            // 3 files: 2 registered, 1 refused (an event dated 2999)
            assertThat(page.locator("#batch-status")).hasText("完成：3 份中 2 份已登錄，1 份退回。");
            assertThat(page.locator("#batch-bar")).hasAttribute("max", "3");
            assertThat(page.locator("#batch-bar")).hasJSProperty("value", 3.0);
            assertThat(page.locator("label[for=batch-bar]")).hasText("登錄進度");
            assertThat(page).hasURL(Pattern.compile(".*/contracts/new(\\?continue)?$"));   // the script answered, not a new page
            var rows = page.locator("#batch-results tbody tr");
            assertThat(rows).hasCount(3);
            assertThat(rows.nth(0).locator("a")).hasText(p + "1");
            assertThat(rows.nth(1)).containsText("退回：違反規則");
            assertThat(rows.nth(1)).containsText("events[0].date");
            assertThat(rows.nth(2)).containsText("已登錄");
            axe(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("batch-import.png")).setFullPage(true));
            assertThat(stored(p)).isEqualTo(2);
            rows.nth(0).locator("a").click();
            assertThat(page.locator("h1")).containsText(p + "1");
        }
    }

    @Test
    void withoutJavaScriptTheServerAnswersWithTheTableInEnglish() {
        String p = "BN-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en")
                .setJavaScriptEnabled(false))) {
            Page page = signIn(context, "/contracts/new");
            page.locator("#f-batch").setInputFiles(batchOf(p));
            page.locator("#batch-form button[type=submit]").click();
            assertThat(page.locator("#batch-status")).hasText("Done: 2 of 3 registered, 1 refused.");
            var rows = page.locator("#batch-results tbody tr");
            assertThat(rows).hasCount(3);
            assertThat(rows.nth(1)).containsText("Refused: breaks a rule");
            assertThat(rows.nth(1)).containsText("events[0].date");
            assertThat(rows.nth(2).locator("a")).hasText(p + "3");
            assertThat(stored(p)).isEqualTo(2);
            // no file chosen: the problem next to the field
            page.locator("#batch-form button[type=submit]").click();
            assertThat(page.locator("#f-batch-error")).containsText("Choose a file");
            assertThat(page.locator("#f-batch")).hasAttribute("aria-invalid", "true");
        }
    }
}
