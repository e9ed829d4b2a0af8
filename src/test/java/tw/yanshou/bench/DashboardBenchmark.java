package tw.yanshou.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tw.yanshou.YanshouApplication;

/**
 * The dashboard with N contracts ({@code ./mvnw -Pbench-dashboard test-compile exec:exec -Dcontracts=1000}): half
 * copies of the court case (terminated), half open copies of it that stop after the factory inspection (late, cap
 * and termination right reached). Signs in as a user, then times 1,000 GETs of {@code /} with a mix of filters,
 * sorts and pages (the page as the browser gets it, HTML rendered). Not a test: it measures; see docs/benchmarks.md.
 */
public final class DashboardBenchmark {
    private static final String TOKEN = "benchmark-token-0123456789abcdef-0123456789";
    private static final List<String> QUERIES = List.of("/", "/?status=ALL&sort=penalty&dir=desc", "/?late=1&sort=lateDays&dir=desc",
            "/?status=ALL&q=BENCH-4", "/?status=ALL&page=12", "/?status=TERMINATED&sort=number", "/?vendor=vendor-ching-chen&sort=exposure");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path data = Files.createTempDirectory("yanshou-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YanshouApplication.class).run(
                "--server.port=0", "--yanshou.embedded-postgres.data-dir=" + data, "--yanshou.embedded-postgres.clean=true", "--yanshou.embedded-postgres.port=0",
                "--yanshou.bootstrap-token=" + TOKEN, "--yanshou.admin-username=bench",
                "--yanshou.admin-password=bench-passphrase", "--camunda.bpm.job-execution.enabled=false",
                "--yanshou.security.mfa.key=" + java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            RestClient api = RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + TOKEN).build();
            String courtCase = resource("/contracts/ilocker-107.yaml");
            String open = courtCase.substring(0, courtCase.indexOf("  - { date: 2019-03-19"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String number = "BENCH-" + i;
                String file = i % 2 == 0 ? courtCase : open;
                done.add(pool.submit(() -> register(api, file, number)));
            }
            for (Future<?> f : done) f.get();
            pool.shutdown();
            double importSeconds = (System.nanoTime() - start) / 1e9;

            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            signIn(browser, base, tw.yanshou.security.TestMfa.enrol(app.getBean(tw.yanshou.security.SecondFactors.class), "bench"));
            for (int i = 0; i < 100; i++) get(browser, base + QUERIES.get(i % QUERIES.size()));
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                long t = System.nanoTime();
                get(browser, base + QUERIES.get(i % QUERIES.size()));
                micros.add((System.nanoTime() - t) / 1000);
            }
            Collections.sort(micros);
            String report = String.format(Locale.ROOT, """
                    Yanshou dashboard benchmark (%d cores, embedded PostgreSQL, job executor off)
                      %d contracts imported in %.0f s (half terminated court cases, half open and late)
                      GET / (HTML, 25 rows, filters/sorts/pages mixed), 1,000 requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms
                    """, Runtime.getRuntime().availableProcessors(), n, importSeconds,
                    micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.95)) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0);
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "dashboard-benchmark.txt"), report);
        }
    }

    private static void register(RestClient api, String file, String number) {
        api.post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(file.replace("\"107-ILOCKER-30\"", "\"" + number + "\"").replace("\"107-ILOCKER-30-M\"", "\"" + number + "-M\""))
                .retrieve().toBodilessEntity();
    }

    /** The password, then a code of the administrator's authenticator app (enrolled through the service). */
    private static void signIn(HttpClient browser, String base, String totpSecret) throws Exception {
        String login = get(browser, base + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]* value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
        String form = "username=bench&password=" + URLEncoder.encode("bench-passphrase", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/login/mfa"))
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().map());
        Matcher mfaCsrf = Pattern.compile("name=\"_csrf\"[^>]* value=\"([^\"]+)\"").matcher(get(browser, base + "/login/mfa"));
        if (!mfaCsrf.find()) throw new IllegalStateException("no CSRF token on the second step");
        String code = "code=" + tw.yanshou.security.Totp.next(totpSecret) + "&_csrf=" + URLEncoder.encode(mfaCsrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> second = browser.send(HttpRequest.newBuilder(URI.create(base + "/login/mfa"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(code)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (second.statusCode() != 302 || second.headers().firstValue("Location").orElse("").contains("error"))
            throw new IllegalStateException("second step failed: " + second.statusCode() + " " + second.headers().map());
    }

    private static String get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + ": " + r.statusCode());
        return r.body();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DashboardBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
