package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** NIST SP 800-63B passwords: length, the list of common ones, no composition rules; hashing that takes any length. */
class PasswordPolicyTest {

    @Test
    void shipsTheListOfThirtyThousandCommonPasswords() {
        // zxcvbn's "passwords" list has 30,000 entries; a few differ only in case, so at most 30,000 remain
        assertThat(PasswordPolicy.listSize()).isBetween(29_900, 30_000);
    }

    @ParameterizedTest
    @CsvSource({
            // 11 code points: one short of the minimum
            "abcdefghijk, tooShort",
            "short, tooShort",
            // in the list as it is (zxcvbn: qwertyuiop is its 22nd entry, 1qaz2wsx3edc among those of 12 and more)
            "1qaz2wsx3edc, common",
            "QwertyUiop123456, common",
            "password1234567, common",
            "!!dragon2024!!, common",
            // the example: one character repeated
            "aaaaaaaaaaaa, repetitive",
            "abcabcabcabc, repetitive",
            "123456789012, repetitive",
            "lkjihgfedcba, repetitive",
            "officer-lin-2024, username",
            "yanshou-2024-x, service",
    })
    void refuses(String password, String reason) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "officer-lin"))
                .isInstanceOfSatisfying(PasswordPolicy.Rejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.password." + reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "correct horse battery staple",
            "twelve chars",          // 12 characters, a space among them: no composition rules
            "驗收官的長長密碼十二個字元了",  // 14 CJK characters count as 14, not as their 42 UTF-8 bytes
            "officer-passphrase-1",
    })
    void acceptsWithoutCompositionRules(String password) {
        assertThatCode(() -> PasswordPolicy.check(password, "officer-lin")).doesNotThrowAnyException();
    }

    @Test
    void boundsTheLength() {
        assertThatCode(() -> PasswordPolicy.check("x".repeat(255) + "y", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(256) + "y", null))
                .isInstanceOfSatisfying(PasswordPolicy.Rejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.password.tooLong"));
    }

    @Test
    void hashesTheWholePasswordBeyondBcrypts72Bytes() {
        PasswordEncoder encoder = PasswordHashing.encoder();
        String seventyTwo = "p".repeat(72);
        String hash = encoder.encode(seventyTwo + "one");
        assertThat(hash).startsWith("{pbkdf2-sha256}").hasSizeLessThanOrEqualTo(255);
        assertThat(encoder.matches(seventyTwo + "one", hash)).isTrue();
        // bcrypt would have seen only the first 72 bytes and taken this one too
        assertThat(encoder.matches(seventyTwo + "two", hash)).isFalse();
    }

    @Test
    void keepsBcryptHashesVerifiableAndNeverFailsOnLongPasswords() {
        PasswordEncoder encoder = PasswordHashing.encoder();
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode("an older passphrase");
        assertThat(encoder.matches("an older passphrase", old)).isTrue();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
        // Spring's bcrypt throws on more than 72 bytes: here it is a plain mismatch
        assertThat(encoder.matches("p".repeat(200), old)).isFalse();
    }
}
