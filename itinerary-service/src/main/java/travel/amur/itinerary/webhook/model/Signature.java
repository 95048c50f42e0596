package travel.amur.itinerary.webhook.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Amur-Signature} of a delivery: {@code t=<unix seconds>,v1=<lowercase hex HMAC-SHA256 over
 * "<t>.<raw body>" with the webhook's secret>}. The timestamp is signed too, so a receiver can refuse old replays.
 */
public final class Signature {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signature() {
    }

    /** A new webhook secret: 32 random bytes, hex, with a prefix that says what it is. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
