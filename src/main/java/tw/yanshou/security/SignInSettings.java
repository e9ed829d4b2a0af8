package tw.yanshou.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed sign-ins ({@code yanshou.sign-in.*}), for each account and each client address alike: the first
 * {@code freeFailures} cost nothing; each further one makes the next attempt wait {@code firstDelay}, doubled every
 * time up to {@code maxDelay}; at {@code lockAfter} failures the account (or address) is locked for
 * {@code lockDuration}. Failures older than {@code forgetAfter} are forgotten; a successful sign-in forgets the
 * account's. An address gets more room than an account (many people may share one office's address).
 */
@ConfigurationProperties("yanshou.sign-in")
record SignInSettings(
        @DefaultValue("3") int accountFreeFailures,
        @DefaultValue("10") int accountLockAfter,
        @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("100") int addressLockAfter,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("1m") Duration maxDelay,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("1h") Duration forgetAfter) {

    /** The limits of one kind of key. */
    record Limits(int freeFailures, int lockAfter) { }

    Limits account() { return new Limits(accountFreeFailures, accountLockAfter); }

    Limits address() { return new Limits(addressFreeFailures, addressLockAfter); }
}
