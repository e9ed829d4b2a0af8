package tw.yanshou.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import tw.yanshou.api.ApiTestSupport;

/**
 * Browser tests: Playwright for Java driving Debian's Chromium ({@code /usr/bin/chromium}, installed by
 * {@code .ci/run}). Without Chromium the tests are skipped on a developer's machine and fail in CI.
 */
public abstract class BrowserTestSupport extends ApiTestSupport {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    protected static Playwright playwright;
    protected static Browser browser;

    @BeforeAll
    static void launch() {
        boolean ci = System.getenv("CI") != null;
        if (!ci) Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": browser tests skipped");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    protected String url(String path) { return "http://localhost:" + port + path; }

    @org.springframework.beans.factory.annotation.Autowired
    private tw.yanshou.security.SecondFactors secondFactors;

    /**
     * The user's authenticator app (enrolled once per server through the same service the enrolment page calls),
     * its Base32 key; staff and vendors must pass it when signing in.
     */
    protected String totp(String username) { return tw.yanshou.security.TestMfa.enrol(secondFactors, username); }

    /**
     * The one way browser tests sign in: open {@code start}, which sends to {@code /login}; the user name and
     * password; then at {@code /login/mfa} a fresh code of the user's authenticator app ({@code totpSecret}, see
     * {@link #totp}). Returns the page, where the sign-in led (where the user was going, or the portal).
     */
    protected Page signIn(BrowserContext context, String user, String password, String start, String totpSecret) {
        Page page = context.newPage();
        page.navigate(url(start));
        PlaywrightAssertions.assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("main button[type=submit]").first().click();
        PlaywrightAssertions.assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login/mfa$"));
        page.locator("#code").fill(tw.yanshou.security.Totp.next(totpSecret));
        page.locator("main form[action='/login/mfa'] button[type=submit]").click();
        return page;
    }

    /** axe-core (WCAG 2.1 A and AA rules) on the page as it is: no serious or critical violation. */
    protected static void axe(com.microsoft.playwright.Page page) {
        com.deque.html.axecore.results.AxeResults results = new com.deque.html.axecore.playwright.AxeBuilder(page)
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        java.util.List<String> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                        + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        org.assertj.core.api.Assertions.assertThat(bad).as("axe on " + page.url()).isEmpty();
    }
}
