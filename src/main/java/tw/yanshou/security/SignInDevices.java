package tw.yanshou.security;

import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Tells a sign-in from a new device: after a successful password check (the form, or Basic on the engine's REST
 * API; bearer tokens are not sign-ins) the device — the browser family and operating system family read from the
 * user agent, with the network of the client address (IPv4 /24, IPv6 /48) — is compared with those of the user's
 * earlier successful sign-ins in {@link SignInHistory} (the latest {@value #COMPARED}); when none matches,
 * {@link NewDeviceSignIn} is published. A browser update or a new address within the same network is not a new device;
 * another browser, another system or another network is. The first sign-in of an account is from a new device too.
 * With a second factor the alert comes at the password step already: a right password from elsewhere is worth
 * knowing even when the second factor stops it.
 */
@Component
class SignInDevices {
    static final int COMPARED = 200;

    private final SignInHistory history;
    private final ApplicationEventPublisher events;

    SignInDevices(SignInHistory history, ApplicationEventPublisher events) {
        this.history = history;
        this.events = events;
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (!(success.getAuthentication().getDetails() instanceof ThrottledSignIn.Details details)) return;
        if (!(success.getAuthentication().getPrincipal() instanceof YanshouUser user)) return;
        SignInHistory.Client client = details.client();
        String device = family(client.userAgent());
        String network = network(client.address());
        // the attempt just recorded (this one) is the newest success; the others are the earlier ones
        List<SignInHistory.Attempt> earlier = history.successes(user.username(), COMPARED + 1);
        boolean known = earlier.stream().skip(1)
                .anyMatch(a -> family(a.userAgent()).equals(device) && network(a.address()).equals(network));
        if (known) return;
        SignInHistory.Attempt now = earlier.isEmpty() ? null : earlier.get(0);
        events.publishEvent(new NewDeviceSignIn(user.username(), user.actor().vendorId(),
                now == null ? java.time.Instant.now() : now.at(), client.address(), network, client.userAgent(), device,
                details.step()));
    }

    /**
     * The browser and system family of a user agent, e.g. "Chrome / Windows", "Firefox / Linux", "Safari / iOS";
     * versions are left out (an update is the same device). Edge and Opera are told from the Chrome they are built on.
     * Anything else is its first word ("curl", "Java-http-client"); no user agent is "unknown".
     */
    static String family(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return "unknown";
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser;
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) browser = "Edge";
        else if (ua.contains("opr/") || ua.contains("opera")) browser = "Opera";
        else if (ua.contains("firefox/") || ua.contains("fxios/")) browser = "Firefox";
        else if (ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/")) browser = "Chrome";
        else if (ua.contains("safari/")) browser = "Safari";
        else return userAgent.strip().split("[/\\s]", 2)[0];
        String system;
        if (ua.contains("windows")) system = "Windows";
        else if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ios")) system = "iOS";
        else if (ua.contains("android")) system = "Android";
        else if (ua.contains("mac os") || ua.contains("macintosh")) system = "macOS";
        else if (ua.contains("cros")) system = "ChromeOS";
        else if (ua.contains("linux")) system = "Linux";
        else system = "other";
        return browser + " / " + system;
    }

    /** The network of an address: IPv4 /24 ({@code 203.0.113.0/24}), IPv6 /48; anything else as it is. */
    static String network(String address) {
        if (address == null) return "unknown";
        String a = address.strip();
        if (a.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) return a.substring(0, a.lastIndexOf('.')) + ".0/24";
        if (a.contains(":")) {
            try {
                byte[] b = java.net.InetAddress.getByName(a.startsWith("[") ? a.substring(1, a.length() - 1) : a).getAddress();
                if (b.length == 16) {
                    return String.format(Locale.ROOT, "%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                            ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
                }
                if (b.length == 4) return network(java.net.InetAddress.getByAddress(b).getHostAddress());
            } catch (java.net.UnknownHostException e) {
                return a;
            }
        }
        return a;
    }
}
