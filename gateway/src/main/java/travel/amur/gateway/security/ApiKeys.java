package travel.amur.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import travel.amur.gateway.GatewaySettings;

/** The agencies' API keys, known only by their SHA-256 hashes. */
@Component
public class ApiKeys {

    private final Map<String, GatewaySettings.ApiKey> byHash;

    ApiKeys(GatewaySettings settings) {
        this.byHash = settings.apiKeys().stream()
                .collect(Collectors.toUnmodifiableMap(key -> key.sha256().toLowerCase(), Function.identity()));
    }

    /** The key's holder, if the presented key is one of them. */
    public Optional<Caller> callerFor(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(sha256(presentedKey)))
                .map(key -> new Caller(key.agency(), "key:" + key.name(), key.roles(), "api-key"));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
