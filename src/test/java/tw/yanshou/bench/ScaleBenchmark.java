package tw.yanshou.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.YanshouApplication;
import tw.yanshou.infrastructure.EmbeddedDatabase;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.workflow.NightlyAccrual;

/**
 * Import and accrual at scale (issue 12), in one run and side by side: the court case imported with 1 and 4 clients
 * after a warm-up that lasts until the JVM's CPU per import is steady (two windows within 10 %), with SQL statements
 * (pg_stat_statements) and commits (pg_stat_database) per contract and CPU per contract (the JVM, and PostgreSQL's
 * processes); the limit here (single-row commits a second on the same database, 1 and 4 clients) and the ratio;
 * then N contracts stored (the rest through {@code POST /api/contracts:batch}), statement and dashboard latency with
 * 8 clients, the nightly accrual of the open ones, and the JVM's RSS.
 *
 * <p>{@code ./mvnw -Pbench-scale test-compile exec:exec -Dcontracts=10000 -Dimports=200} (see docs/benchmarks.md);
 * every parameter is a -D property, so a quick run and the full run are the same code. Not a test: it measures.
 */
public final class ScaleBenchmark {
    private static final String TOKEN = "benchmark-token-0123456789abcdef-0123456789";
    private static final List<String> DASHBOARD = List.of("/", "/?status=ALL&sort=penalty&dir=desc", "/?late=1&sort=lateDays&dir=desc",
            "/?status=ALL&q=SCALE-4", "/?status=ALL&page=12", "/?status=TERMINATED&sort=number");

    private static int prop(String name, int fallback) { return Integer.getInteger(name, fallback); }

    public static void main(String[] args) throws Exception {
        int contracts = prop("contracts", 10_000);
        int imports = prop("imports", 200);
        int window = prop("window", 50);
        int maxWarmup = prop("maxWarmup", 2_000);
        int readers = prop("readers", 8);
        int requests = prop("requests", 2_000);
        int pgbenchSeconds = prop("pgbenchSeconds", 10);
        int batchSize = prop("batchSize", 100);
        Path data = Files.createTempDirectory("yanshou-scale");
        Report report = new Report();
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        report.append(String.format(Locale.ROOT, "Yanshou scale benchmark (%d cores; load average at the start %s)%n",
                Runtime.getRuntime().availableProcessors(), load));
        report.append(String.format(Locale.ROOT, "  parameters: contracts=%d imports=%d window=%d maxWarmup=%d readers=%d requests=%d pgbenchSeconds=%d%n",
                contracts, imports, window, maxWarmup, readers, requests, pgbenchSeconds));

        // a first start makes the database; pg_stat_statements needs a preloaded library, so a second start
        try (ConfigurableApplicationContext app = start(data)) {
            try (Connection su = superuser(app, data); Statement s = su.createStatement()) {
                s.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
                s.execute("alter system set pg_stat_statements.track = 'top'");
            }
        }
        try (ConfigurableApplicationContext app = start(data);
             Connection su = superuser(app, data)) {
            try (Statement s = su.createStatement()) { s.execute("create extension if not exists pg_stat_statements"); }
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            RestClient api = RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + TOKEN).build();
            String courtCase = resource("/contracts/ilocker-107.yaml");
            long postmaster = app.getBean(EmbeddedDatabase.class).postmasterPid();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            AtomicInteger numbers = new AtomicInteger();

            // warm-up: windows of imports until the JVM's CPU per import is steady
            List<Double> windows = new ArrayList<>();
            int warmed = 0;
            while (warmed < maxWarmup) {
                long cpu = os.getProcessCpuTime();
                for (int i = 0; i < window; i++) register(api, courtCase, "WARM-" + numbers.incrementAndGet());
                warmed += window;
                windows.add((os.getProcessCpuTime() - cpu) / 1e6 / window);
                int k = windows.size();
                if (k >= 2 && Math.abs(windows.get(k - 1) - windows.get(k - 2)) / windows.get(k - 2) < 0.10) break;
            }
            report.append(String.format(Locale.ROOT, "  warm-up: %d imports; JVM CPU ms per import by window of %d: %s%n",
                    warmed, window, windows.stream().map(w -> String.format(Locale.ROOT, "%.0f", w)).toList()));

            // the import with 1 and 4 clients
            double[] rates = new double[2], commits = new double[2];
            int[] clientCounts = {1, 4};
            report.append("  import of the court case (10 events) through POST /api/contracts:\n");
            report.append("    clients | contracts/s | SQL statements/contract | commits/contract | JVM CPU ms/contract | PostgreSQL CPU ms/contract\n");
            for (int c = 0; c < 2; c++) {
                int clients = clientCounts[c];
                reset(su);
                long commits0 = commits(su), cpu0 = os.getProcessCpuTime(), pg0 = postgresCpuMillis(postmaster);
                double seconds = parallel(clients, imports, i -> register(api, courtCase, "SCALE-" + numbers.incrementAndGet()));
                long statements = statements(su);
                double perCommit = (commits(su) - commits0) / (double) imports;
                double jvm = (os.getProcessCpuTime() - cpu0) / 1e6 / imports;
                double pg = (postgresCpuMillis(postmaster) - pg0) / (double) imports;
                rates[c] = imports / seconds;
                commits[c] = perCommit;
                report.append(String.format(Locale.ROOT, "    %7d | %11.1f | %23.0f | %16.1f | %19.0f | %26.0f%n",
                        clients, rates[c], statements / (double) imports, perCommit, jvm, pg));
            }

            // the limit: single-row commits, as pgbench's simplest loop, on the same database
            report.append("  the limit here, single-row INSERT commits on the same embedded database:\n");
            try (Statement s = su.createStatement()) {
                s.execute("create table if not exists bench_commit (id bigserial primary key, v int)");
            }
            for (int c = 0; c < 2; c++) {
                double tps = commitLoop(app, data, clientCounts[c], pgbenchSeconds);
                double limit = tps / commits[c];
                report.append(String.format(Locale.ROOT,
                        "    %d client(s): %.0f commits/s; at %.1f commits per import that allows %.0f imports/s; the import reaches %.1f/s = %.1f %% of it%n",
                        clientCounts[c], tps, commits[c], limit, rates[c], 100 * rates[c] / limit));
            }

            // fill up to N contracts: open ones (the court case up to the factory inspection) in batches, 4 clients
            String open = courtCase.substring(0, courtCase.indexOf("  - { date: 2019-03-19"));
            int stored = numbers.get();
            int missing = Math.max(0, contracts - stored);
            int batches = (missing + batchSize - 1) / batchSize;
            double fillSeconds = parallel(4, batches, b -> {
                StringBuilder stream = new StringBuilder();
                for (int i = 0; i < batchSize && b * batchSize + i < missing; i++)
                    stream.append("---\n").append(renumber(open, "OPEN-" + numbers.incrementAndGet()));
                String answer = api.post().uri("/api/contracts:batch").contentType(MediaType.parseMediaType("application/yaml"))
                        .body(stream.toString()).retrieve().body(String.class);
                if (answer == null || !answer.contains("\"refused\":0")) throw new IllegalStateException("batch: " + tail(answer));
            });
            report.append(String.format(Locale.ROOT, "  %d contracts stored (%d open ones added through POST /api/contracts:batch, %d a batch, 4 clients: %.1f contracts/s)%n",
                    stored + missing, missing, batchSize, missing / Math.max(fillSeconds, 1e-9)));

            // reading with N stored, 8 clients
            List<String> ids = new ArrayList<>();
            for (JsonNode c : api.get().uri("/api/contracts?limit=1000").retrieve().body(JsonNode.class)) ids.add(c.get("id").asText());
            List<Long> statementMicros = Collections.synchronizedList(new ArrayList<>());
            Random random = new Random(1);
            List<String> picks = new ArrayList<>();
            for (int i = 0; i < requests; i++) picks.add(ids.get(random.nextInt(ids.size())));
            parallel(readers, 200, i -> api.get().uri("/api/contracts/{id}/statement", picks.get(i)).retrieve().body(String.class));
            parallel(readers, requests, i -> {
                long t = System.nanoTime();
                api.get().uri("/api/contracts/{id}/statement", picks.get(i)).retrieve().body(String.class);
                statementMicros.add((System.nanoTime() - t) / 1000);
            });
            // one signed-in officer per client (each its own user, authenticator app and session), each session's first
            // page before the clock runs
            List<HttpClient> officers = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                String officer = "bench-officer-" + i;
                api.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("username", officer, "password", "bench-long-passphrase", "roles", List.of("OFFICER")))
                        .retrieve().toBodilessEntity();
                String totpSecret = tw.yanshou.security.TestMfa.enrol(app.getBean(tw.yanshou.security.SecondFactors.class), officer);
                HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                signIn(browser, base, officer, totpSecret);
                get(browser, base + "/");
                officers.add(browser);
            }
            // one client alone first (what a page costs without waiting for the others), then the 8
            List<Long> aloneMicros = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long t = System.nanoTime();
                get(officers.get(0), base + DASHBOARD.get(i % DASHBOARD.size()));
                aloneMicros.add((System.nanoTime() - t) / 1000);
            }
            try (Statement s = su.createStatement()) { s.execute("select pg_stat_statements_reset()"); }
            ThreadLocal<HttpClient> officer = ThreadLocal.withInitial(() -> { synchronized (officers) { return officers.remove(0); } });
            List<Long> dashboardMicros = Collections.synchronizedList(new ArrayList<>());
            int pages = Math.max(100, requests / 4);
            ExecutorService desk = Executors.newFixedThreadPool(readers);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < readers * 5 + pages; i++) {
                int k = i;
                work.add(desk.submit(() -> {
                    long t = System.nanoTime();
                    get(officer.get(), base + DASHBOARD.get(k % DASHBOARD.size()));
                    if (k >= readers * 5) dashboardMicros.add((System.nanoTime() - t) / 1000);
                }));
            }
            for (Future<?> f : work) f.get();
            desk.shutdown();
            report.append(String.format(Locale.ROOT, "  statement GET (today), %d clients, %d requests: p50 %.1f ms, p95 %.1f ms%n",
                    readers, requests, pct(statementMicros, 0.50), pct(statementMicros, 0.95)));
            report.append(String.format(Locale.ROOT, "  dashboard GET / (HTML, filters/sorts/pages mixed), 1 client, 50 requests: p50 %.1f ms, p95 %.1f ms%n",
                    pct(aloneMicros, 0.50), pct(aloneMicros, 0.95)));
            report.append(String.format(Locale.ROOT, "  dashboard GET / (HTML, filters/sorts/pages mixed), %d clients, %d requests: p50 %.1f ms, p95 %.1f ms%n",
                    readers, pages, pct(dashboardMicros, 0.50), pct(dashboardMicros, 0.95)));
            report.append("    its SQL by total time (pg_stat_statements): calls, mean ms, total ms, statement\n");
            try (Statement s = su.createStatement(); ResultSet rs = s.executeQuery("select calls, mean_exec_time, total_exec_time, "
                    + "regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements where userid = (select oid from pg_roles "
                    + "where rolname = 'yanshou') order by total_exec_time desc limit 6")) {
                while (rs.next()) {
                    String q = rs.getString(4);
                    report.append(String.format(Locale.ROOT, "    %7d %8.2f %9.0f  %s%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                            q.length() > 110 ? q.substring(0, 110) + "…" : q));
                }
            }

            // the nightly accrual of tomorrow: every open contract, chunks claimed by the workers of this node
            LocalDate tomorrow = app.getBean(OfficeClock.class).clockDay().plusDays(1);
            long openCount;
            try (Statement s = su.createStatement(); ResultSet rs = s.executeQuery("select count(*) from contract where status = 'OPEN'")) {
                rs.next();
                openCount = rs.getLong(1);
            }
            reset(su);
            long pg0 = postgresCpuMillis(postmaster), cpu0 = os.getProcessCpuTime();
            NightlyAccrual.Run run = app.getBean(NightlyAccrual.class).run(tomorrow, prop("workers", 2), prop("chunk", 100));
            long accrualStatements = statements(su);
            report.append(String.format(Locale.ROOT,
                    "  nightly accrual of %d open contracts (%d workers, chunks of %d): %.1f s = %.1f ms a contract, %.1f SQL statements a contract, JVM CPU %.1f ms and PostgreSQL CPU %.1f ms a contract, %d failed%n",
                    openCount, prop("workers", 2), prop("chunk", 100), run.millis() / 1000.0, run.millis() / (double) run.contracts().size(),
                    accrualStatements / (double) run.contracts().size(), (os.getProcessCpuTime() - cpu0) / 1e6 / run.contracts().size(),
                    (postgresCpuMillis(postmaster) - pg0) / (double) run.contracts().size(), run.failed().size()));
            if (run.contracts().size() != openCount) report.append("    (!) the run did " + run.contracts().size() + " of them\n");

            report.append(String.format(Locale.ROOT, "  RSS of this JVM (server and benchmark clients in one process): %s; the server alone: scripts/measure-rss.sh%n",
                    rss()));
            report.append(String.format(Locale.ROOT, "  load average at the end %s%n", Files.readString(Path.of("/proc/loadavg")).trim()));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "scale-benchmark.txt"), report.toString());
    }

    /** The report, printed line by line as it grows (a run stopped half-way still tells what it measured). */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        Report append(String line) {
            text.append(line);
            System.out.print(line);
            System.out.flush();
            return this;
        }

        @Override
        public String toString() { return text.toString(); }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(YanshouApplication.class).run(
                "--server.port=0", "--yanshou.embedded-postgres.data-dir=" + data, "--yanshou.embedded-postgres.clean=false",
                "--yanshou.embedded-postgres.port=0", "--yanshou.bootstrap-token=" + TOKEN, "--yanshou.admin-username=bench",
                "--yanshou.admin-password=bench-long-passphrase", "--camunda.bpm.job-execution.enabled=false",
                "--yanshou.accrual.cron=-", "--yanshou.limits.batch-items=" + Math.max(1000, prop("batchSize", 100)),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    }

    /** The superuser of the embedded database (its password is in the data directory). */
    private static Connection superuser(ConfigurableApplicationContext app, Path data) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("yanshou-credentials.properties"))) { p.load(in); }
        int port = app.getBean(EmbeddedDatabase.class).port();
        Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/yanshou",
                p.getProperty("superuser.name"), p.getProperty("superuser.password"));
        c.setAutoCommit(true);
        return c;
    }

    private static void reset(Connection su) throws Exception {
        try (Statement s = su.createStatement()) { s.execute("select pg_stat_statements_reset()"); }
    }

    /** Statements the application's role ran since the last reset. */
    private static long statements(Connection su) throws Exception {
        try (Statement s = su.createStatement(); ResultSet rs = s.executeQuery(
                "select coalesce(sum(calls), 0) from pg_stat_statements where userid = (select oid from pg_roles where rolname = 'yanshou')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long commits(Connection su) throws Exception {
        try (Statement s = su.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = 'yanshou'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** CPU of PostgreSQL's processes (the postmaster's children: backends, WAL writer, checkpointer …), in ms. */
    private static long postgresCpuMillis(long postmaster) throws IOException {
        long ticks = 0;
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : dirs) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(d.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster)
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        return ticks * 10;   // USER_HZ = 100 on Linux
    }

    /** pgbench's simplest loop: one single-row INSERT per transaction, for {@code seconds}, {@code clients} at once. */
    private static double commitLoop(ConfigurableApplicationContext app, Path data, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) done.add(pool.submit(() -> {
            try (Connection conn = superuser(app, data); var ps = conn.prepareStatement("insert into bench_commit (v) values (?)")) {
                while (System.nanoTime() < end) {
                    ps.setInt(1, 1);
                    ps.executeUpdate();
                    count.incrementAndGet();
                }
            }
            return null;
        }));
        for (Future<?> f : done) f.get();
        pool.shutdown();
        return count.get() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Runs {@code tasks} tasks on {@code clients} threads; the seconds it took. */
    private static double parallel(int clients, int tasks, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            int k = i;
            done.add(pool.submit(() -> task.accept(k)));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double pct(List<Long> micros, double p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1000.0;
    }

    private static String renumber(String file, String number) {
        return file.replace("\"107-ILOCKER-30\"", "\"" + number + "\"").replace("\"107-ILOCKER-30-M\"", "\"" + number + "-M\"");
    }

    private static void register(RestClient api, String courtCase, String number) {
        api.post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(renumber(courtCase, number)).retrieve().toBodilessEntity();
    }

    private static String tail(String s) { return s == null ? "null" : s.substring(Math.max(0, s.length() - 500)); }

    private static String rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return line.substring(6).trim();
        return "?";
    }

    private static void signIn(HttpClient browser, String base, String username, String totpSecret) throws Exception {
        String login = get(browser, base + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]* value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode("bench-long-passphrase", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error"))
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().map());
        tw.yanshou.security.FormSignIn.secondStep(browser, base, totpSecret);
    }

    private static String get(HttpClient browser, String url) {
        try {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(url + ": " + r.statusCode());
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ScaleBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
