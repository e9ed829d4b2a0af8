package tw.yanshou.security;

import java.util.Set;

/**
 * Who is acting: a user or API token's name, roles ({@code ADMIN}, {@code OFFICER}, {@code VENDOR}) and, for a
 * vendor, the vendor id whose contracts it may see.
 */
public record Actor(String name, Set<String> roles, String vendorId) implements java.io.Serializable {
    public static final String ADMIN = "ADMIN";
    public static final String OFFICER = "OFFICER";
    public static final String VENDOR = "VENDOR";
    /** The process engine acting on its own (timers, cascades). */
    public static final Actor ENGINE = new Actor("engine", Set.of(ADMIN), null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean is(String role) { return roles.contains(role); }

    /** Procurement staff: administrators and officers. */
    public boolean isStaff() { return is(ADMIN) || is(OFFICER); }

    /** Staff see every contract; a vendor only those of its own vendor id. */
    public boolean maySeeContractOf(String contractVendorId) {
        return isStaff() || (vendorId != null && vendorId.equals(contractVendorId));
    }
}
