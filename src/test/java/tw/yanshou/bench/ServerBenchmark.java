package tw.yanshou.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.YanshouApplication;

/**
 * The server benchmark: imports N copies of the court case through the API (contracts/s; SQL statements, commits,
 * wall and JVM CPU time per contract, counted by {@link tw.yanshou.infrastructure.SqlCounter}), then measures statement
 * latency with them stored (p50/p95), and runs the same number of process starts, message correlations and timers
 * on a bare BPMN process as a baseline. Run: {@code ./mvnw -Pbench-server test-compile exec:exec}
 * ({@code -Dcontracts=1000 -Dclients=1 -Dwarmup=300}); see docs/benchmarks.md. Not a test: it asserts nothing, it measures.
 */
public final class ServerBenchmark {
    private static final String TOKEN = "benchmark-token-0123456789abcdef-0123456789";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path data = Files.createTempDirectory("yanshou-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YanshouApplication.class).run(
                "--server.port=0", "--yanshou.embedded-postgres.data-dir=" + data, "--yanshou.embedded-postgres.clean=true", "--yanshou.embedded-postgres.port=0",
                "--yanshou.bootstrap-token=" + TOKEN, "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            RestClient api = RestClient.builder()
                    .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                    .defaultHeader("Authorization", "Bearer " + TOKEN).build();
            String courtCase = resource("/contracts/ilocker-107.yaml");

            for (int i = 0; i < warmup; i++) register(api, courtCase, "WARMUP-" + i);
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
            tw.yanshou.infrastructure.SqlCounter counter = app.getBean(tw.yanshou.infrastructure.SqlCounter.class);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            Thread.sleep(1500);
            tw.yanshou.infrastructure.SqlCounter.Snapshot sqlBefore = counter.snapshot();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String number = "BENCH-" + i;
                done.add(pool.submit(() -> ids.add(register(api, courtCase, number))));
            }
            for (java.util.concurrent.Future<?> f : done) f.get();
            double importSeconds = (System.nanoTime() - start) / 1e9;
            long cpuNanos = os.getProcessCpuTime() - cpuBefore;
            Thread.sleep(1500); // PostgreSQL's backends report their commit counts when idle, at most once a second
            tw.yanshou.infrastructure.SqlCounter.Snapshot sql = counter.snapshot().minus(sqlBefore);
            pool.shutdown();

            Random random = new Random(1);
            for (int i = 0; i < 200; i++) statement(api, ids.get(random.nextInt(n)));
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                long t = System.nanoTime();
                statement(api, ids.get(random.nextInt(n)));
                micros.add((System.nanoTime() - t) / 1000);
            }
            Collections.sort(micros);

            // the engine keeps no activity history any more (EngineHistory): the bare process does the work the
            // step-by-step import of the court case ran before (issue 12: 17 waits, 6 timers, in 30 transactions)
            int[] perContract = {17, 6};
            double baselineSeconds = baseline(app, n, perContract[0], perContract[1]);

            String report = String.format(Locale.ROOT, """
                    Yanshou server benchmark (%d cores, embedded PostgreSQL, job executor off)
                      import of the court case through the API, %d client(s), after %d warm-up imports: %d contracts in %.1f s = %.1f contracts/s
                      per contract: %.0f SQL statements, %.2f commits (JDBC), %.2f commits (pg_stat_database, every connection), %.1f ms wall, %.1f ms server JVM CPU
                      statements by kind, per contract: %s
                      statement GET with %d contracts stored (1,000 requests): p50 %.1f ms, p95 %.1f ms, max %.1f ms
                      engine work per imported contract: 1 process start, %d message correlations or task completions, %d timers
                      bare BPMN process, same work for %d contracts: %.1f s = %.1f per second
                      ratio (import time / bare engine time): %.1f
                    """, Runtime.getRuntime().availableProcessors(), clients, warmup, n, importSeconds, n / importSeconds,
                    (double) sql.statements() / n, (double) sql.commits() / n, (double) sql.xactCommit() / n,
                    1000 * importSeconds * clients / n, cpuNanos / 1e6 / n, perContractKinds(sql, n), n + warmup,
                    micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.95)) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0, perContract[0], perContract[1], n, baselineSeconds,
                    n / baselineSeconds, importSeconds / baselineSeconds);
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "server-benchmark.txt"), report);
        }
    }

    private static String register(RestClient api, String courtCase, String number) {
        String file = courtCase.replace("\"107-ILOCKER-30\"", "\"" + number + "\"")
                .replace("\"107-ILOCKER-30-M\"", "\"" + number + "-M\"");
        return api.post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().body(JsonNode.class).get("id").asText();
    }

    private static void statement(RestClient api, String id) {
        api.get().uri("/api/contracts/{id}/statement?asOf=2024-06-25", id).retrieve().body(String.class);
    }

    private static String perContractKinds(tw.yanshou.infrastructure.SqlCounter.Snapshot sql, int n) {
        StringBuilder b = new StringBuilder();
        sql.byKind().forEach((k, v) -> { if (v >= n / 2) b.append(k).append(' ').append(String.format(Locale.ROOT, "%.1f", (double) v / n)).append(", "); });
        return b.toString();
    }

    /** Starts n bare instances (messages catch events then timers in a row) and drives each to its end. */
    private static double baseline(ConfigurableApplicationContext app, int n, int messages, int timers) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(1).startEvent();
        for (int i = 0; i < messages; i++) flow = flow.intermediateCatchEvent("m" + i).message("bare-message");
        for (int i = 0; i < timers; i++) flow = flow.intermediateCatchEvent("t" + i).timerWithDate("2000-01-01T00:00:00");
        BpmnModelInstance model = flow.endEvent().done();
        app.getBean(RepositoryService.class).createDeployment().addModelInstance("bare.bpmn", model).deploy();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        ManagementService management = app.getBean(ManagementService.class);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String id = runtime.startProcessInstanceByKey("bare", "bare-" + i).getId();
            for (int m = 0; m < messages; m++)
                runtime.createMessageCorrelation("bare-message").processInstanceId(id).correlateWithResult();
            for (int t = 0; t < timers; t++) {
                Job job = management.createJobQuery().processInstanceId(id).duedateLowerThan(new Date()).singleResult();
                management.executeJob(job.getId());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ServerBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
