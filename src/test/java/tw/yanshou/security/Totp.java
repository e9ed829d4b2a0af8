package tw.yanshou.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP codes for tests, written from RFC 6238 (and RFC 4226's dynamic truncation) independently of the server's
 * code, checked against the RFC's own test vectors ({@code TotpTest}). {@link #next(String)} gives a code the server
 * has not yet seen for a key: the server takes each 30-second step once, accepting the step before and after too,
 * so a test that signs in again within a step uses the next one (and waits when it would run ahead by two).
 */
public final class Totp {
    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private Totp() { }

    /** RFC 6238 §4: T = floor(unix time / 30); HOTP(K, T) with HMAC-{algorithm}, {@code digits} digits. */
    public static String code(byte[] key, long step, String algorithm, int digits) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;   // RFC 4226 §5.3
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long step(Instant at) { return Math.floorDiv(at.getEpochSecond(), 30); }

    /** The code of an authenticator app (SHA-1, 6 digits) with the Base32 key shown at enrolment, at {@code at}. */
    public static String code(String base32, Instant at) { return code(base32(base32), step(at), "HmacSHA1", 6); }

    /** A code for the key that the server has not accepted yet (by this JVM's record of what it gave). */
    public static synchronized String next(String base32) {
        long now = step(Instant.now());
        long step = Math.max(now, LAST_STEP.getOrDefault(base32, Long.MIN_VALUE) + 1);
        if (step > now + 1) {
            // two codes given in this step already: wait until the next one begins
            long wait = (step - 1) * 30_000 - System.currentTimeMillis() + 200;
            try {
                Thread.sleep(Math.max(wait, 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(base32, step);
        return code(base32(base32), step, "HmacSHA1", 6);
    }

    /** RFC 4648 Base32 (upper case, padding optional). */
    public static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String s = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (char c : s.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) throw new IllegalArgumentException("not Base32: " + c);
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
