package travel.amur.common.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The contract check itself: what it lets through and what it catches. */
class ApiContractTest {

    static final String HOLD = """
            {"holdId":"15003eba-7fc5-49dc-a85b-828e421e5619","status":"HELD",
             "flightId":"7a5f2503-98e3-38e5-8751-23109f07f394","flightNumber":"HZ4698","cabin":"ECONOMY","seats":2,
             "passengerNames":["Ivan Petrov","Anna Petrova"],"total":{"amount":50000.0,"currency":"RUB"},
             "createdAt":"2027-01-04T00:00:00Z","expiresAt":"2027-01-04T00:15:00Z","bookingId":null,"reason":null}""";

    final ApiContract contract = ApiContract.get();

    @Test
    void a_response_as_documented_passes() {
        assertThatCode(() -> check("GET", "/api/flights/holds/15003eba-7fc5-49dc-a85b-828e421e5619", 200,
                MediaType.APPLICATION_JSON, HOLD)).doesNotThrowAnyException();
    }

    @Test
    void a_field_the_document_does_not_name_is_a_violation() {
        assertThatThrownBy(() -> check("GET", "/api/flights/holds/15003eba-7fc5-49dc-a85b-828e421e5619", 200,
                MediaType.APPLICATION_JSON, HOLD.replace("\"reason\":null", "\"reason\":null,\"agencyId\":\"x\"")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("agencyId");
    }

    @Test
    void a_null_where_the_document_does_not_allow_one_is_a_violation() {
        assertThatThrownBy(() -> check("GET", "/api/flights/holds/15003eba-7fc5-49dc-a85b-828e421e5619", 200,
                MediaType.APPLICATION_JSON, HOLD.replace("\"flightNumber\":\"HZ4698\"", "\"flightNumber\":null")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("flightNumber");
    }

    @Test
    void an_undocumented_status_media_type_or_path_is_a_violation() {
        assertThatThrownBy(() -> check("GET", "/api/flights/routes", 418, MediaType.APPLICATION_JSON, "[]"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not document 418");
        assertThatThrownBy(() -> check("GET", "/api/flights/routes", 200, MediaType.TEXT_PLAIN, "[]"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("text/plain");
        assertThatThrownBy(() -> check("GET", "/api/flights/nowhere/at/all", 200, MediaType.APPLICATION_JSON, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no path");
    }

    @Test
    void a_literal_path_is_matched_before_a_template() {
        assertThatThrownBy(() -> check("GET", "/api/flights/search", 200, MediaType.APPLICATION_JSON, HOLD))
                .isInstanceOf(AssertionError.class).hasMessageContaining("~1api~1flights~1search/get")
                .hasMessageContaining("required property 'offers' not found");
    }

    @Test
    void problems_are_checked_against_the_shared_problem_schema() {
        assertThatCode(() -> check("GET", "/api/flights/search", 400, MediaType.APPLICATION_PROBLEM_JSON, """
                {"type":"https://amur.travel/problems/invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"destination","code":"required","message":"is required"}]}"""))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("GET", "/api/flights/search", 400, MediaType.APPLICATION_PROBLEM_JSON, """
                {"type":"https://amur.travel/problems/invalid-request","title":"Invalid request","status":400,
                 "errors":[{"name":"destination"}]}""")).isInstanceOf(AssertionError.class);
    }

    private void check(String method, String path, int status, MediaType type, String body) {
        contract.check(method, path, status, type, body.getBytes(StandardCharsets.UTF_8));
    }
}
