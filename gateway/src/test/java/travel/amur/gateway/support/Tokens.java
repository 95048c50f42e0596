package travel.amur.gateway.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** An identity provider for tests: an RSA key pair, the public key as a PEM file, and signed tokens. */
public final class Tokens {

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();
    private static final Path PUBLIC_KEY = write(KEYS);

    private Tokens() {
    }

    public static String publicKeyLocation() {
        return "file:" + PUBLIC_KEY;
    }

    public static String forAgency(String agency, String user, List<String> roles, Instant expires) {
        return sign(KEYS, agency, user, roles, expires);
    }

    /** A token signed with a key the gateway does not trust. */
    public static String forged(String agency) {
        return sign(STRANGER, agency, "mallory", List.of("OPS"), Instant.now().plusSeconds(600));
    }

    private static String sign(KeyPair keys, String agency, String user, List<String> roles, Instant expires) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user).issuer("amur-test-idp")
                    .issueTime(new Date()).expirationTime(Date.from(expires)).claim("roles", roles);
            if (agency != null) {
                claims.claim("agency_id", agency);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyPair keys) {
        try {
            Path file = Files.createTempFile("amur-test-idp", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
