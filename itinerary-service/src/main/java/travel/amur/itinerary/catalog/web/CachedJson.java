package travel.amur.itinerary.catalog.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog answers with an ETag of their exact bytes: a client that sends it back in {@code If-None-Match} gets a
 * 304 with no body. The language is part of the bytes, so each language has its own tag.
 */
@Component
class CachedJson {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final JsonMapper json;

    CachedJson(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<byte[]> respond(Object body, String language, String ifNoneMatch) {
        byte[] bytes = json.writeValueAsBytes(body);
        String etag = "\"" + hash(bytes) + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CACHE);
        headers.set(HttpHeaders.CONTENT_LANGUAGE, language);
        headers.setVary(java.util.List.of(HttpHeaders.ACCEPT_LANGUAGE));
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(bytes, headers, HttpStatus.OK);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
