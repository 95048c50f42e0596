package travel.amur.visa.policy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.visa.support.VisaServiceTest;

/** Operations change policies at run time; answers follow at once, and the audit trail keeps every change. */
@VisaServiceTest
class ChangingPoliciesTest {

    static final String RUSSIAN_FAMILY_IN_JANUARY = """
            {"nationality":"RU","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
             "entryDate":"2027-01-06","exitDate":"2027-01-09"}""";

    @Autowired WebTestClient web;

    @Test
    void extending_the_trial_with_one_call_changes_the_next_answer_and_is_audited() {
        eligible(RUSSIAN_FAMILY_IN_JANUARY, false);
        try {
            patch("CN-RU-VISA-FREE-TRIAL", "{\"entryTo\": \"2027-09-14\"}", "OPS")
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("ETag", "\"3\"")
                    .expectBody().jsonPath("$.entryTo").isEqualTo("2027-09-14");

            eligible(RUSSIAN_FAMILY_IN_JANUARY, true);
            web.get().uri("/api/visa/policies/CN-RU-VISA-FREE-TRIAL/revisions").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    // Version 2 added the duty to register (migration V3); operations' extension is version 3.
                    .jsonPath("$[1].changedBy").isEqualTo("migration:V3")
                    .jsonPath("$[2].version").isEqualTo(3)
                    .jsonPath("$[2].change").isEqualTo("UPDATED")
                    .jsonPath("$[2].changedBy").isEqualTo("ops-anna")
                    .jsonPath("$[2].before.entryTo").isEqualTo("2026-09-14")
                    .jsonPath("$[2].after.entryTo").isEqualTo("2027-09-14");
        } finally {
            patch("CN-RU-VISA-FREE-TRIAL", "{\"entryTo\": \"2026-09-14\"}", "OPS").expectStatus().isOk();
        }
        eligible(RUSSIAN_FAMILY_IN_JANUARY, false);
    }

    @Test
    void changing_a_policy_needs_the_ops_role() {
        patch("CN-RU-VISA-FREE-TRIAL", "{\"entryTo\": \"2030-01-01\"}", "AGENT")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/visa/policies/CN-RU-VISA-FREE-TRIAL").exchange()
                .expectBody().jsonPath("$.entryTo").isEqualTo("2026-09-14");
    }

    @Test
    void a_new_policy_applies_at_once_and_a_retired_one_no_longer_does() {
        String kazakhs = """
                {"nationality":"KZ","destination":"CN","passportType":"ORDINARY","purpose":"TOURISM",
                 "entryDate":"2027-02-01","exitDate":"2027-02-10"}""";
        eligible(kazakhs, false);

        web.put().uri("/api/visa/policies/CN-KZ-TEST").header("X-Roles", "OPS").header("X-User-Id", "ops-anna")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"title":"Test: 30 days for Kazakh citizens","kind":"VISA_FREE","nationalities":["KZ"],
                         "destinations":["CN"],"passportTypes":["ORDINARY"],"purposes":["TOURISM"],
                         "maxStayDays":30,"dayCounting":"FROM_DAY_AFTER_ENTRY","entryFrom":"2027-01-01",
                         "sources":["https://example.org/test-source"]}""")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        eligible(kazakhs, true);

        web.delete().uri("/api/visa/policies/CN-KZ-TEST").header("X-Roles", "OPS").header("X-User-Id", "ops-anna")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RETIRED");
        eligible(kazakhs, false);
        web.get().uri("/api/visa/policies/CN-KZ-TEST/revisions").exchange()
                .expectBody().jsonPath("$[1].change").isEqualTo("RETIRED");
    }

    @Test
    void a_change_based_on_a_stale_version_is_refused() {
        web.patch().uri("/api/visa/policies/RU-CN-VISA-FREE").header("X-Roles", "OPS").header("If-Match", "\"99\"")
                .contentType(MediaType.valueOf("application/merge-patch+json")).bodyValue("{\"notes\": \"x\"}")
                .exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void an_invalid_policy_is_a_400_naming_its_fields() {
        web.put().uri("/api/visa/policies/BAD-ONE").header("X-Roles", "OPS")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"title":"", "kind":"VISA_FREE","nationalities":["XX"],"destinations":["CN"],
                         "passportTypes":["ORDINARY"],"purposes":["TOURISM"],"maxStayDays":0,
                         "dayCounting":"CALENDAR_DAYS","entryFrom":"2027-01-01","entryTo":"2026-01-01","sources":[]}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'nationalities[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'maxStayDays')]").exists()
                .jsonPath("$.errors[?(@.field == 'entryTo')]").exists()
                .jsonPath("$.errors[?(@.field == 'sources')]").exists();
        patch("RU-CN-VISA-FREE", "{\"kind\": \"SOMETHING\"}", "OPS").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    @Test
    void policies_can_be_listed_for_a_nationality_destination_and_date() {
        web.get().uri("/api/visa/policies?nationality=CN&destination=RU&date=2026-03-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'RU-CN-VISA-FREE')]").exists()
                .jsonPath("$[?(@.id == 'RU-E-VISA')]").exists()
                .jsonPath("$[?(@.id == 'CN-RU-VISA-FREE-TRIAL')]").doesNotExist();
        web.get().uri("/api/visa/policies/NOPE").exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec patch(String id, String patch, String role) {
        return web.patch().uri("/api/visa/policies/{id}", id).header("X-Roles", role).header("X-User-Id", "ops-anna")
                .contentType(MediaType.valueOf("application/merge-patch+json")).bodyValue(patch).exchange();
    }

    private void eligible(String trip, boolean expected) {
        web.post().uri("/api/visa/eligibility").contentType(MediaType.APPLICATION_JSON).bodyValue(trip).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.eligible").isEqualTo(expected);
    }
}
