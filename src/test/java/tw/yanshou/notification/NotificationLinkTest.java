package tw.yanshou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Where a notice leads, the one rule the desk's and the portal's lists share. */
class NotificationLinkTest {

    private static Notification of(UUID contract, Notification.Kind kind) {
        return new Notification(UUID.randomUUID(), contract, Notification.USER, null, kind, null, null, Map.of(), Instant.EPOCH);
    }

    @Test
    void aContractsNoticeLeadsToThatContractOnTheSideThatShowsIt() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000107");
        assertThat(of(id, Notification.Kind.DECISION_APPROVED).link("/contracts/")).isEqualTo("/contracts/" + id);
        assertThat(of(id, Notification.Kind.DECISION_APPROVED).link("/portal/contracts/")).isEqualTo("/portal/contracts/" + id);
    }

    @Test
    void anAccountNoticeLeadsToTheSecondFactorsOrTheAccount() {
        assertThat(of(null, Notification.Kind.MFA_PASSKEY_ADDED).link("/contracts/")).isEqualTo("/account/mfa");
        assertThat(of(null, Notification.Kind.MFA_RECOVERY_CODE_USED).link("/portal/contracts/")).isEqualTo("/account/mfa");
        assertThat(of(null, Notification.Kind.NEW_DEVICE).link("/contracts/")).isEqualTo("/account");
    }
}
