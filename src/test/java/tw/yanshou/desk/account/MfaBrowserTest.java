package tw.yanshou.desk.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

import tw.yanshou.security.Totp;
import tw.yanshou.web.BrowserTestSupport;

/**
 * The second factor in Chromium, as people use it: a new officer must enrol before anything opens, reads the key off
 * the page into an "app" (the tests' RFC 6238 {@link Totp}), confirms, keeps the ten recovery codes, signs in again
 * with a code, then with a recovery code (which is spent), registers a passkey with Chromium's virtual authenticator
 * (CDP WebAuthn) and signs in with the passkey alone. axe-core on each page, zh-TW and English.
 */
class MfaBrowserTest extends BrowserTestSupport {
    static final Path SHOTS = Path.of("target", "screenshots");

    private void officer(String name, String password) {
        org.assertj.core.api.Assertions.assertThat(api().post().uri("/api/users").body(Map.of("username", name, "password", password,
                "roles", List.of("OFFICER"))).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    private Page password(BrowserContext context, String user, String password, String start) {
        Page page = context.newPage();
        page.navigate(url(start));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("main button[type=submit]").first().click();
        return page;
    }

    private static void signOut(Page page) {
        page.locator("header button.link-button").click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
        // the passkey button works once passkeys.js has bound it (on DOMContentLoaded): not before the page has loaded
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    }

    @Test
    void enrolSignInWithACodeThenWithARecoveryCodeThatIsSpent() {
        officer("mfa-wang", "mfa-wang passphrase");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(1200, 900))) {
            Page page = password(context, "mfa-wang", "mfa-wang passphrase", "/contracts");
            // no factor yet: the enrolment, and nothing else
            assertThat(page).hasURL(Pattern.compile(".*/account/mfa$"));
            assertThat(page.locator("main [role=alert]").first()).containsText("須有第二因素");
            axe(page);
            page.navigate(url("/contracts"));
            assertThat(page).hasURL(Pattern.compile(".*/account/mfa$"));
            page.navigate(url("/camunda/app/cockpit/default/"));
            assertThat(page).hasURL(Pattern.compile(".*/account/mfa$"));

            page.locator("#totp-start").click();
            String secret = page.locator("#totp-secret").innerText().strip();
            assertThat(page.locator("#totp-uri")).hasText("otpauth://totp/Yanshou:mfa-wang?secret=" + secret + "&issuer=Yanshou");
            // the QR code is an image from this server
            Object width = page.locator("img[src='/account/mfa/totp/qr.png']").evaluate("img => img.decode().then(() => img.naturalWidth)");
            org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isGreaterThanOrEqualTo(200);
            axe(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("mfa-enrol.png")).setFullPage(true));
            // a wrong code first: the message next to the field
            page.locator("#f-mfa-code").fill("000000");
            page.locator("#totp-confirm").click();
            assertThat(page.locator("#f-mfa-code-error")).containsText("不是驗證器 App 目前顯示的驗證碼");
            assertThat(page.locator("#f-mfa-code")).hasAttribute("aria-invalid", "true");
            axe(page);
            page.locator("#f-mfa-code").fill(Totp.next(secret));
            page.locator("#totp-confirm").click();
            assertThat(page.locator("[data-testid=recovery-code]")).hasCount(10);
            List<String> codes = page.locator("[data-testid=recovery-code]").allInnerTexts();
            axe(page);
            // on to where the officer was going before signing in
            page.locator("#continue").click();
            assertThat(page).hasURL(Pattern.compile(".*/contracts(\\?continue)?$"));
            assertThat(page.locator("h1")).isVisible();
            signOut(page);

            // again: the password, then a code, landing where the officer was going
            Page again = signIn(context, "mfa-wang", "mfa-wang passphrase", "/tasks", secret);
            assertThat(again).hasURL(Pattern.compile(".*/tasks(\\?continue)?$"));
            signOut(again);

            // a recovery code instead of the app
            Page recovery = password(context, "mfa-wang", "mfa-wang passphrase", "/");
            assertThat(recovery).hasURL(Pattern.compile(".*/login/mfa$"));
            axe(recovery);
            recovery.locator("#code").fill(codes.get(0));
            recovery.locator("main form[action='/login/mfa'] button[type=submit]").click();
            assertThat(recovery).hasURL(Pattern.compile(".*/(\\?continue)?$"));
            recovery.navigate(url("/account/mfa"));
            assertThat(recovery.locator("[data-testid=recovery-left]")).containsText("9");
            signOut(recovery);
            // spent: the same code is refused
            Page spent = password(context, "mfa-wang", "mfa-wang passphrase", "/");
            spent.locator("#code").fill(codes.get(0));
            spent.locator("main form[action='/login/mfa'] button[type=submit]").click();
            assertThat(spent).hasURL(Pattern.compile(".*/login/mfa\\?error$"));
            assertThat(spent.locator("#code-error")).containsText("驗證碼不正確或已使用過");
            axe(spent);
        }
    }

    @Test
    void registerAPasskeyThenSignInWithItAlone() {
        officer("mfa-passkey", "a phrase for passkeys");
        String secret = totp("mfa-passkey");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1200, 900))) {
            Page page = signIn(context, "mfa-passkey", "a phrase for passkeys", "/account/mfa", secret);
            assertThat(page).hasURL(Pattern.compile(".*/account/mfa(\\?continue)?$"));
            // Chromium's virtual authenticator: a platform authenticator with user verification, always present
            CDPSession cdp = context.newCDPSession(page);
            cdp.send("WebAuthn.enable");
            JsonObject options = new JsonObject();
            options.addProperty("protocol", "ctap2");
            options.addProperty("transport", "internal");
            options.addProperty("hasResidentKey", true);
            options.addProperty("hasUserVerification", true);
            options.addProperty("isUserVerified", true);
            options.addProperty("automaticPresenceSimulation", true);
            JsonObject args = new JsonObject();
            args.add("options", options);
            cdp.send("WebAuthn.addVirtualAuthenticator", args);

            page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            page.locator("#passkey-label").fill("Test laptop");
            page.locator("#passkey-register").click();
            assertThat(page).hasURL(Pattern.compile(".*/account/mfa\\?passkeyAdded$"));
            assertThat(page.locator("[data-testid=passkey]")).hasCount(1);
            assertThat(page.locator("[data-testid=passkey]")).containsText("Test laptop");
            axe(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("mfa-passkeys.png")).setFullPage(true));
            signOut(page);

            // the passkey alone signs in (no password, no code)
            page.locator("#passkey-signin").click();
            assertThat(page).hasURL(Pattern.compile(".*/$"));
            assertThat(page.locator("header")).containsText("mfa-passkey");
            page.navigate(url("/contracts"));
            assertThat(page).hasURL(Pattern.compile(".*/contracts$"));
            page.navigate(url("/account"));
            assertThat(page.locator("main")).containsText("Passkey");
        }
    }
}
