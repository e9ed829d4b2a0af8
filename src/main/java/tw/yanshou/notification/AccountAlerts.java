package tw.yanshou.notification;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.springframework.beans.factory.annotation.Value;
import tw.yanshou.security.NewDeviceSignIn;

/**
 * Tells a user of a sign-in to their account from a new device or network (the security module's
 * {@link NewDeviceSignIn}): a notification for that user alone, in the app and, where an address is known, by e-mail,
 * with the device, the address, its network and the time in the office's zone.
 */
@Component
class AccountAlerts {
    private final Notifications notifications;
    private final java.time.ZoneId zone;

    AccountAlerts(Notifications notifications, @Value("${yanshou.zone:Asia/Taipei}") String zone) {
        this.notifications = notifications;
        this.zone = java.time.ZoneId.of(zone);
    }

    @EventListener
    void on(NewDeviceSignIn signIn) {
        ZonedDateTime at = signIn.at().atZone(zone);
        notifications.notifyUser(null, signIn.username(), signIn.vendorId(), Notification.Kind.NEW_DEVICE, at.toLocalDate(),
                Map.of("device", signIn.device(), "address", signIn.address(), "network", signIn.network(),
                        "time", String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute()),
                        "step", signIn.step()));
    }
}
