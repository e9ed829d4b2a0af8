package tw.yanshou.desk.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tw.yanshou.security.SignInHistory;

/**
 * Failed sign-ins for administrators ({@code /admin/sign-ins}, administrators only by the security configuration):
 * the user names (existing or not) and client addresses with at least {@code yanshou.admin.sign-ins.burst-failures}
 * failed or held-back attempts within the last {@code yanshou.admin.sign-ins.window}, with their times, and the
 * latest failed attempts themselves. The sign-in limits act on their own; this page is where a person sees a guessing
 * or spraying attack (one address, many names; or one name from many addresses).
 */
@Controller
class SignInPages {
    static final int RECENT = 100;

    private final SignInHistory history;
    private final Duration window;
    private final int burstFailures;
    private final InstantSource clock;

    SignInPages(SignInHistory history, @Value("${yanshou.admin.sign-ins.window:15m}") Duration window,
                @Value("${yanshou.admin.sign-ins.burst-failures:5}") int burstFailures) {
        this.history = history;
        this.window = window;
        this.burstFailures = burstFailures;
        this.clock = InstantSource.system();
    }

    @GetMapping("/admin/sign-ins")
    String signIns(Model model) {
        Instant since = clock.instant().minus(window);
        var bursts = history.bursts(since, burstFailures);
        model.addAttribute("accounts", bursts.stream().filter(b -> b.kind().equals("account")).toList());
        model.addAttribute("addresses", bursts.stream().filter(b -> b.kind().equals("address")).toList());
        model.addAttribute("failures", history.failures(since, RECENT));
        model.addAttribute("burstMin", burstFailures);
        model.addAttribute("windowMinutes", window.toMinutes());
        model.addAttribute("recentLimit", RECENT);
        return "admin/sign-ins";
    }
}
