package tw.yanshou.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yanshou.notification.mail}: the sender's address, where staff notifications go, each vendor's address
 * (by vendor id), each user's own (by user name, for their account's security), how often the outbox is looked at and how failures are retried.
 */
@ConfigurationProperties("yanshou.notification.mail")
record MailSettings(String from, String staff, Map<String, String> vendors, Duration interval, Duration backoff,
                    Duration maxBackoff, int maxAttempts, Map<String, String> users) {
    MailSettings {
        if (users == null) users = Map.of();
        if (from == null || from.isBlank()) from = "yanshou@localhost";
        if (vendors == null) vendors = Map.of();
        if (interval == null) interval = Duration.ofSeconds(10);
        if (backoff == null) backoff = Duration.ofSeconds(30);
        if (maxBackoff == null) maxBackoff = Duration.ofHours(1);
        if (maxAttempts <= 0) maxAttempts = 20;
    }

    List<String> staffAddresses() { return split(staff); }

    /** A user's own addresses ({@code users.<username>}), for notifications about their account. */
    List<String> userAddresses(String username) { return username == null ? List.of() : split(users.get(username)); }

    List<String> vendorAddresses(String vendorId) { return vendorId == null ? List.of() : split(vendors.get(vendorId)); }

    private static List<String> split(String addresses) {
        if (addresses == null) return List.of();
        return Arrays.stream(addresses.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    /** The wait before attempt {@code attempts + 1}: backoff, doubled each time, at most maxBackoff. */
    Duration delayAfter(int attempts) {
        Duration d = backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
