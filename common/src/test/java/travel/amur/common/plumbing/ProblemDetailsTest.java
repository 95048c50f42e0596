package travel.amur.common.plumbing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlumbingTest
@AutoConfigureWebTestClient(timeout = "PT20S")
class ProblemDetailsTest {

    @Autowired WebTestClient web;

    @Test
    void malformed_json_is_a_400_problem_not_a_500() {
        post("{\"item\": \"tea\", ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://amur.travel/problems/invalid-request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("JSON"));
    }

    @Test
    void a_wrong_type_names_the_field() {
        post("{\"item\": \"tea\", \"quantity\": \"many\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("quantity");
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
        post("{\"item\": \"tea\", \"quantity\": 1, \"size\": \"HUGE\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("HUGE").contains("SMALL").contains("LARGE"));
    }

    @Test
    void a_malformed_date_names_the_field() {
        post("{\"item\": \"tea\", \"quantity\": 1, \"date\": \"2026-13-45\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("date");
    }

    @Test
    void a_number_is_not_read_as_a_date_nor_a_string_as_a_number_nor_a_number_as_an_enum() {
        post("{\"item\": \"tea\", \"quantity\": 1, \"date\": 12}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("date")
                .jsonPath("$.errors[0].message").isEqualTo("must be a date (YYYY-MM-DD), not 12");
        post("{\"item\": \"tea\", \"quantity\": \"2\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("quantity")
                .jsonPath("$.errors[0].message").isEqualTo("must be a whole number");
        post("{\"item\": 7, \"quantity\": 1}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("item");
        post("{\"item\": \"tea\", \"quantity\": 1, \"size\": 0}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        post("{\"item\": \"tea\", \"quantity\": 1.5}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
    }

    @Test
    void messages_name_what_json_was_expected_never_a_java_type() {
        post("[\"tea\"]").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("the request body must be a JSON object");
        post("{\"item\": {\"name\": \"tea\"}, \"quantity\": 1}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("item")
                .jsonPath("$.errors[0].message").isEqualTo("must be a string");
    }

    @Test
    void errors_come_in_russian_or_chinese_by_accept_language_with_the_same_stable_codes() {
        String body = "{\"item\": \"tea\", \"quantity\": 1, \"date\": 12}";
        post(body, "ru").expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "ru")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://amur.travel/problems/invalid-request")
                .jsonPath("$.title").isEqualTo("Недопустимый запрос")
                .jsonPath("$.errors[0].field").isEqualTo("date")
                .jsonPath("$.errors[0].code").isEqualTo("wrong-value")
                .jsonPath("$.errors[0].message").isEqualTo("должно быть: дата (ГГГГ-ММ-ДД), а не 12")
                .jsonPath("$.detail").isEqualTo("date: должно быть: дата (ГГГГ-ММ-ДД), а не 12");
        post(body, "zh-CN,zh;q=0.9,en;q=0.5").expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh")
                .expectBody()
                .jsonPath("$.title").isEqualTo("请求无效")
                .jsonPath("$.errors[0].code").isEqualTo("wrong-value")
                .jsonPath("$.errors[0].message").isEqualTo("应为日期（YYYY-MM-DD），而不是 12");
        post(body, "de").expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[0].message").isEqualTo("must be a date (YYYY-MM-DD), not 12");
        post("{\"quantity\": 1, \"size\": \"HUGE\"}", "ru").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("wrong-value")
                .jsonPath("$.errors[0].message").isEqualTo("должно быть: одно из [SMALL, LARGE], а не \"HUGE\"");
    }

    @Test
    void validation_errors_list_every_offending_field() {
        post("{\"item\": \"\", \"quantity\": 12}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'item')]").exists()
                .jsonPath("$.errors[?(@.field == 'quantity')]").exists();
    }

    @Test
    void a_missing_header_names_it() {
        web.post().uri("/test/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("X-Agency-Id");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        web.get().uri("/no/such/thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    private WebTestClient.ResponseSpec post(String body) {
        return post(body, "en");
    }

    private WebTestClient.ResponseSpec post(String body, String acceptLanguage) {
        return web.post().uri("/test/orders")
                .header("X-Agency-Id", "agency-a").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }
}
