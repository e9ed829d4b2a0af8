package tw.yanshou.security;

import java.time.Instant;

/**
 * A user signed in with the right password from a device not seen at any of their earlier successful sign-ins
 * ({@link SignInDevices}): published for the notification module, which tells the user in the app and by e-mail.
 * {@code device} is the browser and system family ("Chrome / Linux"), {@code network} the address's network
 * ({@code 203.0.113.0/24}, an IPv6 address's /48); {@code vendorId} is the vendor's, null for staff.
 */
public record NewDeviceSignIn(String username, String vendorId, Instant at, String address, String network,
                              String userAgent, String device, String step) { }
