package travel.amur.common.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A response as first sent for an {@code Idempotency-Key}, replayed as it was for every retry. */
public record StoredResponse(int status, String contentType, String body, String location, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public ResponseEntity<String> toResponseEntity() {
        var response = ResponseEntity.status(status).contentType(MediaType.parseMediaType(contentType));
        if (location != null) {
            response.header("Location", location);
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(body);
    }
}
