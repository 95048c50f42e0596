package travel.amur.common.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list as it goes over the wire: the items as the body, how many there are in all in
 * {@code X-Total-Count}, and the first, previous, next and last pages in {@code Link} (RFC 8288), relative to the
 * request, so they hold behind the gateway too.
 */
public record PageLinks(int page, int size, long total) {

    public static final String TOTAL_COUNT = "X-Total-Count";
    /** Largest page a list answers; a request for more is a 400 naming {@code size}. */
    public static final int MAX_SIZE = 100;

    public <T> ResponseEntity<List<T>> respond(ServerHttpRequest request, List<T> items) {
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, String.valueOf(total))
                .header(HttpHeaders.LINK, links(request))
                .body(items);
    }

    long lastPage() {
        return Math.max(0, (total + size - 1) / size - 1);
    }

    String links(ServerHttpRequest request) {
        List<String> links = new ArrayList<>();
        links.add(link(request, 0, "first"));
        if (page > 0) {
            links.add(link(request, Math.min(page - 1, lastPage()), "prev"));
        }
        if (page < lastPage()) {
            links.add(link(request, page + 1, "next"));
        }
        links.add(link(request, lastPage(), "last"));
        return String.join(", ", links);
    }

    private String link(ServerHttpRequest request, long target, String rel) {
        String uri = UriComponentsBuilder.fromPath(request.getPath().value())
                .query(request.getURI().getRawQuery())
                .replaceQueryParam("page", target)
                .replaceQueryParam("size", size)
                .build(true).toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
