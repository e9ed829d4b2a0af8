package tw.yanshou.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: one cookie jar, the sign-in form with its CSRF field, redirects not followed. */
public final class FormSignIn {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private String userAgent = "FormSignIn/1";
    private String forwardedFor;
    private String language = "en";

    public FormSignIn(int port) { this(port, new CookieManager()); }

    private FormSignIn(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser (its cookies) talking to another server on localhost: another node of the cluster. */
    public FormSignIn at(int port) {
        FormSignIn other = new FormSignIn(port, cookies);
        other.userAgent = userAgent;
        other.forwardedFor = forwardedFor;
        other.language = language;
        return other;
    }

    public HttpResponse<String> getWith(String path, String header, String value) {
        return send(request(path).header(header, value).GET().build());
    }

    /** The session cookie's value now (null: none). */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("YANSHOU_SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public FormSignIn userAgent(String agent) { this.userAgent = agent; return this; }

    /** The {@code Accept-Language} sent ({@code en} unless set). */
    public FormSignIn language(String tag) { this.language = tag; return this; }

    /** Sends {@code X-Forwarded-For} (only honoured from a trusted proxy). */
    public FormSignIn from(String address) { this.forwardedFor = address; return this; }

    /** The answer to a sign-in: status, where it sends the browser, and how long it took. */
    public record Answer(int status, String location, String body, long millis) { }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** GET the page, then POST its form with its CSRF field and {@code fields}. */
    public Answer post(String formPage, String action, Map<String, String> fields) {
        HttpResponse<String> form = get(formPage);
        String page = form.body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new IllegalStateException("no _csrf field on " + formPage + " (" + form.statusCode() + " "
                + form.headers().firstValue("Location").orElse("") + "): " + page);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        long start = System.nanoTime();
        HttpResponse<String> r = send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), millis);
    }

    /** The password step alone: staff (and vendors, by default) are sent on to the second factor from here. */
    public Answer signIn(String username, String password) {
        return post("/login", "/login", Map.of("username", username, "password", password));
    }

    /**
     * Both steps: the password, then a fresh code of the user's authenticator app ({@link Totp#next}) at
     * {@code /login/mfa}. The answer is the second step's (its location: where the user lands); a failed password
     * step is returned as it is.
     */
    public Answer signIn(String username, String password, String totpSecret) {
        Answer first = signIn(username, password);
        if (first.location() == null || !first.location().endsWith("/login/mfa")) return first;
        return code(Totp.next(totpSecret));
    }

    /** The second step with {@code code} (a TOTP or a recovery code). */
    public Answer code(String code) {
        return post("/login/mfa", "/login/mfa", Map.of("code", code));
    }

    /**
     * The second step for a test's own {@link HttpClient} (with its cookies) that has just passed the password:
     * {@code /login/mfa}'s CSRF field, a fresh code of the user's authenticator app; returns where it leads.
     */
    public static String secondStep(HttpClient client, String base, String totpSecret) {
        try {
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login/mfa")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) throw new IllegalStateException("no _csrf field on /login/mfa: " + page);
            String form = "code=" + Totp.next(totpSecret) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login/mfa"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || location.contains("/login")) throw new IllegalStateException("second step refused: " + location);
            return location;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent)
                .header("Accept-Language", language);
        if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
