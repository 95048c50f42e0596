package travel.amur.itinerary.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.itinerary.support.Platform;

class CatalogApiTest {

    static WebTestClient catalog;

    @BeforeAll
    static void platform() {
        catalog = Platform.get().client(Platform.Service.ITINERARY);
    }

    @Test
    void attractions_speak_the_language_asked_for_with_english_as_the_fallback() {
        name("ru", "Ледяной и снежный мир Харбина");
        name("zh-CN,zh;q=0.9", "哈尔滨冰雪大世界");
        name("de-DE", "Harbin Ice and Snow World");
        name(null, "Harbin Ice and Snow World");
    }

    @Test
    void attractions_can_be_filtered_by_city_and_by_the_date_they_are_open() {
        catalog.get().uri("/api/catalog/attractions?city=Harbin&date=2027-07-15").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'st-sophia-cathedral')]").exists()
                .jsonPath("$[?(@.id == 'harbin-ice-and-snow-world')]").doesNotExist()
                .jsonPath("$[?(@.id == 'mohe-arctic-village')]").doesNotExist();
        catalog.get().uri("/api/catalog/attractions?city=Harbin&date=2027-01-07").exchange()
                .expectBody().jsonPath("$[?(@.id == 'harbin-ice-and-snow-world')].priceAdultCny").isEqualTo(328.0);
    }

    @Test
    void an_unchanged_answer_is_a_304_for_a_client_that_sends_its_etag() {
        String etag = catalog.get().uri("/api/catalog/packages").header(HttpHeaders.ACCEPT_LANGUAGE, "ru").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "ru")
                .expectBody().jsonPath("$[?(@.id == 'harbin-ice-festival-4d')].days").isEqualTo(4)
                .returnResult().getResponseHeaders().getETag();

        catalog.get().uri("/api/catalog/packages").header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
        String english = catalog.get().uri("/api/catalog/packages").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(english).isNotEqualTo(etag);
    }

    @Test
    void an_unknown_attraction_is_a_404_and_a_malformed_date_a_400() {
        catalog.get().uri("/api/catalog/attractions/no-such-place").exchange().expectStatus().isNotFound();
        catalog.get().uri("/api/catalog/attractions?date=07.01.2027").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
    }

    private void name(String language, String expected) {
        WebTestClient.RequestHeadersSpec<?> request = catalog.get().uri("/api/catalog/attractions/harbin-ice-and-snow-world");
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        request.exchange().expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo(expected);
    }
}
