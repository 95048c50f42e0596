package travel.amur.deploy.e2e;

import org.springframework.http.MediaType;
import travel.amur.common.testing.ApiContract;

/** Holds each answer the end-to-end tests receive through the gateway against the public API document. */
final class Contract {

    private Contract() {
    }

    static void check(String method, String path, int status, String contentType, byte[] body) {
        MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
        ApiContract.get().check(method, path, status, type, body);
    }
}
