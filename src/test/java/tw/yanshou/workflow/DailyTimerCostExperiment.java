package tw.yanshou.workflow;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tw.yanshou.api.TestContracts;

class DailyTimerCostExperiment extends ProcessTestSupport {
    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("n", 300);
        String p = "EXP-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++)
            api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                    .body(TestContracts.small(p + i, null, null)).retrieve().toBodilessEntity();
        System.out.printf("EXP import %d small: %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 36L * 3600_000));
        List<Job> jobs = management.createJobQuery().timers().activityId("NextDailyRun").list();
        System.out.println("EXP daily jobs " + jobs.size());
        for (int clients : new int[] {1, 2}) {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 24L * 3600_000));
            List<Job> due = management.createJobQuery().timers().activityId("NextDailyRun")
                    .duedateLowerThan(ClockUtil.getCurrentTime()).list();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            Date now = ClockUtil.getCurrentTime();
            AtomicInteger k = new AtomicInteger();
            long t1 = System.nanoTime();
            List<Future<?>> fs = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) fs.add(pool.submit(() -> {
                ClockUtil.setCurrentTime(now);
                for (int i; (i = k.getAndIncrement()) < due.size(); ) management.executeJob(due.get(i).getId());
            }));
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            double s = (System.nanoTime() - t1) / 1e9;
            System.out.printf("EXP %d daily jobs, %d threads: %.2f s = %.1f ms/job -> 10,000 in %.0f s%n", due.size(), clients, s, s * 1000 / due.size(), s / due.size() * 10000);
        }
    }
}
