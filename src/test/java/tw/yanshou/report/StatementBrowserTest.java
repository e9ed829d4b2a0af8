package tw.yanshou.report;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import tw.yanshou.web.BrowserTestSupport;

/**
 * An officer signs in, opens the statement of the court case, reads the court's formula, finds no serious
 * accessibility problem (axe-core), mistypes the day, and downloads the PDF. Screenshots land in target/ for a look.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementBrowserTest extends BrowserTestSupport {
    String id;

    @BeforeAll
    void registerTheCourtCaseAndAnOfficer() {
        String yaml = resource("/contracts/ilocker-107.yaml").replace("107-ILOCKER-30\"", "107-ILOCKER-30-WEB\"");
        ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        id = created.getBody().get("id").asText();
        assertThat(api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "web-officer", "password", "officer-passphrase-2", "roles", List.of("OFFICER")))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    private Page signIn(BrowserContext context, String start) {
        return signIn(context, "web-officer", "officer-passphrase-2", start, totp("web-officer"));
    }

    @Test
    void anOfficerReadsTheStatementAndDownloadsThePdf() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW")
                .setViewportSize(1100, 900).setAcceptDownloads(true))) {
            Page page = signIn(context, "/contracts/" + id + "/statement?asOf=113/06/25");
            page.navigate(url("/contracts/" + id + "/statement?asOf=113/06/25"));
            assertThat(page.locator("h1")).containsText("違約金計算書");
            assertThat(page.locator("code.formula").first()).hasText("10,380,000 × 4‰ × (28 + 7 + 119) = 6,394,080");
            assertThat(page.locator("tr.penalty strong").first()).hasText("6,615,840");
            assertThat(page.locator("time[datetime='2019-12-30']").first()).hasText("108年12月30日");
            assertThat(page.locator("svg[role=img] desc")).containsText("6,615,840");
            axe(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/statement.png")).setFullPage(true));

            Download download = page.waitForDownload(() -> page.locator("a.pdf").click());
            assertThat(download.suggestedFilename()).endsWith("107-ILOCKER-30-WEB-2024-06-25.pdf");
            Path pdf = Path.of("target/screenshots/statement.pdf");
            download.saveAs(pdf);
            try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains("10,380,000 × 4‰ × (28 + 7 + 119) = 6,394,080", "6,615,840", "1,033,080", "違約金");
            }

            // a day that is no day: the message next to the field, what was typed kept
            page.locator("#asOf").fill("108/02/30");
            page.locator("form.as-of button[type=submit]").click();
            assertThat(page.locator("#asOf-error")).containsText("108/02/30");
            assertThat(page.locator("#asOf")).hasValue("108/02/30");
            assertThat(page.locator("#asOf")).hasAttribute("aria-invalid", "true");
            axe(page);
        }
    }

    @Test
    void readsInEnglish() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1100, 900))) {
            Page page = signIn(context, "/");
            page.navigate(url("/contracts/" + id + "/statement?asOf=2024-06-25"));
            assertThat(page.locator("h1")).containsText("Penalty statement");
            assertThat(page.locator("time[datetime='2019-12-30']").first()).hasText("2019-12-30");
            assertThat(page.locator("html")).hasAttribute("lang", java.util.regex.Pattern.compile("^en"));
            axe(page);
        }
    }
}
