package tw.yanshou.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is acting: a user or API token's name, roles ({@code ADMIN}, {@code OFFICER}, {@code INSPECTOR},
 * {@code SUPERVISOR}, {@code VENDOR}; a staff user may have several) and, for a vendor, the vendor id whose
 * contracts it may see. What each role may do is in docs/security.md (the role matrix); the URLs are guarded in
 * {@code SecurityConfiguration}, the event types in {@link #mayRecord}, the process's tasks by their candidate groups
 * ({@link #groups}).
 */
public record Actor(String name, Set<String> roles, String vendorId) implements java.io.Serializable {
    /** Administers users, tokens, the office calendar and the engine; acts as an officer too (see docs/security.md). */
    public static final String ADMIN = "ADMIN";
    /** Registers contracts, records events and decides; terminations wait for a supervisor's approval. */
    public static final String OFFICER = "OFFICER";
    /** Records inspection results against the checklist; reads contracts. */
    public static final String INSPECTOR = "INSPECTOR";
    /** Approves or rejects officers' decisions (four eyes); reads what staff read. */
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String VENDOR = "VENDOR";
    /** Every role, in the order pages list them. */
    public static final List<String> ROLES = List.of(ADMIN, OFFICER, INSPECTOR, SUPERVISOR, VENDOR);
    /** The roles of procurement staff. */
    public static final List<String> STAFF = List.of(ADMIN, OFFICER, INSPECTOR, SUPERVISOR);
    /** The roles that act as officers: register contracts, record events, void, decide. */
    public static final List<String> OFFICERS = List.of(ADMIN, OFFICER);

    /** The process engine's groups (candidate groups of user tasks; camunda-admin for the webapps). */
    public static final String GROUP_ADMINS = "camunda-admin";
    public static final String GROUP_OFFICERS = "officers";
    public static final String GROUP_INSPECTORS = "inspectors";
    public static final String GROUP_SUPERVISORS = "supervisors";

    /** The event types an inspector records: inspection results. */
    public static final Set<String> INSPECTION_EVENTS = Set.of("ACCEPTED", "INSPECTION_FAILED");
    /** The event types a vendor records: its tenders (notices, test reports) and acknowledgements of deliveries. */
    public static final Set<String> VENDOR_EVENTS = Set.of("TENDERED", "DELIVERY_ACKNOWLEDGED");
    /** What only the vendor itself records: the receipt of a buyer's delivery. */
    public static final Set<String> VENDOR_ONLY_EVENTS = Set.of("DELIVERY_ACKNOWLEDGED");

    /** The process engine acting on its own (timers, cascades). */
    public static final Actor ENGINE = new Actor("engine", Set.of(ADMIN), null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean is(String role) { return roles.contains(role); }

    /** Procurement staff: administrators, officers, inspectors and supervisors. */
    public boolean isStaff() { return STAFF.stream().anyMatch(this::is); }

    /** Acts as an officer: registers contracts, records any event, voids, decides (administrators too). */
    public boolean isOfficer() { return OFFICERS.stream().anyMatch(this::is); }

    /**
     * Whether this actor may record an event of {@code type} (the contract file's type): officers any (a termination
     * only as a proposal a supervisor approves), inspectors inspection results, vendors their tenders, supervisors none.
     */
    public boolean mayRecord(String type) {
        if (VENDOR_ONLY_EVENTS.contains(type)) return is(VENDOR);
        if (isOfficer()) return true;
        if (is(INSPECTOR) && INSPECTION_EVENTS.contains(type)) return true;
        return is(VENDOR) && VENDOR_EVENTS.contains(type);
    }

    /** The process engine's groups of this actor's roles (a user task's candidate groups say who acts on it). */
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        if (is(ADMIN)) {
            groups.add(GROUP_ADMINS);
            groups.add(GROUP_OFFICERS);
        }
        if (is(OFFICER)) groups.add(GROUP_OFFICERS);
        if (is(INSPECTOR)) groups.add(GROUP_INSPECTORS);
        if (is(SUPERVISOR)) groups.add(GROUP_SUPERVISORS);
        return groups;
    }

    /** Staff see every contract; a vendor only those of its own vendor id. */
    public boolean maySeeContractOf(String contractVendorId) {
        return isStaff() || (vendorId != null && vendorId.equals(contractVendorId));
    }
}
