package tw.yanshou.notification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.ContractSummary;
import tw.yanshou.contract.EventRecorded;
import tw.yanshou.document.DocumentView;
import tw.yanshou.document.DocumentsAttached;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.security.Actor;

/**
 * Turns the contract's events into notifications, in the transaction that records them (so that a notification
 * and its e-mail exist exactly when the change does): a tender (with its files) for staff; a result, a cure deadline, a new due
 * date for the vendor; a termination and a termination right for both; documents delivered by the other side.
 */
@Component
class NotificationListener {
    private final Notifications notifications;
    private final ContractService contracts;
    private final OfficeClock clock;

    NotificationListener(Notifications notifications, ContractService contracts, OfficeClock clock) {
        this.notifications = notifications;
        this.contracts = contracts;
        this.clock = clock;
    }

    @EventListener
    void on(EventRecorded recorded) {
        if (clock.isReplaying()) return;   // a replay re-announces what was already notified
        ContractSummary c = contracts.summary(recorded.contractId(), Actor.ENGINE);
        UUID id = c.id();
        UUID event = recorded.eventId();
        ContractEvent e = recorded.event();
        if (e instanceof ContractEvent.Tendered t) {
            notifications.notify(id, Notification.STAFF, null, Notification.Kind.TENDERED, event, t.date(),
                    detail(c, t.milestone(), t.items()));
        } else if (e instanceof ContractEvent.Accepted a) {
            notifications.notify(id, Notification.VENDOR, c.vendorId(), Notification.Kind.ACCEPTED, event, a.date(),
                    detail(c, a.milestone(), a.items()));
        } else if (e instanceof ContractEvent.InspectionFailed f) {
            notifications.notify(id, Notification.VENDOR, c.vendorId(), Notification.Kind.INSPECTION_FAILED, event,
                    f.cureBy(), detail(c, f.milestone(), failedItems(recorded, f)));
        } else if (e instanceof ContractEvent.DeliveryAcknowledged a) {
            String duty = recorded.contract().buyerDuty(a.duty()).map(d -> d.name() == null ? d.id() : d.id() + " " + d.name())
                    .orElse(a.duty());
            notifications.notify(id, Notification.STAFF, null, Notification.Kind.DELIVERY_ACKNOWLEDGED, event, a.date(),
                    detail(c, null, List.of(duty)));
        } else if (e instanceof ContractEvent.Extended x) {
            notifications.notify(id, Notification.VENDOR, c.vendorId(), Notification.Kind.DUE_DATE, event,
                    dueOn(c, x.milestone()), detail(c, x.milestone(), null));
        } else if (e instanceof ContractEvent.Terminated t) {
            notifications.notify(id, Notification.VENDOR, c.vendorId(), Notification.Kind.TERMINATED, event, t.date(),
                    detail(c, null, null));
            notifications.notify(id, Notification.STAFF, null, Notification.Kind.TERMINATED, event, t.date(),
                    detail(c, null, null));
        }
        if (!(recorded.event() instanceof ContractEvent.Terminated)) terminationRight(c, event);
    }

    /** The failed checklist items of the record (what to fix), or the event's items when it has no results. */
    private static List<String> failedItems(EventRecorded recorded, ContractEvent.InspectionFailed f) {
        if (f.record().results().isEmpty()) return f.items();
        List<String> failed = recorded.contract().milestone(f.milestone())
                .map(m -> tw.yanshou.calculus.Inspections.judge(m.checklist(), f.record().results()).failedItems())
                .orElse(List.of());
        return failed.isEmpty() ? f.items() : failed;
    }

    /**
     * The day the penalty reached the termination threshold, once per contract, for both sides. A statement that
     * cannot be computed leaves the notification out, never the event.
     */
    private void terminationRight(ContractSummary c, UUID event) {
        if (notifications.given(c.id(), Notification.Kind.TERMINATION_RIGHT)) return;
        Statement s;
        try {
            s = contracts.statement(c.id(), clock.clockDay(), Actor.ENGINE);
        } catch (tw.yanshou.calculus.InvalidContractException e) {
            return;
        }
        if (s.terminationRightOn() == null || s.terminatedOn() != null) return;
        notifications.notify(c.id(), Notification.VENDOR, c.vendorId(), Notification.Kind.TERMINATION_RIGHT, event,
                s.terminationRightOn(), detail(c, null, null));
        notifications.notify(c.id(), Notification.STAFF, null, Notification.Kind.TERMINATION_RIGHT, event,
                s.terminationRightOn(), detail(c, null, null));
    }

    private LocalDate dueOn(ContractSummary c, String milestone) {
        Statement s;
        try {
            s = contracts.statement(c.id(), clock.clockDay(), Actor.ENGINE);
        } catch (tw.yanshou.calculus.InvalidContractException e) {
            return null;
        }
        return s.milestones().stream().filter(m -> m.id().equals(milestone)).map(Statement.MilestoneStatus::dueOn)
                .findFirst().orElse(null);
    }

    @EventListener
    void on(DocumentsAttached attached) {
        // a vendor's files come with its tender, which the staff are told of already
        if (!attached.byStaff()) return;
        ContractSummary c = contracts.summary(attached.contractId(), Actor.ENGINE);
        Map<String, Object> detail = detail(c, null, attached.documents().stream().map(DocumentView::name).toList());
        notifications.notify(c.id(), Notification.VENDOR, c.vendorId(), Notification.Kind.DELIVERY, attached.eventId(),
                clock.clockDay(), detail);
    }

    private static Map<String, Object> detail(ContractSummary c, String milestone, List<String> items) {
        Map<String, Object> d = new HashMap<>();
        d.put("number", c.number());
        if (milestone != null) d.put("milestone", milestone);
        if (items != null && !items.isEmpty()) d.put("items", items);
        return d;
    }

    /** A user's second factors changed: the user is told (in the app; by e-mail where an address is configured). */
    @EventListener
    void on(tw.yanshou.security.MfaChanged changed) {
        Map<String, Object> detail = new java.util.HashMap<>();
        if (changed.by() != null && !changed.by().equals(changed.username())) detail.put("by", changed.by());
        if (changed.reason() != null) detail.put("reason", changed.reason());
        notifications.notifyUser(null, changed.username(), changed.vendorId(),
                Notification.Kind.valueOf("MFA_" + changed.change().name()), null, detail);
    }
}
