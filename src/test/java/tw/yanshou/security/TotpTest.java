package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The tests' TOTP against RFC 6238 Appendix B (8 digits; the seeds are the ASCII digits "1234567890" repeated). */
class TotpTest {
    static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512 = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void theRfcVectors(long time, String sha1, String sha256, String sha512) {
        long step = Math.floorDiv(time, 30);
        assertThat(Totp.code(SHA1, step, "HmacSHA1", 8)).isEqualTo(sha1);
        assertThat(Totp.code(SHA256, step, "HmacSHA256", 8)).isEqualTo(sha256);
        assertThat(Totp.code(SHA512, step, "HmacSHA512", 8)).isEqualTo(sha512);
    }

    @Test
    void base32AsRfc4648() {
        // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======"
        assertThat(new String(Totp.base32("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        // the RFC 6238 SHA-1 seed, as an authenticator app is given it
        assertThat(Totp.base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SHA1);
    }
}
