package tw.yanshou.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the authenticator-app keys at rest: AES-256-GCM (the JDK's), a random 96-bit nonce per value, stored as
 * {@code v1:<base64 nonce+ciphertext+tag>}. The key is {@code yanshou.security.mfa.key} (base64, 32 bytes) or, when
 * that is not set, a key file made on first use (mode 0600) — one node's; a cluster sets the key.
 */
final class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    SecretBox(byte[] key) {
        if (key.length != 32) throw new IllegalStateException("the MFA key must be 32 bytes (base64 of 32 random bytes)");
        this.key = new SecretKeySpec(key, "AES");
    }

    static SecretBox of(MfaSettings settings) {
        if (settings.key() != null && !settings.key().isBlank())
            return new SecretBox(Base64.getDecoder().decode(settings.key().strip()));
        return new SecretBox(keyFile(settings.keyFile()));
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "mfa", ".key");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's permissions apply
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException another) {
                    Files.deleteIfExists(tmp);   // another process made it first: theirs counts
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the MFA key file " + file, e);
        }
    }

    String seal(byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD("yanshou-totp".getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(plain);
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(String sealed) {
        if (!sealed.startsWith("v1:")) throw new IllegalStateException("not a sealed value");
        byte[] all = Base64.getDecoder().decode(sealed.substring(3));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD("yanshou-totp".getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the MFA key does not open this secret (was yanshou.security.mfa.key changed?)", e);
        }
    }
}
